import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel

/// `orgscope explain-match FIRST SECOND --chart FILE…`: why two duties were (or were not) matched.
struct ExplainMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain-match",
        abstract: "Show why two duties match: their similarity as written and through the thesaurus, the words "
            + "they share, and the thesaurus entries each one used.",
        discussion: "FIRST and SECOND are duty ids of the chart, or duty texts in quotes. The chart's duties give "
            + "the words their weights, as in an analysis.")

    @Argument(help: "A duty id of the chart, or a duty text.")
    var first: String

    @Argument(help: "Another duty id, or text.")
    var second: String

    @Option(name: .customLong("chart"), help: ArgumentHelp("A chart file (repeatable), as for analyze.", valueName: "file"))
    var charts: [String]

    @OptionGroup(title: "Input")
    var importing: ImportingOptions

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if charts.isEmpty { throw ValidationError("Give the chart the duties belong to with --chart FILE.") }
    }

    func run() throws {
        let configuration = try analysis.configuration(maxErrors: importing.maxErrors)
        let chart = try importing.loadChart(files: charts)
        let duties = chart.units.flatMap(\.duties)
        var byID: [String: Duty] = [:]
        for duty in duties { byID[duty.id.rawValue] = duty }
        let a = byID[first]?.text ?? first, b = byID[second]?.text ?? second
        let settings = TextSettings(configuration.settings(for: chart), configuration)
        // Two duties of the chart: the mandates the engine assigns them (explicit or inferred).
        var shared: (mandate: MandateID, score: Double)?
        if let dutyA = byID[first], let dutyB = byID[second] {
            let graph = DutyGraph(chart: chart)
            let analysis = TextAnalysis(graph: graph, settings: settings)
            var carried: [DutyID: (MandateID, Double)] = [:]
            for (mandate, list) in analysis.assignments {
                for assignment in list {
                    carried[graph[duty: graph.duties[assignment.duty]].id] = (mandate, assignment.inferredScore ?? 1)
                }
            }
            if let x = carried[dutyA.id], let y = carried[dutyB.id], x.0 == y.0 { shared = (x.0, min(x.1, y.1)) }
        }
        let explanation = MatchExplanation(a, b, background: duties.map(\.text), thesaurus: configuration.thesaurus,
                                           sharedMandate: shared)
        let scorer = settings.model.shifted(to: settings.overlapThreshold)
        let mandateText = shared.flatMap { id in chart.mandates.first { $0.id == id.mandate }?.text }
        FileHandle.standardOutput.write(Data(Self.render(explanation, scorer: scorer, mandateText: mandateText,
                                                         language: language.lang).utf8))
    }

    static func render(_ explanation: MatchExplanation, scorer: OverlapScorer, mandateText: String? = nil,
                       language: Language) -> String {
        let percent = { (value: Double) in "\(Int((value * 100).rounded()))%" }
        var lines: [String] = []
        lines.append(language.text(vi: "Nhiệm vụ thứ nhất: ", en: "First duty: ") + "“\(explanation.texts.0)”")
        lines.append(language.text(vi: "Nhiệm vụ thứ hai: ", en: "Second duty: ") + "“\(explanation.texts.1)”")
        lines.append("")
        lines.append(language.text(vi: "Nội dung tương tự theo câu chữ: ", en: "Similarity as written: ")
            + percent(explanation.similarity))
        lines.append(language.text(vi: "Nội dung tương tự khi đọc qua từ điển thuật ngữ: ", en: "Similarity through the thesaurus: ")
            + percent(explanation.thesaurusSimilarity))
        let features = explanation.features
        let names = { (actions: Set<ActionClass>) in
            actions.isEmpty ? language.text(vi: "không nêu", en: "none named")
                : actions.map { $0.label.text(language) }.sorted().joined(separator: ", ")
        }
        lines.append(language.text(vi: "Hành động: ", en: "Actions: ") + names(explanation.readings.0.actions) + " / "
            + names(explanation.readings.1.actions) + " → " + language.text(vi: "mức khớp ", en: "agreement ")
            + percent(features.action))
        lines.append(language.text(vi: "Đối tượng: ", en: "Objects: ") + "“\(explanation.readings.0.object)” / “"
            + "\(explanation.readings.1.object)” → " + percent(explanation.objectSimilarity))
        if let shared = explanation.sharedMandate {
            lines.append(language.text(vi: "Cùng nhiệm vụ theo quy định: ", en: "Same mandate: ")
                + (mandateText.map { "“\($0)” (" } ?? "(") + language.text(vi: "mã ", en: "") + "\(shared.mandate), "
                + (shared.score < 1 ? language.text(vi: "suy luận ", en: "inferred ") : "") + percent(shared.score) + ")")
        } else {
            lines.append(language.text(vi: "Cùng nhiệm vụ theo quy định: không", en: "Same mandate: none"))
        }
        let candidate = OverlapModel.isCandidate(features, conflictThreshold: TextSettings().conflictThreshold)
        let verdict = scorer.judge(features)
        var alone = features
        alone.sharedMandate = 0
        lines.append(language.text(vi: "Điểm trùng nội dung (OVL002): ", en: "Overlap score (OVL002): ")
            + percent(scorer.full.probability(features)) + language.text(vi: " (ngưỡng ", en: " (threshold ")
            + percent(scorer.full.threshold) + language.text(vi: "); riêng câu chữ, đối tượng, hành động: ",
                                                              en: "); words, object and action alone: ")
            + percent(scorer.words.probability(alone)) + language.text(vi: " (ngưỡng xác nhận ", en: " (confirming threshold ")
            + percent(scorer.words.threshold) + ") → "
            + (!candidate || explanation.excluded || !verdict.reported
                ? language.text(vi: "không trùng", en: "not a near-duplicate")
                : verdict.confirmed ? language.text(vi: "trùng nội dung", en: "a near-duplicate")
                                    : language.text(vi: "có thể trùng, cần xác minh (dựa trên nhiệm vụ suy luận)",
                                                    en: "possibly a near-duplicate, to verify (rests on an inferred mandate)")))
        if explanation.excluded {
            lines.append(language.text(vi: "(một trong hai là nhiệm vụ chung hoặc công tác nội bộ: không so sánh)",
                                       en: "(one is a catch-all or the unit's own housekeeping: never compared)"))
        }
        lines.append("")
        for (label, links) in [(language.text(vi: "Thuật ngữ của nhiệm vụ thứ nhất", en: "Thesaurus links of the first duty"),
                                explanation.links.0),
                               (language.text(vi: "Thuật ngữ của nhiệm vụ thứ hai", en: "Thesaurus links of the second duty"),
                                explanation.links.1)] {
            lines.append(label + ":" + (links.isEmpty ? language.text(vi: " không có", en: " none") : ""))
            for link in links {
                let target = link.entry.kind == .synonym ? link.entry.terms[0] : (link.entry.broader ?? "")
                let kind = link.entry.kind == .synonym ? language.text(vi: "đồng nghĩa", en: "synonym")
                                                       : language.text(vi: "thuộc khái niệm rộng hơn", en: "narrower than")
                lines.append("  - “\(link.term)” → “\(target)” (\(kind); \(link.entry.note); "
                    + "\(link.entry.location.file):\(link.entry.location.line))")
            }
        }
        lines.append("")
        lines.append(language.text(vi: "Từ chung: ", en: "Shared words: ") + explanation.sharedWords.joined(separator: ", "))
        lines.append(language.text(vi: "Cụm hai từ chung: ", en: "Shared word pairs: ") + explanation.sharedPairs.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
