import Foundation
import OrgModel

/// A renames file (`orgscope track record --renames FILE`): ids renamed between two versions of a chart,
/// one `OLD NEW` pair a line (separated by a tab, a comma or spaces), `#` starting a comment. Read as
/// untrusted input: a size limit before reading, UTF-8 checked, every problem reported at its line and
/// column in one run.
public enum RenamesFile {
    /// The largest file read (a national chart's million duties renamed fit in a few tens of megabytes).
    public static let maxBytes = 64 << 20

    /// The pairs of the file at `path` (old id → new id).
    public static func read(path: String) throws(ImportError) -> [String: String] {
        func failure(_ message: String) -> ImportError {
            .rejected(diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), message)], truncated: false)
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw failure("cannot read the renames file") }
        guard size <= maxBytes else { throw failure("the renames file is larger than \(maxBytes >> 20) MiB") }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot read the renames file") }
        guard let text = String(validating: data, as: UTF8.self) else { throw failure("the renames file is not UTF-8 text") }
        return try parse(text, file: path)
    }

    /// The pairs of `text`, read from `file`.
    public static func parse(_ text: String, file: String) throws(ImportError) -> [String: String] {
        var pairs: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        var problems: [Diagnostic] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            var line = Substring(raw)
            if number == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            if line.hasSuffix("\r") { line = line.dropLast() }
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == "," || $0 == " " })
            guard !fields.isEmpty else { continue }
            func at(_ field: Int) -> SourceLocation {
                let column = fields.indices.contains(field) ? line.distance(from: line.startIndex, to: fields[field].startIndex) + 1 : 1
                return SourceLocation(file: file, line: number, column: column)
            }
            guard fields.count == 2 else {
                problems.append(Diagnostic(.error, at: at(min(fields.count - 1, 2)),
                                           "expected two ids, the old and the new, not \(fields.count) field\(fields.count == 1 ? "" : "s")"))
                continue
            }
            let (old, new) = (String(fields[0]), String(fields[1]))
            if let bad = [old, new].firstIndex(where: { $0.contains("|") || $0.unicodeScalars.contains { $0.properties.isWhitespace } }) {
                problems.append(Diagnostic(.error, at: at(bad), "an id cannot contain '|'"))
                continue
            }
            if old == new {
                problems.append(Diagnostic(.error, at: at(1), "'\(old)' is renamed to itself"))
            } else if let earlier = firstLine[old] {
                if pairs[old] != new {
                    problems.append(Diagnostic(.error, at: at(0), "'\(old)' is already renamed to '\(pairs[old] ?? "")' at line \(earlier)"))
                }
            } else {
                pairs[old] = new
                firstLine[old] = number
            }
            if problems.count >= 200 { break }
        }
        guard problems.isEmpty else { throw .rejected(diagnostics: problems, truncated: problems.count >= 200) }
        return pairs
    }
}
