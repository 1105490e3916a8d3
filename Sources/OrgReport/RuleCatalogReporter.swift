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
                lines.append("        " + citation.text(language))
            }
        }
        lines.append("")
        lines.append(language.text(vi: "Rà soát đề án (orgscope propose):", en: "Proposal review (orgscope propose):"))
        for description in RuleCatalog.reviewRules {
            lines.append("\(description.code)  \(labels.severity(description.defaultSeverity))  "
                + description.title.text(language))
            for citation in description.citations { lines.append("        " + citation.text(language)) }
        }
        lines.append("")
        let count = RuleCatalog.all.count + RuleCatalog.reviewRules.count
        lines.append(language.text(vi: "\(count) quy tắc. Xem chi tiết: orgscope explain MÃ",
                                   en: "\(count) rules. Details: orgscope explain CODE"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The whole description: rationale, legal basis, the parameters a rules file may set, examples.
    public static func explain(_ rule: any Rule.Type, language: Language) -> String {
        explain(rule.description, parameters: remedy(rule.remedy, language) + parameters(rule, language), language: language)
    }

    /// What the Word report recommends for each finding of the rule.
    private static func remedy(_ remedy: Remedy, _ language: Language) -> [String] {
        let lead = switch remedy.lead {
        case .department:
            language.text(vi: "sở quản lý các đơn vị liên quan (Sở Nội vụ khi liên quan nhiều sở)",
                          en: "the department of the units concerned (Home Affairs when several departments are)")
        case .homeAffairs:
            language.text(vi: "Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh", en: "Home Affairs, advising the provincial People's Committee")
        }
        return ["", language.text(vi: "Kiến nghị (báo cáo Word)", en: "Recommendation (Word report)"),
                language.text(vi: "- Chủ trì: ", en: "- Led by: ") + lead,
                language.text(vi: "- Nội dung: ", en: "- Action: ") + remedy.action.text(language),
                remedy.amendsDecision ? language.text(vi: "- Sửa đổi quyết định quy định chức năng, nhiệm vụ của đơn vị",
                                                      en: "- Amends the decision that defines the unit") : nil].compactMap { $0 }
    }

    /// A description in full, with the lines of its parameters (none for a proposal review finding).
    public static func explain(_ description: RuleDescription, parameters: [String] = [], language: Language) -> String {
        let labels = ReportLabels(language: language)
        var lines: [String] = []
        lines.append("\(description.code) (\(description.shortName)): \(description.title.text(language))")
        lines.append(language.text(vi: "Mức độ mặc định: ", en: "Default severity: ")
            + labels.severity(description.defaultSeverity))
        lines.append("")
        lines.append(language.text(vi: "Lý do", en: "Rationale"))
        lines.append(description.rationale.text(language))
        lines.append("")
        lines.append(language.text(vi: "Căn cứ pháp lý", en: "Legal basis"))
        for citation in description.citations {
            lines.append("- " + citation.text(language))
            if let quote = citation.quote { lines.append("  \"\(quote)\"") }
        }
        lines.append(contentsOf: parameters)
        for (offset, example) in description.examples.enumerated() {
            lines.append("")
            let verdict = example.triggers
                ? language.text(vi: "phát hiện tại ", en: "reports ")
                    + example.expectedUnits.map(\.rawValue).joined(separator: ", ")
                : language.text(vi: "không phát hiện", en: "no finding")
            lines.append(language.text(vi: "Ví dụ \(offset + 1): ", en: "Example \(offset + 1): ")
                + example.note.text(language) + " (\(verdict))")
            lines.append(example.units)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The parameters the rule declares, with their default under the latest regime (category II/III).
    private static func parameters(_ rule: any Rule.Type, _ language: Language) -> [String] {
        guard !rule.parameters.isEmpty else { return [] }
        let latest = NormContext(asOf: nil, category: nil)
        var lines = ["", language.text(vi: "Tham số (đặt được trong tệp quy tắc)", en: "Parameters (a rules file may set them)")]
        for parameter in rule.parameters {
            let setting = parameter.storedDefault(latest)
            let shown = SettingsReporter.value(setting.value, parameter.kind, language)
            let origin = SettingsReporter.origin(setting.source, language)
            lines.append("- \(parameter.qualifiedKey): " + parameter.documentation.text(language))
            lines.append("  " + language.text(vi: "mặc định (quy định mới nhất, tỉnh loại II/III): ",
                                              en: "default (latest regime, category II/III): ")
                + shown + " — " + origin)
        }
        return lines
    }
}
