import Foundation

/// What kind of XML document a file is, judged from its root element alone (the first few KB are
/// read), so that `orgscope` can route each input to the right importer before parsing it.
public enum ModelFormat: Equatable, Sendable {
    /// An ArchiMate Model Exchange File, version 3.x (namespace `http://www.opengroup.org/xsd/archimate/3.0/`).
    case archiMate3
    /// An ArchiMate Model Exchange File, version 2.1 (namespace `http://www.opengroup.org/xsd/archimate`).
    case archiMate21
    /// Anything else (OrgChart XML, a mandate catalogue, or a file that is not XML at all): left to
    /// the native importer, which reports what is wrong with it.
    case other

    /// The namespace of exchange format 3.x (3.0 and 3.1 share it).
    public static let namespace3 = "http://www.opengroup.org/xsd/archimate/3.0/"
    /// The namespace of exchange format 2.1.
    public static let namespace21 = "http://www.opengroup.org/xsd/archimate"

    /// True for both ArchiMate versions.
    public var isArchiMate: Bool { self != .other }

    /// The format of a namespace URI, as it appears on the root `model` element.
    public static func of(namespace: String) -> ModelFormat {
        var uri = namespace
        if uri.hasSuffix("/") { uri.removeLast() }
        if uri == namespace21 { return .archiMate21 }
        if uri.hasPrefix(namespace21 + "/3.") { return .archiMate3 }
        return .other
    }

    /// Sniffs the file at `path` from its first 16 KB; `.other` when it cannot be read.
    public static func sniff(path: String) -> ModelFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 16 << 10) else { return .other }
        return sniff(prefix: Array(data))
    }

    /// Sniffs a document from its first bytes (UTF-8, or UTF-16 with a byte-order mark).
    public static func sniff(prefix bytes: [UInt8]) -> ModelFormat {
        let text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let even = Array(bytes.prefix(bytes.count & ~1))
            text = String(data: Data(even), encoding: .utf16) ?? ""
        } else {
            text = String(decoding: bytes, as: UTF8.self)
        }
        guard let tag = rootTag(in: Array(text.unicodeScalars)) else { return .other }
        let (qualifiedName, attributes) = tag
        let parts = qualifiedName.split(separator: ":", maxSplits: 1).map(String.init)
        let prefix = parts.count == 2 ? parts[0] : nil
        guard parts.last == "model" else { return .other }
        let declaration = prefix.map { "xmlns:" + $0 } ?? "xmlns"
        guard let namespace = attributes[declaration] else { return .other }
        return of(namespace: namespace)
    }

    /// The first start tag after the prolog (declaration, comments, processing instructions, a DOCTYPE):
    /// its qualified name and attributes.
    private static func rootTag(in scalars: [Unicode.Scalar]) -> (String, [String: String])? {
        var index = 0
        func skip(past terminator: String) {
            let marks = Array(terminator.unicodeScalars)
            while index < scalars.count {
                if scalars[index...].starts(with: marks) { index += marks.count; return }
                index += 1
            }
        }
        while index < scalars.count {
            guard scalars[index] == "<" else { index += 1; continue }
            let rest = scalars[index...]
            if rest.starts(with: Array("<?".unicodeScalars)) { skip(past: "?>"); continue }
            if rest.starts(with: Array("<!--".unicodeScalars)) { skip(past: "-->"); continue }
            if rest.starts(with: Array("<!".unicodeScalars)) { skip(past: ">"); continue }
            return parseTag(scalars, from: index + 1)
        }
        return nil
    }

    private static func parseTag(_ scalars: [Unicode.Scalar], from start: Int) -> (String, [String: String])? {
        var index = start
        var name = ""
        while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != ">", scalars[index] != "/" {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        var attributes: [String: String] = [:]
        while index < scalars.count, scalars[index] != ">" {
            if scalars[index].properties.isWhitespace || scalars[index] == "/" { index += 1; continue }
            var key = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ">", !scalars[index].properties.isWhitespace {
                key.unicodeScalars.append(scalars[index])
                index += 1
            }
            while index < scalars.count, scalars[index].properties.isWhitespace || scalars[index] == "=" { index += 1 }
            guard index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" else { continue }
            let quote = scalars[index]
            index += 1
            var value = ""
            while index < scalars.count, scalars[index] != quote {
                value.unicodeScalars.append(scalars[index])
                index += 1
            }
            guard index < scalars.count else { return nil }  // the tag goes on past the sniffed prefix
            index += 1
            attributes[key] = value
        }
        return name.isEmpty ? nil : (name, attributes)
    }
}
