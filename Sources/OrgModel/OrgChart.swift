/// One organisation at one date: everything the importer read from the chart files and catalogues.
public struct OrgChart: Hashable, Sendable, Codable {
    /// The chart id (of the first chart file when several are merged).
    public var id: String
    /// The chart name.
    public var name: String
    /// The date the chart describes.
    public var asOf: ChartDate?
    /// BCP 47 language of the texts (default `vi`).
    public var language: String
    /// Selects the staffing norms.
    public var provinceCategory: ProvinceCategory?
    /// True when the chart's figures are an illustration (`illustrative="true"`), not an organisation's
    /// real data: reports say so ("Số liệu minh họa").
    public var illustrative: Bool
    /// Every unit, in document order (files in the order given).
    public var units: [Unit]
    /// Every mandate: embedded in the chart, then from catalogues, in the order given.
    public var mandates: [Mandate]
    /// The catalogues loaded.
    public var catalogs: [CatalogInfo]
    /// The files the chart was read from, in the order given.
    public var sourceFiles: [String]

    /// A chart.
    public init(
        id: String, name: String, asOf: ChartDate? = nil, language: String = "vi",
        provinceCategory: ProvinceCategory? = nil, illustrative: Bool = false, units: [Unit] = [],
        mandates: [Mandate] = [], catalogs: [CatalogInfo] = [], sourceFiles: [String] = []
    ) {
        self.id = id
        self.name = name
        self.asOf = asOf
        self.language = language
        self.provinceCategory = provinceCategory
        self.illustrative = illustrative
        self.units = units
        self.mandates = mandates
        self.catalogs = catalogs
        self.sourceFiles = sourceFiles
    }

    /// The number of duties over all units.
    public var dutyCount: Int {
        // By index: `reduce` would hand over a copy of every unit (a reference counted per member).
        var count = 0
        for position in units.indices { count += units[position].duties.count }
        return count
    }
}
