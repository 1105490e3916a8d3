import OrgAnalysis

/// The fixed words of reports, in both languages (no mixed languages in one report).
struct ReportLabels {
    let language: Language

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: language.text(vi: "lỗi", en: "error")
        case .warning: language.text(vi: "cảnh báo", en: "warning")
        case .info: language.text(vi: "thông tin", en: "info")
        }
    }

    func severityHeading(_ severity: Severity) -> String {
        switch severity {
        case .error: language.text(vi: "LỖI", en: "ERRORS")
        case .warning: language.text(vi: "CẢNH BÁO", en: "WARNINGS")
        case .info: language.text(vi: "THÔNG TIN", en: "INFORMATION")
        }
    }

    var chart: String { language.text(vi: "Sơ đồ tổ chức", en: "Org chart") }
    var asOf: String { language.text(vi: "ngày", en: "as of") }
    var noDate: String { language.text(vi: "không ghi ngày", en: "no date") }
    var units: String { language.text(vi: "đơn vị", en: "units") }
    var duties: String { language.text(vi: "nhiệm vụ", en: "duties") }
    var mandates: String { language.text(vi: "nhiệm vụ theo quy định", en: "mandates") }
    var noFindings: String { language.text(vi: "Không có phát hiện nào.", en: "No findings.") }
    var findings: String { language.text(vi: "phát hiện", en: "findings") }
    var evidence: String { language.text(vi: "bằng chứng", en: "evidence") }
    var total: String { language.text(vi: "Tổng cộng", en: "Total") }
    var regime: String { language.text(vi: "Quy định áp dụng", en: "Legal regime") }
    var provinceCategory: String { language.text(vi: "tỉnh loại", en: "province category") }
    var assumed: String { language.text(vi: "giả định", en: "assumed") }
}
