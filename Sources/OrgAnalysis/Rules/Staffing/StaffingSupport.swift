import OrgModel

/// How the norms classify units: what a "division of a department" is, and so on.
extension DutyGraph {
    /// A department, or an office standing at department level (Văn phòng Ủy ban nhân dân tỉnh).
    func isDepartmentLevel(_ unit: Int) -> Bool {
        let kind = self.unit(unit).kind
        if kind == .department { return true }
        guard kind == .office, let parent = parent[unit] else { return false }
        return self.unit(parent).kind == .committee
    }

    /// A division (or the office) of a department: phòng thuộc sở, văn phòng sở.
    func isDivisionOfDepartment(_ unit: Int) -> Bool {
        let kind = self.unit(unit).kind
        guard kind == .division || kind == .office, let parent = parent[unit] else { return false }
        return isDepartmentLevel(parent)
    }

    /// A division of a sub-department: phòng thuộc chi cục.
    func isDivisionOfSubDepartment(_ unit: Int) -> Bool {
        guard self.unit(unit).kind == .division, let parent = parent[unit] else { return false }
        return self.unit(parent).kind == .subDepartment
    }

    /// Civil-servant quota (biên chế công chức), if recorded.
    func civilServantQuota(_ unit: Int) -> Int? { self.unit(unit).staffing(.civilServant)?.quota }

    /// Public-employee quota (số lượng người làm việc), if recorded.
    func publicEmployeeQuota(_ unit: Int) -> Int? { self.unit(unit).staffing(.publicEmployee)?.quota }

    /// Deputy posts, if recorded.
    func deputies(_ unit: Int) -> Int? { self.unit(unit).leadership?.deputies }

    /// Province-level committees: the jurisdictions whose departments are counted and averaged.
    var provinceCommittees: [Int] {
        chart.units.indices.filter { unit($0).kind == .committee && level[$0] == .province && jurisdiction[$0] == $0 }
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
