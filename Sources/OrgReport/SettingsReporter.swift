import OrgAnalysis
import OrgModel

/// The effective settings, for `orgscope rules`: the legal regime, every threshold with where its value
/// came from (the norm, the measured default, or a line of the rules file), disabled rules, severities.
public enum SettingsReporter {
    /// The settings text.
    public static func render(configuration: AnalysisConfiguration, norms: StaffingNorms, language: Language) -> String {
        let vi = language == .vi
        let measured = vi ? "mặc định, đo trên tập gán nhãn (scripts/eval-similarity)"
                          : "default, measured on the labelled sets (scripts/eval-similarity)"
        var lines: [String] = []
        lines.append((vi ? "Quy định áp dụng: " : "Legal regime: ") + norms.regime.title.text(language))
        lines.append((vi ? "  theo ngày: " : "  for the date: ") + (norms.asOf?.description
            ?? (vi ? "không có ngày (dùng quy định mới nhất)" : "none (the latest regime)")))
        lines.append((vi ? "  loại tỉnh: " : "  province category: ") + norms.provinceCategory.rawValue
            + (norms.categoryAssumed ? (vi ? " (giả định: sơ đồ không ghi provinceCategory)"
                                            : " (assumed: the chart gives no provinceCategory)") : ""))
        lines.append("")
        lines.append(vi ? "Ngưỡng và nguồn gốc" : "Thresholds and where they come from")
        let text = configuration.text
        let plainDefault = vi ? "mặc định (chưa có tập gán nhãn để đo)" : "default (no labelled set to measure it on)"
        func origin(_ key: String) -> String {
            let isMeasured = ["text.overlap_threshold", "text.inference_threshold", "text.conflict_threshold"].contains(key)
            return configuration.origins[key].map { (vi ? "tệp quy tắc " : "rules file ") + $0 } ?? (isMeasured ? measured : plainDefault)
        }
        let rows: [(String, String, String)] = [
            ("OVL002", "text.overlap_threshold = \(JSONValue.format(text.overlapThreshold))", origin("text.overlap_threshold")),
            ("*", "text.inference_threshold = \(JSONValue.format(text.inferenceThreshold))", origin("text.inference_threshold")),
            ("OVL001", "text.conflict_threshold = \(JSONValue.format(text.conflictThreshold))", origin("text.conflict_threshold")),
            ("OVL003", "text.merge_ratio = \(JSONValue.format(text.mergeRatio))", origin("text.merge_ratio")),
            ("OVL003", "text.merge_minimum_shared = \(text.mergeMinimumShared)", origin("text.merge_minimum_shared")),
            ("*", "text.infer_mandates = \(text.inferMandates)", origin("text.infer_mandates")),
            ("STF003", "minimum_division = \(norms.minimumDivision.value)", describe(norms.minimumDivision, vi)),
            ("STF003", "minimum_sub_department = \(norms.minimumSubDepartment.value)", describe(norms.minimumSubDepartment, vi)),
            ("STF003", "minimum_sub_department_division = \(norms.minimumSubDepartmentDivision.value)",
             describe(norms.minimumSubDepartmentDivision, vi)),
            ("STF003", "minimum_public_service_unit = \(norms.minimumPublicServiceUnit.value)",
             describe(norms.minimumPublicServiceUnit, vi)),
            ("STF004", "department_average = \(JSONValue.format(norms.departmentDeputiesAverage.value))",
             describe(norms.departmentDeputiesAverage, vi)),
            ("STF004", "department_extra_total = \(norms.departmentDeputiesExtra.value)", describe(norms.departmentDeputiesExtra, vi)),
            ("STF004", "division_second_deputy_from = \(norms.divisionDeputies.value.secondFrom)", describe(norms.divisionDeputies, vi)),
            ("STF004", "division_third_deputy_from = \(norms.divisionDeputies.value.thirdFrom)", describe(norms.divisionDeputies, vi)),
            ("STF004", "sub_department_with_1_to_3_divisions = \(norms.subDepartmentDeputiesFewDivisions.value)",
             describe(norms.subDepartmentDeputiesFewDivisions, vi)),
            ("STF004", "sub_department_otherwise = \(norms.subDepartmentDeputiesOtherwise.value)",
             describe(norms.subDepartmentDeputiesOtherwise, vi)),
            ("STF004", "sub_department_division_second_deputy_from = \(norms.subDepartmentDivisionSecondDeputyFrom.value)",
             describe(norms.subDepartmentDivisionSecondDeputyFrom, vi)),
            ("STF004", "public_service_unit_third_deputy_above = \(norms.publicServiceUnitThirdDeputyAbove.value)",
             describe(norms.publicServiceUnitThirdDeputyAbove, vi)),
            ("STF004", "within_superior = \(norms.subUnitDeputiesWithinSuperior.value)",
             describe(norms.subUnitDeputiesWithinSuperior, vi)),
            ("STF004", "reorganisation_grace_years = \(norms.reorganisationGraceYears.value)",
             describe(norms.reorganisationGraceYears, vi)),
            ("STF005", "maximum = " + (norms.maximumDepartments.map { String($0.value) } ?? (vi ? "không áp dụng" : "not applicable")),
             norms.maximumDepartments.map { describe($0, vi) } ?? (vi ? "quy định này không đặt mức tối đa" : "this regime sets no cap")),
        ]
        let width = rows.map(\.1.count).max() ?? 0
        for row in rows {
            lines.append("  \(row.0.padding(6))  \(row.1.padding(width))  \(row.2)")
        }
        let disabled = configuration.disabled.sorted()
        if !disabled.isEmpty {
            lines.append("")
            lines.append((vi ? "Quy tắc tắt: " : "Rules disabled: ") + disabled.map { code in
                code + (configuration.origins["disabled.\(code)"].map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        let severities = configuration.severities.sorted { $0.key < $1.key }
        if !severities.isEmpty {
            lines.append((vi ? "Mức độ thay đổi: " : "Severities changed: ") + severities.map { code, severity in
                "\(code) = \(severity.rawValue)" + (configuration.origins["severity.\(code)"].map { " (\($0))" } ?? "")
            }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe<Value>(_ setting: NormSetting<Value>, _ vi: Bool) -> String {
        setting.origin + (setting.unconfirmed ? (vi ? " (chưa xác nhận được điều khoản)" : " (clause unconfirmed)") : "")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
