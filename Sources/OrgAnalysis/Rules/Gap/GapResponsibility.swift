import Dispatch
import Foundation
import OrgModel

/// Who must fix a gap (GAP001, GAP002): the department that answers for the mandate, so that the finding
/// is charged to the body that can act on it rather than to the people's committee.
///
/// The choice, in order:
/// 1. The department whose own functions text (chức năng) names the mandate's subject: the chart itself
///    says the mandate is that department's (``inFunctions(_:jurisdiction:)``).
/// 2. The department of the mandate's sector: the department of the jurisdiction whose duties carry the
///    most explicit (`mandate=`) assignments to mandates of that sector; ties go to the smaller unit id.
///    A sector is thus charged to the department the chart shows doing that sector's work, whatever the
///    sector tokens of the catalogue are called.
/// A department is a unit directly under a territorial unit (committee, district, commune) that is not
/// territorial itself.
struct GapResponsibility {
    let graph: DutyGraph
    /// Per (jurisdiction, sector), the department chosen by rule 2.
    private let sectorDepartment: [SectorKey: Int]
    /// Per department, the subjects of its functions text: the items after "quản lý nhà nước về", as
    /// sets of plain syllables.
    private let functionItems: [Int: [Set<String>]]
    /// Per mandate, its subject as a set of plain syllables (``stripManagement(_:)``).
    private let mandateSubjects: [MandateID: Set<String>]

    private struct SectorKey: Hashable {
        var jurisdiction: Int
        var sector: String
    }

    init(graph: DutyGraph) {
        self.graph = graph
        var counts: [SectorKey: [Int: Int]] = [:]
        // A unit's duties are consecutive: its department is found once for all of them.
        var lastUnit = -1, lastDepartment: Int?
        for reference in graph.duties {
            guard let mandate = graph[duty: reference].mandate,
                  let sector = graph.mandates[mandate]?.sector else { continue }
            if reference.unit != lastUnit {
                lastUnit = reference.unit
                lastDepartment = graph.department(of: reference.unit)
            }
            guard let department = lastDepartment else { continue }
            counts[SectorKey(jurisdiction: graph.jurisdiction[reference.unit], sector: sector), default: [:]][department, default: 0] += 1
        }
        sectorDepartment = counts.mapValues { tally in
            tally.min { (-$0.value, graph.unit($0.key).id.rawValue) < (-$1.value, graph.unit($1.key).id.rawValue) }?.key ?? 0
        }
        // Each department's functions text read on every core, in contiguous chunks with a cache each.
        let departments = graph.chart.units.indices.filter { graph.department(of: $0) == $0 }
        let chunks = departments.count < 64 ? 1 : max(1, min(16, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunkSize = (departments.count + chunks - 1) / chunks
        var found = [[(Int, [Set<String>])]](repeating: [], count: chunks)
        found.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let found = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var cache = VietnameseText.SyllableCache()
                for index in departments[min(departments.count, chunk * chunkSize)..<min(departments.count, (chunk + 1) * chunkSize)] {
                    let subjects = graph.chart.units[index].functions.flatMap { Self.subjects($0, cache: &cache) }
                    if !subjects.isEmpty { found[chunk].append((index, subjects)) }
                }
            }
        }
        var items: [Int: [Set<String>]] = [:]
        for chunk in found {
            for (index, subjects) in chunk { items[index] = subjects }
        }
        functionItems = items
        mandateSubjects = graph.mandates.mapValues { Set(Self.plain(Self.stripManagement($0.text))) }
    }

    /// The department of `jurisdiction` whose functions text names the mandate's subject, if one does: the
    /// items of its functions (of two syllables or more) wholly inside the mandate's subject together cover
    /// at least 60% of the subject's syllables (so "giá" alone never claims "đánh giá cán bộ", and "thi
    /// đua" + "khen thưởng" claim "thi đua, khen thưởng"). Ties go to the smaller id.
    func inFunctions(_ mandate: Mandate, jurisdiction: Int) -> Int? {
        let known = graph.mandates[mandate.id]?.text == mandate.text ? mandateSubjects[mandate.id] : nil
        let subject = known ?? Set(Self.plain(Self.stripManagement(mandate.text)))
        guard !subject.isEmpty else { return nil }
        let matches = functionItems.keys.filter { department in
            guard graph.jurisdiction[department] == jurisdiction else { return false }
            let covered = (functionItems[department] ?? []).filter { $0.count >= 2 && $0.isSubset(of: subject) }
                .reduce(into: Set<String>()) { $0.formUnion($1) }
            return Double(covered.count) >= 0.6 * Double(subject.count)
        }
        return matches.min { graph.unit($0).id < graph.unit($1).id }
    }

    /// The department that must fix a gap of `mandate` in `jurisdiction`: rule 1, else rule 2.
    func responsible(_ mandate: Mandate, jurisdiction: Int) -> Int? {
        if let named = inFunctions(mandate, jurisdiction: jurisdiction) { return named }
        guard let sector = mandate.sector else { return nil }
        return sectorDepartment[SectorKey(jurisdiction: jurisdiction, sector: sector)]
    }

    /// A mandate's subject: its text without the opening "quản lý nhà nước về", "quản lý", "thực hiện",
    /// then without a leading "công tác" ("công tác lãnh sự" is the subject "lãnh sự").
    static func stripManagement(_ text: String) -> String {
        var words = plain(text)[...]
        for prefix in managementPrefixes where words.starts(with: prefix) {
            words = words.dropFirst(prefix.count)
            break
        }
        let filler = Self.filler
        if words.starts(with: filler), words.count > filler.count { words = words.dropFirst(filler.count) }
        return words.joined(separator: " ")
    }

    /// "công tác" and the openings a mandate's subject is stripped of, in plain form (made once).
    static let filler = plain("công tác")
    static let managementPrefixes = ["quản lý nhà nước về", "quản lý", "thực hiện"].map(plain)

    /// "quản lý nhà nước" and "về" in plain form.
    static let stateManagement = plain("quản lý nhà nước").joined(separator: " ")
    static let about = plain("về").joined(separator: " ")

    /// The plain syllables of a text (no marks, `đ` → `d`).
    static func plain(_ text: String) -> [String] { VietnameseText.syllables(text).map(\.plain) }
}
