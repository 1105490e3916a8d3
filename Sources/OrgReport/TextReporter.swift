import OrgAnalysis
import OrgModel

/// The report for the terminal: a header, findings grouped by severity then code, a summary line last.
public enum TextReporter {
    /// The report text.
    public static func render(_ input: ReportInput) -> String {
        let labels = ReportLabels(language: input.language)
        let chart = input.result.graph.chart
        var lines: [String] = []
        lines.append("\(labels.chart): \(chart.name), \(labels.asOf) " + (chart.asOf.map(input.language.date) ?? labels.noDate))
        if chart.illustrative { lines.append(labels.illustrative) }
        lines.append("\(chart.units.count) \(labels.units), \(chart.dutyCount) \(labels.duties), "
            + "\(input.result.graph.mandates.count) \(labels.mandates)")
        if let timestamp = input.timestamp { lines.append(input.language.text(vi: "Tạo lúc: ", en: "Generated: ") + timestamp) }
        let norms = input.result.norms
        lines.append(labels.regime + ": " + norms.regime.title.text(input.language) + "; " + labels.provinceCategory + " "
            + norms.provinceCategory.rawValue + (norms.categoryAssumed ? " (\(labels.assumed))" : ""))
        lines.append("")
        let sections = FindingSection.sections(input.result)
        if sections.isEmpty { lines.append(labels.noFindings) }
        for section in sections {
            let heading = section.heading(input.language, regime: input.result.upcomingSettings?.norms.regime)
            let colour: String = switch section.kind {
            case .current(let severity): Self.colour(severity)
            case .toVerify, .upcoming: "1;36"
            }
            lines.append(paint("\(heading.uppercased()) (\(section.findings.count))", colour, input.colour))
            if let note = section.note(input.language) { lines.append("  " + note) }
            var code = ""
            for finding in section.findings {
                if finding.code != code {
                    code = finding.code
                    let title = RuleCatalog.rule(code: code)?.description.title.text(input.language) ?? ""
                    let count = section.findings.count { $0.code == code }
                    lines.append("  " + paint(code, "1", input.colour) + " \(title) (\(count))")
                }
                lines.append("    - " + finding.message.text(input.language))
                var details: [String] = []
                if let location = finding.location { details.append(location.description) }
                if !finding.evidence.isEmpty {
                    details.append(labels.evidence + ": " + EvidenceNames.list(finding.evidence, input.language, separator: "; "))
                }
                if !details.isEmpty { lines.append("      " + details.joined(separator: "; ")) }
                if let note = input.historyNote(finding) { lines.append("      " + note) }
            }
            lines.append("")
        }
        lines.append(contentsOf: inferredSection(input))
        lines.append(contentsOf: staffingSection(input))
        let counts = input.result.counts
        lines.append("\(labels.total): " + Severity.allCases.map { "\(counts[$0] ?? 0) \(labels.severity($0))" }
            .joined(separator: ", ") + labels.setApart(toVerify: input.result.toVerifyCount, upcoming: input.result.upcomingCount))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every mandate orgscope inferred, with its score, so that a reader can check each one.
    private static func inferredSection(_ input: ReportInput) -> [String] {
        let result = input.result
        guard !result.text.inferred.isEmpty else { return [] }
        let language = input.language
        var lines = [language.text(vi: "NHIỆM VỤ THEO QUY ĐỊNH ĐƯỢC SUY LUẬN TỪ VĂN BẢN",
                                   en: "MANDATES INFERRED FROM THE TEXT")
            + " (\(result.text.inferred.count))"]
        lines.append(language.text(
            vi: "  Nhiệm vụ chưa ghi nhiệm vụ theo quy định tương ứng, được đối chiếu với nhiệm vụ gần nhất trong danh mục (mức độ tương tự):",
            en: "  Duties that name no mandate, matched to the closest mandate of the catalogue (similarity):"))
        for (index, assignment) in result.text.inferred {  // in duty order
            let reference = result.graph.duties[index]
            let percent = Int(((assignment.inferredScore ?? 0) * 100).rounded())
            let mandate = result.graph.mandates[assignment.mandate].map { "“" + Self.clip($0.text, 70) + "”" }
                ?? assignment.mandate.rawValue
            lines.append("    - " + result.graph.unit(reference.unit).name + ": “"
                + Self.clip(result.graph[duty: reference].text, 70) + "” → " + mandate + " (\(percent)%)")
        }
        lines.append("")
        return lines
    }

    /// Staffing totals per category and the compliance score per department.
    private static func staffingSection(_ input: ReportInput) -> [String] {
        let language = input.language
        let summary = input.result.staffing
        var lines: [String] = []
        if !summary.categories.isEmpty {
            lines.append(language.text(vi: "BIÊN CHẾ VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC (được giao / hiện có / còn trống / tỉ lệ sử dụng)",
                                       en: "STAFFING (quota / in post / vacant / use rate)"))
            for (category, figures) in summary.categories + [(nil as StaffCategory?, summary.total)].compactMap({ $0 }) {
                let name = category.map { SummaryReporter.categoryName($0, language) } ?? language.text(vi: "Tổng", en: "Total")
                let rate = figures.useRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
                lines.append("  \(name): \(figures.quota) / \(figures.actual) / \(figures.vacancies) / \(rate)")
            }
            for province in summary.provinces {
                lines.append(language.text(vi: "  Số Phó Giám đốc sở bình quân: ", en: "  Deputy directors per department: ")
                    + language.localizedNumber(JSONValue.format((province.average * 100).rounded() / 100))
                    + " (\(province.deputies)/\(province.departments))")
            }
            lines.append("")
        }
        let scores = input.result.scores
        lines.append(ReportLabels(language: language).indicator.uppercased() + ": \(scores.overall)")
        for department in scores.departments where department.score < 100 {
            let name = input.result.graph.unit(department.unit)?.name ?? department.unit.rawValue
            lines.append("  \(name): \(department.score)")
        }
        lines.append("")
        return lines
    }

    /// `text` cut at `limit` characters with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// ANSI colour of a severity: red, yellow, blue (bold).
    private static func colour(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
    }

    /// `text` in an ANSI style when colour is on (a terminal without NO_COLOR).
    private static func paint(_ text: String, _ style: String, _ on: Bool) -> String {
        on ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }

    static func describe(_ value: EvidenceValue) -> String {
        switch value {
        case .int(let number): String(number)
        case .number(let number): JSONValue.format(number)
        case .text(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .list(let items): items.joined(separator: " ")
        }
    }
}
