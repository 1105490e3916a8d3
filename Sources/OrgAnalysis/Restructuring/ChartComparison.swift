import OrgModel

/// What changed between two charts of the same organisation (two dates): units added, removed,
/// renamed, moved, merged or split (matched by id, else by name, else by where their duties went),
/// duties moved, mandates newly covered or lost, staffing, and findings resolved, introduced, unchanged.
public struct ChartComparison: Sendable {
    /// How a unit of the old chart relates to the new one.
    public enum UnitChange: Hashable, Sendable {
        /// Same id, other name.
        case renamed(UnitID, from: String, to: String)
        /// Same id, other parent.
        case moved(UnitID, from: UnitID?, to: UnitID?)
        /// Different id, same name (and kind): the id changed.
        case reidentified(from: UnitID, to: UnitID, name: String)
        /// Several old units whose duties now sit in one new unit.
        case merged(from: [UnitID], into: UnitID)
        /// One old unit whose duties now sit in several new units.
        case split(UnitID, into: [UnitID])
        /// In the old chart only.
        case removed(UnitID, name: String)
        /// In the new chart only.
        case added(UnitID, name: String)
    }

    /// A duty that sits in another unit now.
    public struct DutyMove: Hashable, Sendable {
        /// The duty in the old chart.
        public var duty: DutyID
        /// Its text.
        public var text: String
        /// Old unit.
        public var from: UnitID
        /// New unit.
        public var to: UnitID
        /// Matched by id (else by text).
        public var byID: Bool
    }

    /// The analysis of the old chart.
    public var old: AnalysisResult
    /// The analysis of the new chart.
    public var new: AnalysisResult
    /// Unit changes, in the order above.
    public var units: [UnitChange]
    /// Duties moved.
    public var duties: [DutyMove]
    /// Duties of the old chart found nowhere in the new one (by id or text).
    public var dutiesGone: [DutyID]
    /// Mandates carried in the new chart and not in the old.
    public var mandatesCovered: [MandateID]
    /// Mandates carried in the old chart and not in the new.
    public var mandatesLost: [MandateID]
    /// Staffing before and after, overall and per department.
    public var staffing: [ProposalReview.StaffingChange]
    /// Findings of the old chart gone in the new.
    public var resolved: [Finding]
    /// Findings of the new chart not in the old.
    public var introduced: [Finding]
    /// Findings in both.
    public var unchanged: [Finding]
    /// Duties of the old chart matched by text to a duty of the new one under another id (old → new).
    public var dutiesReidentified: [DutyID: DutyID] = [:]

    /// Ids that changed between the two charts (old → new): units matched by name under another id, duties
    /// matched by text under another id. What `track record --renames-from` maps the register's findings by.
    public var renames: [String: String] {
        var pairs: [String: String] = [:]
        for change in units {
            if case .reidentified(let from, let to, _) = change { pairs[from.rawValue] = to.rawValue }
        }
        for (old, new) in dutiesReidentified { pairs[old.rawValue] = new.rawValue }
        return pairs
    }

    /// Compares `old` with `new`; duties without a common id are matched by text at `textThreshold`.
    public init(old oldChart: OrgChart, new newChart: OrgChart, analyzer: Analyzer, textThreshold: Double = 0.9) {
        old = analyzer.analyze(oldChart)
        new = analyzer.analyze(newChart)
        let oldKeys = Set(old.findings.map(ProposalReview.key)), newKeys = Set(new.findings.map(ProposalReview.key))
        resolved = old.findings.filter { !newKeys.contains(ProposalReview.key($0)) }
        introduced = new.findings.filter { !oldKeys.contains(ProposalReview.key($0)) }
        unchanged = new.findings.filter { oldKeys.contains(ProposalReview.key($0)) }
        staffing = ProposalReview.staffingChanges(before: old.staffing, after: new.staffing)

        // Duties: by id, then by text among the rest.
        let oldDuties = oldChart.units.flatMap(\.duties), newDuties = newChart.units.flatMap(\.duties)
        var newByID: [DutyID: Duty] = [:]
        for duty in newDuties where newByID[duty.id] == nil { newByID[duty.id] = duty }
        var location: [DutyID: UnitID] = [:]  // old duty → its unit in the new chart
        var unmatchedOld: [Duty] = [], usedNew = Set<DutyID>()
        for duty in oldDuties {
            if let match = newByID[duty.id], !duty.isIDDerived {
                location[duty.id] = match.unit
                usedNew.insert(match.id)
            } else {
                unmatchedOld.append(duty)
            }
        }
        let candidates = newDuties.filter { !usedNew.contains($0.id) }
        if !unmatchedOld.isEmpty, !candidates.isEmpty {
            let vectors = TextVectors(texts: unmatchedOld.map(\.text) + candidates.map(\.text))
            for (offset, duty) in unmatchedOld.enumerated() {
                var best: (Int, Double)?
                for index in candidates.indices {
                    let score = vectors.similarity(offset, unmatchedOld.count + index)
                    if score >= textThreshold, score > (best?.1 ?? 0) { best = (index, score) }
                }
                if let best {
                    location[duty.id] = candidates[best.0].unit
                    if candidates[best.0].id != duty.id { dutiesReidentified[duty.id] = candidates[best.0].id }
                }
            }
        }
        duties = oldDuties.compactMap { duty in
            guard let to = location[duty.id], to != duty.unit else { return nil }
            return DutyMove(duty: duty.id, text: duty.text, from: duty.unit, to: to, byID: newByID[duty.id] != nil)
        }
        dutiesGone = oldDuties.filter { location[$0.id] == nil }.map(\.id)
        units = Self.unitChanges(old: oldChart, new: newChart, location: location)

        let covered = { (result: AnalysisResult) in Set(result.text.assignments.keys) }
        mandatesCovered = covered(new).subtracting(covered(old)).sorted()
        mandatesLost = covered(old).subtracting(covered(new)).sorted()
    }

    private static func unitChanges(old: OrgChart, new: OrgChart, location: [DutyID: UnitID]) -> [UnitChange] {
        let newByID = Dictionary(new.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let oldIDs = Set(old.units.map(\.id))
        var changes: [UnitChange] = []
        for unit in old.units {
            guard let match = newByID[unit.id] else { continue }
            if match.name != unit.name { changes.append(.renamed(unit.id, from: unit.name, to: match.name)) }
            if match.parent != unit.parent { changes.append(.moved(unit.id, from: unit.parent, to: match.parent)) }
        }
        var gone = old.units.filter { newByID[$0.id] == nil }
        var fresh = new.units.filter { !oldIDs.contains($0.id) }
        // Same name and kind under a new id.
        for unit in gone {
            if let index = fresh.firstIndex(where: { $0.name.lowercased() == unit.name.lowercased() && $0.kind == unit.kind }) {
                changes.append(.reidentified(from: unit.id, to: fresh[index].id, name: unit.name))
                fresh.remove(at: index)
                gone.removeAll { $0.id == unit.id }
            }
        }
        // Where the duties of each gone unit went.
        var destinations: [UnitID: Set<UnitID>] = [:]
        for unit in gone {
            destinations[unit.id] = Set(unit.duties.compactMap { location[$0.id] })
        }
        var explained = Set<UnitID>(), explainedNew = Set<UnitID>()
        for target in new.units.map(\.id) {
            let sources = gone.filter { destinations[$0.id] == [target] }.map(\.id)
            let survivorGave = old.units.contains { $0.id == target }
            if sources.count + (survivorGave ? 1 : 0) >= 2, !sources.isEmpty {
                changes.append(.merged(from: (survivorGave ? [target] : []) + sources, into: target))
                explained.formUnion(sources)
                explainedNew.insert(target)
            }
        }
        for unit in gone where !explained.contains(unit.id) {
            let targets = (destinations[unit.id] ?? []).filter { !oldIDs.contains($0) || $0 == unit.id }
            if targets.count >= 2 {
                changes.append(.split(unit.id, into: targets.sorted()))
                explained.insert(unit.id)
                explainedNew.formUnion(targets)
            }
        }
        for unit in gone where !explained.contains(unit.id) { changes.append(.removed(unit.id, name: unit.name)) }
        for unit in fresh where !explainedNew.contains(unit.id) { changes.append(.added(unit.id, name: unit.name)) }
        return changes
    }
}
