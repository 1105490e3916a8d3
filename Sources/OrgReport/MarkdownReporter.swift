import OrgAnalysis
import OrgModel

/// Markdown for wikis and issue trackers: a summary table, findings by severity and code with their
/// evidence and legal basis, staffing totals and scores.
public enum MarkdownReporter {
    /// The report text.
    public static func render(_ input: ReportInput) -> String {
        let language = input.language
        let labels = ReportLabels(language: language)
        let result = input.result
        let chart = result.graph.chart
        var lines: [String] = []
        lines.append("# " + language.text(vi: "Báo cáo rà soát: ", en: "Review report: ") + escape(chart.name))
        lines.append("")
        if chart.illustrative {
            lines.append("> **" + escape(labels.illustrative) + "**")
            lines.append("")
        }
        lines.append("- " + language.text(vi: "Sơ đồ", en: "Chart") + ": " + escape(chart.name) + ", " + labels.asOf + " "
            + (chart.asOf.map(language.date) ?? labels.noDate))
        lines.append("- \(chart.units.count) \(labels.units), \(chart.dutyCount) \(labels.duties), "
            + "\(result.graph.mandates.count) \(labels.mandates)")
        lines.append("- " + labels.regime + ": " + escape(result.norms.regime.title.text(input.language)) + "; "
            + labels.provinceCategory + " " + result.norms.provinceCategory.rawValue
            + (result.norms.categoryAssumed ? " (\(labels.assumed))" : ""))
        lines.append("- " + escape(labels.indicator) + ": **\(result.scores.overall)**")
        if let timestamp = input.timestamp {
            lines.append("- " + language.text(vi: "Tạo lúc", en: "Generated") + ": \(timestamp)")
        }
        lines.append("")
        let counts = result.counts
        lines.append("| " + language.text(vi: "Mức độ", en: "Severity") + " | "
            + language.text(vi: "Số phát hiện", en: "Findings") + " |")
        lines.append("| --- | ---: |")
        for severity in Severity.allCases { lines.append("| \(labels.severity(severity)) | \(counts[severity] ?? 0) |") }
        if result.toVerifyCount > 0 {
            lines.append("| " + language.text(vi: "cần xác minh (không tính)", en: "to verify (not counted)")
                + " | \(result.toVerifyCount) |")
        }
        if result.upcomingCount > 0 {
            lines.append("| " + language.text(vi: "từ khi quy định mới có hiệu lực (không tính)", en: "under the next regime (not counted)")
                + " | \(result.upcomingCount) |")
        }
        lines.append("")
        let sections = FindingSection.sections(result)
        if sections.isEmpty { lines.append(labels.noFindings) }
        for section in sections {
            let heading = section.heading(language, regime: result.upcomingSettings?.norms.regime)
            lines.append("## \(escape(heading)) (\(section.findings.count))")
            if let note = section.note(language) { lines.append(""); lines.append("*" + escape(note) + "*") }
            for code in orderedCodes(section.findings) {
                guard let description = RuleCatalog.rule(code: code)?.description else { continue }
                let findings = section.findings.filter { $0.code == code }
                lines.append("")
                lines.append("### \(code) \(escape(description.title.text(input.language))) (\(findings.count))")
                lines.append("")
                lines.append("*" + language.text(vi: "Căn cứ", en: "Basis") + ": "
                    + escape(description.citations.map { $0.text(language) }.joined(separator: "; ")) + "*")
                lines.append("")
                for finding in findings {
                    lines.append("- " + escape(finding.message.text(input.language)))
                    var details: [String] = []
                    if let location = finding.location { details.append("`\(location)`") }
                    if !finding.evidence.isEmpty {
                        details.append(escape(EvidenceNames.list(finding.evidence, input.language, separator: "; ")))
                    }
                    if let note = input.historyNote(finding) { details.append(escape(note)) }
                    if !details.isEmpty { lines.append("  <br>" + details.joined(separator: " · ")) }
                }
            }
            lines.append("")
        }
        lines.append(contentsOf: staffingTable(input))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func staffingTable(_ input: ReportInput) -> [String] {
        let language = input.language
        let summary = input.result.staffing
        guard !summary.categories.isEmpty else { return [] }
        var lines = ["## " + language.text(vi: "Biên chế và số lượng người làm việc", en: "Staffing"), ""]
        lines.append(language.text(vi: "| Loại | Được giao | Hiện có | Còn trống | Tỉ lệ |",
                                   en: "| Category | Quota | In post | Vacant | Use rate |"))
        lines.append("| --- | ---: | ---: | ---: | ---: |")
        for (category, figures) in summary.categories {
            lines.append("| \(SummaryReporter.categoryName(category, input.language)) | \(figures.quota) | \(figures.actual) | "
                + "\(figures.vacancies) | \(figures.useRate.map { "\(Int(($0 * 100).rounded()))%" } ?? "–") |")
        }
        lines.append("")
        lines.append(language.text(vi: "| Sở | Chỉ báo rà soát | Chưa đúng quy định | Cần rà soát |",
                                   en: "| Department | Score | Errors | Warnings |"))
        lines.append("| --- | ---: | ---: | ---: |")
        for department in input.result.scores.departments {
            let name = input.result.graph.unit(department.unit)?.name ?? department.unit.rawValue
            lines.append("| \(escape(name)) (`\(department.unit)`) | \(department.score) | \(department.findings[.error] ?? 0) | "
                + "\(department.findings[.warning] ?? 0) |")
        }
        lines.append("")
        return lines
    }

    /// Codes in first-appearance order (findings are already in report order).
    static func orderedCodes(_ findings: [Finding]) -> [String] {
        var seen = Set<String>()
        return findings.compactMap { seen.insert($0.code).inserted ? $0.code : nil }
    }

    /// Escapes the characters Markdown would read as markup.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }
}
