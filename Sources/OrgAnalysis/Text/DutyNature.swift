import OrgModel

/// What kind of work a duty is: state management of a sector (quản lý nhà nước), the internal work of the
/// unit's own body (công tác nội bộ), or a public service delivered by a public service unit (dịch vụ sự
/// nghiệp công). Only state management answers for a mandate of the catalogue: the mandates are the state
/// functions of the province, so an internal or service duty is never *inferred* to a mandate and never
/// counts as an inferred lead. What the chart writes explicitly (`mandate=`, `role=`) is kept as written.
public enum DutyNature: String, CaseIterable, Sendable, Codable {
    /// Quản lý nhà nước: advising on, guiding, inspecting a sector for the whole territory.
    case stateManagement = "state-management"
    /// Công tác nội bộ: the unit's own records, emulation, plan, budget, staff.
    case `internal`
    /// Dịch vụ sự nghiệp công: calibration, testing, training, consultancy by a public service unit.
    case publicService = "public-service"

    /// The nature's name in a report.
    public var label: LocalizedText {
        switch self {
        case .stateManagement: LocalizedText(vi: "quản lý nhà nước", en: "state management")
        case .internal: LocalizedText(vi: "công tác nội bộ", en: "internal work")
        case .publicService: LocalizedText(vi: "dịch vụ sự nghiệp công", en: "public service")
        }
    }

    /// Classifies a duty written in a unit of `kind`. Deterministic, and insensitive to Unicode
    /// normalisation, tone-mark placement and missing diacritics: cues are written below as a reader writes
    /// them and matched on the plain syllables of ``VietnameseText`` (no marks, `đ` → `d`, `lý` → `li`),
    /// whole syllables only.
    ///
    /// In order:
    /// 1. "quản lý nhà nước" written out: state management, whatever else the text says.
    /// 2. A public service unit whose duty names a service (dịch vụ, kiểm định, hiệu chuẩn, thử nghiệm,
    ///    đào tạo, tư vấn, phục vụ, ...): public service. A public service unit's other duties fall through.
    /// 3. The unit's own housekeeping as the text engine already knows it (``SelfAdministrationDuty``:
    ///    "của Sở" but not "sở hữu", "của Chi cục", "của Trung tâm", "thuộc Sở", "nội bộ"), or another marker
    ///    of the unit's own body: "do Sở làm chủ đầu tư", "của cơ quan mình"; "của cơ quan", "của đơn vị",
    ///    "của Ban", "của Văn phòng" ending a clause (not "của cơ quan báo chí", "của đơn vị kinh doanh
    ///    vận tải"): internal.
    /// 4. "của ngành", "trong ngành" with an internal subject (thi đua, khen thưởng of the sector, its own
    ///    plan or budget): internal. Alone they are not ("phạm vi quản lý của ngành" is state management).
    /// 5. Outside public service units, an internal subject (văn thư, lưu trữ; thi đua, khen thưởng; kế
    ///    toán; hành chính, quản trị) with no word turned outward (hướng dẫn, kiểm tra, thanh tra, thẩm
    ///    định, trên địa bàn, của tỉnh, phong trào, các cơ quan, tổ chức, cá nhân, cộng đồng): internal.
    /// 6. Otherwise state management.
    public static func classify(_ text: String, unitKind: UnitKind) -> DutyNature {
        var cache = VietnameseText.SyllableCache()
        return classify(text, unitKind: unitKind, cache: &cache)
    }

    /// ``classify(_:unitKind:)`` with the words' syllables remembered in `cache` (one per thread).
    static func classify(_ text: String, unitKind: UnitKind, cache: inout VietnameseText.SyllableCache) -> DutyNature {
        read(text, cache: &cache).nature(unitKind: unitKind)
    }

    /// What a text's words say of its nature in any unit: ``classify(_:unitKind:)`` is the reading's
    /// ``Reading/nature(unitKind:)``, so that copies of a text in units of every kind are read once.
    static func read(_ text: String, cache: inout VietnameseText.SyllableCache) -> Reading {
        // Matched on bytes: Foundation's substring search was most of the cost of a national chart.
        var plain: [UInt8] = []
        plain.reserveCapacity(text.utf8.count + 2)
        cache.paddedPlain(text, into: &plain)
        var reading = Reading(found: Cue.phrases.groups(in: plain))
        // State management written out decides in every unit: nothing else is read.
        guard !reading.has(.stateManagement) else { return reading }
        if reading.has(.ownBody) || SelfAdministrationDuty.matches(padded: plain) {
            reading.marksOwnBody = true
        } else if reading.has(.clauseEnd) {
            // Clause-final markers: split into clauses only when one of them occurs at all.
            let clauses = text.split(whereSeparator: { ";,.:()".contains($0) }).map { plainForm(String($0)) }
            reading.marksOwnBody = clauses.contains { clause in
                clauseEndMarkers.contains { clause == $0 || clause.hasSuffix(" " + $0) }
            }
        }
        return reading
    }

    /// The cues a text names, and whether it marks the unit's own body (steps 3 of
    /// ``classify(_:unitKind:)``): all of the text that decides its nature.
    struct Reading: Sendable {
        fileprivate var found: UInt64
        fileprivate var marksOwnBody = false

        fileprivate func has(_ cue: Cue) -> Bool { found & (1 << UInt64(cue.rawValue)) != 0 }

        /// The nature of a duty with this reading in a unit of `unitKind`, in the order of
        /// ``classify(_:unitKind:)``.
        func nature(unitKind: UnitKind) -> DutyNature {
            if has(.stateManagement) { return .stateManagement }
            let serviceUnit = unitKind == .publicServiceUnit
            if serviceUnit, has(.service) { return .publicService }
            if marksOwnBody { return .internal }
            if has(.sector), has(.internalSubjects) || has(.sectorInternalSubjects) { return .internal }
            if !serviceUnit, has(.internalSubjects), !has(.outward) { return .internal }
            return .stateManagement
        }
    }

    /// The cue lists, found in one pass over a duty's plain keys (``PaddedPhrases``), whole syllables only.
    fileprivate enum Cue: Int, CaseIterable {
        case stateManagement, service, ownBody, clauseEnd, sector, internalSubjects, sectorInternalSubjects, outward

        static let phrases = PaddedPhrases(allCases.map(\.list))

        private var list: [String] {
            switch self {
            case .stateManagement: stateManagementCues
            case .service: serviceCues
            case .ownBody: ownBodyMarkers
            case .clauseEnd: clauseEndMarkers
            case .sector: sectorMarkers
            case .internalSubjects: DutyNature.internalSubjects
            case .sectorInternalSubjects: DutyNature.sectorInternalSubjects
            case .outward: outwardCues
            }
        }
    }

    /// The plain syllables of `text` joined by single spaces: the form cues are written in and matched on.
    static func plainForm(_ text: String) -> String {
        VietnameseText.syllables(text).map(\.plain).joined(separator: " ")
    }

    /// Cue phrases as a reader writes them, reduced to ``plainForm(_:)``.
    private static func cues(_ phrases: [String]) -> [String] { phrases.map(plainForm) }

    /// Words that name state management outright.
    static let stateManagementCues = cues(["quản lý nhà nước"])

    /// Services a public service unit delivers to the public (hoạt động sự nghiệp công): measurement and
    /// testing, training, consultancy, and any "dịch vụ".
    static let serviceCues = cues([
        "dịch vụ",                               // a service, of any kind
        "kiểm định", "hiệu chuẩn", "thử nghiệm", // verification, calibration, testing
        "đào tạo", "bồi dưỡng",                  // training
        "tư vấn",                                // consultancy
        "phục vụ",                               // serving readers, users ("phục vụ độc giả")
    ])

    /// Phrases that make a duty about the unit's own body wherever they stand, besides those of
    /// ``SelfAdministrationDuty`` ("của Sở", "nội bộ", ...).
    static let ownBodyMarkers = cues([
        "Sở làm chủ đầu tư",                     // projects "do Sở làm chủ đầu tư": its own investment
        "của cơ quan mình", "của đơn vị mình",
    ])

    /// Phrases that make a duty about the unit's own body when they end a clause ("hồ sơ của cơ quan;").
    static let clauseEndMarkers = cues(["của cơ quan", "của đơn vị", "của Ban", "của Văn phòng"])

    /// The sector as a whole ("thi đua, khen thưởng của ngành giáo dục"): internal only with an internal
    /// subject.
    static let sectorMarkers = cues(["của ngành", "trong ngành", "toàn ngành"])

    /// Subjects internal when said of the sector itself: its plan, budget, staff.
    static let sectorInternalSubjects = cues(["kế hoạch", "tài chính", "dự toán", "tổ chức cán bộ"])

    /// Subjects that, unless turned outward, are the work every body does for itself.
    static let internalSubjects = cues([
        "văn thư", "lưu trữ",                    // its own records and archives
        "thi đua", "khen thưởng",                // its own emulation and rewards
        "kế toán",                               // its own accounts
        "hành chính quản trị",                   // its own administration and premises
    ])

    /// Words that turn a subject outward, to other bodies or the territory: state management.
    static let outwardCues = cues([
        "hướng dẫn", "kiểm tra", "thanh tra", "thẩm định",
        "trên địa bàn", "của tỉnh", "toàn tỉnh", "phong trào", "các cơ quan", "tổ chức, cá nhân", "cộng đồng",
    ])
}
