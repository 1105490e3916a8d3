import Dispatch
import Foundation
import OrgAnalysis
import OrgModel

/// The JSON report of `cli-and-findings-v1`: schemaVersion, chart, summary, findings. Fields may be
/// added, never renamed or removed within schema version 1.
public enum JSONReporter {
    /// The report text: the same bytes as `document(input).serialized()`.
    public static func render(_ input: ReportInput) -> String {
        var text = ""
        write(input) { text.append($0) }
        return text
    }

    /// Writes the report in pieces of about `pieceSize` bytes, in order, to `emit`. The document is
    /// written member by member, and its long arrays (findings, inferred mandates, staffing by unit)
    /// element by element, so a national report never exists whole in memory: neither as a tree of
    /// values nor, when `emit` writes to a file, as one string.
    /// The long arrays' elements are made and written in batches of about a piece's text (at most
    /// `batchSize` elements), each batch on every core.
    /// The text is made as UTF-8 bytes and becomes a `String` one piece at a time.
    public static func write(_ input: ReportInput, pieceSize: Int = 1 << 20, batchSize: Int = 4096,
                             to emit: (String) -> Void) {
        writeBytes(input, pieceSize: pieceSize, batchSize: batchSize) { emit(String(decoding: $0, as: UTF8.self)) }
    }

    /// ``write(_:pieceSize:batchSize:to:)`` handing out each piece's UTF-8 bytes (whole characters, valid
    /// only during the call), never made into a `String`: a file is written straight from them.
    public static func writeBytes(_ input: ReportInput, pieceSize: Int = 1 << 20, batchSize: Int = 4096,
                                  to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var writer = Writer(pieceSize: pieceSize, batchSize: max(1, batchSize), emit: emit)
            writer.write(.object(members(input)), indent: 0)
            JSONValue.append("\n", to: &writer.output)
            writer.output.withUnsafeBufferPointer(emit)
        }
    }

    /// The report as a JSON value.
    public static func document(_ input: ReportInput) -> JSONValue {
        Member.object(members(input)).value
    }

    /// A part of the document: a value, an object whose members are parts, or an array of objects made
    /// one at a time.
    private indirect enum Member {
        case value(JSONValue)
        case object([(String, Member)])
        /// `write`, when given, writes an element's text straight from the model, as `element`'s value
        /// would serialise, without making the value (half a million inferred mandates at L).
        case elements(count: Int, element: @Sendable (Int) -> JSONValue, write: ElementWriter? = nil)

        /// The part as a value (``JSONValue/serialized()`` of it gives the bytes ``Writer`` writes).
        var value: JSONValue {
            switch self {
            case .value(let value): value
            case .object(let members): .object(members.map { ($0.0, $0.1.value) })
            case .elements(let count, let element, _): .array((0..<count).map(element))
            }
        }
    }

    /// Writes one element's text (position, output, indent), as ``JSONValue/write(to:indent:)`` would.
    private typealias ElementWriter = @Sendable (Int, inout [UInt8], Int) -> Void

    /// Writes members with ``JSONValue``'s layout, handing out the text whenever a piece is full.
    private struct Writer {
        let pieceSize: Int
        let batchSize: Int
        let emit: (UnsafeBufferPointer<UInt8>) -> Void
        var output: [UInt8] = []

        init(pieceSize: Int, batchSize: Int, emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
            self.pieceSize = pieceSize
            self.batchSize = batchSize
            self.emit = emit
            output.reserveCapacity(min(pieceSize, 1 << 20) + 4096)
        }

        mutating func write(_ member: Member, indent: Int) {
            switch member {
            case .value(let value):
                value.write(to: &output, indent: indent)
            case .object(let members):
                guard !members.isEmpty else { return JSONValue.append("{}", to: &output) }
                JSONValue.append("{\n", to: &output)
                for (offset, (key, member)) in members.enumerated() {
                    JSONValue.indent(indent + 2, into: &output)
                    JSONValue.quote(key, into: &output)
                    JSONValue.append(": ", to: &output)
                    write(member, indent: indent + 2)
                    JSONValue.append(offset == members.count - 1 ? "\n" : ",\n", to: &output)
                    flushIfFull()
                }
                JSONValue.indent(indent, into: &output)
                JSONValue.append("}", to: &output)
            case .elements(let count, let element, let writeElement):
                guard count > 0 else { return JSONValue.append("[]", to: &output) }
                JSONValue.append("[\n", to: &output)
                // Elements are made in batches on every core, each part of a batch as one text with its
                // lines' indents and commas, then appended in order. The text already made is written out
                // while the next batch is made. A batch holds about a piece's worth of text, sized on the
                // bytes per element so far (at most `batchSize` elements): a national report's findings run
                // to kilobytes each, and 4,096 of them held 16 MB of text three times over.
                var batchStart = 0, written = 0
                var size = min(batchSize, 16)
                while batchStart < count {
                    let batch = batchStart..<min(count, batchStart + size)
                    var ready: [UInt8]?
                    if output.count >= pieceSize {
                        ready = output
                        output = []
                        output.reserveCapacity(min(pieceSize, 1 << 20) + 4096)
                    }
                    for text in Self.render(batch, of: count, element, writeElement, indent: indent + 2, alongside: ready,
                                            emit: emit) {
                        output.append(contentsOf: text)
                        written += text.count
                    }
                    batchStart = batch.upperBound
                    size = min(batchSize, max(16, pieceSize * batchStart / max(written, 1)))
                }
                JSONValue.indent(indent, into: &output)
                JSONValue.append("]", to: &output)
            }
        }

        /// The text of `batch`'s elements (of `count`) in contiguous parts, made on every core, while
        /// another thread hands `alongside`, if any, to `emit`.
        private static func render(_ batch: Range<Int>, of count: Int, _ element: @Sendable (Int) -> JSONValue,
                                   _ writeElement: ElementWriter?, indent: Int, alongside: [UInt8]?,
                                   emit: (UnsafeBufferPointer<UInt8>) -> Void) -> [[UInt8]] {
            let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
            // Parts smaller than a core's share, so that the cores stay even while one of them writes.
            let parts = min(batch.count, cores * 4)
            let part = (batch.count + parts - 1) / parts
            var texts = [[UInt8]](repeating: [], count: parts)
            withoutActuallyEscaping(emit) { emit in
                nonisolated(unsafe) let emit = emit
                texts.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let texts = buffer
                    DispatchQueue.concurrentPerform(iterations: parts + 1) { iteration in
                        guard iteration > 0 else {
                            alongside?.withUnsafeBufferPointer(emit)
                            return
                        }
                        let lower = batch.lowerBound + min(batch.count, (iteration - 1) * part)
                        let upper = batch.lowerBound + min(batch.count, iteration * part)
                        var text: [UInt8] = []
                        for index in lower..<upper {
                            JSONValue.indent(indent, into: &text)
                            if let writeElement {
                                writeElement(index, &text, indent)
                            } else {
                                element(index).write(to: &text, indent: indent)
                            }
                            JSONValue.append(index == count - 1 ? "\n" : ",\n", to: &text)
                        }
                        texts[iteration - 1] = text
                    }
                }
            }
            return texts
        }

        private mutating func flushIfFull() {
            guard output.count >= pieceSize else { return }
            output.withUnsafeBufferPointer(emit)
            output.removeAll(keepingCapacity: true)
        }
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
        // Read by position, in duty order: sorting them made a list of every inference (30 MB at L).
        let inferred = input.result.text.inferred
        return header + [
            ("chart", .value(.object(chartMembers))),
            ("summary", .value(.object(Severity.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) }
                + [("toVerify", .int(input.result.toVerifyCount)), ("upcoming", .int(input.result.upcomingCount))]))),
            ("rules", .value(.array(input.result.rulesRun.map(JSONValue.string)))),
            ("norms", .value(norms(input.result.norms, upcoming: input.result.upcomingSettings?.norms, language: input.language))),
            ("textEngine", .value(textEngine(input.result))),
            ("findings", .elements(count: findings.count) { finding(for: findings[$0], language: input.language, register: input.historyJSON(findings[$0])) }),
            ("inferredMandates", .elements(count: inferred.count, element: {
                let (duty, assignment) = inferred[position: $0]
                return inferredAssignment(duty, assignment, input.result)
            }, write: { position, output, indent in
                let (duty, assignment) = inferred[position: position]
                writeInferredAssignment(duty, assignment, input.result, into: &output, indent: indent)
            })),
            ("staffing", staffing(input.result.staffing)),
            ("scores", .value(scores(input.result.scores))),
        ]
    }

    private static func norms(_ norms: NormContext, upcoming: NormContext?, language: Language) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("regime", .string(norms.regime.rawValue)),
            ("title", .string(norms.regime.title.text(language))),
            ("asOf", norms.asOf.map { .string($0.description) } ?? .null),
            ("provinceCategory", .string(norms.provinceCategory.rawValue)),
            ("provinceCategoryAssumed", .bool(norms.categoryAssumed)),
        ]
        if let upcoming {
            members.append(("upcoming", .object([
                ("regime", .string(upcoming.regime.rawValue)),
                ("title", .string(upcoming.regime.title.text(language))),
                ("effectiveFrom", upcoming.asOf.map { .string($0.description) } ?? .null),
            ])))
        }
        return .object(members)
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

    private static func staffing(_ summary: StaffingSummary) -> Member {
        let units = summary.units
        return .object([
            ("total", .value(figures(summary.total))),
            ("categories", .value(categories(summary.categories))),
            ("departments", .value(.array(summary.departmentRows.map { unitStaffing(units[$0]) }))),
            ("departmentDeputies", .value(.array(summary.provinces.map {
                .object([("committee", .string($0.committee.rawValue)), ("departments", .int($0.departments)),
                         ("deputies", .int($0.deputies)), ("average", .number($0.average))])
            }))),
            ("units", .elements(count: units.count) { unitStaffing(units[$0]) }),
        ])
    }

    private static func unitStaffing(_ row: StaffingSummary.UnitRow) -> JSONValue {
        .object([("unit", .string(row.unit.rawValue)), ("categories", categories(row.categories)),
                 ("deputies", row.deputies.map(JSONValue.int) ?? .null),
                 ("directSubUnits", .int(row.directSubUnits))])
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
        // Read in place: `graph.unit(_:)` copies the whole unit.
        return .object([
            ("duty", .string(graph[duty: reference].id.rawValue)),
            ("unit", .string(graph.chart.units[reference.unit].id.rawValue)),
            ("mandate", .string(assignment.mandate.rawValue)),
            ("role", .string(assignment.role.rawValue)),
            ("score", .number(assignment.inferredScore ?? 0)),
        ])
    }

    /// ``inferredAssignment(_:_:_:)``'s text, written from the model: the duty's id from its bytes.
    private static func writeInferredAssignment(_ index: Int, _ assignment: MandateAssignment, _ result: AnalysisResult,
                                                into output: inout [UInt8], indent: Int) {
        let graph = result.graph
        let reference = graph.duties[index]
        let member = { (key: StaticString, output: inout [UInt8]) in
            JSONValue.indent(indent + 2, into: &output)
            JSONValue.append(key, to: &output)
        }
        JSONValue.append("{\n", to: &output)
        member("\"duty\": ", &output)
        graph.withIDBytes(reference) { JSONValue.quote(bytes: $0, into: &output) }
        JSONValue.append(",\n", to: &output)
        member("\"unit\": ", &output)
        JSONValue.quote(graph.chart.units[reference.unit].id.rawValue, into: &output)
        JSONValue.append(",\n", to: &output)
        member("\"mandate\": ", &output)
        JSONValue.quote(assignment.mandate.rawValue, into: &output)
        JSONValue.append(",\n", to: &output)
        member("\"role\": ", &output)
        JSONValue.quote(assignment.role.rawValue, into: &output)
        JSONValue.append(",\n", to: &output)
        member("\"score\": ", &output)
        JSONValue.number(assignment.inferredScore ?? 0).write(to: &output, indent: indent + 2)
        JSONValue.append("\n", to: &output)
        JSONValue.indent(indent, into: &output)
        JSONValue.append("}", to: &output)
    }

    private static func finding(for finding: Finding, language: Language, register: JSONValue?) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(finding.code)),
            ("severity", .string(finding.severity.rawValue)),
            ("units", .array(finding.units.map { .string($0.rawValue) })),
            ("confidence", .string(finding.confidence.rawValue)),
        ]
        if let date = finding.effectiveFrom { members.append(("effectiveFrom", .string(date.description))) }
        if !finding.duties.isEmpty { members.append(("duties", .array(finding.duties.map { .string($0.rawValue) }))) }
        if let mandate = finding.mandate { members.append(("mandate", .string(mandate.rawValue))) }
        members.append(("message", .string(finding.message.text(language))))
        members.append(("evidence", .object(finding.evidence.sorted { $0.key < $1.key }.map { ($0.key, value($0.value)) })))
        if let location = finding.location {
            members.append(("location", .object([
                ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
            ])))
        }
        if let register { members.append(("register", register)) }
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
