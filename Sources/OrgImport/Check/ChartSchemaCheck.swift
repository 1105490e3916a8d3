import Glibc
import OrgModel

/// Checks OrgChart XML v1 in code, on the events a parser reports, and passes every event on to the
/// builder: what `orgchart-1.xsd` checks (element order and counts, required and allowed attributes,
/// value types and ranges, token patterns), without compiling or running the XSD.
///
/// The declarations are ``ChartSchemaRules``; every problem goes to the collector at the element's
/// FILE:LINE:COLUMN, all of them in one run. libxml2's validator is the reference: where it reads XSD
/// 1.0 in its own way, this check reads it the same way (`SchemaEquivalenceTests`).
///
/// For a part of a split file, the first `syntheticElements` start tags are copies of enclosing
/// elements: a problem on one of them, or a content-model problem (which depends on the siblings before
/// the cut), is noted in ``partTrouble`` so that the file is read in one pass instead.
final class ChartSchemaCheck: XMLEventHandler {
    private typealias Rules = ChartSchemaRules
    static let namespace = "urn:orgscope:orgchart:1"
    private static let instanceNamespace = "http://www.w3.org/2001/XMLSchema-instance"

    private struct Frame {
        /// The declared kind; nil for an element not declared here (its content is not checked).
        var kind: Rules.Kind?
        /// The name as declared (nil for an element not declared here, whose name no message needs): a frame
        /// holds no `String`, so that pushing, popping and reading one is a plain copy.
        var knownName: StaticString?
        var position: TagPosition
        var name: String { knownName.map { "\($0)" } ?? "" }
        /// Index of the particle the last child matched, and how many children matched it.
        var particle = -1
        var count = 0
        var sawText = false
        var reportedText = false
        var reportedChild = false
    }

    /// ``ChartSchemaRules/shapes``, held here (no lazy global to reach at every text).
    private let shapes = Rules.shapes
    /// ``ChartSchemaRules/makeAttributes()``: this checker's own, read at every start tag.
    private let attributes = Rules.makeAttributes()
    private let next: any XMLEventHandler
    private let diagnostics: DiagnosticCollector
    private let file: String
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var syntheticElementsLeft: Int
    @exclusivity(unchecked) private var ourNamespace: UnsafePointer<UInt8>?
    /// What this part reported that only the whole file can settle (nil while nothing did).
    private(set) var partTrouble: String?

    init(next: any XMLEventHandler, file: String, diagnostics: DiagnosticCollector, syntheticElements: Int = 0) {
        self.next = next
        self.file = file
        self.diagnostics = diagnostics
        syntheticElementsLeft = syntheticElements
        frames.reserveCapacity(16)
    }

    var wantsCharacters: Bool {
        guard let frame = frames.last else { return next.wantsCharacters }
        return next.wantsCharacters || (frame.kind != nil && !frame.reportedText)
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if next.wantsCharacters { next.characters(bytes) }
        text(bytes, cdata: false)
    }

    func cdata(_ bytes: UnsafeBufferPointer<UInt8>) {
        next.cdata(bytes)
        text(bytes, cdata: true)
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool) {
        guard let index = frames.indices.last, let kind = frames[index].kind, !frames[index].reportedText else { return }
        // Text of text elements, and the white space between elements: read through a table of plain
        // values (no copy of a content model) and scanned only as far as the answer needs.
        switch shapes[kind.rawValue] {
        case .simple:
            if !frames[index].sawText, !Rules.isBlank(bytes) { frames[index].sawText = true }
        case .elements:
            guard cdata || !Rules.isBlank(bytes) else { return }
            frames[index].reportedText = true
            contentError(frames[index], "text is not allowed here, only elements (found "
                + "'\(Self.excerpt(bytes))'\(cdata ? " in a CDATA section" : ""))")
        case .empty:
            frames[index].reportedText = true
            contentError(frames[index], "must be empty, and it holds text ('\(Self.excerpt(bytes))')")
        }
    }

    func startElement(_ tag: XMLStartTag, at position: TagPosition) {
        check(tag, at: position)
        if syntheticElementsLeft > 0 { syntheticElementsLeft -= 1 }
        next.startElement(tag, at: position)
    }

    func endElement() {
        if let frame = frames.popLast(), let kind = frame.kind {
            finish(frame, kind)
        }
        next.endElement()
    }

    private func check(_ tag: XMLStartTag, at position: TagPosition) {
        let isOurs = isOurNamespace(tag.namespaceURI)
        guard let parentIndex = frames.indices.last else {
            let kind = isOurs ? Rules.root(tag.name) : nil
            if isOurs, kind == nil {
                error(position, "element '\(tag.name)': not an OrgChart XML v1 root; a file starts with "
                    + "<orgChart> or <mandateCatalog>")
            } else if !isOurs {
                OrgDocumentBuilder.reportForeignRoot(diagnostics: diagnostics, name: tag.name, namespace: tag.namespace,
                    location: SourceLocation(file: file, line: position.line, column: position.column))
            }
            frames.append(Frame(kind: kind, knownName: kind.map(Rules.rootName), position: position))
            if let kind { checkAttributes(tag, kind, at: position) }
            return
        }
        guard let parentKind = frames[parentIndex].kind else {
            frames.append(Frame(kind: nil, position: position))
            return
        }
        let match = isOurs ? Rules.match(tag.localName, in: parentKind) : nil
        placeChild(tag, isOurs: isOurs, match: match?.index, in: parentIndex, at: position)
        if let match {
            frames.append(Frame(kind: match.kind, knownName: Rules.children[parentKind.rawValue][match.index].name,
                                position: position))
            checkAttributes(tag, match.kind, at: position)
        } else {
            frames.append(Frame(kind: nil, position: position))
        }
    }

    /// Moves the parent's content model on by the child `tag` (at particle `target`, nil when the parent
    /// declares no such child), reporting a child out of place.
    private func placeChild(_ tag: XMLStartTag, isOurs: Bool, match target: Int?, in parentIndex: Int,
                            at position: TagPosition) {
        let parent = frames[parentIndex]
        guard let parentKind = parent.kind, !parent.reportedChild else { return }
        var name: String { tag.name }
        var what: String {
            isOurs ? "'\(tag.name)'"
                : "'\(tag.name)' (\(tag.namespace.map { "in namespace '\($0)'" } ?? "in no namespace"))"
        }
        switch Rules.content[parentKind.rawValue] {
        case .empty:
            frames[parentIndex].reportedChild = true
            contentError(parent, "must be empty, and it holds element \(what)", at: position)
        case .simple:
            frames[parentIndex].reportedChild = true
            contentError(parent, "holds text only, and it holds element \(what)", at: position)
        case .elements(let particles):
            var order: String { Rules.childNames[parentKind.rawValue].joined(separator: ", ") }
            guard let target else {
                frames[parentIndex].reportedChild = true
                contentError(parent, "element \(what) is not allowed here (allowed: \(order))", at: position)
                return
            }
            if target < parent.particle {
                frames[parentIndex].reportedChild = true
                let previous = particles[parent.particle].name
                contentError(parent, "'\(name)' cannot come after '\(previous)' (order: \(order))", at: position)
                return
            }
            // Particles skipped on the way must allow none.
            for skipped in (parent.particle + 1)..<max(target, parent.particle + 1) {
                let particle = particles[skipped]
                if particle.min > 0 {
                    frames[parentIndex].reportedChild = true
                    contentError(parent, "'\(name)' cannot come before '\(particle.name)', which is required "
                        + "(order: \(order))", at: position)
                    return
                }
            }
            if target == parent.particle {
                frames[parentIndex].count += 1
            } else {
                frames[parentIndex].particle = target
                frames[parentIndex].count = 1
            }
            if let max = particles[target].max, frames[parentIndex].count > max {
                frames[parentIndex].reportedChild = true
                contentError(parent, "only \(max == 1 ? "one" : "\(max)") '\(name)' allowed (order: \(order))",
                             at: position)
            }
        }
    }

    /// What the end of an element settles: required children, simple content.
    private func finish(_ frame: Frame, _ kind: Rules.Kind) {
        switch Rules.content[kind.rawValue] {
        case .empty:
            break
        case .simple(let type):
            if !frame.sawText, !frame.reportedChild {
                contentError(frame, "its text is empty; it must be \(type.label)")
            }
        case .elements(let particles):
            guard !frame.reportedChild, !frame.reportedText else { return }
            var order: String { particles.map { "\($0.name)" }.joined(separator: ", ") }
            for index in particles.indices where index >= frame.particle {
                let had = index == frame.particle ? frame.count : 0
                if had < particles[index].min {
                    contentError(frame, "a '\(particles[index].name)' element is required (order: \(order))")
                    return
                }
            }
        }
    }

    /// Checks the attributes of a start tag of `kind`.
    private func checkAttributes(_ tag: XMLStartTag, _ kind: Rules.Kind, at position: TagPosition) {
        let declared = attributes[kind.rawValue]
        var seen: UInt32 = 0
        var elementName: String { frames.last?.name ?? "" }
        tag.forEachQualifiedAttribute { name, namespace, value in
            if let namespace {
                checkForeignAttribute(tag, kind, name: name, namespace: namespace, value: value, at: position)
                return
            }
            guard let index = declared.firstIndex(where: { sameName(name, $0.name.utf8Start) })
            else {
                error(position, "element '\(elementName)': attribute '\(String(cString: name))' is not allowed "
                    + "(allowed: \(declared.map { "\($0.name)" }.joined(separator: ", ")), or any in another namespace)")
                return
            }
            seen |= 1 << UInt32(index)
            let type = declared[index].type
            let valid: Bool
            if tag.needsDecoding(value) {
                var text = tag.text(of: value)
                valid = text.withUTF8 { Rules.isValid($0, as: type) }
            } else {
                valid = Rules.isValid(value, as: type)
            }
            if !valid {
                error(position, "element '\(elementName)': attribute '\(declared[index].name)': "
                    + "'\(Self.excerpt(value))' is not \(type.label)")
            }
        }
        for (index, attribute) in declared.enumerated() where attribute.required && seen & (1 << UInt32(index)) == 0 {
            error(position, "element '\(elementName)': required attribute '\(attribute.name)' is missing")
        }
    }

    /// Attributes in a namespace: any but this format's own (`##other`); of XML Schema instance's,
    /// `xsi:nil` never (no element is nillable) and `xsi:type` only naming the element's own type.
    private func checkForeignAttribute(_ tag: XMLStartTag, _ kind: Rules.Kind, name: UnsafePointer<UInt8>,
                                       namespace: UnsafePointer<UInt8>, value: UnsafeBufferPointer<UInt8>,
                                       at position: TagPosition) {
        let elementName = frames.last?.name ?? ""
        let uri = String(cString: namespace)
        let local = String(cString: name)
        if uri == Self.namespace {
            error(position, "element '\(elementName)': attribute '\(local)' must be in no namespace, not in "
                + "\(Self.namespace)")
        } else if uri == Self.instanceNamespace, local == "nil" {
            error(position, "element '\(elementName)': xsi:nil is not allowed (no element of OrgChart XML is nillable)")
        } else if uri == Self.instanceNamespace, local == "type" {
            let text = Rules.trimmed(value)
            let typeName = String(decoding: text, as: UTF8.self)
            let localType = typeName.split(separator: ":").last.map(String.init) ?? typeName
            if Rules.typeName(kind) == nil || localType != Rules.typeName(kind) {
                error(position, "element '\(elementName)': xsi:type='\(typeName)' is not allowed "
                    + "(only the element's own type may be named)")
            }
        }
    }

    // MARK: - Reporting

    private func error(_ position: TagPosition, _ message: String) {
        if syntheticElementsLeft > 0, partTrouble == nil { partTrouble = "a schema problem on a synthetic tag: \(message)" }
        diagnostics.error(SourceLocation(file: file, line: position.line, column: position.column), message)
    }

    /// A problem of an element's content, reported at `position` (the child's, or the element's own).
    private func contentError(_ frame: Frame, _ message: String, at position: TagPosition? = nil) {
        if partTrouble == nil { partTrouble = "a content-model problem: \(message)" }
        let position = position ?? frame.position
        diagnostics.error(SourceLocation(file: file, line: position.line, column: position.column),
                          "element '\(frame.name)': \(message)")
    }

    private func isOurNamespace(_ uri: UnsafePointer<UInt8>?) -> Bool {
        guard let uri else { return false }
        if uri == ourNamespace { return true }
        guard strcmp(Self.cString(uri), Self.namespace) == 0 else { return false }
        ourNamespace = uri
        return true
    }

    @inline(__always)
    private static func cString(_ pointer: UnsafePointer<UInt8>) -> UnsafePointer<CChar> {
        UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
    }

    /// At most 60 characters of a value, for a message.
    private static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences("&#38;", with: "&")
        let cleaned = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return cleaned.count > 60 ? String(cleaned.prefix(57)) + "..." : cleaned
    }
}
