import OrgAnalysis
import OrgModel

/// The names of evidence figures in each report language, so that a Vietnamese report shows no English
/// key: the labels each rule declares with its evidence keys (``Rule/evidence``). JSON keeps the keys
/// themselves (they are the machine interface).
enum EvidenceNames {
    /// The name of `key` in `language` (the key itself when unknown).
    static func name(_ key: String, _ language: Language) -> String {
        RuleCatalog.evidenceLabels[key]?.text(language) ?? key
    }

    /// A value in `language`: yes/no for flags, decimal comma in Vietnamese.
    static func value(_ value: EvidenceValue, _ language: Language) -> String {
        switch value {
        case .bool(let flag): flag ? language.text(vi: "có", en: "yes") : language.text(vi: "không", en: "no")
        case .number(let number): language.localizedNumber(JSONValue.format(number))
        default: TextReporter.describe(value)
        }
    }

    /// `name = value` pairs, sorted by key, in `language`.
    static func list(_ evidence: [String: EvidenceValue], _ language: Language, separator: String) -> String {
        evidence.sorted { $0.key < $1.key }.map { "\(name($0.key, language)) = \(value($0.value, language))" }
            .joined(separator: separator)
    }
}
