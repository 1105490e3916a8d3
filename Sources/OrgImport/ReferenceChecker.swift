import OrgModel

/// The checks XSD 1.0 cannot express, over the merged chart. Loops index into the arrays rather than
/// copy whole units: on a national chart these run over a million duties.
struct ReferenceChecker {
    let chart: OrgChart
    let diagnostics: DiagnosticCollector
    /// Unit id → index of its first definition; filled by ``checkUniqueness()``.
    private var unitIndex: [UnitID: Int] = [:]
    private var mandateIDs: Set<MandateID> = []

    init(chart: OrgChart, diagnostics: DiagnosticCollector) {
        self.chart = chart
        self.diagnostics = diagnostics
    }

    /// Unit, duty and mandate ids unique across every file.
    mutating func checkUniqueness() {
        let units = chart.units
        unitIndex.reserveCapacity(units.count)
        var duties: [DutyID: SourceLocation] = [:]
        duties.reserveCapacity(chart.dutyCount)
        for position in units.indices {
            let id = units[position].id
            if !id.rawValue.isEmpty {
                if let first = unitIndex[id] {
                    diagnostics.error(units[position].location,
                                      "duplicate unit id '\(id)'; first defined at \(units[first].location)")
                } else {
                    unitIndex[id] = position
                }
            }
            units[position].duties.withUnsafeBufferPointer { list in
                for duty in list.indices where !list[duty].id.rawValue.isEmpty {
                    let location = list[duty].location
                    if let first = duties.updateValue(location, forKey: list[duty].id) {
                        duties[list[duty].id] = first
                        let derived = list[duty].isIDDerived
                            ? " (derived from the unit id and position: give the duty an id)" : ""
                        diagnostics.error(location, "duplicate duty id '\(list[duty].id)'\(derived); "
                            + "first defined at \(first)")
                    }
                }
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
        for position in units.indices {
            if units[position].parentIsReference, let parent = units[position].parent, unitIndex[parent] == nil {
                diagnostics.error(units[position].location, "unit '\(units[position].id)' names parent '\(parent)', "
                    + "and there is no unit with that id"
                    + Self.suggestion(for: parent.rawValue, among: unitIndex.keys.map(\.rawValue)))
            }
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
        let parentOf = { (position: Int) -> Int? in units[position].parent.flatMap { unitIndex[$0] } }
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
