import OrgModel

/// Which rules run, at what severity, with which thresholds.
public struct AnalysisConfiguration: Sendable {
    /// Rules switched off.
    public var disabled: Set<RuleID>
    /// Severity overrides.
    public var severities: [RuleID: Severity]
    /// Parameter values set by a rules file or an option, by parameter key; every other parameter takes
    /// its declared default under the chart's regime.
    public var overrides: [String: SettingOverride]
    /// How the similarity join finds candidate pairs.
    public var join: SimilarityJoin.Mode
    /// Candidate pairs the similarity join may verify before it gives up (a chart whose duties are
    /// nearly all alike would otherwise take hours and all memory); a national chart needs a few million.
    public var maxCandidates: Int
    /// The date whose legal regime applies, when it should not be the chart's `asOf` (`--as-of`).
    public var asOf: ChartDate?
    /// Whether the rules whose norms change also run under the next regime (default: one taking effect
    /// within 12 months); their new or worse findings are reported apart, with `effectiveFrom`.
    public var lookAhead: LookAhead = .standard
    /// The vocabulary the text engine reads duties through: the shipped thesaurus, then each
    /// `--thesaurus FILE` (`--no-shipped-thesaurus` starts from nothing).
    public var thesaurus = Thesaurus.shipped
    /// Where `disabled` and `severities` entries came from, when a rules file set them:
    /// "severity.OVL002", "disabled.GAP003" → "rules.yml:3".
    public var origins: [String: String] = [:]

    /// The defaults: every rule on, at its default severity, every parameter at its default under the
    /// regime of the chart's date.
    public init(disabled: Set<RuleID> = [], severities: [RuleID: Severity] = [:],
                overrides: [String: SettingOverride] = [:], join: SimilarityJoin.Mode = .prefixFilter,
                maxCandidates: Int = 50_000_000, asOf: ChartDate? = nil) {
        self.disabled = disabled
        self.severities = severities
        self.overrides = overrides
        self.join = join
        self.maxCandidates = maxCandidates
        self.asOf = asOf
    }

    /// Sets `parameter` to `value`.
    public mutating func set<Value>(_ parameter: RuleParameter<Value>, to value: Value, from source: SettingOrigin) {
        overrides[parameter.key] = SettingOverride(value.stored, source)
    }

    /// The regime and category `chart` is judged under.
    public func norms(for chart: OrgChart) -> NormContext {
        NormContext(asOf: asOf ?? chart.asOf, category: chart.provinceCategory)
    }

    /// The regime the analysis looks ahead to for `chart`, with the context its parameters take defaults
    /// from and the date its breaches start; nil when there is none.
    public func lookAheadNorms(for chart: OrgChart) -> (norms: NormContext, from: ChartDate)? {
        guard let target = lookAhead.target(from: norms(for: chart)) else { return nil }
        return (NormContext(asOf: target.from, category: chart.provinceCategory), target.from)
    }

    /// Every parameter's value in force for `chart`: its regime's defaults, then the overrides.
    public func settings(for chart: OrgChart) -> RuleSettings {
        RuleSettings(norms: norms(for: chart), overrides: overrides)
    }
}
