import OrgAnalysis
import OrgModel

/// The JSON report of `cli-and-findings-v1`: schemaVersion, chart, summary, findings. Fields may be
/// added, never renamed or removed within schema version 1.
public enum JSONReporter {
    /// The report text. The document is written member by member, and its two long arrays (findings,
    /// inferred mandates) element by element, so a national report never exists as a tree of values,
    /// only as its text: the same bytes as `document(input).serialized()`.
    public static func render(_ input: ReportInput) -> String {
        let members = self.members(input)
        var output = ""
        output.append("{\n")
        for (offset, (key, member)) in members.enumerated() {
            output.append("  ")
            JSONValue.quote(key, into: &output)
            output.append(": ")
            switch member {
            case .value(let value):
                value.write(to: &output, indent: 2)
            case .elements(let count, let element):
                guard count > 0 else {
                    output.append("[]")
                    break
                }
                output.append("[\n")
                for index in 0..<count {
                    output.append("    ")
                    element(index).write(to: &output, indent: 4)
                    output.append(index == count - 1 ? "\n" : ",\n")
                }
                output.append("  ]")
            }
            output.append(offset == members.count - 1 ? "\n" : ",\n")
        }
        output.append("}\n")
        return output
    }

    /// The report as a JSON value.
    public static func document(_ input: ReportInput) -> JSONValue {
        .object(members(input).map { key, member in
            switch member {
            case .value(let value): (key, value)
            case .elements(let count, let element): (key, .array((0..<count).map(element)))
            }
        })
    }

    /// A member of the document: a value, or an array of objects made one at a time.
    private enum Member {
        case value(JSONValue)
        case elements(count: Int, element: (Int) -> JSONValue)
    }

    private static func members(_ input: ReportInput) -> [(String, Member)] {
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
        var header: [(String, Member)] = [("schemaVersion", .value(.int(1))), ("language", .value(.string(input.language.rawValue)))]
        if let timestamp = input.timestamp { header.append(("generatedAt", .value(.string(timestamp)))) }
        let findings = input.result.findings
        let inferred = input.result.text.inferred.sorted { $0.key < $1.key }
        return header + [
            ("chart", .value(.object(chartMembers))),
            ("summary", .value(.object(Severity.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }))),
            ("rules", .value(.array(input.result.rulesRun.map(JSONValue.string)))),
            ("norms", .value(norms(input.result.norms, language: input.language))),
            ("textEngine", .value(textEngine(input.result))),
            ("findings", .elements(count: findings.count) { finding(for: findings[$0], language: input.language) }),
            ("inferredMandates", .elements(count: inferred.count) {
                inferredAssignment(inferred[$0].key, inferred[$0].value, input.result)
            }),
            ("staffing", .value(staffing(input.result.staffing))),
            ("scores", .value(scores(input.result.scores))),
        ]
    }

    private static func norms(_ norms: StaffingNorms, language: Language) -> JSONValue {
        .object([
            ("regime", .string(norms.regime.rawValue)),
            ("title", .string(norms.regime.title.text(language))),
            ("asOf", norms.asOf.map { .string($0.description) } ?? .null),
            ("provinceCategory", .string(norms.provinceCategory.rawValue)),
            ("provinceCategoryAssumed", .bool(norms.categoryAssumed)),
        ])
    }

    private static func figures(_ figures: StaffingFigures) -> JSONValue {
        .object([
            ("quota", .int(figures.quota)), ("actual", .int(figures.actual)), ("vacancies", .int(figures.vacancies)),
            ("useRate", figures.useRate.map(JSONValue.number) ?? .null),
        ])
    }

    private static func categories(_ list: [(category: StaffCategory, figures: StaffingFigures)]) -> JSONValue {
        .object(list.map { ($0.category.rawValue, figures($0.figures)) })
    }

    private static func staffing(_ summary: StaffingSummary) -> JSONValue {
        let rows = Dictionary(uniqueKeysWithValues: summary.units.map { ($0.unit, $0) })
        return .object([
            ("total", figures(summary.total)),
            ("categories", categories(summary.categories)),
            ("departments", .array(summary.departments.compactMap { id in
                rows[id].map { row in
                    .object([("unit", .string(id.rawValue)), ("categories", categories(row.categories)),
                             ("deputies", row.deputies.map(JSONValue.int) ?? .null),
                             ("directSubUnits", .int(row.directSubUnits))])
                }
            })),
            ("departmentDeputies", .array(summary.provinces.map {
                .object([("committee", .string($0.committee.rawValue)), ("departments", .int($0.departments)),
                         ("deputies", .int($0.deputies)), ("average", .number($0.average))])
            })),
            ("units", .array(summary.units.map { row in
                .object([("unit", .string(row.unit.rawValue)), ("categories", categories(row.categories)),
                         ("deputies", row.deputies.map(JSONValue.int) ?? .null),
                         ("directSubUnits", .int(row.directSubUnits))])
            })),
        ])
    }

    private static func scores(_ scores: ComplianceScores) -> JSONValue {
        .object([
            ("overall", .int(scores.overall)),
            ("weights", .object(Severity.allCases.map { ($0.rawValue, .int(ComplianceScores.weights[$0] ?? 0)) })),
            ("departments", .array(scores.departments.map { department in
                .object([("unit", .string(department.unit.rawValue)), ("score", .int(department.score)),
                         ("findings", .object(Severity.allCases.map { ($0.rawValue, .int(department.findings[$0] ?? 0)) }))])
            })),
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

    /// The assignment inferred for the duty at `index`, marked with its score.
    private static func inferredAssignment(_ index: Int, _ assignment: MandateAssignment, _ result: AnalysisResult) -> JSONValue {
        let graph = result.graph
        let reference = graph.duties[index]
        return .object([
            ("duty", .string(graph.duty(reference).id.rawValue)),
            ("unit", .string(graph.unit(reference.unit).id.rawValue)),
            ("mandate", .string(assignment.mandate.rawValue)),
            ("role", .string(assignment.role.rawValue)),
            ("score", .number(assignment.inferredScore ?? 0)),
        ])
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
