import Dispatch
import OrgModel

/// The checks XSD 1.0 cannot express, over the merged chart. Loops index into the arrays rather than
/// copy whole units: on a national chart these run over a million duties.
struct ReferenceChecker {
    let chart: OrgChart
    let diagnostics: DiagnosticCollector
    /// Unit id → position of its first definition; filled by ``checkUniqueness()``.
    private var unitTable = HashedIDTable(capacity: 0)
    /// The hash of every unit's id, by position (``ReferenceDigest/hash(of:)``).
    private var unitHashes: [Int] = []
    private var mandateIDs: Set<MandateID> = []


    /// What the builders gathered about the chart's duties (nil: walk the duties instead).
    private let digest: ReferenceDigest?

    /// A checker over `chart`. `digest`, when given, must come from reading exactly the chart's duties;
    /// its hashes are used only when there is one per duty, in order.
    init(chart: OrgChart, diagnostics: DiagnosticCollector, digest: ReferenceDigest? = nil) {
        self.chart = chart
        self.diagnostics = diagnostics
        self.digest = digest
    }

    /// Unit, duty and mandate ids unique across every file.
    ///
    /// Ids go through ``HashedIDTable``s keyed by the hashes the builders computed, so that this pass
    /// touches a unit or duty only when its id may repeat an earlier one. Duty ids are split between two
    /// tables by one bit of their hash, each filled on a core of its own (equal ids hash alike, so a
    /// repeat always meets its first definition in the same table); the repeats are then reported in
    /// document order, as one table reports them.
    mutating func checkUniqueness() {
        let units = chart.units
        let dutyCount = chart.dutyCount
        unitHashes = digest.flatMap { $0.unitIDHashes.count == units.count ? $0.unitIDHashes : nil }
            ?? units.map { ReferenceDigest.hash(of: $0.id) }
        /// The position of each unit's first duty in document order (ascending): the unit of an earlier
        /// duty is found in it by bisection when a hash matches, which is rare (no array of a million
        /// owners to fill).
        var starts: [Int] = []
        starts.reserveCapacity(units.count + 1)
        var running = 0
        for position in units.indices {
            starts.append(running)
            running += units[position].duties.count
        }
        let firstDuty = starts
        let dutyHashes = digest.flatMap {
            $0.dutyIDHashesInOrder && $0.dutyIDHashes.count == dutyCount ? $0.dutyIDHashes : nil
        } ?? units.flatMap { unit in unit.duties.map { ReferenceDigest.hash(of: $0.id) } }
        unitTable = HashedIDTable(capacity: units.count)
        var unitRepeats: [(position: Int, first: Int)] = []
        units.withUnsafeBufferPointer { units in
            for position in units.indices where unitHashes[position] != ReferenceDigest.emptyID {
                if let first = unitTable.insert(position, hash: unitHashes[position], isEqual: {
                    units[$0].id == units[position].id
                }) {
                    unitRepeats.append((position, first))
                }
            }
        }
        let dutyRepeats = Self.repeatedDuties(units, hashes: dutyHashes, firstDuty: firstDuty)
        // Reported in document order: a unit's repeat, then its duties'.
        var nextDuty = 0, nextUnit = 0
        for position in units.indices {
            if nextUnit < unitRepeats.count, unitRepeats[nextUnit].position == position {
                let first = unitRepeats[nextUnit].first
                diagnostics.error(units[position].location, "duplicate unit id '\(units[position].id)'; "
                    + "first defined at \(units[first].location)")
                nextUnit += 1
            }
            let end = position + 1 < firstDuty.count ? firstDuty[position + 1] : dutyCount
            while nextDuty < dutyRepeats.count, dutyRepeats[nextDuty].flat < end {
                let (flat, earlier) = dutyRepeats[nextDuty]
                let owner = Self.owner(of: earlier, firstDuty)
                let firstLocation = units[owner].duties[earlier - firstDuty[owner]].location
                let repeated = units[position].duties[flat - firstDuty[position]]
                let derived = repeated.isIDDerived
                    ? " (derived from the unit id and position: give the duty an id)" : ""
                diagnostics.error(repeated.location, "duplicate duty id '\(repeated.id)'\(derived); "
                    + "first defined at \(firstLocation)")
                nextDuty += 1
            }
        }
        var mandates: [MandateID: SourceLocation] = [:]
        for mandate in chart.mandates where !mandate.id.rawValue.isEmpty {
            if let first = mandates[mandate.id] {
                diagnostics.error(mandate.location, "duplicate mandate id '\(mandate.id)'; first defined at \(first) "
                    + "(mandate ids must be unique across the chart and every catalogue)")
            } else {
                mandates[mandate.id] = mandate.location
            }
        }
        mandateIDs = Set(mandates.keys)
    }

    /// Below this many duties one table is filled on this thread (a thread costs more than it saves).
    static let partitionedDuties = 1 << 14
    /// The bit of a duty id's hash that picks its table: above the bits that pick a slot, below the tag's.
    private static let partitionBit = 32

    /// The duties (by flat position in document order) whose id repeats an earlier one, with that one's
    /// position, in document order.
    private static func repeatedDuties(_ units: [OrgModel.Unit], hashes: [Int], firstDuty: [Int]) -> [(flat: Int, earlier: Int)] {
        let partitions = hashes.count >= partitionedDuties ? 2 : 1
        var found = [[(flat: Int, earlier: Int)]](repeating: [], count: partitions)
        units.withUnsafeBufferPointer { units in
            hashes.withUnsafeBufferPointer { hashes in
                found.withUnsafeMutableBufferPointer { found in
                    nonisolated(unsafe) let (units, hashes, found) = (units, hashes, found)
                    let fill: @Sendable (Int) -> Void = { partition in
                        var table = HashedIDTable(capacity: partitions == 1 ? hashes.count : hashes.count / 2 + 1)
                        for flat in hashes.indices where hashes[flat] != ReferenceDigest.emptyID
                            && (partitions == 1 || (hashes[flat] >> partitionBit) & 1 == partition) {
                            let earlier = table.insert(flat, hash: hashes[flat]) { other in
                                id(of: other, units, firstDuty) == id(of: flat, units, firstDuty)
                            }
                            if let earlier { found[partition].append((flat, earlier)) }
                        }
                    }
                    if partitions == 1 { fill(0) } else { DispatchQueue.concurrentPerform(iterations: partitions, execute: fill) }
                }
            }
        }
        return partitions == 1 ? found[0] : (found[0] + found[1]).sorted { $0.flat < $1.flat }
    }

    /// The id of the duty at `flat` (document order).
    private static func id(of flat: Int, _ units: UnsafeBufferPointer<OrgModel.Unit>, _ firstDuty: [Int]) -> DutyID {
        let owner = owner(of: flat, firstDuty)
        return units[owner].duties[flat - firstDuty[owner]].id
    }

    /// The unit holding the duty at `flat`: the last unit whose first duty is at or before it (units without
    /// duties share their start with the next unit, and come before it).
    private static func owner(of flat: Int, _ firstDuty: [Int]) -> Int {
        var low = 0, high = firstDuty.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if firstDuty[middle] <= flat { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// `parent` is for top-level units only.
    func checkNestedParents(_ nested: [(unit: UnitID, parent: String, location: SourceLocation)]) {
        for entry in nested {
            diagnostics.error(entry.location, "unit '\(entry.unit)' is nested in another unit and also has "
                + "parent=\"\(entry.parent)\"; the parent attribute is only for top-level units (remove it, or "
                + "move the unit to the top level)")
        }
    }

    /// Every `parent` names a unit, every duty's `mandate` names a mandate.
    func checkReferences() {
        let hint = chart.catalogs.isEmpty
            ? " (no catalogue was given: pass it with --mandates FILE)"
            : " in the chart or the catalogues given"
        let units = chart.units
        // When every mandate id that duties name is declared, no duty needs a look.
        let allDeclared = digest.map { $0.mandateReferences.isSubset(of: mandateIDs) } ?? false
        for position in units.indices {
            if units[position].parentIsReference, let parent = units[position].parent, unitPosition(of: parent) == nil {
                diagnostics.error(units[position].location, "unit '\(units[position].id)' names parent '\(parent)', "
                    + "and there is no unit with that id"
                    + Self.suggestion(for: parent.rawValue, among: definedUnitIDs()))
            }
            if allDeclared { continue }
            units[position].duties.withUnsafeBufferPointer { list in
                for duty in list.indices {
                    guard let mandate = list[duty].mandate, !mandateIDs.contains(mandate) else { continue }
                    diagnostics.error(list[duty].location, "duty '\(list[duty].id)' names mandate '\(mandate)', "
                        + "which is not declared\(hint)"
                        + Self.suggestion(for: mandate.rawValue, among: mandateIDs.map(\.rawValue)))
                }
            }
        }
    }

    /// No unit is its own ancestor. Nesting alone makes a tree, so a cycle needs at least one `parent`
    /// attribute: only chains through those are walked. Each cycle is reported once, at its first unit
    /// in document order.
    func checkCycles() {
        let units = chart.units
        let parentOf = { (position: Int) -> Int? in units[position].parent.flatMap { unitPosition(of: $0) } }
        var state = [UInt8](repeating: 0, count: units.count)  // 1 = on the current path, 2 = done
        for start in units.indices where units[start].parentIsReference && state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let position = current, state[position] == 0 {
                state[position] = 1
                path.append(position)
                current = parentOf(position)
            }
            if let position = current, state[position] == 1, let begin = path.firstIndex(of: position) {
                let cycle = path[begin...]
                let anchor = cycle.min() ?? position  // indices follow document order
                let pivot = cycle.firstIndex(of: anchor) ?? cycle.startIndex
                let ordered = Array(cycle[pivot...] + cycle[..<pivot])
                let text = (ordered + [anchor]).map { units[$0].id.rawValue }.joined(separator: " → ")
                diagnostics.error(units[anchor].location,
                                  "the parent references form a cycle: \(text); a unit cannot contain itself")
            }
            for position in path { state[position] = 2 }
        }
    }

    /// The position of the first unit with id `id` (after ``checkUniqueness()``).
    private func unitPosition(of id: UnitID) -> Int? {
        let hash = ReferenceDigest.hash(of: id)
        guard hash != ReferenceDigest.emptyID else { return nil }
        return unitTable.position(hash: hash) { chart.units[$0].id == id }
    }

    /// Every unit id defined, once each (for suggestions).
    private func definedUnitIDs() -> [String] {
        chart.units.indices.compactMap { position in
            let id = chart.units[position].id
            return unitPosition(of: id) == position ? id.rawValue : nil
        }
    }

    /// " (did you mean 'x'?)" when exactly one known id is one edit away, else "".
    static func suggestion(for missing: String, among known: [String]) -> String {
        guard known.count <= 50_000 else { return "" }
        let close = known.filter { editDistanceIsOne(Array(missing.unicodeScalars), Array($0.unicodeScalars)) }
        return close.count == 1 ? " (did you mean '\(close[0])'?)" : ""
    }

    /// One insertion, deletion, substitution or swap of two neighbours.
    private static func editDistanceIsOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b || abs(a.count - b.count) > 1 { return false }
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            if differing.count == 2, differing[1] == differing[0] + 1,
               a[differing[0]] == b[differing[1]], a[differing[1]] == b[differing[0]] { return true }
        }
        var i = 0, j = 0, edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                i += 1
                j += 1
                continue
            }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if a.count < b.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) == 1
    }
}
