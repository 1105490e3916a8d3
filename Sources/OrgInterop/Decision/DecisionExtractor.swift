import Foundation
import OrgImport
import OrgModel
import OrgOffice

/// The province's own decisions in: Word (.docx) or text (.txt, .md) files read into one OrgChart.
/// Every input is untrusted: its size is checked before it is read, a Word package is read with limits
/// (``OfficePackage/Limits``) and its XML parts through the hardened libxml2 parser, text must be UTF-8.
public struct DecisionExtractor: Sendable {
    /// What a file is, judged from its name and first bytes.
    public enum Format: Sendable, Equatable {
        /// A Word document (a ZIP package).
        case word
        /// A decision typed or copied as text.
        case text
        /// A Word 97–2003 document, which must be converted first.
        case legacyWord
    }

    /// What was read.
    public struct Result: Sendable {
        /// The chart.
        public var chart: OrgChart
        /// Everything not used or guessed, each at its file and paragraph (or line).
        public var warnings: [Diagnostic]
        /// One line per file: what it is and what was read from it.
        public var summary: [String]
    }

    private let options: InteropOptions
    private let limits: OfficePackage.Limits
    private let ids: [String: String]
    private let chartID: String?
    private let asOf: ChartDate?

    /// An extractor; `ids` pins unit ids by name or path of names (keys as ``readIDs(_:file:)`` gives them).
    public init(options: InteropOptions = InteropOptions(), limits: OfficePackage.Limits = OfficePackage.Limits(),
                ids: [String: String] = [:], chartID: String? = nil, asOf: ChartDate? = nil) {
        self.options = options
        self.limits = limits
        self.ids = ids
        self.chartID = chartID
        self.asOf = asOf
    }

    /// The format of the file at `path`, or nil when it is not a decision (OrgChart XML, a model …).
    public static func format(path: String) -> Format? {
        let lower = path.lowercased()
        var magic = [UInt8]()
        if let handle = FileHandle(forReadingAtPath: path) {
            magic = Array((try? handle.read(upToCount: 8)) ?? Data())
            try? handle.close()
        }
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lower.hasSuffix(".docx") { return .word }
        if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) || lower.hasSuffix(".doc") { return .legacyWord }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".md") { return .text }
        return nil
    }

    /// Reads every file into one chart; throws with every problem when a file cannot be read at all.
    public func extract(paths: [String]) throws(InteropError) -> Result {
        let diagnostics = DiagnosticCollector()
        var readings: [DecisionReading] = []
        var summary: [String] = []
        for path in paths {
            guard let paragraphs = paragraphs(of: path, diagnostics: diagnostics) else { continue }
            var reading = DecisionParser(file: path, diagnostics: diagnostics).read(paragraphs)
            let at = SourceLocation(file: path, line: 1, column: 0)
            if reading.unitName == nil && reading.kind != .divisions {
                diagnostics.error(at, "no subject naming the body this decision defines (the line after “QUYẾT ĐỊNH”: "
                    + "“Quy định vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của …”)")
                continue
            }
            if reading.kind == .divisions, reading.parentName == nil {
                diagnostics.error(at, "a decision on divisions that does not say which department they belong to (“… thuộc Sở …”)")
                continue
            }
            if reading.number == nil { diagnostics.warning(at, "no decision number (“Số: …/QĐ-…”) found in the heading block") }
            if reading.duties.isEmpty { diagnostics.warning(at, "no duty read: no article on “Nhiệm vụ và quyền hạn” with numbered clauses") }
            reading.functions = reading.functions.map { String($0.prefix(10_000)) }
            // The same decision twice (a Word file and its text, a copy): read once, or every duty would be doubled.
            if let number = reading.number,
               let first = readings.first(where: { $0.number == number && $0.unitName == reading.unitName && $0.parentName == reading.parentName }) {
                diagnostics.warning(at, "the same decision as \(first.file) (Quyết định số \(number)); read once, from \(first.file)")
                continue
            }
            summary.append(Self.summary(reading, paragraphs: paragraphs.count))
            readings.append(reading)
        }
        if diagnostics.hasErrors || readings.isEmpty {
            if readings.isEmpty, !diagnostics.hasErrors {
                diagnostics.error(SourceLocation(file: paths.first ?? "", line: 1, column: 0), "no decision could be read")
            }
            throw .rejected(diagnostics: diagnostics.sorted(fileOrder: paths))
        }
        let chart = DecisionChartBuilder(ids: ids, diagnostics: diagnostics).build(readings, chartID: chartID, asOf: asOf)
        return Result(chart: chart, warnings: diagnostics.sorted(fileOrder: paths), summary: summary)
    }

    private func paragraphs(of path: String, diagnostics: DiagnosticCollector) -> [DecisionParagraph]? {
        let at = SourceLocation(file: path, line: 1, column: 0)
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            diagnostics.error(at, "cannot open the file (or it is a directory)")
            return nil
        }
        guard Int(status.st_size) <= options.maxFileSize else {
            diagnostics.error(at, "the file is \(status.st_size) bytes, over the limit of \(options.maxFileSize); raise it with "
                + "--max-file-size if the file is genuine")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(at, "cannot read the file")
            return nil
        }
        switch Self.format(path: path) {
        case .word?:
            return WordDecisionReader(file: path, maxDepth: options.maxDepth, diagnostics: diagnostics).paragraphs(data, limits: limits)
        case .legacyWord?:
            diagnostics.error(at, "a Word 97–2003 document (.doc): convert it to .docx first, e.g. "
                + "soffice --headless --convert-to docx \(path)")
            return nil
        case .text?, nil:
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.error(at, "not UTF-8 text; save the decision as UTF-8 (or give the .docx)")
                return nil
            }
            return TextDecisionReader(file: path, diagnostics: diagnostics).paragraphs(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
    }

    private static func summary(_ reading: DecisionReading, paragraphs: Int) -> String {
        let what = switch reading.kind {
        case .department: "department"
        case .divisions: "divisions"
        case .subDepartment: "sub-department"
        case .publicServiceUnit: "public service unit"
        }
        let name = reading.unitName ?? "the divisions of " + (reading.parentName ?? "?")
        return "\(reading.file): \(what) decision \(reading.number ?? "(no number)") on \(name): "
            + "\(reading.duties.count) duties, \(reading.subUnits.count) units listed, \(reading.functions.count) functions"
            + (reading.maxDeputies.map { ", at most \($0) deputies" } ?? "")
            + "; \(paragraphs) paragraphs, \(reading.paragraphsUnused) in the duty and structure articles not used"
    }

    /// Reads an ids file: one "NAME<TAB>ID" per line (NAME a unit's name, or its path "Sở Tư pháp / Văn phòng
    /// Sở"), blank lines and "#" comments ignored; problems at their line.
    public static func readIDs(_ text: String, file: String) throws(InteropError) -> [String: String] {
        var ids: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let at = SourceLocation(file: file, line: offset + 1, column: 1)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].contains(where: \.isWhitespace),
                  parts[1].count <= 200 else {
                problems.append(Diagnostic(.error, at: at, "expected NAME<TAB>ID (an id without spaces, at most 200 characters)"))
                continue
            }
            ids[UnitNaming.key(TextCleaner.clean(parts[0]))] = parts[1]
        }
        if !problems.isEmpty { throw .rejected(diagnostics: problems) }
        return ids
    }
}
