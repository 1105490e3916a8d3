import OrgAnalysis
import OrgModel

extension HTMLReporter {
    /// Section 5: every finding, grouped by severity then code, with a filter by severity and code (the
    /// filter is hidden until the script runs, so that without script everything shows), then the
    /// inferred mandates.
    static func findings(_ page: Page) -> String {
        let labels = page.labels
        let findings = page.result.findings
        var parts = [sectionStart("findings", labels.findings)]
        if findings.isEmpty {
            parts.append("<p class=\"note\">" + escape(labels.common.noFindings) + "</p>")
        } else {
            parts.append(filterForm(page))
        }
        var number = 0
        for section in FindingSection.sections(page.result) {
            let heading = section.heading(page.input.language, regime: page.result.upcomingSettings?.norms.regime)
            let cls: String = switch section.kind {
            case .current(let severity): Page.severityClass(severity)
            case .toVerify, .upcoming: "apart"
            }
            parts.append("<div class=\"sev-group\" data-group=\"severity\" id=\"findings-\(section.slug)\">")
            parts.append("<h3 class=\"sev-head \(cls)\">\(escape(heading)) (\(section.findings.count))</h3>")
            if let note = section.note(page.input.language) { parts.append("<p class=\"note\">\(escape(note))</p>") }
            for code in Set(section.findings.map(\.code)).sorted() {
                let members = section.findings.filter { $0.code == code }
                let title = RuleCatalog.rule(code: code)?.description.title.text(page.input.language) ?? ""
                parts.append("<div class=\"code-group\" data-group=\"code\">")
                parts.append("<h4><code>\(escape(code))</code> \(escape(title)) (\(members.count))</h4>")
                for finding in members {
                    number += 1
                    parts.append(article(finding, number: number, page: page))
                }
                parts.append("</div>")
            }
            parts.append("</div>")
        }
        parts.append(inferredList(page))
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// Checkboxes per severity and per code, with counts.
    private static func filterForm(_ page: Page) -> String {
        let labels = page.labels
        let findings = page.result.findings
        let severities = Severity.allCases.compactMap { severity -> String? in
            let count = findings.count { $0.severity == severity }
            guard count > 0 else { return nil }
            return "<label class=\"chip \(Page.severityClass(severity))\"><input type=\"checkbox\" name=\"severity\" "
                + "value=\"\(severity.rawValue)\" checked> \(escape(labels.common.severity(severity))) (\(count))</label>"
        }
        let codes = Set(findings.map(\.code)).sorted().map { code in
            let title = RuleCatalog.rule(code: code)?.description.title.text(page.input.language) ?? ""
            return "<label class=\"chip\" title=\"\(escape(title))\"><input type=\"checkbox\" name=\"code\" "
                + "value=\"\(escape(code))\" checked> \(escape(code)) (\(findings.count { $0.code == code }))</label>"
        }
        return """
            <form class="tools filters" id="finding-filter" hidden>
            <fieldset><legend>\(escape(labels.severity))</legend>\(severities.joined())</fieldset>
            <fieldset><legend>\(escape(labels.code))</legend>\(codes.joined())</fieldset>
            <p class="filter-status"><button type="button" id="finding-reset">\(escape(labels.showAll))</button> \
            \(escape(labels.showing)) <output id="finding-shown">\(findings.count)</output> \(escape(labels.of)) \(findings.count)</p>
            </form>
            """
    }

    /// One finding as an article the filter can hide.
    private static func article(_ finding: Finding, number: Int, page: Page) -> String {
        let labels = page.labels
        let rule = RuleCatalog.rule(code: finding.code)?.description
        var details: [(String, String)] = []
        if !finding.units.isEmpty {
            details.append((labels.units, finding.units.map { page.unitLabel($0) }.joined(separator: "; ")))
        }
        if !finding.duties.isEmpty {
            details.append((labels.duties, finding.duties.map { "<code>" + escape($0.rawValue) + "</code>" }.joined(separator: " ")))
        }
        if let mandate = finding.mandate {
            let text = page.graph.mandates[mandate].map { " " + escape($0.text) } ?? ""
            details.append((labels.mandate, "<code>" + escape(mandate.rawValue) + "</code>" + text))
        }
        if !finding.evidence.isEmpty { details.append((labels.evidence, evidenceTable(finding.evidence, page: page))) }
        if let location = finding.location {
            details.append((labels.location, "<code>" + escape(location.description) + "</code>"))
        }
        if let note = page.input.historyText(finding) {
            details.append((page.input.language.text(vi: "Sổ theo dõi", en: "Register"), escape(note)))
        }
        if let citations = rule?.citations, !citations.isEmpty {
            details.append((labels.legalBasis, "<ul class=\"citations\">" + citations.map { citation in
                "<li>" + escape(citation.reference)
                    + (citation.unconfirmed ? " <em>(" + escape(labels.unconfirmed) + ")</em>" : "") + "</li>"
            }.joined() + "</ul>"))
        }
        let severity = Page.severityClass(finding.severity)
        return """
            <article class="finding \(severity)" id="finding-\(number)" data-code="\(escape(finding.code))" \
            data-severity="\(finding.severity.rawValue)">
            <header><span class="badge \(severity)">\(escape(labels.common.severity(finding.severity)))</span> \
            <code class="code">\(escape(finding.code))</code> <span class="rule-title">\(escape(rule?.title.text(page.input.language) ?? ""))</span></header>
            <p class="message">\(escape(finding.message.text(page.input.language)))</p>
            <dl>\(details.map { "<dt>\(escape($0.0))</dt><dd>\($0.1)</dd>" }.joined())</dl>
            </article>
            """
    }

    /// key = value rows; long lists one item a line.
    private static func evidenceTable(_ evidence: [String: EvidenceValue], page: Page) -> String {
        let rows = evidence.sorted { $0.key < $1.key }.map { key, value in
            let name = escape(EvidenceNames.name(key, page.input.language))
            return "<tr><th scope=\"row\" title=\"\(escape(key))\">\(name)</th><td>\(describe(value, page: page))</td></tr>"
        }
        return "<table class=\"evidence\">" + rows.joined() + "</table>"
    }

    private static func describe(_ value: EvidenceValue, page: Page) -> String {
        switch value {
        case .bool(let flag): escape(flag ? page.labels.yes : page.labels.no)
        case .number(let number): escape(page.decimal(number))
        case .list(let items) where items.reduce(0, { $0 + $1.count }) > 60:
            items.map { "<span class=\"ev-item\">" + escape($0) + "</span>" }.joined()
        case .list(let items): escape(items.joined(separator: ", "))
        default: escape(TextReporter.describe(value))
        }
    }

    /// Every inferred duty → mandate assignment with its score, collapsed.
    private static func inferredList(_ page: Page) -> String {
        let labels = page.labels
        let result = page.result
        guard !result.text.inferred.isEmpty else { return "" }
        let rows = result.text.inferred.map { index, assignment -> String in  // in duty order
            let reference = page.graph.duties[index]
            let duty = page.graph.duty(reference)
            let unit = page.graph.unit(reference.unit)
            let mandate = page.graph.mandates[assignment.mandate]
            return "<tr><td title=\"\(escape(duty.text))\"><code>\(escape(duty.id.rawValue))</code></td>"
                + "<td>\(escape(unit.name)) (<code>\(escape(unit.id.rawValue))</code>)</td>"
                + "<td title=\"\(escape(mandate?.text ?? ""))\"><code>\(escape(assignment.mandate.rawValue))</code> "
                + escape(truncate(mandate?.text ?? "", 48)) + "</td>"
                + "<td>\(escape(assignment.role == .lead ? labels.leadName : labels.supportName))</td>"
                + "<td class=\"n\">\(page.decimal(assignment.inferredScore ?? 0, digits: 2))</td></tr>"
        }
        return """
            <details class="inferred" id="inferred">
            <summary>\(escape(labels.inferred)) (\(rows.count))</summary>
            <p class="intro">\(escape(labels.inferredIntro))</p>
            <table class="grid">
            <thead><tr><th>\(escape(labels.duty))</th><th>\(escape(labels.unit))</th><th>\(escape(labels.mandate))</th>\
            <th>\(escape(labels.role))</th><th class="n">\(escape(labels.similarity))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </details>
            """
    }
}
