/// The kind of an organisational unit (`kind` attribute).
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    /// Ủy ban nhân dân: the people's committee.
    case committee
    /// Sở: a specialised department of the provincial committee.
    case department
    /// Văn phòng: an office (of the committee, or of a department).
    case office
    /// Phòng: a division of a department or sub-department.
    case division
    /// Chi cục: a sub-department.
    case subDepartment = "sub-department"
    /// Đơn vị sự nghiệp công lập: a public service unit.
    case publicServiceUnit = "public-service-unit"
    /// Huyện: a district (before 2025-07-01).
    case district
    /// Xã, phường: a commune or ward.
    case commune
    /// Anything else.
    case other
}

/// A level of government (`level` attribute of units and mandates).
public enum GovernmentLevel: String, CaseIterable, Sendable, Codable {
    /// Trung ương.
    case central
    /// Tỉnh.
    case province
    /// Huyện.
    case district
    /// Xã.
    case commune
}

/// How a unit takes part in a duty (`role` attribute).
public enum DutyRole: String, CaseIterable, Sendable, Codable {
    /// Chủ trì: the unit leads.
    case lead
    /// Phối hợp: the unit supports the lead.
    case support
}

/// A staff category (`category` attribute of `staffing`).
public enum StaffCategory: String, CaseIterable, Sendable, Codable, Comparable {
    /// Công chức.
    case civilServant = "civil-servant"
    /// Viên chức.
    case publicEmployee = "public-employee"
    /// Hợp đồng lao động.
    case contract
    /// Other staff.
    case other

    /// Declaration order, so that tables list categories the same way everywhere.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .civilServant: 0
        case .publicEmployee: 1
        case .contract: 2
        case .other: 3
        }
    }
}

/// The category of a province (phân loại đơn vị hành chính), which selects the staffing norms.
public enum ProvinceCategory: String, CaseIterable, Sendable, Codable {
    /// Hà Nội and Thành phố Hồ Chí Minh.
    case special
    /// Loại I.
    case categoryI = "I"
    /// Loại II.
    case categoryII = "II"
    /// Loại III.
    case categoryIII = "III"
}
