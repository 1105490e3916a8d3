import OrgModel

/// Whether, and how far, an analysis looks at the regime that follows the one in force: a review must
/// show what will breach the norms from the day a new regime takes effect, apart from what breaches them
/// today, so that units can plan (vn-org-norms, "Regimes that change").
public enum LookAhead: Sendable, Hashable {
    /// The next regime taking effect within this many months after the date applied (default 12).
    case within(months: Int)
    /// The regime in force on this date, when it is not the one in force on the date applied.
    case on(ChartDate)
    /// No look-ahead.
    case none

    /// The default: a regime that takes effect within 12 months.
    public static let standard = LookAhead.within(months: 12)

    /// The regime to look ahead to from `norms` and the date its breaches start, or nil when there is none
    /// (no date applied, no later regime in the window, or the same regime).
    public func target(from norms: NormContext) -> (regime: NormRegime, from: ChartDate)? {
        guard let applied = norms.asOf else { return nil }
        switch self {
        case .none:
            return nil
        case .within(let months):
            let end = applied.adding(months: months)
            guard let next = NormRegime.allCases.first(where: { regime in
                guard let start = regime.effectiveFrom else { return false }
                return applied < start && start <= end
            }) else { return nil }
            return (next, next.effectiveFrom ?? applied)
        case .on(let date):
            let regime = NormRegime.inForce(on: date)
            guard regime != norms.regime, date > applied else { return nil }
            return (regime, regime.effectiveFrom ?? date)
        }
    }
}
