import OrgAnalysis
import OrgModel

/// The effective settings, for `orgscope rules`: the legal regime, every parameter the engine and the
/// rules declare with where its value came from (the norm, the measured default, or a line of the rules
/// file), disabled rules, severities.
public enum SettingsReporter {
    /// The settings text.
    public static func render(configuration: AnalysisConfiguration, settings: RuleSettings, language: Language) -> String {
        let norms = settings.norms
        var lines: [String] = []
        lines.append(language.text(vi: "Quy định áp dụng: ", en: "Legal regime: ") + norms.regime.title.text(language))
        lines.append(language.text(vi: "  theo ngày: ", en: "  for the date: ") + (norms.asOf?.description
            ?? language.text(vi: "không có ngày (dùng quy định mới nhất)", en: "none (the latest regime)")))
        lines.append(language.text(vi: "  loại tỉnh: ", en: "  province category: ") + norms.provinceCategory.rawValue
            + (norms.categoryAssumed ? language.text(vi: " (giả định: sơ đồ không ghi provinceCategory)",
                                                     en: " (assumed: the chart gives no provinceCategory)") : ""))
        lines.append("")
        lines.append(language.text(vi: "Ngưỡng và nguồn gốc", en: "Thresholds and where they come from"))
        let rows = parameterRows(settings, language)
        let width = rows.map(\.setting.count).max() ?? 0
        for row in rows {
            lines.append("  \(row.owner.padding(6))  \(row.setting.padding(width))  \(row.origin)")
        }
        let disabled = configuration.disabled.sorted()
        if !disabled.isEmpty {
            lines.append("")
            lines.append(language.text(vi: "Quy tắc tắt: ", en: "Rules disabled: ") + disabled.map { rule in
                rule.rawValue + (configuration.origins["disabled.\(rule)"].map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        let severities = configuration.severities.sorted { $0.key < $1.key }
        if !severities.isEmpty {
            lines.append(language.text(vi: "Mức độ thay đổi: ", en: "Severities changed: ") + severities.map { rule, severity in
                "\(rule) = \(severity.rawValue)" + (configuration.origins["severity.\(rule)"].map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The settings a review ran under, as recorded in the findings register: the regime and its date, the
    /// province category, every parameter's value, disabled rules and changed severities (JSON, keys sorted).
    public static func json(configuration: AnalysisConfiguration, settings: RuleSettings) -> String {
        let all = RuleCatalog.parameterOwners.flatMap { _, parameters in parameters }
        let parameters = all.map { parameter in
            (parameter.qualifiedKey, settings.stored(parameter).value.map(JSONValue.number) ?? .null)
        }.sorted { $0.0 < $1.0 }
        return JSONValue.object([
            ("regime", .string(settings.norms.regime.rawValue)),
            ("asOf", settings.norms.asOf.map { .string($0.description) } ?? .null),
            ("provinceCategory", .string(settings.norms.provinceCategory.rawValue)),
            ("parameters", .object(parameters)),
            ("disabled", .array(configuration.disabled.sorted().map { .string($0.rawValue) })),
            ("severities", .object(configuration.severities.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .string($0.value.rawValue)) })),
        ]).serialized()
    }

    /// One row per declared parameter: the text engine's section first, then the rules' own, each in
    /// catalogue order.
    private static func parameterRows(_ settings: RuleSettings, _ language: Language)
        -> [(owner: String, setting: String, origin: String)] {
        let all = RuleCatalog.parameterOwners.flatMap { owner, parameters in parameters.map { (owner, $0) } }
        let ordered = all.filter { $0.1.section == .text } + all.filter { $0.1.section == .rule }
        return ordered.map { owner, parameter in
            let setting = settings.stored(parameter)
            return (owner?.rawValue ?? "*", "\(parameter.qualifiedKey) = \(value(setting.value, parameter.kind, language))",
                    origin(setting.source, language))
        }
    }

    /// A parameter's value as reports show it.
    static func value(_ stored: Double?, _ kind: ParameterKind, _ language: Language) -> String {
        guard let stored else { return language.text(vi: "không áp dụng", en: "not applicable") }
        return switch kind {
        case .flag: stored != 0 ? "true" : "false"
        case .integer: String(Int(stored))
        case .number: JSONValue.format(stored)
        }
    }

    /// Where a value came from, as reports show it.
    static func origin(_ source: SettingOrigin, _ language: Language) -> String {
        switch source {
        case .law(let citation, let unconfirmed):
            citation + (unconfirmed ? language.text(vi: " (điều khoản chưa xác nhận)", en: " (clause unconfirmed)") : "")
        case .note(let note): note.text(language)
        case .rulesFile(let line): language.text(vi: "tệp quy tắc ", en: "rules file ") + line
        case .option(let name): language.text(vi: "tùy chọn ", en: "option ") + name
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
