import Foundation
import OrgModel
import Yams

/// Reads a YAML rules file (the lint-tool convention) into a ``RulesFile``. Only the YAML is checked
/// here (syntax, shape, size); what the keys mean is checked against the rule catalogue by the analysis.
public enum RulesFileReader {
    /// Largest rules file accepted: a real one is a few hundred bytes.
    public static let maximumSize = 1 << 20

    /// Reads `path`; throws ``ImportError/rejected(diagnostics:truncated:)`` with the file's line and column.
    public static func read(path: String) throws(ImportError) -> RulesFile {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "cannot read the rules file")], truncated: false)
        }
        guard data.count <= maximumSize else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "the rules file is over 1 MiB; a rules file "
                + "is a few lines of YAML")], truncated: false)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: start, "the rules file is not UTF-8 text")], truncated: false)
        }
        return try parse(text, file: path)
    }

    /// Parses YAML text.
    public static func parse(_ text: String, file: String) throws(ImportError) -> RulesFile {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .rejected(diagnostics: [diagnostic(for: error, file: file)], truncated: false)
        } catch {
            throw .rejected(diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                                     "the rules file is not valid YAML: \(error)")], truncated: false)
        }
        guard let node else { return RulesFile(file: file, entries: []) }
        var entries: [RulesFile.Entry] = []
        var problems: [Diagnostic] = []
        guard case .mapping = node else {
            throw .rejected(diagnostics: [Diagnostic(.error, at: location(node, file),
                "a rules file is a YAML mapping (keys such as disabled:, text:, rules:)")], truncated: false)
        }
        collect(node, path: [], file: file, into: &entries, problems: &problems)
        if !problems.isEmpty { throw .rejected(diagnostics: problems, truncated: false) }
        return RulesFile(file: file, entries: entries)
    }

    private static func collect(_ node: Node, path: [String], file: String, into entries: inout [RulesFile.Entry],
                                problems: inout [Diagnostic]) {
        switch node {
        case .scalar(let scalar):
            entries.append(RulesFile.Entry(path: path, value: scalar.string, location: location(node, file)))
        case .mapping(let mapping):
            guard path.count < 3 else {
                problems.append(Diagnostic(.error, at: location(node, file), "the rules file nests too deep here"))
                return
            }
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    problems.append(Diagnostic(.error, at: location(key, file), "a key must be a plain word"))
                    continue
                }
                collect(value, path: path + [name.string], file: file, into: &entries, problems: &problems)
            }
        case .sequence(let sequence):
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    problems.append(Diagnostic(.error, at: location(item, file), "a list item must be a plain value"))
                    continue
                }
                entries.append(RulesFile.Entry(path: path, value: scalar.string, location: location(item, file)))
            }
        case .alias:
            problems.append(Diagnostic(.error, at: location(node, file), "YAML aliases are not allowed in a rules file"))
        }
    }

    private static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return Diagnostic(.error, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                              "the rules file is not valid YAML: \(problem)")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                              "the rules file is not valid YAML: \(error)")
        }
    }
}
