import OrgModel

/// A proposal's effect: the chart analysed before and after, findings resolved, introduced and
/// unchanged, and staffing before and after, overall and per department.
public struct ProposalReview: Sendable {
    /// Staffing of one category in one scope (the province, or a department), before and after.
    public struct StaffingChange: Sendable {
        /// The department, or nil for the whole chart.
        public var unit: UnitID?
        /// The category.
        public var category: StaffCategory
        /// Before.
        public var before: StaffingFigures
        /// After.
        public var after: StaffingFigures
        /// Change of quota in percent of the quota before (nil when it was 0).
        public var quotaChangePercent: Double? {
            before.quota > 0 ? Double(after.quota - before.quota) * 100 / Double(before.quota) : nil
        }
    }

    /// The proposal.
    public var proposal: Proposal
    /// What applying it did.
    public var outcome: ProposalOutcome
    /// The analysis before.
    public var before: AnalysisResult
    /// The analysis after.
    public var after: AnalysisResult
    /// Findings before that are gone after, the legitimised ones excepted.
    public var resolved: [Finding]
    /// STF001 findings before that are gone after only because the proposal raised the quota to the people
    /// already in post (hợp thức hóa): not counted as resolved.
    public var legitimised: [Finding]
    /// Findings about the proposal itself (PRP001: a quota raised to legitimise staff over quota), in
    /// proposal order.
    public var reviewFindings: [Finding]
    /// Findings after that were not there before.
    public var introduced: [Finding]
    /// Findings in both.
    public var unchanged: [Finding]
    /// Staffing per category, overall (unit nil) then per department.
    public var staffing: [StaffingChange]
    /// The civil-servant reduction asked for, in percent (`--reduction-target`).
    public var reductionTarget: Double?

    /// Reviews `outcome` of `proposal` applied to `chart`.
    public init(proposal: Proposal, chart: OrgChart, outcome: ProposalOutcome, analyzer: Analyzer, reductionTarget: Double?) {
        self.proposal = proposal
        self.outcome = outcome
        before = analyzer.analyze(chart)
        after = analyzer.analyze(outcome.chart)
        let beforeKeys = Set(before.findings.map(Self.key))
        let afterKeys = Set(after.findings.map(Self.key))
        let gone = before.findings.filter { !afterKeys.contains(Self.key($0)) }
        let raises = QuotaLegitimisation.raises(in: proposal, chart: chart)
        reviewFindings = raises.map { QuotaLegitimisation.finding($0, chart: chart) }
        let isLegitimised = { (finding: Finding) -> Bool in
            finding.rule == OverQuotaRule.id && raises.contains { raise in
                finding.units == [raise.unit] && finding.evidence["category"] == .text(raise.category.rawValue)
            }
        }
        resolved = gone.filter { !isLegitimised($0) }
        legitimised = gone.filter(isLegitimised)
        introduced = after.findings.filter { !beforeKeys.contains(Self.key($0)) }
        unchanged = after.findings.filter { beforeKeys.contains(Self.key($0)) }
        self.reductionTarget = reductionTarget
        staffing = Self.staffingChanges(before: before.staffing, after: after.staffing)
    }

    /// What the proposal review findings mean, for the rule catalogue beside the chart rules.
    public static let reviewRules: [RuleDescription] = [QuotaLegitimisation.description]

    /// Civil-servant quota change in percent (negative is a reduction).
    public var civilServantChangePercent: Double? {
        staffing.first { $0.unit == nil && $0.category == .civilServant }?.quotaChangePercent
    }

    /// True when the reduction target is reached (nil when no target was given or no quota recorded).
    public var meetsReductionTarget: Bool? {
        guard let target = reductionTarget, let change = civilServantChangePercent else { return nil }
        return -change >= target
    }

    /// What makes two findings the same one: code, units, duties, mandate, and the regime it is under (a
    /// look-ahead finding is another problem than today's on the same unit).
    static func key(_ finding: Finding) -> String {
        ([finding.code] + finding.units.map(\.rawValue) + ["|"] + finding.duties.map(\.rawValue)
            + ["|", finding.mandate?.rawValue ?? "", "|", finding.effectiveFrom?.description ?? ""]).joined(separator: " ")
    }

    /// Staffing per category before and after, overall (unit nil) then per department.
    static func staffingChanges(before: StaffingSummary, after: StaffingSummary) -> [StaffingChange] {
        var result: [StaffingChange] = []
        let categories = StaffCategory.allCases.filter { category in
            (before.categories + after.categories).contains { $0.category == category }
        }
        for category in categories {
            result.append(StaffingChange(
                unit: nil, category: category,
                before: before.categories.first { $0.category == category }?.figures ?? StaffingFigures(),
                after: after.categories.first { $0.category == category }?.figures ?? StaffingFigures()))
        }
        let rowsBefore = Dictionary(before.units.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        let rowsAfter = Dictionary(after.units.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        var departments = before.departments
        for id in after.departments where !departments.contains(id) { departments.append(id) }
        for department in departments {
            for category in categories {
                let old = rowsBefore[department]?.categories.first { $0.category == category }?.figures
                let new = rowsAfter[department]?.categories.first { $0.category == category }?.figures
                guard old != nil || new != nil else { continue }
                result.append(StaffingChange(unit: department, category: category, before: old ?? StaffingFigures(),
                                             after: new ?? StaffingFigures()))
            }
        }
        return result
    }
}
