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

    /// ", and 4 to verify, 3 from a later regime, not counted" after the totals; empty when there are none.
    func setApart(toVerify: Int, upcoming: Int) -> String {
        var parts: [String] = []
        if toVerify > 0 { parts.append(language.text(vi: "\(toVerify) nội dung cần xác minh", en: "\(toVerify) to verify")) }
        if upcoming > 0 {
            parts.append(language.text(vi: "\(upcoming) nội dung từ khi quy định mới có hiệu lực",
                                       en: "\(upcoming) under the next regime"))
        }
        guard !parts.isEmpty else { return "" }
        return language.text(vi: " (chưa tính ", en: " (not counted: ") + parts.joined(separator: ", ") + ")"
    }

    /// The line every report of illustrative data carries on its first page.
    var illustrative: String {
        language.text(vi: "Số liệu minh họa: sơ đồ này không phải số liệu chính thức của địa phương.",
                      en: "Illustrative data: this chart is not the province's official data.")
    }

    /// The name of the 0–100 figure, which must not be read as the PAR Index.
    var indicator: String {
        language.text(vi: "Chỉ báo rà soát của orgscope (0–100, không phải Chỉ số cải cách hành chính)",
                      en: "orgscope review indicator (0–100; not the PAR Index)")
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
