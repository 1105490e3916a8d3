import OrgModel

/// Where a setting's value came from, as the settings report and findings cite it.
public enum SettingOrigin: Hashable, Sendable {
    /// A legal norm: the instrument and clause, in Vietnamese order; `unconfirmed` when the clause or
    /// figure could not be confirmed in a public source.
    case law(String, unconfirmed: Bool = false)
    /// A default that is not law, with how it was chosen (measured on a labelled set, or not).
    case note(LocalizedText)
    /// A line of a rules file ("rules.yml:12").
    case rulesFile(String)
    /// A command-line option ("--overlap-threshold").
    case option(String)

    /// A default chosen by measurement on the labelled sets.
    public static let measured = SettingOrigin.note(LocalizedText(
        vi: "mặc định, đo trên tập gán nhãn (scripts/eval-similarity)",
        en: "default, measured on the labelled sets (scripts/eval-similarity)"))
    /// A default with no labelled set to measure it on.
    public static let unmeasured = SettingOrigin.note(LocalizedText(
        vi: "mặc định (chưa có tập gán nhãn để đo)", en: "default (no labelled set to measure it on)"))
}

/// One threshold and where its value came from: the norm regime (with the clause), a measured default,
/// a rules file or an option.
public struct NormSetting<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value in force.
    public var value: Value
    /// Where it came from.
    public var source: SettingOrigin

    /// A setting.
    public init(_ value: Value, _ source: SettingOrigin) {
        self.value = value
        self.source = source
    }

    /// A setting from a legal norm.
    public init(_ value: Value, origin citation: String, unconfirmed: Bool = false) {
        self.init(value, .law(citation, unconfirmed: unconfirmed))
    }

    /// Where the value came from, as findings quote it: the legal reference, or "rules file FILE:LINE".
    public var origin: String {
        switch source {
        case .law(let citation, _): citation
        case .note(let note): note.vi
        case .rulesFile(let line): "rules file \(line)"
        case .option(let name): name
        }
    }

    /// True when the clause or figure could not be confirmed in a public source.
    public var unconfirmed: Bool {
        if case .law(_, let unconfirmed) = source { return unconfirmed }
        return false
    }
}

/// What kind of value a parameter takes, for the rules-file reader and the documentation.
public enum ParameterKind: Sendable, Hashable {
    /// A whole number.
    case integer
    /// A number, fractions allowed.
    case number
    /// true or false (a rules file may also write 1 or 0).
    case flag
}

/// A value a parameter can hold. Values travel as `Double` between the rules file, the store and the
/// rule, so that one store holds every parameter; `nil` means the regime sets no value.
public protocol ParameterValue: Sendable, Hashable {
    /// The kind of value.
    static var kind: ParameterKind { get }
    /// The value from its stored form.
    init(stored: Double?)
    /// The value's stored form.
    var stored: Double? { get }
}

extension Int: ParameterValue {
    /// A whole number.
    public static var kind: ParameterKind { .integer }
    /// The value from its stored form.
    public init(stored: Double?) { self = Int(stored ?? 0) }
    /// The value's stored form.
    public var stored: Double? { Double(self) }
}

extension Double: ParameterValue {
    /// A number.
    public static var kind: ParameterKind { .number }
    /// The value from its stored form.
    public init(stored: Double?) { self = stored ?? 0 }
    /// The value's stored form.
    public var stored: Double? { self }
}

extension Bool: ParameterValue {
    /// A flag.
    public static var kind: ParameterKind { .flag }
    /// The value from its stored form.
    public init(stored: Double?) { self = (stored ?? 0) != 0 }
    /// The value's stored form.
    public var stored: Double? { self ? 1 : 0 }
}

extension Optional: ParameterValue where Wrapped: ParameterValue {
    /// The kind of the wrapped value.
    public static var kind: ParameterKind { Wrapped.kind }
    /// nil when the regime sets no value.
    public init(stored: Double?) { self = stored.map { Wrapped(stored: $0) } }
    /// The value's stored form.
    public var stored: Double? { self?.stored }
}

/// Where a parameter is written in a rules file: under `text:` (the text engine's thresholds, shared
/// by several rules) or under `rules: CODE:`.
public enum ParameterSection: Sendable, Hashable {
    /// `text: { key: value }`.
    case text
    /// `rules: { CODE: { key: value } }`.
    case rule
}

/// A parameter without its value type, for the code that iterates every declaration: the rules-file
/// reader, `orgscope rules`, the settings report.
public protocol AnyRuleParameter: Sendable {
    /// The key in a rules file (`minimum_division`); unique across the catalogue.
    var key: String { get }
    /// Where the key is written in a rules file.
    var section: ParameterSection { get }
    /// Whole number, number or flag.
    var kind: ParameterKind { get }
    /// The values a rules file may set.
    var range: ClosedRange<Double> { get }
    /// What the parameter does, in both languages.
    var documentation: LocalizedText { get }
    /// The command-line option that also sets it, if any (`--overlap-threshold`).
    var option: String? { get }
    /// The default in force under `norms`, in its stored form.
    func storedDefault(_ norms: NormContext) -> NormSetting<Double?>
}

/// A threshold a rule owns, declared in the rule's file: its key, type and range, its default under each
/// legal regime with the citation, and its documentation. The rules-file reader, `orgscope rules`, the
/// settings report and the command-line help all iterate these declarations.
public struct RuleParameter<Value: ParameterValue>: AnyRuleParameter {
    /// The key in a rules file.
    public let key: String
    /// Where the key is written in a rules file.
    public let section: ParameterSection
    /// The values a rules file may set.
    public let range: ClosedRange<Double>
    /// What the parameter does.
    public let documentation: LocalizedText
    /// The command-line option that also sets it, if any.
    public let option: String?
    private let defaults: @Sendable (NormContext) -> NormSetting<Value>

    /// A parameter whose default depends on the regime and the province category.
    public init(_ key: String, section: ParameterSection = .rule, range: ClosedRange<Double>, option: String? = nil,
                documentation: LocalizedText, default defaults: @escaping @Sendable (NormContext) -> NormSetting<Value>) {
        self.key = key
        self.section = section
        self.range = range
        self.option = option
        self.documentation = documentation
        self.defaults = defaults
    }

    /// Whole number, number or flag.
    public var kind: ParameterKind { Value.kind }

    /// The default in force under `norms`.
    public func defaultSetting(_ norms: NormContext) -> NormSetting<Value> { defaults(norms) }

    /// The default of the latest regime, for a category II/III province: what help texts quote.
    public var standardDefault: Value { defaults(NormContext(asOf: nil, category: nil)).value }

    /// The default in force under `norms`, in its stored form.
    public func storedDefault(_ norms: NormContext) -> NormSetting<Double?> {
        let setting = defaults(norms)
        return NormSetting(setting.value.stored, setting.source)
    }
}

extension AnyRuleParameter {
    /// How the key is written in the settings report: `text.overlap_threshold`, `minimum_division`.
    public var qualifiedKey: String { section == .text ? "text.\(key)" : key }
}
