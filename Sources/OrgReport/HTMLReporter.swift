import OrgAnalysis
import OrgModel

/// The HTML report: one self-contained page (inline style, SVG and a little script; nothing is fetched)
/// to attach to a proposal. Sections: summary, org tree, mandate × unit matrix, staffing, findings.
/// Pure and deterministic: the same input gives the same bytes.
public enum HTMLReporter {
    /// The `id` of each section, in page order (the check script and the tests look for them).
    public static let sectionIDs = ["summary", "tree", "matrix", "staffing", "findings"]

    /// The page.
    public static func render(_ input: ReportInput) -> String {
        let page = Page(input)
        let chart = page.graph.chart
        var parts = [
            "<!DOCTYPE html>",
            "<html lang=\"\(input.language.rawValue)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"generator\" content=\"orgscope\">",
            "<title>" + escape(page.labels.title + " – " + chart.name) + "</title>",
            "<script>" + errorHook + "</script>",
            "<style>", style, "</style>",
            "</head>",
            "<body>",
            header(page),
            "<main>",
            summary(page),
            tree(page),
            matrix(page),
            staffing(page),
            findings(page),
            "</main>",
            "<footer class=\"page-footer\">" + escape(page.labels.footer) + "</footer>",
            "<script>" + script + "</script>",
            "</body>",
            "</html>",
        ]
        parts.removeAll { $0.isEmpty }
        return parts.joined(separator: "\n") + "\n"
    }

    /// The header band: title, chart, date, and the contents.
    private static func header(_ page: Page) -> String {
        let labels = page.labels
        let chart = page.graph.chart
        var meta = escape(chart.name) + " <small class=\"id\">" + escape(chart.id) + "</small> · " + escape(labels.date) + " "
            + escape(chart.asOf.map(page.input.language.date) ?? labels.common.noDate)
        if let timestamp = page.input.timestamp {
            meta += " · " + escape(labels.generated) + " " + escape(timestamp)
        }
        let titles = [labels.summary, labels.tree, labels.matrix, labels.staffing, labels.findings]
        let links = zip(sectionIDs, titles).enumerated().map { offset, pair in
            "<a href=\"#\(pair.0)\">\(offset + 1). \(escape(pair.1))</a>"
        }
        return """
            <header class="band">
            <div class="band-inner">
            <p class="band-kicker">orgscope</p>
            <h1>\(escape(labels.title))</h1>
            <p class="band-meta">\(meta)</p>\(chart.illustrative
                ? "\n<p class=\"band-meta illustrative\"><strong>" + escape(labels.common.illustrative) + "</strong></p>" : "")
            </div>
            <nav aria-label="\(escape(labels.contents))">\(links.joined())</nav>
            </header>
            """
    }

    /// A section's opening tag and numbered heading.
    static func sectionStart(_ id: String, _ title: String) -> String {
        let number = (sectionIDs.firstIndex(of: id) ?? 0) + 1
        return "<section id=\"\(id)\">\n<h2><span class=\"num\">\(number).</span> \(escape(title))</h2>"
    }

    /// Text escaped for HTML content and attribute values alike.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))).trimmingSuffixSpaces() + "…"
    }
}

extension String {
    fileprivate func trimmingSuffixSpaces() -> String {
        var text = self
        while text.last == " " || text.last == "," { text.removeLast() }
        return text
    }
}

extension HTMLReporter {
    /// What every section needs: the input, the labels, and the worst finding per unit.
    struct Page {
        let input: ReportInput
        let result: AnalysisResult
        let graph: DutyGraph
        let labels: Labels
        /// The most serious severity of the findings that name each unit.
        let worst: [UnitID: Severity]
        /// How many findings name each unit.
        let findingCount: [UnitID: Int]

        init(_ input: ReportInput) {
            self.input = input
            result = input.result
            graph = input.result.graph
            labels = Labels(language: input.language)
            var worst: [UnitID: Severity] = [:]
            var count: [UnitID: Int] = [:]
            // Only what counts today colours the tree: findings to verify and upcoming ones are listed apart.
            for finding in input.result.findings where finding.isCountable {
                for unit in Set(finding.units) {
                    count[unit, default: 0] += 1
                    if let known = worst[unit], known <= finding.severity { continue }
                    worst[unit] = finding.severity
                }
            }
            self.worst = worst
            findingCount = count
        }

        /// The unit's name, or its id when the chart does not know it.
        func name(_ id: UnitID) -> String { graph.unit(id)?.name ?? id.rawValue }

        /// "Name (id)", escaped, with the id in code style.
        func unitLabel(_ id: UnitID) -> String {
            HTMLReporter.escape(name(id)) + " (<code>" + HTMLReporter.escape(id.rawValue) + "</code>)"
        }

        /// A decimal with at most `digits` decimals (≤ 4) and the Vietnamese decimal comma when in Vietnamese.
        func decimal(_ value: Double, digits: Int = 4) -> String {
            var scale = 1.0
            for _ in 0..<min(4, max(0, digits)) { scale *= 10 }
            let text = JSONValue.format((value * scale).rounded() / scale)
            return input.language.localizedNumber(text)
        }

        /// A rate as a whole percentage, or a dash.
        func percent(_ rate: Double?) -> String { rate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }

        /// The CSS class of a severity, or of no finding.
        static func severityClass(_ severity: Severity?) -> String { "sev-" + (severity?.rawValue ?? "none") }
    }
}
