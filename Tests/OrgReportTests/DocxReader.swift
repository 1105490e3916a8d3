import Foundation
import OrgImport
import OrgModel
import OrgOffice

/// A .docx read back as a user's Word would: the ZIP through ZIPFoundation (``OfficePackage``), each part
/// through libxml2 (OrgImport's hardened tree parser).
struct DocxReader {
    let parts: [String: Data]
    let order: [String]

    init(_ bytes: [UInt8]) throws {
        let parts = try OfficePackage.parts(of: Data(bytes))
        self.parts = Dictionary(uniqueKeysWithValues: parts.map { ($0.path, $0.data) })
        self.order = parts.map(\.path)
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The root element of a part.
    func xml(_ path: String) throws -> XMLTreeNode {
        guard let data = parts[path] else { throw ParseFailure(description: "no part \(path)") }
        let diagnostics = DiagnosticCollector()
        guard let root = TreeDocumentParser(file: path, formatName: "Word parts", maxDepth: 64, diagnostics: diagnostics)
            .parse(Array(data)) else {
            throw ParseFailure(description: "\(path) is not well-formed: \(diagnostics.sorted.map(\.description))")
        }
        return root
    }
}

extension XMLTreeNode {
    /// The `w:val` (or another WordprocessingML attribute) of this element.
    func w(_ attribute: String) -> String? {
        self.attribute(attribute, namespace: "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
    }

    /// The text of a paragraph or any element: its `w:t` texts joined.
    var wordText: String { all("t").map(\.text).joined() }

    /// The paragraph's style id.
    var paragraphStyle: String? { child("pPr")?.child("pStyle")?.w("val") }
}
