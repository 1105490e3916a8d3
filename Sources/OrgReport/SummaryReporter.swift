import OrgAnalysis
import OrgModel

/// The one-screen summary of `orgscope validate`.
public enum SummaryReporter {
    /// The summary text.
    public static func render(chart: OrgChart, summary: ChartSummary, language: Language) -> String {
        let vi = language == .vi
        var lines: [String] = []
        let category = chart.provinceCategory.map { (vi ? ", tỉnh loại " : ", province category ") + $0.rawValue } ?? ""
        lines.append((vi ? "Sơ đồ tổ chức: " : "Org chart: ") + "\(chart.name) (\(chart.id)), "
            + (vi ? "ngày " : "as of ") + (chart.asOf?.description ?? (vi ? "không ghi ngày" : "no date")) + category)
        lines.append((vi ? "Tệp: " : "Files: ") + chart.sourceFiles.joined(separator: ", "))
        lines.append("")
        lines.append((vi ? "Đơn vị: " : "Units: ") + "\(summary.units)"
            + (vi ? " (sâu nhất \(summary.maxDepth + 1) cấp)" : " (\(summary.maxDepth + 1) levels deep)"))
        let width = UnitKind.allCases.map { kindName($0, language).count }.max() ?? 0
        for kind in UnitKind.allCases {
            guard let count = summary.unitsByKind[kind] else { continue }
            let name = kindName(kind, language)
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + pad(count, 6))
        }
        lines.append((vi ? "Nhiệm vụ: " : "Duties: ") + "\(summary.duties)"
            + (vi ? " (\(summary.dutiesWithMandate) gắn với nhiệm vụ theo quy định)"
                  : " (\(summary.dutiesWithMandate) cite a mandate)"))
        lines.append((vi ? "Nhiệm vụ theo quy định: " : "Mandates: ") + "\(summary.mandates)"
            + (vi ? " (\(summary.mandatesUncited) chưa đơn vị nào nhận)" : " (\(summary.mandatesUncited) cited by no duty)"))
        if !summary.staffing.isEmpty {
            lines.append("")
            let heading = vi ? "Biên chế" : "Staffing"
            let catWidth = max(heading.count, StaffCategory.allCases.map { categoryName($0, language).count }.max() ?? 0)
            lines.append(heading + String(repeating: " ", count: catWidth - heading.count + 2)
                + pad(vi ? "giao" : "quota", 8) + pad(vi ? "có mặt" : "in post", 9) + pad(vi ? "còn thiếu" : "vacant", 10))
            for category in StaffCategory.allCases {
                guard let total = summary.staffing[category] else { continue }
                let name = categoryName(category, language)
                lines.append(name + String(repeating: " ", count: catWidth - name.count + 2)
                    + pad(total.quota, 8) + pad(total.actual, 9) + pad(total.quota - total.actual, 10))
            }
        }
        lines.append("")
        lines.append(vi ? "Hợp lệ: đúng định dạng OrgChart XML v1, mọi tham chiếu đều tồn tại."
                        : "Valid: OrgChart XML v1, every reference resolves.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The name of a unit kind in `language`.
    public static func kindName(_ kind: UnitKind, _ language: Language) -> String {
        switch (kind, language) {
        case (.committee, .vi): "Ủy ban nhân dân"
        case (.department, .vi): "Sở và tương đương"
        case (.office, .vi): "Văn phòng"
        case (.division, .vi): "Phòng"
        case (.subDepartment, .vi): "Chi cục"
        case (.publicServiceUnit, .vi): "Đơn vị sự nghiệp công lập"
        case (.district, .vi): "Huyện"
        case (.commune, .vi): "Xã, phường"
        case (.other, .vi): "Khác"
        case (.committee, .en): "committees"
        case (.department, .en): "departments"
        case (.office, .en): "offices"
        case (.division, .en): "divisions"
        case (.subDepartment, .en): "sub-departments"
        case (.publicServiceUnit, .en): "public service units"
        case (.district, .en): "districts"
        case (.commune, .en): "communes"
        case (.other, .en): "other"
        }
    }

    /// The name of a staff category in `language`.
    public static func categoryName(_ category: StaffCategory, _ language: Language) -> String {
        switch (category, language) {
        case (.civilServant, .vi): "Công chức"
        case (.publicEmployee, .vi): "Viên chức"
        case (.contract, .vi): "Hợp đồng lao động"
        case (.other, .vi): "Khác"
        case (.civilServant, .en): "civil servants"
        case (.publicEmployee, .en): "public employees"
        case (.contract, .en): "contract staff"
        case (.other, .en): "other"
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String { pad(String(value), width) }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
