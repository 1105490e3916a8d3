/// A figure a rule puts in its findings' evidence: the key (the JSON report's machine interface) and its
/// label in each report language, so that a Vietnamese report shows no English key. Each rule lists the
/// keys it emits in its own file (``Rule/evidence``); the reporters read the labels from there.
public struct EvidenceKey: Hashable, Sendable {
    /// The key in `Finding.evidence` and the JSON report.
    public let key: String
    /// The label in reports.
    public let label: LocalizedText

    /// A key and its labels.
    public init(_ key: String, vi: String, en: String) {
        self.key = key
        label = LocalizedText(vi: vi, en: en)
    }
}

/// Keys several rules emit, declared once.
extension EvidenceKey {
    /// The legal basis of a threshold.
    public static let basis = EvidenceKey("basis", vi: "căn cứ", en: "basis")
    /// The staff category.
    public static let category = EvidenceKey("category", vi: "loại biên chế", en: "category")
    /// Deputies.
    public static let deputies = EvidenceKey("deputies", vi: "cấp phó", en: "deputies")
    /// Departments counted.
    public static let departments = EvidenceKey("departments", vi: "số sở", en: "departments")
    /// An excess.
    public static let excess = EvidenceKey("excess", vi: "vượt", en: "excess")
    /// A quota.
    public static let quota = EvidenceKey("quota", vi: "biên chế giao", en: "quota")
    /// Sub-units.
    public static let subUnits = EvidenceKey("subUnits", vi: "đơn vị trực thuộc", en: "sub-units")
    /// Each duty's nature ("dutyId=nature": state-management, internal, public-service).
    public static let dutyNatures = EvidenceKey("dutyNatures", vi: "tính chất nhiệm vụ", en: "duty natures")
    /// The unit that must fix a gap (the department of the mandate's sector).
    public static let responsibleUnit = EvidenceKey("responsibleUnit", vi: "cơ quan chịu trách nhiệm", en: "responsible unit")
    /// The department whose functions name the mandate.
    public static let inFunctionsOf = EvidenceKey("inFunctionsOf", vi: "ghi trong chức năng của", en: "in the functions of")
    /// The codes of the findings merged into this one.
    public static let alsoCodes = EvidenceKey("alsoCodes", vi: "gộp cùng các mã", en: "also codes")
    /// The mandate a merged lead conflict was about.
    public static let mandate = EvidenceKey("mandate", vi: "nhiệm vụ theo quy định", en: "mandate")
    /// The mandate's source.
    public static let mandateSource = EvidenceKey("mandateSource", vi: "nguồn nhiệm vụ", en: "mandate source")
}
