import OrgModel

/// One threshold and where its value came from: the norm regime (with the clause), or a rules file.
public struct NormSetting<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value in force.
    public var value: Value
    /// Where it came from: a legal reference, or "rules file FILE:LINE".
    public var origin: String
    /// True when the clause or figure could not be confirmed in a public source.
    public var unconfirmed: Bool

    /// A setting.
    public init(_ value: Value, origin: String, unconfirmed: Bool = false) {
        self.value = value
        self.origin = origin
        self.unconfirmed = unconfirmed
    }
}

/// Deputy caps by size: fewer than `secondFrom` posts → 1 deputy, fewer than `thirdFrom` → 2, else 3.
public struct DeputyBands: Sendable, Hashable {
    /// Posts from which a second deputy is allowed.
    public var secondFrom: Int
    /// Posts from which a third deputy is allowed.
    public var thirdFrom: Int

    /// Bands.
    public init(secondFrom: Int, thirdFrom: Int) {
        self.secondFrom = secondFrom
        self.thirdFrom = thirdFrom
    }

    /// The deputies allowed for `posts` civil-servant posts.
    public func allowed(posts: Int) -> Int { posts >= thirdFrom ? 3 : posts >= secondFrom ? 2 : 1 }
}

/// Every staffing and leadership threshold in force for one chart: chosen by the regime at the chart's
/// date and the province category, then overridden by a rules file. Rules read these; no rule body
/// holds a number of its own.
public struct StaffingNorms: Sendable, Hashable {
    /// The regime in force.
    public var regime: NormRegime
    /// The date the regime was chosen for (the chart's `asOf`, or `--as-of`); nil when there was none.
    public var asOf: ChartDate?
    /// The province category whose column is used.
    public var provinceCategory: ProvinceCategory
    /// True when the chart gave no category and category II/III was assumed.
    public var categoryAssumed: Bool

    /// Minimum civil-servant posts of a division of a department (and of the department's office).
    public var minimumDivision: NormSetting<Int>
    /// Minimum civil-servant posts of a sub-department.
    public var minimumSubDepartment: NormSetting<Int>
    /// Minimum civil-servant posts of a division of a sub-department.
    public var minimumSubDepartmentDivision: NormSetting<Int>
    /// Minimum public-employee posts of a public service unit.
    public var minimumPublicServiceUnit: NormSetting<Int>
    /// Average deputy directors per department across the province, at most.
    public var departmentDeputiesAverage: NormSetting<Double>
    /// Extra deputy directors in total the province may have above the average (Hà Nội, TP.HCM: 10).
    public var departmentDeputiesExtra: NormSetting<Int>
    /// Deputies of a division of a department, by its civil-servant posts.
    public var divisionDeputies: NormSetting<DeputyBands>
    /// Deputies of a sub-department head: with 1 to 3 divisions.
    public var subDepartmentDeputiesFewDivisions: NormSetting<Int>
    /// Deputies of a sub-department head: with no division or 4 or more.
    public var subDepartmentDeputiesOtherwise: NormSetting<Int>
    /// Posts of a division of a sub-department from which it may have a second deputy.
    public var subDepartmentDivisionSecondDeputyFrom: NormSetting<Int>
    /// Public employees of a public service unit above which it may have a third deputy.
    public var publicServiceUnitThirdDeputyAbove: NormSetting<Int>
    /// Whether a sub-unit may not have more deputies than its direct superior.
    public var subUnitDeputiesWithinSuperior: NormSetting<Bool>
    /// Most departments a province may have; nil when the regime sets no cap orgscope knows.
    public var maximumDepartments: NormSetting<Int>?
    /// Years after a reorganisation within which excess deputies are to be removed.
    public var reorganisationGraceYears: NormSetting<Int>

    /// The norms of the regime in force on `asOf` for `category` (nil: II/III assumed).
    public init(asOf: ChartDate?, category: ProvinceCategory?) {
        let regime = NormRegime.inForce(on: asOf)
        let column = category ?? .categoryIII
        self.regime = regime
        self.asOf = asOf
        provinceCategory = column
        categoryAssumed = category == nil
        let staffSource = regime == .decree24of2014
            ? "Nghị định 107/2020/NĐ-CP sửa đổi Nghị định 24/2014/NĐ-CP, Điều 5"
            : "Nghị định 45/2025/NĐ-CP, Điều 5 khoản 2–4 (giữ mức của Nghị định 107/2020/NĐ-CP)"
        let divisionMinimum: Int = switch column {
        case .special: 7
        case .categoryI: 6
        case .categoryII, .categoryIII: 5
        }
        minimumDivision = NormSetting(divisionMinimum, origin: staffSource)
        minimumSubDepartment = NormSetting(12, origin: staffSource)
        minimumSubDepartmentDivision = NormSetting(5, origin: "Nghị định 45/2025/NĐ-CP", unconfirmed: true)
        minimumPublicServiceUnit = NormSetting(
            15, origin: "Nghị định 120/2020/NĐ-CP, Điều 5 khoản 1 điểm d; Nghị định 283/2025/NĐ-CP (viên chức)")
        departmentDeputiesAverage = NormSetting(3, origin: regime.decree + " (bình quân 3 phó giám đốc/sở)")
        departmentDeputiesExtra = NormSetting(column == .special ? 10 : 0,
                                              origin: regime.decree + " (Hà Nội, TP.HCM thêm tối đa 10)")
        let bands: DeputyBands
        if regime == .decree370of2025 {
            bands = DeputyBands(secondFrom: 10, thirdFrom: 15)
        } else {
            switch column {
            case .special: bands = DeputyBands(secondFrom: 10, thirdFrom: 15)
            case .categoryI: bands = DeputyBands(secondFrom: 9, thirdFrom: 15)
            case .categoryII, .categoryIII: bands = DeputyBands(secondFrom: 8, thirdFrom: 15)
            }
        }
        divisionDeputies = NormSetting(bands, origin: regime == .decree370of2025
            ? "Nghị định 370/2025/NĐ-CP sửa đổi Nghị định 150/2025/NĐ-CP (mọi loại tỉnh)"
            : regime.decree + " (theo loại tỉnh)")
        subDepartmentDeputiesFewDivisions = NormSetting(1, origin: regime.decree + " (chi cục có 1–3 phòng)")
        subDepartmentDeputiesOtherwise = NormSetting(2, origin: regime.decree + " (chi cục không có phòng hoặc từ 4 phòng)")
        subDepartmentDivisionSecondDeputyFrom = NormSetting(7, origin: regime.decree + " (phòng thuộc chi cục)")
        publicServiceUnitThirdDeputyAbove = NormSetting(
            20, origin: "Nghị định 120/2020/NĐ-CP (đơn vị sự nghiệp công lập thuộc tỉnh)")
        subUnitDeputiesWithinSuperior = NormSetting(regime == .decree370of2025,
                                                    origin: "Nghị định 370/2025/NĐ-CP (từ 01/01/2026)")
        maximumDepartments = regime == .decree24of2014 ? nil : NormSetting(
            column == .special ? 15 : 14, origin: "Nghị định 45/2025/NĐ-CP; Nghị định 150/2025/NĐ-CP, Điều 10 khoản 1")
        reorganisationGraceYears = NormSetting(5, origin: "Nghị định 45/2025/NĐ-CP, Điều 24")
    }
}
