import OrgModel

/// The legal basis of a rule.
public struct LegalCitation: Hashable, Sendable {
    /// The instrument and clause, e.g. "Chỉ thị của Chủ tịch UBND tỉnh Cao Bằng (2022), khoản 1.c".
    public var reference: String
    /// The words of the clause, quoted.
    public var quote: String?
    /// True when the clause number or figure could not be confirmed in a public source.
    public var unconfirmed: Bool

    /// A citation.
    public init(reference: String, quote: String? = nil, unconfirmed: Bool = false) {
        self.reference = reference
        self.quote = quote
        self.unconfirmed = unconfirmed
    }
}

/// A tiny chart that shows a rule at work, run as a test: it must trigger the rule exactly on
/// `expectedUnits` (empty for an example that must not trigger it).
public struct RuleExample: Hashable, Sendable {
    /// What the example shows, in both languages.
    public var note: LocalizedText
    /// The `<unit>` elements of the chart (wrapped into a full `<orgChart>` by ``document``).
    public var units: String
    /// `<mandate>` elements for the chart's `<mandates>` section, if the example needs any.
    public var mandates: String
    /// The first unit id of every finding the rule must report on this chart, in report order.
    public var expectedUnits: [UnitID]

    /// An example that must trigger the rule on `expectedUnits` (must not trigger when empty).
    public init(_ note: LocalizedText, units: String, mandates: String = "", expectedUnits: [UnitID]) {
        self.note = note
        self.units = units
        self.mandates = mandates
        self.expectedUnits = expectedUnits
    }

    /// True when the rule must report something on this example.
    public var triggers: Bool { !expectedUnits.isEmpty }

    /// The example as a complete OrgChart XML v1 document.
    public var document: String {
        let mandateSection = mandates.isEmpty ? "" : "  <mandates>\n\(mandates)\n  </mandates>\n"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="example" name="Ví dụ" asOf="2025-10-01" \
            provinceCategory="III">
            \(mandateSection)\(units)
            </orgChart>

            """
    }
}

/// Everything there is to know about a rule: its documentation and its test specification at once.
/// `orgscope rules` and `orgscope explain CODE` print exactly this.
public struct RuleDescription: Hashable, Sendable {
    /// Stable code: a code never changes meaning and a retired code is never reused.
    public var code: String
    /// A short machine-friendly name (`unit-without-head`).
    public var shortName: String
    /// The title.
    public var title: LocalizedText
    /// Why the rule exists, quoting the directive or the norm.
    public var rationale: LocalizedText
    /// The legal basis.
    public var citations: [LegalCitation]
    /// Severity unless configured otherwise.
    public var defaultSeverity: Severity
    /// Charts that must and must not trigger the rule.
    public var examples: [RuleExample]

    /// A description.
    public init(
        code: String, shortName: String, title: LocalizedText, rationale: LocalizedText,
        citations: [LegalCitation], defaultSeverity: Severity, examples: [RuleExample]
    ) {
        self.code = code
        self.shortName = shortName
        self.title = title
        self.rationale = rationale
        self.citations = citations
        self.defaultSeverity = defaultSeverity
        self.examples = examples
    }
}
