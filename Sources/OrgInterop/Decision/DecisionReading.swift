import OrgModel

/// What one decision says, as read: who issued it, which body it defines, that body's functions, duties
/// (with where each is written), the units under it and the cap on its deputies.
struct DecisionReading: Sendable {
    /// What the decision defines.
    enum Kind: String, Sendable {
        /// A department (sở), issued by the provincial People's Committee.
        case department
        /// The divisions of a department (the director's decision), each with its duties.
        case divisions
        /// A sub-department (chi cục, ban).
        case subDepartment
        /// A public service unit (trung tâm, …).
        case publicServiceUnit
    }

    /// A unit the decision names under the body it defines, or a division a divisions decision defines.
    struct SubUnit: Sendable {
        var name: String
        var kind: UnitKind
        var position: Int
    }

    /// A duty and where it is written.
    struct ReadDuty: Sendable {
        /// The name of the unit that carries it.
        var unit: String
        var text: String
        /// "điểm b khoản 5 Điều 2", without the decision.
        var provision: String
        var catchAll: Bool
        var position: Int
    }

    var file: String
    var number: String?
    var date: ChartDate?
    /// The issuing People's Committee, as a name ("Ủy ban nhân dân tỉnh Cao Bằng").
    var committee: String?
    var kind: Kind = .department
    /// The body the decision defines (nil for a divisions decision).
    var unitName: String?
    /// The body it belongs to ("Sở Tư pháp" for a divisions, sub-department or public service unit decision).
    var parentName: String?
    var functions: [String] = []
    var maxDeputies: Int?
    var subUnits: [SubUnit] = []
    var duties: [ReadDuty] = []
    /// "Quy định ban hành kèm theo" when the articles are those of an attached regulation.
    var attachment: String?
    /// Paragraphs read in the duty and structure articles, and how many were not used (each warned).
    var paragraphsRead = 0
    var paragraphsUnused = 0

    /// The citation of a provision of this decision, smallest part first ("điểm b khoản 5 Điều 2 Quyết
    /// định số 12/2025/QĐ-UBND").
    func source(_ provision: String) -> String {
        let decision = number.map { "Quyết định số " + $0 } ?? "Quyết định"
        return provision + " " + (attachment.map { $0 + " " } ?? "") + decision
    }
}

/// The kinds and names of units as decisions write them.
enum UnitNaming {
    /// The kind of unit a name denotes; nil when the name is not a unit's.
    static func kind(of name: String) -> UnitKind? {
        let lower = name.lowercased()
        for (prefix, kind) in prefixes where lower.hasPrefix(prefix) { return kind }
        return nil
    }

    private static let prefixes: [(String, UnitKind)] = [
        ("văn phòng", .division), ("thanh tra", .division), ("phòng ", .division),
        ("chi cục", .subDepartment), ("ban quản lý", .publicServiceUnit), ("ban ", .subDepartment),
        ("trung tâm", .publicServiceUnit), ("bệnh viện", .publicServiceUnit), ("trường", .publicServiceUnit),
        ("viện ", .publicServiceUnit), ("bảo tàng", .publicServiceUnit), ("thư viện", .publicServiceUnit),
        ("nhà văn hóa", .publicServiceUnit), ("nhà hát", .publicServiceUnit), ("đoàn ", .publicServiceUnit),
        ("quỹ ", .publicServiceUnit), ("đài ", .publicServiceUnit), ("vườn quốc gia", .publicServiceUnit),
        ("khu bảo tồn", .publicServiceUnit), ("đội ", .division),
        ("sở ", .department),
    ]

    /// A unit's name as a structure article lists it, made whole: "Văn phòng" of a department is
    /// "Văn phòng Sở", "Thanh tra" is "Thanh tra Sở"; a trailing ";" or "." and "(nếu có)" removed.
    static func complete(_ name: String, parentIsDepartment: Bool) -> String {
        var text = name.trimmingCharacters(in: .whitespaces)
        while let last = text.last, ";.,".contains(last) { text.removeLast() }
        text = text.replacingOccurrences(of: " (nếu có)", with: "").trimmingCharacters(in: .whitespaces)
        if parentIsDepartment, text == "Văn phòng" || text == "Thanh tra" { text += " Sở" }
        return text
    }

    /// The same name whatever its case and spacing: how units named in several decisions are matched.
    static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
