import Foundation
import OrgImport
import OrgModel
import OrgOffice

/// One paragraph of a decision as read, before any meaning is given to it.
struct DecisionParagraph: Sendable, Hashable {
    /// The text, NFC with white space collapsed; a label typed by hand ("1.", "a)") is still in it.
    var text: String
    /// The label Word's automatic numbering shows before the paragraph ("1.", "a)", "-"), if any.
    var autoLabel: String?
    /// Where it is: the paragraph's number in the document (1-based) or the line in a text file.
    var position: Int
    /// For a table row, the text of each cell.
    var cells: [String]?
}

/// Reads the paragraphs of a Word decision (.docx): only `word/document.xml`, `word/numbering.xml` and
/// `word/styles.xml`, through ``OfficePackage`` (limits on entries, sizes, ratio and names) and OrgImport's
/// hardened libxml2 tree parser (DOCTYPE and entities refused). What Word does is undone here: automatic
/// numbering resolved from the paragraph or its style chain (`numId` 0 switches it off; lists restart per
/// `w:num` with a start override, otherwise continue across instances of one abstract list), insertions
/// kept and deletions dropped, runs joined, tabs and breaks as spaces, fields' instructions, bookmarks,
/// comments and proof marks ignored; headers and footers are never read.
struct WordDecisionReader {
    let file: String
    let maxDepth: Int
    let diagnostics: DiagnosticCollector

    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The paragraphs of the package in `data`, or nil when it cannot be read (the reason is in ``diagnostics``).
    func paragraphs(_ data: Data, limits: OfficePackage.Limits) -> [DecisionParagraph]? {
        let parts: [OfficePackage.Part]
        do {
            parts = try OfficePackage.parts(of: data, limits: limits)
        } catch {
            diagnostics.error(at(0), "not a readable Word document: \(error.description)")
            return nil
        }
        let byPath = Dictionary(parts.map { ($0.path, $0.data) }, uniquingKeysWith: { first, _ in first })
        guard let types = byPath["[Content_Types].xml"].map({ String(decoding: $0, as: UTF8.self) }),
              types.contains("wordprocessingml.document.main+xml"), let body = byPath["word/document.xml"] else {
            diagnostics.error(at(0), "a ZIP archive but not a Word document (.docx): no word/document.xml declared as "
                + "a WordprocessingML document")
            return nil
        }
        guard let document = parse(body, part: "word/document.xml") else { return nil }
        var numbering = WordNumbering()
        if let data = byPath["word/numbering.xml"] {
            guard let root = parse(data, part: "word/numbering.xml") else { return nil }
            numbering.read(numbering: root)
        }
        if let data = byPath["word/styles.xml"] {
            guard let root = parse(data, part: "word/styles.xml") else { return nil }
            numbering.read(styles: root)
        }
        guard let bodyElement = document.children.first(where: { $0.name == "body" }) else {
            diagnostics.error(at(0), "word/document.xml has no body")
            return nil
        }
        var out: [DecisionParagraph] = []
        var position = 0
        collect(bodyElement.children, numbering: &numbering, position: &position, into: &out)
        return out
    }

    private func parse(_ data: Data, part: String) -> XMLTreeNode? {
        TreeDocumentParser(file: file + "!" + part, formatName: "Word documents", maxDepth: maxDepth, diagnostics: diagnostics)
            .parse(Array(data))
    }

    private func collect(_ nodes: [XMLTreeNode], numbering: inout WordNumbering, position: inout Int,
                         into out: inout [DecisionParagraph]) {
        for node in nodes where node.namespace == Self.main {
            switch node.name {
            case "p":
                position += 1
                // A paragraph whose text was all deleted is gone, and its number with it.
                let text = Self.clean(Self.text(of: node))
                guard !text.isEmpty else { continue }
                out.append(DecisionParagraph(text: text, autoLabel: numbering.label(for: node), position: position))
            case "tbl":
                for row in node.children where row.name == "tr" {
                    position += 1
                    let cells = row.children.filter { $0.name == "tc" }.map { cell in
                        Self.clean(cell.all("p").map { paragraph in
                            [numbering.label(for: paragraph), Self.text(of: paragraph)].compactMap { $0 }.joined(separator: " ")
                        }.joined(separator: " "))
                    }
                    if cells.contains(where: { !$0.isEmpty }) {
                        out.append(DecisionParagraph(text: cells.filter { !$0.isEmpty }.joined(separator: " "), autoLabel: nil,
                                                     position: position, cells: cells))
                    }
                }
            case "sdt", "sdtContent", "customXml", "ins", "moveTo":
                collect(node.children, numbering: &numbering, position: &position, into: &out)
            default:
                continue
            }
        }
    }

    /// The visible text of a paragraph (or any run container): insertions kept, deletions dropped.
    static func text(of node: XMLTreeNode) -> String {
        var out = ""
        for child in node.children where child.namespace == main {
            switch child.name {
            case "t": out += child.text
            case "tab", "br", "cr", "ptab": out += " "
            case "noBreakHyphen": out += "-"
            case "r", "ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "dir", "bdo":
                out += text(of: child)
            default: continue  // pPr, rPr, del, moveFrom, instrText, delText, bookmarks, proofErr, comments
            }
        }
        return out
    }

    /// NFC, white space collapsed, trimmed.
    static func clean(_ text: String) -> String {
        TextCleaner.clean(text.replacingOccurrences(of: "\u{00A0}", with: " "))
    }

    private func at(_ paragraph: Int) -> SourceLocation {
        SourceLocation(file: file, line: max(paragraph, 1), column: 0)
    }
}

extension XMLTreeNode {
    /// A WordprocessingML attribute (`w:val`).
    func w(_ name: String) -> String? { attribute(name, namespace: WordDecisionReader.main) }
}
