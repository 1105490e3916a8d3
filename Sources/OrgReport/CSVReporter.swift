import OrgAnalysis
import OrgModel
import OrgRegister

/// CSV for Excel: UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens Vietnamese text
/// correctly; one row per finding, and a second table of staffing per unit and category.
public enum CSVReporter {
    /// One row per finding, in report order.
    public static func findings(_ input: ReportInput) -> String {
        let language = input.language
        let labels = ReportLabels(language: language)
        let header = [
            language.text(vi: "Mã", en: "Code"), language.text(vi: "Mức độ", en: "Severity"),
            language.text(vi: "Quy tắc", en: "Rule"), language.text(vi: "Đơn vị", en: "Units"),
            language.text(vi: "Nhiệm vụ", en: "Duties"), language.text(vi: "Nhiệm vụ theo quy định", en: "Mandate"),
            language.text(vi: "Nội dung", en: "Message"), language.text(vi: "Bằng chứng", en: "Evidence"),
            language.text(vi: "Căn cứ pháp lý", en: "Legal basis"), language.text(vi: "Vị trí", en: "Location"),
            language.text(vi: "Mức độ tin cậy", en: "Confidence"), language.text(vi: "Áp dụng từ ngày", en: "Effective from"),
        ]
        let register = input.history != nil
        var rows = [header + (register ? [language.text(vi: "Mã theo dõi", en: "Tracking code"),
                                          language.text(vi: "Sổ theo dõi", en: "Register")] : [])]
        for finding in input.result.findings {
            let description = RuleCatalog.rule(code: finding.code)?.description
            rows.append([
                finding.code, labels.severity(finding.severity), description?.title.text(input.language) ?? "",
                finding.units.map(\.rawValue).joined(separator: " "), finding.duties.map(\.rawValue).joined(separator: " "),
                finding.mandate?.rawValue ?? "", finding.message.text(input.language),
                EvidenceNames.list(finding.evidence, input.language, separator: "; "),
                description?.citations.map { $0.text(language) }.joined(separator: "; ") ?? "",
                finding.location?.description ?? "",
                finding.confidence == .confirmed ? language.text(vi: "đã xác định", en: "confirmed")
                    : language.text(vi: "cần xác minh", en: "to verify"),
                finding.effectiveFrom.map(language.date) ?? "",
            ] + (register ? [FindingFingerprint(finding).short, input.historyText(finding) ?? ""] : []))
        }
        return table(rows)
    }

    /// One row per unit and staff category: quota, in post, vacancies, use rate, deputies.
    public static func staffing(_ input: ReportInput) -> String {
        let language = input.language
        let header = [
            language.text(vi: "Mã đơn vị", en: "Unit id"), language.text(vi: "Tên đơn vị", en: "Unit name"),
            language.text(vi: "Loại đơn vị", en: "Kind"), language.text(vi: "Đơn vị cấp trên", en: "Parent"),
            language.text(vi: "Loại", en: "Category"), language.text(vi: "Được giao", en: "Quota"),
            language.text(vi: "Hiện có", en: "In post"), language.text(vi: "Còn trống", en: "Vacant"),
            language.text(vi: "Tỉ lệ sử dụng (%)", en: "Use rate (%)"), language.text(vi: "Cấp phó", en: "Deputies"),
            language.text(vi: "Đơn vị trực thuộc", en: "Direct sub-units"),
        ]
        let register = input.history != nil
        var rows = [header + (register ? [language.text(vi: "Mã theo dõi", en: "Tracking code"),
                                          language.text(vi: "Sổ theo dõi", en: "Register")] : [])]
        let graph = input.result.graph
        for row in input.result.staffing.units {
            guard let unit = graph.unit(row.unit) else { continue }
            for (category, figures) in row.categories {
                rows.append([
                    unit.id.rawValue, unit.name, SummaryReporter.kindName(unit.kind, input.language),
                    unit.parent?.rawValue ?? "", SummaryReporter.categoryName(category, input.language),
                    String(figures.quota), String(figures.actual), String(figures.vacancies),
                    figures.useRate.map { String(Int(($0 * 100).rounded())) } ?? "",
                    row.deputies.map(String.init) ?? "", String(row.directSubUnits),
                ])
            }
        }
        return table(rows)
    }

    /// RFC 4180 with a BOM and CRLF.
    static func table(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a comma, a quote or a line break; text (not a number) starting with
    /// =, +, - or @ is prefixed with an apostrophe so that Excel never runs text from a chart as a formula.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
