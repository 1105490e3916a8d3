import CLibXML2
import Glibc
import OrgModel

/// Whether two NUL-terminated names are the same: the first bytes are compared here, and only names that
/// agree on it go on to `strcmp` (a name is matched against a list of candidates for every tag and
/// attribute, and most differ from the first byte on).
@inline(__always)
func sameName(_ name: UnsafePointer<UInt8>, _ other: UnsafePointer<UInt8>) -> Bool {
    name.pointee == other.pointee
        && (name.pointee == 0 || strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                                        UnsafeRawPointer(other).assumingMemoryBound(to: CChar.self)) == 0)
}

/// Where a tag starts in the file: 1-based line and column (in characters); 0 when unknown.
struct TagPosition: Equatable {
    var line: Int
    var column: Int
}

/// The name and attributes of one start tag, as the parser has them: valid only during the
/// ``XMLEventHandler/startElement(_:at:)`` call that receives it.
///
/// Names and values are read straight from the parser's buffers: names are compared as bytes, enums and
/// counts parsed from bytes, and a `String` is made only for what the handler keeps. (libxml2 hands over
/// UTF-8 it has already checked, but Swift has no public initializer that skips its own check, so each
/// kept `String` is still validated once.)
struct XMLStartTag {
    /// Where the attributes are.
    enum Storage {
        /// libxml2's SAX2 array: five pointers per attribute (local name, prefix, URI, value start,
        /// value end).
        case libxml(UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int)
        /// Attributes already copied (the text reader's path), kept by the reader for the call: a pointer,
        /// so that a tag is copied as plain values (it is handed down through every handler).
        case list(UnsafeBufferPointer<XMLAttribute>)
    }

    /// The local name (NUL-terminated UTF-8).
    let localName: UnsafePointer<UInt8>
    /// The namespace URI (NUL-terminated UTF-8), nil for none.
    let namespaceURI: UnsafePointer<UInt8>?
    let storage: Storage

    /// Whether the local name is `literal`.
    func hasName(_ literal: StaticString) -> Bool {
        sameName(localName, literal.utf8Start)
    }

    /// The local name as a string.
    var name: String { String(cString: localName) }

    /// The namespace URI as a string.
    var namespace: String? { namespaceURI.map { String(cString: $0) } }

    /// Every attribute, copied (for handlers that are not on a hot path).
    var attributes: [XMLAttribute] {
        switch storage {
        case .list(let list):
            return Array(list)
        case .libxml(let pointers, let count):
            guard let pointers else { return [] }
            var list: [XMLAttribute] = []
            list.reserveCapacity(count)
            for index in 0..<count {
                let base = pointers + index * 5
                guard let name = base[0], let value = Self.value(base) else { continue }
                list.append(XMLAttribute(name: String(cString: name), namespace: base[2].map { String(cString: $0) },
                                         value: Self.string(value)))
            }
            return list
        }
    }

    /// The first attribute whose value is over `limit` characters, with its length in characters (nil
    /// when none is). Lengths are counted only for values of more than `limit` bytes.
    func attribute(longerThan limit: Int) -> (name: String, characters: Int)? {
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        switch storage {
        case .list(let list):
            for attribute in list where attribute.value.utf8.count > limit && attribute.value.count > limit {
                return (attribute.name, attribute.value.count)
            }
        case .libxml(let pointers, let count):
            guard let pointers else { return nil }
            for index in 0..<count {
                let base = pointers + index * 5
                guard let name = base[0], let value = Self.value(base), value.count > limit else { continue }
                let length = characters(value)
                if length > limit { return (String(cString: name), length) }
            }
        }
        return nil
    }

    /// The raw bytes of the unqualified attribute `name`, handed to `body`; nil when it is absent.
    /// With entity substitution off, libxml2 writes `&` in attribute values as `&#38;`: the bytes are
    /// passed as they are (use ``string(_:)`` for the text).
    func withValue<Result>(_ name: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        switch storage {
        case .list(let list):
            guard var value = list.first(where: { $0.namespace == nil && $0.name == name.description })?.value
            else { return nil }
            return value.withUTF8(body)
        case .libxml(let pointers, let count):
            guard let pointers else { return nil }
            for index in 0..<count {
                let base = pointers + index * 5
                guard base[2] == nil, let attributeName = base[0],
                      sameName(attributeName, name.utf8Start),
                      let value = Self.value(base) else { continue }
                return body(value)
            }
            return nil
        }
    }

    /// Calls `body` with the local name (NUL-terminated) and the raw value bytes of every unqualified
    /// attribute, in document order (raw as in ``withValue(_:_:)``; ``text(of:)`` gives the text).
    func forEachAttribute(_ body: (UnsafePointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        switch storage {
        case .list(let list):
            for attribute in list where attribute.namespace == nil {
                let name = attribute.name
                var value = attribute.value
                name.withCString { name in
                    UnsafeRawPointer(name).withMemoryRebound(to: UInt8.self, capacity: 1) { name in
                        value.withUTF8 { body(name, $0) }
                    }
                }
            }
        case .libxml(let pointers, let count):
            guard let pointers else { return }
            for index in 0..<count {
                let base = pointers + index * 5
                guard base[2] == nil, let name = base[0], let value = Self.value(base) else { continue }
                body(name, value)
            }
        }
    }

    /// Calls `body` with the local name, the namespace URI (nil for none; NUL-terminated) and the raw
    /// value bytes of every attribute, qualified or not, in document order.
    func forEachQualifiedAttribute(
        _ body: (UnsafePointer<UInt8>, UnsafePointer<UInt8>?, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        switch storage {
        case .list(let list):
            for attribute in list {
                let name: [UInt8] = Array(attribute.name.utf8) + [0]
                let namespace: [UInt8] = attribute.namespace.map { Array($0.utf8) + [0] } ?? []
                var value = attribute.value
                name.withUnsafeBufferPointer { name in
                    namespace.withUnsafeBufferPointer { uri in
                        value.withUTF8 { body(name.baseAddress!, uri.isEmpty ? nil : uri.baseAddress, $0) }
                    }
                }
            }
        case .libxml(let pointers, let count):
            guard let pointers else { return }
            for index in 0..<count {
                let base = pointers + index * 5
                guard let name = base[0], let value = Self.value(base) else { continue }
                body(name, base[2], value)
            }
        }
    }

    /// Whether raw attribute bytes hold libxml2's `&#38;` for `&` (the text then differs from the bytes).
    func needsDecoding(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch storage {
        case .list: false
        case .libxml: Self.containsAmpersand(value)
        }
    }

    /// The text of raw attribute bytes from ``forEachAttribute(_:)`` (libxml2's `&#38;` back to `&`).
    /// The reader's values are already text, and never contain `&#38;` for `&`.
    func text(of value: UnsafeBufferPointer<UInt8>) -> String {
        switch storage {
        case .list: String(decoding: value, as: UTF8.self)
        case .libxml: Self.string(value)
        }
    }

    /// The cleaned text (``TextCleaner``) of raw attribute bytes from ``forEachAttribute(_:)``.
    func cleanedText(of value: UnsafeBufferPointer<UInt8>) -> String {
        switch storage {
        case .list: TextCleaner.clean(value)
        case .libxml: Self.containsAmpersand(value) ? TextCleaner.clean(Self.string(value)) : TextCleaner.clean(value)
        }
    }

    /// The value of the unqualified attribute `name`, nil when it is absent.
    func string(_ name: StaticString) -> String? {
        switch storage {
        case .list(let list):
            return list.first { $0.namespace == nil && $0.name == name.description }?.value
        case .libxml:
            return withValue(name) { Self.string($0) }
        }
    }

    /// The value of the unqualified attribute `name`, cleaned by ``TextCleaner`` (white space collapsed,
    /// NFC), nil when it is absent.
    func cleanedString(_ name: StaticString) -> String? {
        switch storage {
        case .list:
            return string(name).map(TextCleaner.clean)
        case .libxml:
            return withValue(name) { bytes in
                Self.containsAmpersand(bytes) ? TextCleaner.clean(Self.string(bytes)) : TextCleaner.clean(bytes)
            }
        }
    }

    private static func value(_ base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) -> UnsafeBufferPointer<UInt8>? {
        guard let begin = base[3], let end = base[4], end >= begin else { return nil }
        return UnsafeBufferPointer(start: begin, count: end - begin)
    }

    private static func containsAmpersand(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(start, 0x26, bytes.count) != nil
    }

    /// A value's text, with libxml2's `&#38;` turned back into `&`.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let value = String(decoding: bytes, as: UTF8.self)
        return containsAmpersand(bytes) ? value.replacingOccurrences("&#38;", with: "&") : value
    }
}

/// What a parser driver (SAX2 or text reader) reports to the code that builds the model.
/// Both drivers produce the same sequence of calls for the same file.
protocol XMLEventHandler: AnyObject {
    /// An element starts at `position` (the `<` of its start tag).
    func startElement(_ tag: XMLStartTag, at position: TagPosition)
    /// The current element ends.
    func endElement()
    /// Character data (UTF-8) inside the current element, possibly in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The content of a CDATA section inside the current element (by default, character data).
    func cdata(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Whether `characters` is wanted at all now (saves copying white space between elements).
    var wantsCharacters: Bool { get }
}

extension XMLEventHandler {
    func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        if wantsCharacters { characters(bytes) }
    }
}
