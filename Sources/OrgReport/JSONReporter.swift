import OrgAnalysis
import OrgModel

/// The JSON report of `cli-and-findings-v1`: schemaVersion, chart, summary, findings. Fields may be
/// added, never renamed or removed within schema version 1.
public enum JSONReporter {
    /// The report text.
    public static func render(_ input: ReportInput) -> String {
        document(input).serialized()
    }

    /// The report as a JSON value.
    public static func document(_ input: ReportInput) -> JSONValue {
        let chart = input.result.graph.chart
        let counts = input.result.counts
        var chartMembers: [(String, JSONValue)] = [
            ("id", .string(chart.id)),
            ("name", .string(chart.name)),
        ]
        chartMembers.append(("asOf", chart.asOf.map { .string($0.description) } ?? .null))
        chartMembers.append(("provinceCategory", chart.provinceCategory.map { .string($0.rawValue) } ?? .null))
        chartMembers.append(("units", .int(chart.units.count)))
        chartMembers.append(("duties", .int(chart.dutyCount)))
        chartMembers.append(("mandates", .int(input.result.graph.mandates.count)))
        return .object([
            ("schemaVersion", .int(1)),
            ("language", .string(input.language.rawValue)),
            ("chart", .object(chartMembers)),
            ("summary", .object(Severity.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })),
            ("rules", .array(input.result.rulesRun.map(JSONValue.string))),
            ("textEngine", textEngine(input.result)),
            ("findings", .array(input.result.findings.map { finding(for: $0, language: input.language) })),
            ("inferredMandates", .array(inferred(input.result))),
        ])
    }

    private static func textEngine(_ result: AnalysisResult) -> JSONValue {
        let settings = result.text.settings
        let statistics = result.text.joinStatistics
        return .object([
            ("overlapThreshold", .number(settings.overlapThreshold)),
            ("inferenceThreshold", .number(settings.inferMandates ? settings.inferenceThreshold : 1)),
            ("conflictThreshold", .number(settings.conflictThreshold)),
            ("inferMandates", .bool(settings.inferMandates)),
            ("join", .string(settings.join.rawValue)),
            ("pairsInScope", .int(statistics.allPairs)),
            ("pairsCompared", .int(statistics.candidates)),
            ("similarPairs", .int(statistics.matches)),
        ])
    }

    /// Every inferred assignment, in duty order, marked with its score.
    private static func inferred(_ result: AnalysisResult) -> [JSONValue] {
        let graph = result.graph
        return result.text.inferred.keys.sorted().compactMap { index in
            guard let assignment = result.text.inferred[index] else { return nil }
            let reference = graph.duties[index]
            return .object([
                ("duty", .string(graph.duty(reference).id.rawValue)),
                ("unit", .string(graph.unit(reference.unit).id.rawValue)),
                ("mandate", .string(assignment.mandate.rawValue)),
                ("role", .string(assignment.role.rawValue)),
                ("score", .number(assignment.inferredScore ?? 0)),
            ])
        }
    }

    private static func finding(for finding: Finding, language: Language) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(finding.code)),
            ("severity", .string(finding.severity.rawValue)),
            ("units", .array(finding.units.map { .string($0.rawValue) })),
        ]
        if !finding.duties.isEmpty { members.append(("duties", .array(finding.duties.map { .string($0.rawValue) }))) }
        if let mandate = finding.mandate { members.append(("mandate", .string(mandate.rawValue))) }
        members.append(("message", .string(finding.message.text(language))))
        members.append(("evidence", .object(finding.evidence.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })))
        if let location = finding.location {
            members.append(("location", .object([
                ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
            ])))
        }
        return .object(members)
    }

    private static func value(_ evidence: EvidenceValue) -> JSONValue {
        switch evidence {
        case .int(let value): .int(value)
        case .number(let value): .number(value)
        case .text(let value): .string(value)
        case .bool(let value): .bool(value)
        case .list(let values): .array(values.map(JSONValue.string))
        }
    }
}
