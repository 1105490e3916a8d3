/// Head and deputy posts of a unit (`leadership` element).
public struct Leadership: Hashable, Sendable, Codable {
    /// Head posts (người đứng đầu); nil when the attribute is absent.
    public var heads: Int?
    /// Deputy posts (cấp phó); nil when the attribute is absent.
    public var deputies: Int?
    /// Head posts that exist but nobody holds (hiện khuyết), at most ``heads``; nil when the attribute is
    /// absent (read as none vacant).
    public var vacantHeads: Int?
    /// The cap on deputy posts the founding decision sets ("không quá 03 Phó Giám đốc"); nil when not recorded.
    public var maxDeputies: Int?

    /// Leadership figures as read.
    public init(heads: Int? = nil, deputies: Int? = nil, vacantHeads: Int? = nil, maxDeputies: Int? = nil) {
        self.heads = heads
        self.deputies = deputies
        self.maxDeputies = maxDeputies
        self.vacantHeads = vacantHeads
    }

    /// Head posts held by someone: ``heads`` less ``vacantHeads``; nil when heads are not recorded.
    public var filledHeads: Int? { heads.map { max(0, $0 - (vacantHeads ?? 0)) } }
}

/// One staff category of a unit as a whole, sub-units included (`staffing` element).
public struct Staffing: Hashable, Sendable, Codable {
    /// The category.
    public var category: StaffCategory
    /// Approved posts (biên chế được giao); nil when not given.
    public var quota: Int?
    /// People in post (có mặt); nil when not given.
    public var actual: Int?
    /// Where the element starts.
    public var location: SourceLocation

    /// Staffing figures as read.
    public init(category: StaffCategory, quota: Int? = nil, actual: Int? = nil, location: SourceLocation) {
        self.category = category
        self.quota = quota
        self.actual = actual
        self.location = location
    }
}
