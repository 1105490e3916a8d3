import Foundation
import OrgModel
import Yams

/// Reads a YAML document profile (`--profile FILE`: who issues a Word report and how it is laid out)
/// into a ``DocumentProfile``. Every key is optional; an empty file gives the defaults, which leave
/// blanks ("…") for the clerk. Every problem is reported with the file's line and column, all in one run.
public enum DocumentProfileReader {
    /// Largest profile accepted: a real one is a page of YAML.
    public static let maximumSize = 64 << 10
    /// Longest text value, in characters (a recipient line, a body's name).
    public static let maximumLength = 500
    /// Most recipients ("Nơi nhận") a profile may list.
    public static let maximumRecipients = 50
    /// Deepest nesting of mappings and lists: `baseline:` → `source:` → its keys.
    static let maximumDepth = 3

    /// The keys of each mapping of the profile, in the order the documentation gives them.
    enum Keys {
        static let top = ["superior_body", "issuing_body", "issuing_body_name", "symbol", "number", "place", "date",
                          "illustrative", "signer", "recipients", "archive", "directive", "baseline", "layout"]
        static let signer = ["authority", "title", "name"]
        static let reference = ["number", "date"]
        static let baseline = ["label", "civil_servants", "public_employees", "source"]
        static let layout = DocumentProfile.PageLayout.ranges.map(\.key)
    }

    /// Reads `path`; throws ``ImportError/rejected(diagnostics:truncated:)`` with the file's line and column.
    public static func read(path: String) throws(ImportError) -> DocumentProfile {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "cannot read the document profile")], truncated: false)
        }
        guard data.count <= maximumSize else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "the document profile is over 64 KiB; a profile "
                + "is a page of YAML")], truncated: false)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "the document profile is not UTF-8 text")],
                            truncated: false)
        }
        return try parse(text, file: path)
    }

    /// Parses YAML text.
    public static func parse(_ text: String, file: String) throws(ImportError) -> DocumentProfile {
        let node: Node?, parser: Parser
        do {
            // The parser holds the anchors (nodes keep them weakly): alive, an aliased node shows its anchor.
            parser = try Parser(yaml: text)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            throw .rejected(diagnostics: [diagnostic(for: error, file: file)], truncated: false)
        } catch {
            throw .rejected(diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                                     "the document profile is not valid YAML: \(error)")], truncated: false)
        }
        var nodes = ProfileNodes(file: file)
        guard let node, !nodes.isNull(node) else { return DocumentProfile() }
        guard case .mapping = node else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: nodes.location(node), "a document profile is a YAML "
                + "mapping (keys such as issuing_body:, signer:, layout:)")], truncated: false)
        }
        withExtendedLifetime(parser) { nodes.checkShape(node) }
        let profile = build(node, &nodes)
        guard nodes.problems.isEmpty else {
            let sorted = nodes.problems.enumerated().sorted {
                ($0.element.location.line, $0.element.location.column, $0.offset)
                    < ($1.element.location.line, $1.element.location.column, $1.offset)
            }
            throw .rejected(diagnostics: sorted.map(\.element), truncated: false)
        }
        return profile
    }

    private static func build(_ node: Node, _ nodes: inout ProfileNodes) -> DocumentProfile {
        let fields = nodes.fields(node, allowed: Keys.top, in: "the profile")
        var profile = DocumentProfile()
        func text(_ key: String, _ apply: (String) -> Void) {
            if let value = fields[key], let text = nodes.string(value, key: key) { apply(text) }
        }
        text("superior_body") { profile.superiorBody = $0 }
        text("issuing_body") { profile.issuingBody = $0 }
        text("issuing_body_name") { profile.issuingBodyName = $0 }
        text("symbol") { profile.symbol = $0 }
        text("number") { profile.number = $0 }
        text("place") { profile.place = $0 }
        text("archive") { profile.archive = $0 }
        if let value = fields["date"] { profile.date = nodes.date(value, key: "date") }
        if let value = fields["illustrative"], let flag = nodes.bool(value, key: "illustrative") { profile.illustrative = flag }
        if let value = fields["signer"] { profile.signer = signer(value, &nodes) }
        if let value = fields["recipients"] { profile.recipients = nodes.list(value, key: "recipients", limit: maximumRecipients) }
        if let value = fields["directive"] { profile.directive = nodes.reference(value, key: "directive") }
        if let value = fields["baseline"] { profile.baseline = baseline(value, &nodes) }
        if let value = fields["layout"] { profile.layout = layout(value, &nodes) }
        return profile
    }

    private static func signer(_ node: Node, _ nodes: inout ProfileNodes) -> DocumentProfile.Signer {
        let fields = nodes.fields(node, allowed: Keys.signer, in: "signer")
        var signer = DocumentProfile.Signer()
        if let value = fields["authority"] { signer.authority = nodes.string(value, key: "signer.authority") }
        if let value = fields["title"], let title = nodes.string(value, key: "signer.title") { signer.title = title }
        if let value = fields["name"], let name = nodes.string(value, key: "signer.name") { signer.name = name }
        return signer
    }

    /// The baseline; its label defaults to "Biên chế được giao" and the year of its source, when dated.
    private static func baseline(_ node: Node, _ nodes: inout ProfileNodes) -> DocumentProfile.StaffingBaseline? {
        guard !nodes.isNull(node) else { return nil }
        let fields = nodes.fields(node, allowed: Keys.baseline, in: "baseline")
        let source = fields["source"].flatMap { nodes.reference($0, key: "baseline.source") }
        let label = fields["label"].flatMap { nodes.string($0, key: "baseline.label") }
            ?? "Biên chế được giao" + (source?.date.map { " năm \($0.year)" } ?? "")
        return DocumentProfile.StaffingBaseline(
            civilServants: fields["civil_servants"].flatMap { nodes.count($0, key: "baseline.civil_servants") },
            publicEmployees: fields["public_employees"].flatMap { nodes.count($0, key: "baseline.public_employees") },
            label: label, source: source)
    }

    private static func layout(_ node: Node, _ nodes: inout ProfileNodes) -> DocumentProfile.PageLayout {
        let fields = nodes.fields(node, allowed: Keys.layout, in: "layout")
        var layout = DocumentProfile.PageLayout()
        let targets: [String: WritableKeyPath<DocumentProfile.PageLayout, Double>] = [
            "margin_top": \.marginTop, "margin_bottom": \.marginBottom, "margin_left": \.marginLeft,
            "margin_right": \.marginRight, "body_size": \.bodySize, "first_line_indent": \.firstLineIndent,
            "line_spacing": \.lineSpacing,
        ]
        for (key, range) in DocumentProfile.PageLayout.ranges {
            guard let value = fields[key], let target = targets[key],
                  let measure = nodes.measure(value, key: "layout.\(key)", range: range, unit: unit(of: key)) else { continue }
            layout[keyPath: target] = measure
        }
        return layout
    }

    /// The unit a layout value is given in.
    static func unit(of key: String) -> String {
        switch key {
        case "body_size": "points"
        case "first_line_indent": "centimetres"
        case "line_spacing": "lines"
        default: "millimetres"
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              "the document profile is not valid YAML: \(problem)")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                              "the document profile is not valid YAML: \(error)")
        }
    }
}
