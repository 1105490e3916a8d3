import OrgModel

/// How the norms classify units: what a "division of a department" is, and so on.
extension DutyGraph {
    /// A department, or an office standing at department level (Văn phòng Ủy ban nhân dân tỉnh).
    public func isDepartmentLevel(_ unit: Int) -> Bool {
        let kind = chart.units[unit].kind
        if kind == .department { return true }
        guard kind == .office, let parent = parent[unit] else { return false }
        return chart.units[parent].kind == .committee
    }

    /// A division (or the office) of a department: phòng thuộc sở, văn phòng sở.
    func isDivisionOfDepartment(_ unit: Int) -> Bool {
        let kind = chart.units[unit].kind
        guard kind == .division || kind == .office, let parent = parent[unit] else { return false }
        return isDepartmentLevel(parent)
    }

    /// A division of a sub-department: phòng thuộc chi cục.
    func isDivisionOfSubDepartment(_ unit: Int) -> Bool {
        guard chart.units[unit].kind == .division, let parent = parent[unit] else { return false }
        return chart.units[parent].kind == .subDepartment
    }

    /// Civil-servant quota (biên chế công chức), if recorded.
    func civilServantQuota(_ unit: Int) -> Int? { chart.units[unit].staffing(.civilServant)?.quota }

    /// Public-employee quota (số lượng người làm việc), if recorded.
    func publicEmployeeQuota(_ unit: Int) -> Int? { chart.units[unit].staffing(.publicEmployee)?.quota }

    /// Deputy posts, if recorded.
    public func deputies(_ unit: Int) -> Int? { chart.units[unit].leadership?.deputies }

    /// Province-level committees: the jurisdictions whose departments are counted and averaged.
    var provinceCommittees: [Int] {
        chart.units.indices.filter { chart.units[$0].kind == .committee && level[$0] == .province && jurisdiction[$0] == $0 }
    }
}

extension StaffCategory {
    /// The category's name in both languages.
    var names: LocalizedText {
        switch self {
        case .civilServant: LocalizedText(vi: "công chức", en: "civil servants")
        case .publicEmployee: LocalizedText(vi: "viên chức", en: "public employees")
        case .contract: LocalizedText(vi: "hợp đồng lao động", en: "contract staff")
        case .other: LocalizedText(vi: "khác", en: "other staff")
        }
    }

    /// The category as it qualifies "posts".
    var postNames: LocalizedText {
        switch self {
        case .civilServant: LocalizedText(vi: "công chức", en: "civil-servant")
        case .publicEmployee: LocalizedText(vi: "viên chức", en: "public-employee")
        case .contract: LocalizedText(vi: "hợp đồng lao động", en: "contract")
        case .other: LocalizedText(vi: "khác", en: "other")
        }
    }
}

extension LegalCitation {
    /// A citation from a norm setting.
    init<Value>(_ setting: NormSetting<Value>) {
        self.init(reference: setting.origin, unconfirmed: setting.unconfirmed)
    }
}

/// How officials write figures and posts in a Vietnamese review report.
public enum OfficialWording {
    /// A count as officials write it: two digits below ten ("03", "01"), as is from ten up.
    public static func count(_ value: Int) -> String { (0..<10).contains(value) ? "0\(value)" : "\(value)" }

    /// A date as a Vietnamese document writes it (01/10/2025); ISO in English.
    public static func date(_ date: ChartDate) -> LocalizedText {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return LocalizedText(vi: "\(two(date.day))/\(two(date.month))/\(date.year)", en: date.description)
    }

    /// A date as running text writes it: "ngày 05 tháng 3 năm 2025" (days below 10 and months below 3 with a
    /// leading zero, Decree 30/2020/NĐ-CP); ISO in English.
    public static func longDate(_ date: ChartDate) -> LocalizedText {
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        return LocalizedText(vi: "ngày \(day) tháng \(month) năm \(date.year)", en: date.description)
    }

    /// A number with a decimal comma in Vietnamese ("3", "3,07") and a point in English.
    public static func decimal(_ value: Double, _ language: Language) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        let text = String(rounded)
        return language == .vi ? String(text.map { $0 == "." ? "," : $0 }) : text
    }

    /// The name of a unit's head post by its kind and name: Giám đốc Sở, Chánh Văn phòng, Trưởng phòng,
    /// Chi cục trưởng, Giám đốc (Trung tâm), Trưởng ban, Chủ tịch.
    public static func headPost(_ unit: Unit) -> LocalizedText { posts(unit).head }

    /// The name of a unit's deputy post: Phó Giám đốc Sở, Phó Chánh Văn phòng, Phó Trưởng phòng, ...
    public static func deputyPost(_ unit: Unit) -> LocalizedText { posts(unit).deputy }

    /// The deputy post's English name in the plural ("Deputy Directors of the Department").
    public static func deputyPostsEn(_ unit: Unit) -> String {
        let name = posts(unit).deputy.en
        if let range = name.range(of: " of ") { return name[..<range.lowerBound] + "s" + name[range.lowerBound...] }
        return name == "deputy" ? "deputies" : name + "s"
    }

    private static func posts(_ unit: Unit) -> (head: LocalizedText, deputy: LocalizedText) {
        func pair(_ vi: String, _ en: String, _ deputyEn: String) -> (LocalizedText, LocalizedText) {
            (LocalizedText(vi: vi, en: en), LocalizedText(vi: "Phó " + vi, en: deputyEn))
        }
        let name = unit.name
        if name.hasPrefix("Văn phòng") { return pair("Chánh Văn phòng", "Chief of Office", "Deputy Chief of Office") }
        if name.hasPrefix("Thanh tra") { return pair("Chánh Thanh tra", "Chief Inspector", "Deputy Chief Inspector") }
        if name.hasPrefix("Ban ") { return pair("Trưởng ban", "Head of Board", "Deputy Head of Board") }
        switch unit.kind {
        case .department: return pair("Giám đốc Sở", "Director of the Department", "Deputy Director of the Department")
        case .office: return pair("Chánh Văn phòng", "Chief of Office", "Deputy Chief of Office")
        case .division: return pair("Trưởng phòng", "Head of Division", "Deputy Head of Division")
        case .subDepartment:
            return pair("Chi cục trưởng", "Head of Sub-department", "Deputy Head of Sub-department")
        case .publicServiceUnit:
            return name.hasPrefix("Trung tâm")
                ? pair("Giám đốc Trung tâm", "Director of the Centre", "Deputy Director of the Centre")
                : pair("Giám đốc", "Director", "Deputy Director")
        case .committee, .district, .commune: return pair("Chủ tịch", "Chairman", "Vice-Chairman")
        case .other:
            return (LocalizedText(vi: "người đứng đầu", en: "head"), LocalizedText(vi: "cấp phó", en: "deputy"))
        }
    }
}

extension StaffCategory {
    /// What the people in post of the category are called in "số … hiện có".
    public var peopleNames: LocalizedText {
        switch self {
        case .civilServant: LocalizedText(vi: "công chức", en: "civil servants")
        case .publicEmployee: LocalizedText(vi: "viên chức", en: "public employees")
        case .contract: LocalizedText(vi: "lao động hợp đồng", en: "contract staff")
        case .other: LocalizedText(vi: "người làm việc khác", en: "other staff")
        }
    }

    /// What the quota of the category is called: "biên chế công chức", "số lượng người làm việc".
    public var quotaNames: LocalizedText {
        switch self {
        case .civilServant: LocalizedText(vi: "biên chế công chức", en: "civil-servant quota")
        case .publicEmployee: LocalizedText(vi: "số lượng người làm việc", en: "approved number of public employees")
        case .contract: LocalizedText(vi: "chỉ tiêu hợp đồng lao động", en: "contract staff quota")
        case .other: LocalizedText(vi: "chỉ tiêu khác", en: "other quota")
        }
    }
}

extension DutyGraph {
    /// The unit's name alone, as prose writes it (ids stay in a finding's `units`).
    func name(_ unit: Int) -> String { self.unit(unit).name }
}
