import OrgModel

/// Applies a rules file to a configuration, checking every key and value against the declarations of
/// the rule catalogue (``RuleCatalog/parameterOwners``): a parameter a rule declares is accepted here
/// with no change to this file.
///
/// ```yaml
/// disabled: [GAP003]            # rules switched off
/// text:                         # the text engine
///   overlap_threshold: 0.6
///   inference_threshold: 0.3
///   conflict_threshold: 0.5
///   merge_ratio: 0.7
///   infer_mandates: true
/// rules:
///   OVL002: { severity: error }
///   STF003: { minimum_division: 6 }
/// ```
public enum RulesFileSettings {
    /// The keys under `text:`.
    public static var textKeys: [String] { RuleCatalog.parameters.filter { $0.section == .text }.map(\.key) }

    /// Applies `file` to `configuration`; returns every problem (unknown keys and codes, bad values), each
    /// at its line. The configuration is changed only when there is none.
    public static func apply(_ file: RulesFile, to configuration: inout AnalysisConfiguration) -> [Diagnostic] {
        var result = configuration
        var problems: [Diagnostic] = []
        for entry in file.entries {
            let origin = "\(entry.location.file):\(entry.location.line)"
            if let message = apply(entry, origin: origin, to: &result) {
                problems.append(Diagnostic(.error, at: entry.location, message))
            }
        }
        if problems.isEmpty { configuration = result }
        return problems
    }

    /// Applies one entry; the problem, if any.
    private static func apply(_ entry: RulesFile.Entry, origin: String,
                              to configuration: inout AnalysisConfiguration) -> String? {
        switch entry.path.first {
        case "disabled":
            guard entry.path.count == 1 else { return "disabled: takes a list of rule codes" }
            guard let rule = RuleCatalog.rule(code: entry.value) else { return unknownCode(entry.value) }
            configuration.disabled.insert(rule.id)
            configuration.origins["disabled.\(rule.id)"] = origin
        case "text":
            guard entry.path.count == 2 else { return "text: takes keys such as overlap_threshold: 0.6" }
            let key = entry.path[1]
            guard let parameter = RuleCatalog.parameters.first(where: { $0.section == .text && $0.key == key }) else {
                return "unknown key '\(key)' under text: (known: \(textKeys.joined(separator: ", ")))"
            }
            return set(parameter, entry.value, origin: origin, in: &configuration)
        case "rules":
            guard entry.path.count == 3 else {
                return "rules: takes a rule code, then its settings, e.g. STF003: { minimum_division: 6 }"
            }
            guard let rule = RuleCatalog.rule(code: entry.path[1]) else { return unknownCode(entry.path[1]) }
            return applyRule(rule, key: entry.path[2], value: entry.value, origin: origin, to: &configuration)
        default:
            return "unknown key '\(entry.path.first ?? "")': a rules file has disabled:, text: and rules:"
        }
        return nil
    }

    private static func unknownCode(_ code: String) -> String {
        let codes = RuleCatalog.all.map { $0.code }.sorted()
        return "no rule has the code '\(code)' (known: \(codes.joined(separator: ", ")))"
    }

    private static func applyRule(_ rule: any Rule.Type, key: String, value: String, origin: String,
                                  to configuration: inout AnalysisConfiguration) -> String? {
        switch key {
        case "severity":
            guard let severity = Severity(rawValue: value.lowercased()) else {
                return "severity takes error, warning or info, not '\(value)'"
            }
            configuration.severities[rule.id] = severity
            configuration.origins["severity.\(rule.id)"] = origin
        case "enabled":
            guard let enabled = flag(value) else { return "enabled takes true or false, not '\(value)'" }
            if enabled { configuration.disabled.remove(rule.id) } else { configuration.disabled.insert(rule.id) }
            configuration.origins["disabled.\(rule.id)"] = origin
        default:
            let parameters = rule.parameters.filter { $0.section == .rule }
            guard let parameter = parameters.first(where: { $0.key == key }) else {
                let known = (["severity", "enabled"] + parameters.map(\.key)).joined(separator: ", ")
                return "unknown setting '\(key)' for \(rule.code) (known: \(known))"
            }
            return set(parameter, value, origin: origin, in: &configuration)
        }
        return nil
    }

    /// Checks `value` against the parameter's declaration and records it; the problem, if any.
    private static func set(_ parameter: any AnyRuleParameter, _ value: String, origin: String,
                            in configuration: inout AnalysisConfiguration) -> String? {
        guard let stored = parse(value, as: parameter) else {
            let range = parameter.range
            return switch parameter.kind {
            case .flag: "\(parameter.key) takes true or false, not '\(value)'"
            case .integer: "\(parameter.key) takes a whole number from \(Int(range.lowerBound)) to "
                + "\(Int(range.upperBound)), not '\(value)'"
            case .number: "\(parameter.key) takes a number from \(Int(range.lowerBound)) to "
                + "\(Int(range.upperBound)), not '\(value)'"
            }
        }
        configuration.overrides[parameter.key] = SettingOverride(stored, .rulesFile(origin))
        return nil
    }

    /// The value in its stored form, or nil when the declaration does not allow it.
    static func parse(_ value: String, as parameter: any AnyRuleParameter) -> Double? {
        if parameter.kind == .flag { return flag(value).map { $0 ? 1 : 0 } }
        guard let number = Double(value), number.isFinite, parameter.range.contains(number) else { return nil }
        if parameter.kind == .integer, number.rounded() != number { return nil }
        return number
    }

    private static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }
}
