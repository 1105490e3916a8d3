import OrgModel

/// What one file contributed, before files are merged and cross-checked.
struct ParsedDocument {
    enum Kind {
        case chart
        case catalog
        case unknown
    }

    var file: String
    var kind: Kind = .unknown
    var location: SourceLocation
    var id = ""
    var name = ""
    var asOf: ChartDate?
    var language: String?
    var provinceCategory: ProvinceCategory?
    var illustrative = false
    var catalogSource: String?
    var units: [Unit] = []
    var mandates: [Mandate] = []
    /// A nested unit that also carries a `parent` attribute (the attribute is for top-level units only).
    var nestedParentAttributes: [(unit: UnitID, parent: String, location: SourceLocation)] = []
    /// What the reference checks need from the duties, gathered while reading.
    var digest = ReferenceDigest()
    var dutyCount: Int { units.reduce(0) { $0 + $1.duties.count } }
}
