import OrgModel

/// Staffing figures of one category: quota, people in post, vacancies, use rate.
public struct StaffingFigures: Hashable, Sendable {
    /// Approved posts.
    public var quota: Int
    /// People in post.
    public var actual: Int
    /// Posts not filled (negative when over quota).
    public var vacancies: Int { quota - actual }
    /// People in post per approved post; nil when the quota is 0.
    public var useRate: Double? { quota > 0 ? Double(actual) / Double(quota) : nil }

    /// Figures.
    public init(quota: Int = 0, actual: Int = 0) {
        self.quota = quota
        self.actual = actual
    }

    static func + (lhs: Self, rhs: Self) -> Self { StaffingFigures(quota: lhs.quota + rhs.quota, actual: lhs.actual + rhs.actual) }
}

/// The staffing figures `analyze` reports besides findings: per unit and category, per department, per
/// category and in total; deputies per department and the province average; span of control.
public struct StaffingSummary: Sendable {
    /// One unit's figures.
    public struct UnitRow: Sendable {
        /// The unit.
        public var unit: UnitID
        /// Its figures per category recorded.
        public var categories: [(category: StaffCategory, figures: StaffingFigures)]
        /// Deputy posts, if recorded.
        public var deputies: Int?
        /// Direct sub-units (span of control).
        public var directSubUnits: Int
    }

    /// One province's departments.
    public struct ProvinceDeputies: Sendable {
        /// The province committee.
        public var committee: UnitID
        /// Departments with deputies recorded.
        public var departments: Int
        /// Their deputies in total.
        public var deputies: Int
        /// Deputies per department.
        public var average: Double
    }

    /// Every unit, in document order.
    public var units: [UnitRow]
    /// The department-level units (sở and the committee office), in document order.
    public var departments: [UnitID]
    /// Each department's row in ``units``, in the order of ``departments``.
    public var departmentRows: [Int]
    /// Totals per category, nobody counted twice (a unit's figures cover its sub-units).
    public var categories: [(category: StaffCategory, figures: StaffingFigures)]
    /// All categories together.
    public var total: StaffingFigures
    /// Deputy directors per province.
    public var provinces: [ProvinceDeputies]

    /// Computes the summary.
    public init(graph: DutyGraph) {
        // The fields read in place: a unit copied whole retains every one of its arrays and strings.
        let chartUnits = graph.chart.units
        units = chartUnits.indices.map { index in
            UnitRow(
                unit: chartUnits[index].id,
                categories: chartUnits[index].staffing.sorted { $0.category < $1.category }.map {
                    ($0.category, StaffingFigures(quota: $0.quota ?? 0, actual: $0.actual ?? 0))
                },
                deputies: chartUnits[index].leadership?.deputies, directSubUnits: graph.children[index].count)
        }
        departmentRows = chartUnits.indices.filter { graph.isDepartmentLevel($0) }  // a row per unit, in order
        departments = departmentRows.map { chartUnits[$0].id }
        let totals = graph.staffingTotals()
        categories = StaffCategory.allCases.compactMap { category in
            totals[category].map { (category, StaffingFigures(quota: $0.quota, actual: $0.actual)) }
        }
        total = categories.reduce(StaffingFigures()) { $0 + $1.figures }
        provinces = graph.provinceCommittees.compactMap { committee in
            let departments = graph.children[committee].filter { graph.isDepartmentLevel($0) && graph.deputies($0) != nil }
            guard !departments.isEmpty else { return nil }
            let deputies = departments.reduce(0) { $0 + (graph.deputies($1) ?? 0) }
            return ProvinceDeputies(committee: graph.unit(committee).id, departments: departments.count,
                                    deputies: deputies, average: Double(deputies) / Double(departments.count))
        }
    }
}

/// Compliance scores 0–100: per department and overall, from weighted findings.
///
/// Each finding costs `weights[severity]` points (error 10, warning 3, info 0) to every department whose
/// subtree holds one of its units; a department's score is 100 minus its cost, floored at 0. The overall
/// score is 100 minus the cost of all findings divided by the number of departments (so a province of
/// 14 departments with one error scores 99), floored at 0.
public struct ComplianceScores: Sendable {
    /// Points a finding of each severity costs.
    public static let weights: [Severity: Int] = [.error: 10, .warning: 3, .info: 0]

    /// One department's score.
    public struct DepartmentScore: Sendable {
        /// The department.
        public var unit: UnitID
        /// 0–100.
        public var score: Int
        /// Findings touching it, per severity.
        public var findings: [Severity: Int]
    }

    /// The overall score.
    public var overall: Int
    /// Per department, in document order.
    public var departments: [DepartmentScore]

    /// Scores `findings` on `graph`: each confirmed current finding is charged once to each department above
    /// one of its units or above the unit its evidence holds responsible (`responsibleUnit`); findings to
    /// verify and upcoming ones cost nothing.
    public init(graph: DutyGraph, findings: [Finding]) {
        let departmentIndices = graph.chart.units.indices.filter { graph.isDepartmentLevel($0) }
        var slot = [Int](repeating: -1, count: graph.chart.units.count)  // unit → its department's position
        for (position, department) in departmentIndices.enumerated() {
            slot[department] = position
            for descendant in graph.descendants(of: department) where slot[descendant] == -1 { slot[descendant] = position }
        }
        var counts = [[Severity: Int]](repeating: [:], count: departmentIndices.count)
        var costs = [Int](repeating: 0, count: departmentIndices.count)
        let countable = findings.filter(\.isCountable)
        for finding in countable {
            var charged = Set<Int>()
            for id in finding.units + finding.responsibleUnits {
                guard let unit = graph.index[id], slot[unit] >= 0, charged.insert(slot[unit]).inserted else { continue }
                counts[slot[unit]][finding.severity, default: 0] += 1
                costs[slot[unit]] += Self.weights[finding.severity] ?? 0
            }
        }
        departments = departmentIndices.enumerated().map { position, department in
            DepartmentScore(unit: graph.unit(department).id, score: max(0, 100 - costs[position]), findings: counts[position])
        }
        let cost = countable.reduce(0) { $0 + (Self.weights[$1.severity] ?? 0) }
        overall = max(0, 100 - Int((Double(cost) / Double(max(1, departmentIndices.count))).rounded()))
    }
}
