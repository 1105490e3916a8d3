import OrgModel

/// Which rules run, at what severity, with which thresholds.
public struct AnalysisConfiguration: Sendable {
    /// Rules switched off, by code.
    public var disabled: Set<String>
    /// Severity overrides, by code.
    public var severities: [String: Severity]
    /// Thresholds of the text engine (overlap, inference, merge candidates).
    public var text: TextSettings
    /// The date whose legal regime applies, when it should not be the chart's `asOf` (`--as-of`).
    public var asOf: ChartDate?
    /// Threshold overrides for the staffing norms (from a rules file), applied after the regime's values.
    public var normOverrides: [NormOverride]
    /// Where settings other than the norms came from when not the defaults: "text.overlap_threshold",
    /// "severity.OVL002", "disabled.GAP003" → "rules.yml:3".
    public var origins: [String: String] = [:]

    /// The defaults: every rule on, at its default severity, the regime of the chart's date.
    public init(disabled: Set<String> = [], severities: [String: Severity] = [:], text: TextSettings = TextSettings(),
                asOf: ChartDate? = nil, normOverrides: [NormOverride] = []) {
        self.disabled = disabled
        self.severities = severities
        self.text = text
        self.asOf = asOf
        self.normOverrides = normOverrides
    }

    /// The norms for `chart`: its regime and category, then the overrides.
    public func norms(for chart: OrgChart) -> StaffingNorms {
        var norms = StaffingNorms(asOf: asOf ?? chart.asOf, category: chart.provinceCategory)
        for override in normOverrides { override.apply(to: &norms) }
        return norms
    }
}

/// One staffing threshold set by a rules file.
public struct NormOverride: Sendable, Hashable {
    /// The parameter (see ``NormParameter``).
    public var parameter: NormParameter
    /// The value.
    public var value: Double
    /// Where it was set ("rules.yml:12").
    public var origin: String

    /// An override.
    public init(parameter: NormParameter, value: Double, origin: String) {
        self.parameter = parameter
        self.value = value
        self.origin = origin
    }

    func apply(to norms: inout StaffingNorms) {
        let integer = Int(value)
        let from = "rules file \(origin)"
        switch parameter {
        case .minimumDivision: norms.minimumDivision = NormSetting(integer, origin: from)
        case .minimumSubDepartment: norms.minimumSubDepartment = NormSetting(integer, origin: from)
        case .minimumSubDepartmentDivision: norms.minimumSubDepartmentDivision = NormSetting(integer, origin: from)
        case .minimumPublicServiceUnit: norms.minimumPublicServiceUnit = NormSetting(integer, origin: from)
        case .departmentDeputiesAverage: norms.departmentDeputiesAverage = NormSetting(value, origin: from)
        case .departmentDeputiesExtra: norms.departmentDeputiesExtra = NormSetting(integer, origin: from)
        case .divisionSecondDeputyFrom:
            norms.divisionDeputies = NormSetting(
                DeputyBands(secondFrom: integer, thirdFrom: norms.divisionDeputies.value.thirdFrom), origin: from)
        case .divisionThirdDeputyFrom:
            norms.divisionDeputies = NormSetting(
                DeputyBands(secondFrom: norms.divisionDeputies.value.secondFrom, thirdFrom: integer), origin: from)
        case .subDepartmentDeputiesFewDivisions: norms.subDepartmentDeputiesFewDivisions = NormSetting(integer, origin: from)
        case .subDepartmentDeputiesOtherwise: norms.subDepartmentDeputiesOtherwise = NormSetting(integer, origin: from)
        case .subDepartmentDivisionSecondDeputyFrom:
            norms.subDepartmentDivisionSecondDeputyFrom = NormSetting(integer, origin: from)
        case .publicServiceUnitThirdDeputyAbove: norms.publicServiceUnitThirdDeputyAbove = NormSetting(integer, origin: from)
        case .subUnitDeputiesWithinSuperior: norms.subUnitDeputiesWithinSuperior = NormSetting(value != 0, origin: from)
        case .reorganisationGraceYears: norms.reorganisationGraceYears = NormSetting(integer, origin: from)
        case .maximumDepartments: norms.maximumDepartments = NormSetting(integer, origin: from)
        }
    }
}

/// The staffing thresholds a rules file may set, with their YAML keys and the rule they belong to.
public enum NormParameter: String, CaseIterable, Sendable, Hashable {
    case minimumDivision = "minimum_division"
    case minimumSubDepartment = "minimum_sub_department"
    case minimumSubDepartmentDivision = "minimum_sub_department_division"
    case minimumPublicServiceUnit = "minimum_public_service_unit"
    case departmentDeputiesAverage = "department_average"
    case departmentDeputiesExtra = "department_extra_total"
    case divisionSecondDeputyFrom = "division_second_deputy_from"
    case divisionThirdDeputyFrom = "division_third_deputy_from"
    case subDepartmentDeputiesFewDivisions = "sub_department_with_1_to_3_divisions"
    case subDepartmentDeputiesOtherwise = "sub_department_otherwise"
    case subDepartmentDivisionSecondDeputyFrom = "sub_department_division_second_deputy_from"
    case publicServiceUnitThirdDeputyAbove = "public_service_unit_third_deputy_above"
    case subUnitDeputiesWithinSuperior = "within_superior"
    case reorganisationGraceYears = "reorganisation_grace_years"
    case maximumDepartments = "maximum"

    /// The rule whose section of a rules file holds the parameter.
    public var code: String {
        switch self {
        case .minimumDivision, .minimumSubDepartment, .minimumSubDepartmentDivision, .minimumPublicServiceUnit: "STF003"
        case .maximumDepartments: "STF005"
        default: "STF004"
        }
    }

    /// Allowed values.
    public var range: ClosedRange<Double> {
        switch self {
        case .subUnitDeputiesWithinSuperior: 0...1
        case .departmentDeputiesAverage: 0...50
        default: 0...100_000
        }
    }

    /// True when only whole numbers make sense.
    public var isInteger: Bool { self != .departmentDeputiesAverage }
}
