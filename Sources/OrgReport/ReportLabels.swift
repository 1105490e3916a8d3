import OrgAnalysis

/// The fixed words of reports, in both languages (no mixed languages in one report).
struct ReportLabels {
    let language: Language

    func severity(_ severity: Severity) -> String {
        switch (severity, language) {
        case (.error, .vi): "lỗi"
        case (.warning, .vi): "cảnh báo"
        case (.info, .vi): "thông tin"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        }
    }

    func severityHeading(_ severity: Severity) -> String {
        switch (severity, language) {
        case (.error, .vi): "LỖI"
        case (.warning, .vi): "CẢNH BÁO"
        case (.info, .vi): "THÔNG TIN"
        case (.error, .en): "ERRORS"
        case (.warning, .en): "WARNINGS"
        case (.info, .en): "INFORMATION"
        }
    }

    var chart: String { language == .vi ? "Sơ đồ tổ chức" : "Org chart" }
    var asOf: String { language == .vi ? "ngày" : "as of" }
    var noDate: String { language == .vi ? "không ghi ngày" : "no date" }
    var units: String { language == .vi ? "đơn vị" : "units" }
    var duties: String { language == .vi ? "nhiệm vụ" : "duties" }
    var mandates: String { language == .vi ? "nhiệm vụ theo quy định" : "mandates" }
    var noFindings: String { language == .vi ? "Không có phát hiện nào." : "No findings." }
    var findings: String { language == .vi ? "phát hiện" : "findings" }
    var evidence: String { language == .vi ? "bằng chứng" : "evidence" }
    var total: String { language == .vi ? "Tổng cộng" : "Total" }
    var regime: String { language == .vi ? "Quy định áp dụng" : "Legal regime" }
    var provinceCategory: String { language == .vi ? "tỉnh loại" : "province category" }
    var assumed: String { language == .vi ? "giả định" : "assumed" }
}
