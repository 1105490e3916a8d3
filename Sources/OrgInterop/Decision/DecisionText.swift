import Foundation
import OrgImport
import OrgModel

/// What a paragraph of a decision is, from its label (typed, or shown by Word's numbering).
enum DecisionLine: Hashable {
    /// "Chương I. …"
    case chapter(String)
    /// "Điều 2. Nhiệm vụ và quyền hạn": the article's number and title (the title may be empty).
    case article(Int, String)
    /// "1. …": a clause (khoản).
    case clause(Int, String)
    /// "a) …" or "a. …": a point (điểm).
    case point(String, String)
    /// "- …" or "+ …": a sub-item.
    case item(Character, String)
    /// Anything else.
    case plain(String)

    /// Reads a paragraph: Word's label, if any, before its text.
    init(_ paragraph: DecisionParagraph) {
        let text = paragraph.autoLabel.map { $0 + " " + paragraph.text } ?? paragraph.text
        self = Self.parse(text)
    }

    static func parse(_ text: String) -> DecisionLine {
        if let match = text.firstMatch(of: /^(?i:chương)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$/) {
            return .chapter(String(match.2))
        }
        if let match = text.firstMatch(of: /^(?:Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]?\s*(.*)$/), let number = Int(match.1) {
            return .article(number, String(match.2))
        }
        if let match = text.firstMatch(of: /^(\d{1,3})\s*[.)]\s*(.*)$/), let number = Int(match.1),
           !match.2.isEmpty, !(match.2.first?.isNumber ?? false) {
            return .clause(number, String(match.2))
        }
        if let match = text.firstMatch(of: /^([a-zđ]{1,2})\s*[).]\s+(.*)$/), Self.isPointLetter(String(match.1)) {
            return .point(String(match.1), String(match.2))
        }
        if let match = text.firstMatch(of: /^([-–—−•+])\s*(.*)$/), !match.2.isEmpty {
            return .item(match.1 == "+" ? "+" : "-", String(match.2))
        }
        return .plain(text)
    }

    /// Letters points are numbered with: Vietnamese order (a, b, c, d, đ, e, g, h, i, k, …), Word's
    /// automatic letters (f, j), and doubled letters past the end.
    private static func isPointLetter(_ letters: String) -> Bool {
        guard let first = letters.first, letters.allSatisfy({ $0 == first }) else { return false }
        return "abcdđefghijklmnopqrstuvxy".contains(first)
    }
}

/// Reads a decision typed or copied as text (.txt, .md): one paragraph per line, with the damage that
/// copying from a published PDF does undone where it can be recognised: lines wrapped mid-sentence are
/// joined back, page numbers and a page header repeated on every page are dropped (each with a warning).
struct TextDecisionReader {
    let file: String
    let diagnostics: DiagnosticCollector

    /// A line that continues the one before: no label starts it, the line before ends without the
    /// punctuation that closes a paragraph, and either it starts in lower case or the line before was
    /// long enough to have been wrapped.
    static let wrapWidth = 55

    func paragraphs(_ text: String) -> [DecisionParagraph] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { WordDecisionReader.clean(String($0).replacingOccurrences(of: "#", with: " ").trimmingCharacters(in: .whitespaces)) }
        // A line that recurs on many pages and is no label is a running page header.
        var counts: [String: Int] = [:]
        for line in lines where !line.isEmpty { counts[line, default: 0] += 1 }
        var out: [DecisionParagraph] = []
        var previousWasBlank = true
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            guard !line.isEmpty else { previousWasBlank = true; continue }
            if line.wholeMatch(of: /[-–—]?\s*(?:Trang\s+)?\d{1,4}\s*[-–—]?/) != nil {
                diagnostics.warning(at(number), "a page number, not part of the decision: “\(line)”")
                continue
            }
            if (counts[line] ?? 0) >= 3, line.count > 12, case .plain = DecisionLine.parse(line) {
                diagnostics.warning(at(number), "a line repeated on every page (a page header), not part of the decision: “\(line)”")
                continue
            }
            if !previousWasBlank || !out.isEmpty, let last = out.last, Self.continues(line, after: last.text) {
                out[out.count - 1].text = WordDecisionReader.clean(last.text + " " + line)
            } else {
                out.append(DecisionParagraph(text: line, autoLabel: nil, position: number))
            }
            previousWasBlank = false
        }
        return out
    }

    static func continues(_ line: String, after previous: String) -> Bool {
        if case .plain = DecisionLine.parse(line) {} else { return false }
        // Headings of the heading block and titles stand alone: all capitals, or the type of the document.
        if previous == previous.uppercased() || line == line.uppercased() { return false }
        // A paragraph of a decision starts with a capital or a label: a line in lower case goes on with the
        // one before, even after a ";" that the wrap fell behind ("… ngành, lĩnh vực;" / "chương trình, …").
        if line.first.map({ $0.isLowercase }) ?? false { return true }
        guard let end = previous.last, !".;:!?".contains(end) else { return false }
        // An article's heading is short whatever its width; the paragraph after it starts afresh.
        switch DecisionLine.parse(previous) {
        case .article, .chapter: return false
        default: return previous.count >= wrapWidth
        }
    }

    private func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: 0)
    }
}
