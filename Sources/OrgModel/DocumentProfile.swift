/// Who issues a Word report and how it is laid out (Decree 30/2020/NĐ-CP, Appendix I): read from a YAML
/// profile (`--profile FILE`); every field has a default that leaves a blank ("…") for the clerk.
public struct DocumentProfile: Hashable, Sendable {
    /// The superior body, in capitals as printed ("UBND TỈNH CAO BẰNG").
    public var superiorBody: String
    /// The issuing body, in capitals as printed ("SỞ NỘI VỤ").
    public var issuingBody: String
    /// The issuing body in running text ("Sở Nội vụ"): "(Kèm theo Báo cáo số … của Sở Nội vụ)".
    public var issuingBodyName: String
    /// The symbol after the number ("BC-SNV"): "Số: …/BC-SNV".
    public var symbol: String
    /// The number, when the clerk has given one; nil prints "…".
    public var number: String?
    /// The place in the dateline ("Cao Bằng").
    public var place: String
    /// The date of the document; nil prints "ngày … tháng … năm …".
    public var date: ChartDate?
    /// The signer.
    public var signer: Signer
    /// The recipients, one per line, without the leading "- " and trailing ";" (added when printed).
    public var recipients: [String]
    /// What follows "Lưu:" on the last recipient line ("VT, TCBC").
    public var archive: String
    /// The directive the review answers to, when its number and date are known.
    public var directive: DecisionReference?
    /// The staffing baseline streamlining is measured against (proposal reports), when stated.
    public var baseline: StaffingBaseline?
    /// Page and type sizes.
    public var layout: PageLayout
    /// Says on the first page that the figures are for illustration ("Số liệu minh họa").
    public var illustrative: Bool

    /// A profile; every argument has the default a clerk would fill in.
    public init(
        superiorBody: String = "UBND TỈNH …", issuingBody: String = "SỞ NỘI VỤ", issuingBodyName: String = "Sở Nội vụ",
        symbol: String = "BC-SNV", number: String? = nil, place: String = "…", date: ChartDate? = nil,
        signer: Signer = Signer(), recipients: [String] = [], archive: String = "VT",
        directive: DecisionReference? = nil, baseline: StaffingBaseline? = nil, layout: PageLayout = PageLayout(),
        illustrative: Bool = false
    ) {
        self.superiorBody = superiorBody
        self.issuingBody = issuingBody
        self.issuingBodyName = issuingBodyName
        self.symbol = symbol
        self.number = number
        self.place = place
        self.date = date
        self.signer = signer
        self.recipients = recipients
        self.archive = archive
        self.directive = directive
        self.baseline = baseline
        self.layout = layout
        self.illustrative = illustrative
    }

    /// Who signs: "KT. GIÁM ĐỐC" (authority, optional), "PHÓ GIÁM ĐỐC" (title), the full name.
    public struct Signer: Hashable, Sendable {
        /// The authority line ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN"), nil when the head signs in person.
        public var authority: String?
        /// The signer's title in capitals ("PHÓ GIÁM ĐỐC").
        public var title: String
        /// The full name; "…" until known.
        public var name: String

        /// A signer.
        public init(authority: String? = nil, title: String = "GIÁM ĐỐC", name: String = "…") {
            self.authority = authority
            self.title = title
            self.name = name
        }
    }

    /// The staffing figures streamlining is measured against (Conclusion 40-KL/TW measures against the
    /// quotas assigned in 2022): civil-servant and public-employee quotas, the date and the source.
    public struct StaffingBaseline: Hashable, Sendable {
        /// Civil-servant quota of the baseline.
        public var civilServants: Int?
        /// Public-employee (viên chức) posts of the baseline.
        public var publicEmployees: Int?
        /// What the baseline is ("Biên chế được giao năm 2022").
        public var label: String
        /// The decision that set it.
        public var source: DecisionReference?

        /// A baseline.
        public init(civilServants: Int? = nil, publicEmployees: Int? = nil, label: String, source: DecisionReference? = nil) {
            self.civilServants = civilServants
            self.publicEmployees = publicEmployees
            self.label = label
            self.source = source
        }
    }

    /// Page and type sizes, each within the decree's range (checked when a profile is read).
    public struct PageLayout: Hashable, Sendable {
        /// Top margin, millimetres (20–25).
        public var marginTop: Double
        /// Bottom margin, millimetres (20–25).
        public var marginBottom: Double
        /// Left margin, millimetres (30–35).
        public var marginLeft: Double
        /// Right margin, millimetres (15–20).
        public var marginRight: Double
        /// Body text size, points (13–14).
        public var bodySize: Double
        /// First-line indent of body paragraphs, centimetres (1–1.27).
        public var firstLineIndent: Double
        /// Line spacing, in lines (1–1.5).
        public var lineSpacing: Double

        /// The decree's ranges: every field must lie within its own.
        public static let ranges: [(key: String, range: ClosedRange<Double>)] = [
            ("margin_top", 20...25), ("margin_bottom", 20...25), ("margin_left", 30...35), ("margin_right", 15...20),
            ("body_size", 13...14), ("first_line_indent", 1...1.27), ("line_spacing", 1...1.5),
        ]

        /// A layout; the defaults are the usual choice of provincial offices.
        public init(marginTop: Double = 20, marginBottom: Double = 20, marginLeft: Double = 30, marginRight: Double = 15,
                    bodySize: Double = 14, firstLineIndent: Double = 1.27, lineSpacing: Double = 1.15) {
            self.marginTop = marginTop
            self.marginBottom = marginBottom
            self.marginLeft = marginLeft
            self.marginRight = marginRight
            self.bodySize = bodySize
            self.firstLineIndent = firstLineIndent
            self.lineSpacing = lineSpacing
        }
    }
}
