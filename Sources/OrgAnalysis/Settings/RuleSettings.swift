import OrgModel

/// A value set for a parameter by a rules file or an option, in its stored form.
public struct SettingOverride: Sendable, Hashable {
    /// The value (`nil` is never set by a user; kept for symmetry with the store).
    public var value: Double?
    /// Where it was set.
    public var source: SettingOrigin

    /// An override.
    public init(_ value: Double?, _ source: SettingOrigin) {
        self.value = value
        self.source = source
    }
}

/// Every parameter's value in force for one chart: each declaration's default under the chart's regime
/// and category, then the overrides of the rules file and the options. Rules read their thresholds here;
/// no rule body holds a number of its own.
public struct RuleSettings: Sendable {
    /// The regime and category the defaults were chosen for.
    public let norms: NormContext
    private let values: [String: NormSetting<Double?>]

    /// The settings of every parameter of `parameters` under `norms`, with `overrides` (by key) applied.
    public init(norms: NormContext, parameters: [any AnyRuleParameter] = RuleCatalog.parameters,
                overrides: [String: SettingOverride] = [:]) {
        self.norms = norms
        var values: [String: NormSetting<Double?>] = [:]
        for parameter in parameters {
            values[parameter.key] = overrides[parameter.key].map { NormSetting($0.value, $0.source) }
                ?? parameter.storedDefault(norms)
        }
        self.values = values
    }

    /// The setting of `parameter` in force.
    public subscript<Value>(_ parameter: RuleParameter<Value>) -> NormSetting<Value> {
        let stored = values[parameter.key] ?? parameter.storedDefault(norms)
        return NormSetting(Value(stored: stored.value), stored.source)
    }

    /// The setting of any parameter, in its stored form (for reports that list every parameter).
    public func stored(_ parameter: any AnyRuleParameter) -> NormSetting<Double?> {
        values[parameter.key] ?? parameter.storedDefault(norms)
    }
}
