import OrgAnalysis
import OrgModel

extension HTMLReporter {
    /// Section 1: the chart, the legal regime, the compliance score, findings by severity, by rule and by
    /// department.
    static func summary(_ page: Page) -> String {
        [
            sectionStart("summary", page.labels.summary),
            "<div class=\"summary-grid\">",
            facts(page),
            scoreCard(page),
            severityTiles(page),
            "</div>",
            "<div class=\"summary-tables\">",
            codeTable(page),
            departmentScores(page),
            "</div>",
            "</section>",
        ].joined(separator: "\n")
    }

    private static func facts(_ page: Page) -> String {
        let labels = page.labels
        let chart = page.graph.chart
        let norms = page.result.norms
        let category = escape(norms.provinceCategory.rawValue)
            + (norms.categoryAssumed ? " (" + escape(labels.common.assumed) + ")" : "")
        let size = "\(chart.units.count) \(labels.common.units) · \(chart.dutyCount) \(labels.common.duties) · "
            + "\(page.graph.mandates.count) \(labels.common.mandates)"
        let rows: [(String, String)] = [
            (labels.chartName, escape(chart.name)),
            (labels.identifier, "<code>" + escape(chart.id) + "</code>"),
            (labels.date, escape(chart.asOf.map(page.input.language.date) ?? labels.common.noDate)),
            (labels.common.regime, escape(norms.regime.title.text(page.input.language))),
            (labels.provinceCategory, category),
            (labels.size, escape(size)),
        ]
        return "<div class=\"card facts\"><table class=\"facts\">"
            + rows.map { "<tr><th scope=\"row\">\(escape($0.0))</th><td>\($0.1)</td></tr>" }.joined()
            + "</table></div>"
    }

    private static func scoreCard(_ page: Page) -> String {
        let score = page.result.scores.overall
        return """
            <div class="card score \(scoreClass(score))">
            <div class="score-label">\(escape(page.labels.score))</div>
            <div class="score-value">\(score)<span class="score-scale">/100</span></div>
            <p class="score-note">\(escape(page.labels.scoreNote))</p>
            </div>
            """
    }

    private static func severityTiles(_ page: Page) -> String {
        let counts = page.result.counts
        let tiles = Severity.allCases.map { severity in
            "<div class=\"tile \(Page.severityClass(severity))\"><span class=\"tile-count\">\(counts[severity] ?? 0)"
                + "</span><span class=\"tile-label\">\(escape(page.labels.severityCount(severity)))</span></div>"
        }
        let apart = page.labels.common.setApart(toVerify: page.result.toVerifyCount, upcoming: page.result.upcomingCount)
        let note = apart.isEmpty ? "" : "<p class=\"note\">" + escape(apart.trimmingCharacters(in: .whitespaces)) + "</p>"
        return "<div class=\"card tiles\">" + tiles.joined() + note + "</div>"
    }

    /// Findings per rule and severity, codes in alphabetical order.
    private static func codeTable(_ page: Page) -> String {
        let labels = page.labels
        let findings = page.result.findings.filter(\.isCountable)
        let codes = Set(findings.map(\.code)).sorted()
        var rows: [String] = []
        for code in codes {
            let group = findings.filter { $0.code == code }
            let title = RuleCatalog.rule(code: code)?.description.title.text(page.input.language) ?? ""
            let cells = Severity.allCases.map { severity in
                let count = group.count { $0.severity == severity }
                return count == 0 ? "<td class=\"n zero\">0</td>" : "<td class=\"n \(Page.severityClass(severity))-text\">\(count)</td>"
            }
            rows.append("<tr><td><code>\(escape(code))</code></td><td>\(escape(title))</td>" + cells.joined()
                + "<td class=\"n strong\">\(group.count)</td></tr>")
        }
        let counts = page.result.counts
        let totals = Severity.allCases.map { "<td class=\"n\">\(counts[$0] ?? 0)</td>" }.joined()
        let head = Severity.allCases.map { "<th class=\"n\">\(escape(labels.common.severity($0)))</th>" }.joined()
        let body = rows.isEmpty
            ? "<tr><td colspan=\"6\">\(escape(labels.common.noFindings))</td></tr>"
            : rows.joined(separator: "\n")
        return """
            <div class="card">
            <h3>\(escape(labels.byCode))</h3>
            <table class="grid codes">
            <thead><tr><th>\(escape(labels.code))</th><th>\(escape(labels.rule))</th>\(head)<th class="n">\(escape(labels.total))</th></tr></thead>
            <tbody>
            \(body)
            </tbody>
            <tfoot><tr><th colspan="2">\(escape(labels.total))</th>\(totals)<td class="n strong">\(findings.count)</td></tr></tfoot>
            </table>
            </div>
            """
    }

    private static func departmentScores(_ page: Page) -> String {
        let labels = page.labels
        let departments = page.result.scores.departments
        guard !departments.isEmpty else { return "" }
        let rows = departments.map { department in
            """
            <tr><td>\(page.unitLabel(department.unit))</td>\
            <td class="n"><span class="meter \(scoreClass(department.score))"><span style="width:\(department.score)%"></span></span>\
            <b>\(department.score)</b></td>\
            <td class="n">\(department.findings[.error] ?? 0)</td><td class="n">\(department.findings[.warning] ?? 0)</td></tr>
            """
        }
        return """
            <div class="card">
            <h3>\(escape(labels.byDepartment))</h3>
            <table class="grid scores">
            <thead><tr><th>\(escape(labels.department))</th><th class="n">\(escape(labels.points))</th>\
            <th class="n">\(escape(labels.common.severity(.error)))</th><th class="n">\(escape(labels.common.severity(.warning)))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </div>
            """
    }

    /// Good from 90, fair from 70, poor below.
    static func scoreClass(_ score: Int) -> String { score >= 90 ? "good" : score >= 70 ? "fair" : "poor" }
}
