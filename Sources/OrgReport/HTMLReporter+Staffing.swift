import OrgAnalysis
import OrgModel

extension HTMLReporter {
    /// The geometry of a staffing chart, in SVG user units.
    private enum BarLayout {
        static let width = 1000.0
        static let row = 24.0
        static let labelWidth = 330.0
        static let barStart = 340.0
        static let barLength = 480.0
        static let nameAdvance = 6.9
    }

    /// Section 4: quota against people in post per department (civil servants, then public employees),
    /// the totals per category, and the deputy directors per department.
    static func staffing(_ page: Page) -> String {
        let labels = page.labels
        let summary = page.result.staffing
        var parts = [sectionStart("staffing", labels.staffing)]
        guard !summary.categories.isEmpty else {
            return (parts + ["<p class=\"note\">" + escape(labels.noStaffing) + "</p>", "</section>"]).joined(separator: "\n")
        }
        parts.append("<p class=\"intro\">" + escape(labels.staffingIntro) + "</p>")
        parts.append("<ul class=\"legend\"><li><span class=\"swatch bar-quota\"></span>\(escape(labels.quota))</li>"
            + "<li><span class=\"swatch bar-actual\"></span>\(escape(labels.inPost))</li>"
            + "<li><span class=\"swatch bar-over\"></span>\(escape(labels.overQuota))</li></ul>")
        let departments = summary.departmentRows.map { summary.units[$0] }
        for category in [StaffCategory.civilServant, .publicEmployee] {
            let figures = departments.compactMap { row in
                row.categories.first { $0.category == category }.map { (unit: row.unit, figures: $0.figures) }
            }
            guard !figures.isEmpty else { continue }
            parts.append("<figure class=\"bars\"><figcaption>" + escape(SummaryReporter.categoryName(category, page.input.language))
                + "</figcaption>\n" + barChart(page, figures) + "\n</figure>")
        }
        parts.append("<div class=\"staffing-tables\">")
        parts.append(totalsTable(page))
        parts.append(deputiesTable(page))
        parts.append("</div>")
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// One horizontal bar per department: the quota as a track, the people in post as a bar inside it
    /// (red when over quota), the figures at the end.
    private static func barChart(_ page: Page, _ figures: [(unit: UnitID, figures: StaffingFigures)]) -> String {
        typealias L = BarLayout
        let largest = max(1, figures.map { max($0.figures.quota, $0.figures.actual) }.max() ?? 1)
        let scale = L.barLength / Double(largest)
        let height = Double(figures.count) * L.row + 4
        var parts = ["<svg class=\"bars\" viewBox=\"0 0 \(coord(L.width)) \(coord(height))\" width=\"\(coord(L.width))\" "
            + "height=\"\(coord(height))\" role=\"img\">"]
        for (position, entry) in figures.enumerated() {
            let y = Double(position) * L.row + 2
            let quota = entry.figures.quota, actual = entry.figures.actual
            let over = actual > quota
            let name = page.name(entry.unit)
            let figuresText = "\(actual) / \(quota) · \(page.percent(entry.figures.useRate))"
                + (over ? " · +\(actual - quota)" : "")
            let tooltip = "\(name) (\(entry.unit.rawValue)): \(page.labels.inPost) \(actual), \(page.labels.quota) \(quota)"
            parts.append("<g class=\"bar-row\(over ? " over" : "")\" data-unit=\"\(escape(entry.unit.rawValue))\">"
                + "<title>\(escape(tooltip))</title>"
                + "<text class=\"label\" x=\"\(coord(L.labelWidth))\" y=\"\(coord(y + 15))\" text-anchor=\"end\">"
                + escape(truncate(name, Int(L.labelWidth / L.nameAdvance))) + "</text>"
                + "<rect class=\"quota\" x=\"\(coord(L.barStart))\" y=\"\(coord(y + 2))\" width=\"\(coord(Double(quota) * scale))\" height=\"16\"/>"
                + "<rect class=\"actual\" x=\"\(coord(L.barStart))\" y=\"\(coord(y + 6))\" width=\"\(coord(Double(actual) * scale))\" height=\"8\"/>"
                + "<text class=\"figures\" x=\"\(coord(L.barStart + Double(max(quota, actual)) * scale + 8))\" y=\"\(coord(y + 15))\">"
                + escape(figuresText) + "</text></g>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func totalsTable(_ page: Page) -> String {
        let labels = page.labels
        let summary = page.result.staffing
        let lines = summary.categories.map { (SummaryReporter.categoryName($0.category, page.input.language), $0.figures, false) }
            + [(labels.total, summary.total, true)]
        let rows = lines.map { name, figures, strong in
            "<tr\(strong ? " class=\"strong\"" : "")><td class=\"cap\">\(escape(name))</td><td class=\"n\">\(figures.quota)</td>"
                + "<td class=\"n\">\(figures.actual)</td><td class=\"n\(figures.vacancies < 0 ? " sev-error-text" : "")\">"
                + "\(figures.vacancies)</td><td class=\"n\">\(page.percent(figures.useRate))</td></tr>"
        }
        return """
            <div class="card">
            <h3>\(escape(labels.totals))</h3>
            <table class="grid">
            <thead><tr><th>\(escape(labels.category))</th><th class="n">\(escape(labels.quota))</th><th class="n">\(escape(labels.inPost))</th>\
            <th class="n">\(escape(labels.vacant))</th><th class="n">\(escape(labels.useRate))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
    }

    private static func deputiesTable(_ page: Page) -> String {
        let labels = page.labels
        let provinces = page.result.staffing.provinces
        guard !provinces.isEmpty else { return "" }
        let norm = page.result.settings[DeputyCapRule.departmentAverage]
        let rows = provinces.map { province in
            let over = province.average > norm.value + 0.0001
            return "<tr><td>\(page.unitLabel(province.committee))</td>"
                + "<td class=\"n\(over ? " sev-error-text" : "")\"><b>\(page.decimal(province.average, digits: 2))</b></td>"
                + "<td class=\"n\">\(province.deputies) / \(province.departments)</td>"
                + "<td class=\"n\">≤ \(page.decimal(norm.value, digits: 2))</td></tr>"
        }
        return """
            <div class="card">
            <h3>\(escape(labels.deputies))</h3>
            <table class="grid">
            <thead><tr><th>\(escape(labels.unit))</th><th class="n">\(escape(labels.average))</th>\
            <th class="n">\(escape(labels.deputiesPerDepartments))</th><th class="n">\(escape(labels.norm))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            <p class="note">\(escape(labels.norm)): \(escape(norm.origin))</p>
            </div>
            """
    }
}
