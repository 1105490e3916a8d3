import OrgAnalysis
import OrgModel

/// The report of `orgscope compare OLD NEW`: text, Markdown and HTML render ``blocks(_:language:)``
/// (`Proposal/ComparisonReporter+Blocks.swift`); JSON, and CSV (one row per unit change, with ids), are written here.
public enum ComparisonReporter {
    /// The report in `format`, with the time it was made when `timestamp` is given.
    public static func render(_ comparison: ChartComparison, language: Language, format: OutputFormat,
                              timestamp: String? = nil) -> String {
        func document(markdown: Bool) -> String {
            Timestamp.stamp(ReportBlockText.render(blocks(comparison, language: language), markdown: markdown, language: language),
                            timestamp, language)
        }
        return switch format {
        case .json: Timestamp.stamp(json(comparison, language), timestamp).serialized()
        case .csv: CSVReporter.table(unitRows(comparison, language))
        case .markdown: document(markdown: true)
        case .html:
            HTMLDocument.render(markdown: document(markdown: true), title: title(language), language: language)
        // The Word document is made by `report` (`word`); asked here, the same content as text.
        case .text, .docx: document(markdown: false)
        }
    }

    /// The change's kind and its details with ids, for JSON and CSV.
    static func describe(_ change: ChartComparison.UnitChange, _ language: Language) -> (kind: String, text: String) {
        switch change {
        case .renamed(let id, let from, let to): return (language.text(vi: "đổi tên", en: "renamed"), "\(id): \(from) → \(to)")
        case .moved(let id, let from, let to):
            return (language.text(vi: "chuyển", en: "moved"), "\(id): \(from?.rawValue ?? "–") → \(to?.rawValue ?? "–")")
        case .reidentified(let from, let to, let name):
            return (language.text(vi: "đổi mã", en: "new id"), "\(name): \(from) → \(to)")
        case .merged(let from, let into):
            return (language.text(vi: "hợp nhất", en: "merged"), from.map(\.rawValue).joined(separator: " + ") + " → \(into)")
        case .split(let id, let into):
            return (language.text(vi: "chia tách", en: "split"), "\(id) → " + into.map(\.rawValue).joined(separator: ", "))
        case .removed(let id, let name): return (language.text(vi: "giải thể", en: "removed"), "\(id) \(name)")
        case .added(let id, let name): return (language.text(vi: "thành lập", en: "added"), "\(id) \(name)")
        }
    }

    private static func unitRows(_ comparison: ChartComparison, _ language: Language) -> [[String]] {
        [[language.text(vi: "Thay đổi", en: "Change"), language.text(vi: "Nội dung", en: "Details")]]
            + comparison.units.map { change in let d = describe(change, language); return [d.kind, d.text] }
    }

    private static func json(_ comparison: ChartComparison, _ language: Language) -> JSONValue {
        let units: [JSONValue] = comparison.units.map { change in
            let d = describe(change, .en)
            return .object([("change", .string(d.kind)), ("details", .string(d.text))])
        }
        let duties: [JSONValue] = comparison.duties.map { move in
            .object([("duty", .string(move.duty.rawValue)), ("from", .string(move.from.rawValue)),
                     ("to", .string(move.to.rawValue)), ("matchedBy", .string(move.byID ? "id" : "text"))])
        }
        func findings(_ list: [Finding]) -> JSONValue {
            .array(list.map { .object([("code", .string($0.code)), ("units", .array($0.units.map { .string($0.rawValue) }))]
                                      + $0.apartMembers + [("message", .string($0.message.text(language)))]) })
        }
        let staffing: [JSONValue] = comparison.staffing.map { change in
            let unit: JSONValue = change.unit.map { .string($0.rawValue) } ?? .null
            return .object([("unit", unit), ("category", .string(change.category.rawValue)),
                            ("quotaBefore", .int(change.before.quota)), ("quotaAfter", .int(change.after.quota)),
                            ("actualBefore", .int(change.before.actual)), ("actualAfter", .int(change.after.actual))])
        }
        return .object([
            ("schemaVersion", .int(1)),
            ("old", .string(comparison.old.graph.chart.id)), ("new", .string(comparison.new.graph.chart.id)),
            ("units", .array(units)), ("dutiesMoved", .array(duties)),
            ("dutiesGone", .array(comparison.dutiesGone.map { .string($0.rawValue) })),
            ("mandatesCovered", .array(comparison.mandatesCovered.map { .string($0.rawValue) })),
            ("mandatesLost", .array(comparison.mandatesLost.map { .string($0.rawValue) })),
            ("staffing", .array(staffing)),
            ("findings", .object([("resolved", findings(comparison.resolved)), ("introduced", findings(comparison.introduced)),
                                  ("unchanged", .int(comparison.unchanged.count))])),
        ])
    }
}

extension ComparisonReporter {
    /// The report to write: one file per format, rendered when written.
    public static func report(_ comparison: ChartComparison, language: Language, timestamp: String? = nil,
                              profile: DocumentProfile = DocumentProfile()) -> OneFileReport {
        OneFileReport(render: { format in render(comparison, language: language, format: format, timestamp: timestamp) },
                      word: { () throws(ReportFile.Failure) in try word(comparison, language: language, timestamp: timestamp,
                                                                      profile: profile).bytes() })
    }

    /// The Word report of the comparison, laid out as every administrative document.
    static func word(_ comparison: ChartComparison, language: Language, timestamp: String?, profile: DocumentProfile) -> OfficialDocument {
        let old = comparison.old.graph.chart, new = comparison.new.graph.chart
        func date(_ chart: OrgChart) -> String { chart.asOf.map { OfficialWording.date($0).text(language) } ?? "…" }
        let subject = language.text(vi: "Kết quả so sánh tổ chức bộ máy của \(new.name) tại ngày \(date(old)) và ngày \(date(new))",
                                    en: "Comparison of the organisation of \(new.name) on \(date(old)) and \(date(new))")
        return OfficialDocument(blocks: blocks(comparison, language: language), subject: subject, profile: profile,
                                language: language, illustrative: old.illustrative || new.illustrative, timestamp: timestamp)
    }
}
