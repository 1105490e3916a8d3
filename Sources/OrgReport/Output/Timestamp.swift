import OrgAnalysis
import OrgModel

/// `--timestamp` for the reports built as one document (comparison, proposal): the time goes on the line
/// after the title, or as `generatedAt` after `schemaVersion` in JSON. Without it reports are
/// byte-identical from run to run.
enum Timestamp {
    /// `document` with a "generated" line after its title line.
    static func stamp(_ document: String, _ timestamp: String?, _ language: Language) -> String {
        guard let timestamp, let end = document.firstIndex(of: "\n") else { return document }
        let line = language.text(vi: "Tạo lúc: ", en: "Generated: ") + timestamp
        return document[..<end] + "\n" + line + document[end...]
    }

    /// `value` (an object) with `generatedAt` after its first member.
    static func stamp(_ value: JSONValue, _ timestamp: String?) -> JSONValue {
        guard let timestamp, case .object(var members) = value else { return value }
        members.insert(("generatedAt", .string(timestamp)), at: min(1, members.count))
        return .object(members)
    }
}
