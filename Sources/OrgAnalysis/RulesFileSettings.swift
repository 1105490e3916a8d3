import OrgModel

/// Applies a rules file to a configuration, checking every key and value against the rule catalogue.
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
    /// The text-engine keys.
    public static let textKeys = ["overlap_threshold", "inference_threshold", "conflict_threshold", "merge_ratio",
                                  "merge_minimum_shared", "infer_mandates"]

    /// Applies `file` to `configuration`; returns every problem (unknown keys and codes, bad values), each
    /// at its line. The configuration is changed only when there is none.
    public static func apply(_ file: RulesFile, to configuration: inout AnalysisConfiguration) -> [Diagnostic] {
        var result = configuration
        var problems: [Diagnostic] = []
        let codes = Set(RuleCatalog.all.map { $0.description.code })
        for entry in file.entries {
            let origin = "\(entry.location.file):\(entry.location.line)"
            func fail(_ message: String) { problems.append(Diagnostic(.error, at: entry.location, message)) }
            switch entry.path.first {
            case "disabled":
                guard entry.path.count == 1 else { fail("disabled: takes a list of rule codes"); continue }
                let code = entry.value.uppercased()
                guard codes.contains(code) else { fail(unknownCode(entry.value, codes)); continue }
                result.disabled.insert(code)
                result.origins["disabled.\(code)"] = origin
            case "text":
                guard entry.path.count == 2 else { fail("text: takes keys such as overlap_threshold: 0.6"); continue }
                if let message = applyText(key: entry.path[1], value: entry.value, to: &result.text) {
                    fail(message)
                } else {
                    result.origins["text.\(entry.path[1])"] = origin
                }
            case "rules":
                guard entry.path.count == 3 else { fail("rules: takes a rule code, then its settings, e.g. STF003: "
                    + "{ minimum_division: 6 }"); continue }
                let code = entry.path[1].uppercased()
                guard codes.contains(code) else { fail(unknownCode(entry.path[1], codes)); continue }
                if let message = applyRule(code: code, key: entry.path[2], value: entry.value, origin: origin,
                                           to: &result) { fail(message) }
            default:
                fail("unknown key '\(entry.path.first ?? "")': a rules file has disabled:, text: and rules:")
            }
        }
        if problems.isEmpty { configuration = result }
        return problems
    }

    private static func unknownCode(_ code: String, _ codes: Set<String>) -> String {
        "no rule has the code '\(code)' (known: \(codes.sorted().joined(separator: ", ")))"
    }

    private static func number(_ value: String, in range: ClosedRange<Double>, integer: Bool = false) -> Double? {
        guard let number = Double(value), number.isFinite, range.contains(number) else { return nil }
        if integer, number.rounded() != number { return nil }
        return number
    }

    private static func applyText(key: String, value: String, to text: inout TextSettings) -> String? {
        if key == "infer_mandates" {
            switch value.lowercased() {
            case "true", "yes", "on": text.inferMandates = true
            case "false", "no", "off": text.inferMandates = false
            default: return "infer_mandates takes true or false, not '\(value)'"
            }
            return nil
        }
        if key == "merge_minimum_shared" {
            guard let number = number(value, in: 1...1000, integer: true) else {
                return "merge_minimum_shared takes a whole number from 1, not '\(value)'"
            }
            text.mergeMinimumShared = Int(number)
            return nil
        }
        guard let number = number(value, in: 0...1) else {
            return textKeys.contains(key) ? "\(key) takes a number from 0 to 1, not '\(value)'"
                : "unknown key '\(key)' under text: (known: \(textKeys.joined(separator: ", ")))"
        }
        switch key {
        case "overlap_threshold": text.overlapThreshold = number
        case "inference_threshold": text.inferenceThreshold = number
        case "conflict_threshold": text.conflictThreshold = number
        case "merge_ratio": text.mergeRatio = number
        default: return "unknown key '\(key)' under text: (known: \(textKeys.joined(separator: ", ")))"
        }
        return nil
    }

    private static func applyRule(code: String, key: String, value: String, origin: String,
                                  to configuration: inout AnalysisConfiguration) -> String? {
        switch key {
        case "severity":
            guard let severity = Severity(rawValue: value.lowercased()) else {
                return "severity takes error, warning or info, not '\(value)'"
            }
            configuration.severities[code] = severity
            configuration.origins["severity.\(code)"] = origin
        case "enabled":
            switch value.lowercased() {
            case "true", "yes", "on": configuration.disabled.remove(code)
            case "false", "no", "off": configuration.disabled.insert(code)
            default: return "enabled takes true or false, not '\(value)'"
            }
            configuration.origins["disabled.\(code)"] = origin
        default:
            let parameters = NormParameter.allCases.filter { $0.code == code }
            guard let parameter = parameters.first(where: { $0.rawValue == key }) else {
                let known = (["severity", "enabled"] + parameters.map(\.rawValue)).joined(separator: ", ")
                return "unknown setting '\(key)' for \(code) (known: \(known))"
            }
            guard let number = number(value, in: parameter.range, integer: parameter.isInteger) else {
                return "\(key) takes a \(parameter.isInteger ? "whole number" : "number") from "
                    + "\(Int(parameter.range.lowerBound)) to \(Int(parameter.range.upperBound)), not '\(value)'"
            }
            configuration.normOverrides.append(NormOverride(parameter: parameter, value: number, origin: origin))
        }
        return nil
    }
}
