import OrgModel

/// What a rule recommends for each of its findings (kiến nghị): which body leads the fix and what must
/// change. Declared in the rule's file with everything else about the rule; the Word report's
/// recommendations section and annexes read it, adding the decision to amend (the unit's founding
/// decision, when the chart records it) and the deadline (a finding's `deadline` evidence, or the day a
/// new regime takes effect).
public struct Remedy: Hashable, Sendable {
    /// Who leads the fix.
    public enum Lead: Hashable, Sendable {
        /// The department the units belong to, when they all belong to one; otherwise the Department of
        /// Home Affairs advises the provincial People's Committee (clause 3.b of the directive).
        case department
        /// The Department of Home Affairs advises the provincial People's Committee, the departments
        /// concerned cooperating (quotas, the number of departments, the division of powers).
        case homeAffairs
    }

    /// Who leads.
    public var lead: Lead
    /// What must change, as a phrase after the units ("rà soát, điều chỉnh để …").
    public var action: LocalizedText
    /// Whether the fix amends the decision that defines the unit's functions, duties and structure.
    public var amendsDecision: Bool

    /// A remedy.
    public init(lead: Lead, action: LocalizedText, amendsDecision: Bool) {
        self.lead = lead
        self.action = action
        self.amendsDecision = amendsDecision
    }
}
