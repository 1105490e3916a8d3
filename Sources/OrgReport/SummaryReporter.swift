import OrgAnalysis
import OrgModel

/// The one-screen summary of `orgscope validate`.
public enum SummaryReporter {
    /// The summary text.
    public static func render(chart: OrgChart, summary: ChartSummary, language: Language) -> String {
        var lines: [String] = []
        let category = chart.provinceCategory
            .map { language.text(vi: ", tỉnh loại ", en: ", province category ") + $0.rawValue } ?? ""
        lines.append(language.text(vi: "Sơ đồ tổ chức: ", en: "Org chart: ") + "\(chart.name), "
            + language.text(vi: "ngày ", en: "as of ")
            + (chart.asOf.map(language.date) ?? language.text(vi: "không ghi ngày", en: "no date")) + category)
        if chart.illustrative { lines.append(ReportLabels(language: language).illustrative) }
        lines.append(language.text(vi: "Tệp: ", en: "Files: ") + chart.sourceFiles.joined(separator: ", "))
        lines.append("")
        lines.append(language.text(vi: "Đơn vị: ", en: "Units: ") + "\(summary.units)"
            + language.text(vi: " (sâu nhất \(summary.maxDepth + 1) cấp)", en: " (\(summary.maxDepth + 1) levels deep)"))
        let width = UnitKind.allCases.map { kindName($0, language).count }.max() ?? 0
        for kind in UnitKind.allCases {
            guard let count = summary.unitsByKind[kind] else { continue }
            let name = kindName(kind, language)
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + pad(count, 6))
        }
        lines.append(language.text(vi: "Nhiệm vụ: ", en: "Duties: ") + "\(summary.duties)"
            + language.text(vi: " (\(summary.dutiesWithMandate) gắn với nhiệm vụ theo quy định)",
                            en: " (\(summary.dutiesWithMandate) cite a mandate)"))
        lines.append(language.text(vi: "Nhiệm vụ theo quy định: ", en: "Mandates: ") + "\(summary.mandates)"
            + language.text(vi: " (\(summary.mandatesUncited) chưa đơn vị nào nhận)",
                            en: " (\(summary.mandatesUncited) cited by no duty)"))
        if !summary.staffing.isEmpty {
            lines.append("")
            let heading = language.text(vi: "Đối tượng", en: "Staffing")
            let catWidth = max(heading.count, StaffCategory.allCases.map { categoryName($0, language).count }.max() ?? 0)
            lines.append(heading + String(repeating: " ", count: catWidth - heading.count + 2)
                + pad(language.text(vi: "được giao", en: "quota"), 10) + pad(language.text(vi: "hiện có", en: "in post"), 9)
                + pad(language.text(vi: "còn thiếu", en: "vacant"), 10))
            for category in StaffCategory.allCases {
                guard let total = summary.staffing[category] else { continue }
                let name = categoryName(category, language)
                lines.append(name + String(repeating: " ", count: catWidth - name.count + 2)
                    + pad(total.quota, 10) + pad(total.actual, 9) + pad(total.quota - total.actual, 10))
            }
        }
        lines.append("")
        lines.append(language.text(vi: "Hợp lệ: đúng định dạng OrgChart XML v1, mọi tham chiếu đều tồn tại.",
                                   en: "Valid: OrgChart XML v1, every reference resolves."))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name of a unit kind in `language`.
    public static func kindName(_ kind: UnitKind, _ language: Language) -> String {
        switch kind {
        case .committee: language.text(vi: "Ủy ban nhân dân", en: "committees")
        case .department: language.text(vi: "Sở và tương đương", en: "departments")
        case .office: language.text(vi: "Văn phòng", en: "offices")
        case .division: language.text(vi: "Phòng", en: "divisions")
        case .subDepartment: language.text(vi: "Chi cục", en: "sub-departments")
        case .publicServiceUnit: language.text(vi: "Đơn vị sự nghiệp công lập", en: "public service units")
        case .district: language.text(vi: "Huyện", en: "districts")
        case .commune: language.text(vi: "Xã, phường", en: "communes")
        case .other: language.text(vi: "Khác", en: "other")
        }
    }

    /// The name of a staff category in `language`.
    public static func categoryName(_ category: StaffCategory, _ language: Language) -> String {
        switch category {
        case .civilServant: language.text(vi: "Công chức", en: "civil servants")
        case .publicEmployee: language.text(vi: "Viên chức", en: "public employees")
        case .contract: language.text(vi: "Hợp đồng lao động", en: "contract staff")
        case .other: language.text(vi: "Khác", en: "other")
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String { pad(String(value), width) }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
