import OrgModel

/// The one-screen summary `validate` prints: units by kind, duties, mandates, staffing totals.
public struct ChartSummary: Sendable {
    /// Units per kind (kinds with none are absent).
    public var unitsByKind: [UnitKind: Int]
    /// All units.
    public var units: Int
    /// All duties, and how many cite a mandate.
    public var duties: Int
    /// Duties that cite a mandate.
    public var dutiesWithMandate: Int
    /// Mandates declared (chart and catalogues).
    public var mandates: Int
    /// Mandates no duty cites.
    public var mandatesUncited: Int
    /// Staffing totals per category, nobody counted twice.
    public var staffing: [StaffCategory: StaffingTotal]
    /// Deepest nesting (roots are depth 0).
    public var maxDepth: Int

    /// Computes the summary of a graph.
    public init(graph: DutyGraph) {
        var byKind: [UnitKind: Int] = [:]
        let units = graph.chart.units
        for position in units.indices {  // by index: `for unit in` would copy each unit to read one field
            byKind[units[position].kind, default: 0] += 1
        }
        unitsByKind = byKind
        self.units = units.count
        duties = graph.duties.count
        dutiesWithMandate = graph.dutiesCitingMandate
        mandates = graph.mandates.count
        mandatesUncited = graph.mandates.keys.count { !graph.citedMandates.contains($0) }
        staffing = graph.staffingTotals()
        maxDepth = graph.depth.max() ?? 0
    }
}
