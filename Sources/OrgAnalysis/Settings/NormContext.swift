import OrgModel

/// The legal setting one chart is judged in: the regime in force on its date and the province category
/// whose column of the norms applies. Every parameter's default is chosen from this.
public struct NormContext: Sendable, Hashable {
    /// The regime in force.
    public var regime: NormRegime
    /// The date the regime was chosen for (the chart's `asOf`, or `--as-of`); nil when there was none.
    public var asOf: ChartDate?
    /// The province category whose column is used.
    public var provinceCategory: ProvinceCategory
    /// True when the chart gave no category and category II/III was assumed.
    public var categoryAssumed: Bool

    /// The context of the regime in force on `asOf` for `category` (nil: II/III assumed).
    public init(asOf: ChartDate?, category: ProvinceCategory?) {
        regime = NormRegime.inForce(on: asOf)
        self.asOf = asOf
        provinceCategory = category ?? .categoryIII
        categoryAssumed = category == nil
    }
}
