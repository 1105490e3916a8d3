import OrgModel

/// PRP001, a proposal review finding: a proposal raises a unit's quota in a category up to (or towards)
/// the number of people already in post over quota. Raising the quota to match the excess legitimises it
/// (hợp thức hóa): the STF001 that disappears because of it is not resolved, and the proposal must say so.
/// Proposal review findings are not rules of a chart: `orgscope propose` reports them, and
/// ``ProposalReview/reviewRules`` documents them beside the chart rules.
public enum QuotaLegitimisation {
    /// The code of the finding (proposal review codes start with PRP).
    public static let id = RuleID(rawValue: "PRP001")

    /// The norm a quota raised over people in post offends.
    static let basis = "Điều 18 Nghị định số 62/2020/NĐ-CP"

    /// What the finding means, as `orgscope rules` may list it.
    public static let description = RuleDescription(
        code: id.rawValue,
        shortName: "quota-raised-to-legitimise",
        title: LocalizedText(vi: "Đề án nâng biên chế để hợp thức hóa số người vượt biên chế",
                             en: "Proposal raises a quota to legitimise staff over quota"),
        rationale: LocalizedText(
            vi: "Nâng biên chế được giao của một đơn vị lên bằng (hoặc gần bằng) số người đã có mặt vượt biên chế là "
                + "hợp thức hóa số vượt, không phải khắc phục vi phạm. Theo Điều 18 Nghị định số 62/2020/NĐ-CP, người "
                + "đứng đầu để số người làm việc vượt biên chế được giao thì bị xử lý kỷ luật và phải bồi hoàn chi phí. "
                + "Vì vậy đề án như vậy được nêu để rà soát, và phát hiện STF001 mất đi do việc nâng biên chế được báo "
                + "là “hợp thức hóa”, không tính là đã khắc phục.",
            en: "Raising a unit's quota to (or towards) the number already in post over quota legitimises the "
                + "excess; it does not remedy the breach. Under Art. 18 of Decree 62/2020 a head who lets people in "
                + "post exceed the assigned quota is disciplined and must repay what the excess cost. Such a proposal "
                + "is flagged for review, and the STF001 finding that disappears because of it is reported as "
                + "legitimised, not resolved."),
        citations: [LegalCitation(reference: basis)],
        defaultSeverity: .warning,
        examples: [])

    /// One quota raise over people already in post.
    public struct Raise: Hashable, Sendable {
        /// The unit.
        public var unit: UnitID
        /// The category.
        public var category: StaffCategory
        /// Quota before the proposal.
        public var quotaBefore: Int
        /// Quota the proposal sets.
        public var quotaAfter: Int
        /// People in post before the proposal.
        public var actual: Int
        /// The proposal line of the operation.
        public var location: SourceLocation

        /// How much of the excess the raise covers.
        public var legitimised: Int { min(quotaAfter, actual) - quotaBefore }
        /// True when the raise covers the whole excess.
        public var coversExcess: Bool { quotaAfter >= actual }
    }

    /// Every `setStaffing` of `proposal` that raises the quota of a unit of `chart` that was over quota in
    /// that category, in proposal order.
    public static func raises(in proposal: Proposal, chart: OrgChart) -> [Raise] {
        let units = Dictionary(chart.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Raise] = []
        for operation in proposal.operations {
            guard case .setStaffing(let id, let category, let quota, _) = operation.action, let quota,
                  let figures = units[id]?.staffing(category), let before = figures.quota, let actual = figures.actual,
                  actual > before, quota > before else { continue }
            result.append(Raise(unit: id, category: category, quotaBefore: before, quotaAfter: quota, actual: actual,
                                location: operation.location))
        }
        return result
    }

    /// The review finding of a raise.
    public static func finding(_ raise: Raise, chart: OrgChart) -> Finding {
        let unit = chart.units.first { $0.id == raise.unit }
        let name = unit?.name ?? raise.unit.rawValue
        let quotaName = raise.category.quotaNames, people = raise.category.names
        let count = OfficialWording.count
        let excess = raise.actual - raise.quotaBefore
        let vi = "Đề án nâng \(quotaName.vi) của \(name) từ \(count(raise.quotaBefore)) lên \(count(raise.quotaAfter)), "
            + "trong khi số \(people.vi) hiện có là \(count(raise.actual)) người, vượt \(count(excess)) người so với "
            + "\(quotaName.vi) được giao (\(count(raise.quotaBefore))): "
            + (raise.coversExcess ? "hợp thức hóa toàn bộ số vượt" : "hợp thức hóa \(count(raise.legitimised)) người vượt")
            + ", không phải khắc phục vi phạm (\(basis))"
        let en = "The proposal raises the \(quotaName.en) of \(name) from \(raise.quotaBefore) to \(raise.quotaAfter), "
            + "while \(raise.actual) \(people.en) are in post, \(excess) over the assigned quota (\(raise.quotaBefore)): "
            + (raise.coversExcess ? "it legitimises the whole excess" : "it legitimises \(raise.legitimised) of the excess")
            + " rather than remedying it (Art. 18 of Decree 62/2020)"
        return Finding(
            rule: id, severity: description.defaultSeverity, units: [raise.unit],
            message: LocalizedText(vi: vi, en: en),
            evidence: ["category": .text(raise.category.rawValue), "quota": .int(raise.quotaBefore),
                       "proposedQuota": .int(raise.quotaAfter), "actual": .int(raise.actual),
                       "excess": .int(excess), "legitimised": .int(raise.legitimised), "basis": .text(basis)],
            location: raise.location)
    }

    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .quota, .excess, .basis,
        EvidenceKey("actual", vi: "có mặt", en: "in post"),
        EvidenceKey("proposedQuota", vi: "biên chế đề xuất", en: "proposed quota"),
        EvidenceKey("legitimised", vi: "số được hợp thức hóa", en: "legitimised"),
    ]
}
