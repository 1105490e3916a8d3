import OrgAnalysis

/// The text of `orgscope rules` and `orgscope explain CODE`.
public enum RuleCatalogReporter {
    /// One block per rule: code, severity, title, legal basis.
    public static func catalog(language: Language) -> String {
        let labels = ReportLabels(language: language)
        var lines: [String] = []
        for rule in RuleCatalog.all {
            let description = rule.description
            lines.append("\(description.code)  \(labels.severity(description.defaultSeverity))  "
                + description.title.text(language))
            for citation in description.citations {
                lines.append("        " + citation.reference + (citation.unconfirmed ? unconfirmed(language) : ""))
            }
        }
        lines.append("")
        lines.append(language == .vi
            ? "\(RuleCatalog.all.count) quy tắc. Xem chi tiết: orgscope explain MÃ"
            : "\(RuleCatalog.all.count) rules. Details: orgscope explain CODE")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole description: rationale, legal basis, the parameters a rules file may set, examples.
    public static func explain(_ rule: any Rule.Type, language: Language) -> String {
        let description = rule.description
        let labels = ReportLabels(language: language)
        let vi = language == .vi
        var lines: [String] = []
        lines.append("\(description.code) (\(description.shortName)): \(description.title.text(language))")
        lines.append((vi ? "Mức độ mặc định: " : "Default severity: ") + labels.severity(description.defaultSeverity))
        lines.append("")
        lines.append(vi ? "Lý do" : "Rationale")
        lines.append(description.rationale.text(language))
        lines.append("")
        lines.append(vi ? "Căn cứ pháp lý" : "Legal basis")
        for citation in description.citations {
            lines.append("- " + citation.reference + (citation.unconfirmed ? unconfirmed(language) : ""))
            if let quote = citation.quote { lines.append("  \"\(quote)\"") }
        }
        lines.append(contentsOf: parameters(rule, language))
        for (offset, example) in description.examples.enumerated() {
            lines.append("")
            let verdict = example.triggers
                ? (vi ? "phát hiện tại " : "reports ") + example.expectedUnits.map(\.rawValue).joined(separator: ", ")
                : (vi ? "không phát hiện" : "no finding")
            lines.append((vi ? "Ví dụ \(offset + 1): " : "Example \(offset + 1): ")
                + example.note.text(language) + " (\(verdict))")
            lines.append(example.units)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The parameters the rule declares, with their default under the latest regime (category II/III).
    private static func parameters(_ rule: any Rule.Type, _ language: Language) -> [String] {
        guard !rule.parameters.isEmpty else { return [] }
        let vi = language == .vi
        let latest = NormContext(asOf: nil, category: nil)
        var lines = ["", vi ? "Tham số (đặt được trong tệp quy tắc)" : "Parameters (a rules file may set them)"]
        for parameter in rule.parameters {
            let setting = parameter.storedDefault(latest)
            let shown = SettingsReporter.value(setting.value, parameter.kind, language)
            let origin = SettingsReporter.origin(setting.source, language)
            lines.append("- \(parameter.qualifiedKey): " + parameter.documentation.text(language))
            lines.append("  " + (vi ? "mặc định (quy định mới nhất, tỉnh loại II/III): " : "default (latest regime, category II/III): ")
                + shown + " — " + origin)
        }
        return lines
    }

    private static func unconfirmed(_ language: Language) -> String {
        language == .vi ? " (chưa xác nhận được điều khoản)" : " (clause unconfirmed)"
    }
}
