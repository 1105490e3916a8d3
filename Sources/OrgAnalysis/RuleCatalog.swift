/// Every rule orgscope has, in the order they run. Order does not affect results (findings are sorted
/// afterwards); it is the order `orgscope rules` lists them in.
public enum RuleCatalog {
    /// The rules.
    public static let all: [any Rule.Type] = [
        LeadConflictRule.self,
        DuplicateDutyRule.self,
        MergeCandidateRule.self,
        UncoveredMandateRule.self,
        UnledMandateRule.self,
        UnitWithoutDutiesRule.self,
        LevelMismatchRule.self,
        UnitWithoutHeadRule.self,
        OverQuotaRule.self,
        SubUnitQuotaRule.self,
        MinimumStaffRule.self,
        DeputyCapRule.self,
        DepartmentCountRule.self,
    ]

    /// The rule with `code` (case-insensitive).
    public static func rule(code: String) -> (any Rule.Type)? {
        all.first { $0.description.code.caseInsensitiveCompare(code) }
    }
}

extension String {
    fileprivate func caseInsensitiveCompare(_ other: String) -> Bool {
        lowercased() == other.lowercased()
    }
}
