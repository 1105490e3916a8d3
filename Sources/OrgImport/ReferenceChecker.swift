import OrgModel

/// The checks XSD 1.0 cannot express, over the merged chart.
struct ReferenceChecker {
    let chart: OrgChart
    let diagnostics: DiagnosticCollector

    /// Unit, duty and mandate ids unique across every file.
    func checkUniqueness() {
        var units: [UnitID: SourceLocation] = [:]
        var duties: [DutyID: SourceLocation] = [:]
        var mandates: [MandateID: SourceLocation] = [:]
        for unit in chart.units where !unit.id.rawValue.isEmpty {
            if let first = units[unit.id] {
                diagnostics.error(unit.location, "duplicate unit id '\(unit.id)'; first defined at \(first)")
            } else {
                units[unit.id] = unit.location
            }
            for duty in unit.duties where !duty.id.rawValue.isEmpty {
                if let first = duties[duty.id] {
                    let derived = duty.isIDDerived ? " (derived from the unit id and position: give the duty an id)" : ""
                    diagnostics.error(duty.location, "duplicate duty id '\(duty.id)'\(derived); first defined at \(first)")
                } else {
                    duties[duty.id] = duty.location
                }
            }
        }
        for mandate in chart.mandates where !mandate.id.rawValue.isEmpty {
            if let first = mandates[mandate.id] {
                diagnostics.error(mandate.location, "duplicate mandate id '\(mandate.id)'; first defined at \(first) "
                    + "(mandate ids must be unique across the chart and every catalogue)")
            } else {
                mandates[mandate.id] = mandate.location
            }
        }
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
        let unitIDs = Set(chart.units.map(\.id))
        let mandateIDs = Set(chart.mandates.map(\.id))
        let hint = chart.catalogs.isEmpty
            ? " (no catalogue was given: pass it with --mandates FILE)"
            : " in the chart or the catalogues given"
        for unit in chart.units {
            if unit.parentIsReference, let parent = unit.parent, !unitIDs.contains(parent) {
                diagnostics.error(unit.location, "unit '\(unit.id)' names parent '\(parent)', and there is no unit "
                    + "with that id\(Self.suggestion(for: parent.rawValue, among: unitIDs.map(\.rawValue)))")
            }
            for duty in unit.duties {
                if let mandate = duty.mandate, !mandateIDs.contains(mandate) {
                    diagnostics.error(duty.location, "duty '\(duty.id)' names mandate '\(mandate)', which is not "
                        + "declared\(hint)\(Self.suggestion(for: mandate.rawValue, among: mandateIDs.map(\.rawValue)))")
                }
            }
        }
    }

    /// No unit is its own ancestor. Each cycle is reported once, at its first unit in document order.
    func checkCycles() {
        var parentOf: [UnitID: UnitID] = [:]
        var locationOf: [UnitID: SourceLocation] = [:]
        for unit in chart.units where locationOf[unit.id] == nil {
            parentOf[unit.id] = unit.parent
            locationOf[unit.id] = unit.location
        }
        var state: [UnitID: Int] = [:]  // 1 = on the current path, 2 = done
        for unit in chart.units where state[unit.id] == nil {
            var path: [UnitID] = []
            var current: UnitID? = unit.id
            while let id = current, state[id] == nil {
                state[id] = 1
                path.append(id)
                current = parentOf[id] ?? nil
            }
            if let id = current, state[id] == 1, let start = path.firstIndex(of: id) {
                let cycle = Array(path[start...])
                let anchor = cycle.min { (locationOf[$0] ?? unit.location) < (locationOf[$1] ?? unit.location) } ?? id
                let rotated = Self.rotate(cycle, toStartAt: anchor)
                let text = (rotated + [anchor]).map(\.rawValue).joined(separator: " → ")
                diagnostics.error(locationOf[anchor] ?? unit.location,
                                  "the parent references form a cycle: \(text); a unit cannot contain itself")
            }
            for id in path { state[id] = 2 }
        }
    }

    private static func rotate(_ cycle: [UnitID], toStartAt anchor: UnitID) -> [UnitID] {
        guard let index = cycle.firstIndex(of: anchor) else { return cycle }
        return Array(cycle[index...] + cycle[..<index])
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
