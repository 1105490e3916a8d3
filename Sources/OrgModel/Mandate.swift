/// A duty that the law requires someone to carry out (a state-management task).
public struct Mandate: Hashable, Sendable, Codable {
    /// Unique across the chart and every catalogue.
    public var id: MandateID
    /// What must be done, NFC-normalised.
    public var text: String
    /// A free sector token (`noi-vu`, `tai-chinh`, ...).
    public var sector: String?
    /// The level of government that must carry it out.
    public var level: GovernmentLevel?
    /// The legal basis, shown in reports.
    public var source: String?
    /// The id of the catalogue (or chart) that declared it.
    public var catalog: String
    /// Where the `mandate` element starts.
    public var location: SourceLocation

    /// A mandate as read from a file.
    public init(
        id: MandateID, text: String, sector: String? = nil, level: GovernmentLevel? = nil,
        source: String? = nil, catalog: String, location: SourceLocation
    ) {
        self.id = id
        self.text = text
        self.sector = sector
        self.level = level
        self.source = source
        self.catalog = catalog
        self.location = location
    }
}

/// The header of a mandate catalogue that was loaded (its mandates are in ``OrgChart/mandates``).
public struct CatalogInfo: Hashable, Sendable, Codable {
    /// The catalogue's id.
    public var id: String
    /// The catalogue's name.
    public var name: String
    /// Its legal source, when given.
    public var source: String?
    /// Where it was read from.
    public var location: SourceLocation

    /// A catalogue header.
    public init(id: String, name: String, source: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.source = source
        self.location = location
    }
}
