import Glibc

/// What the pre-scan learnt about a chart file: where the root's start tag is, and every `unit` that a
/// split could start at, with the elements enclosing it.
struct ChartLayout {
    /// An element that can enclose a cut: the root, or a `unit` whose ancestors are all such elements.
    struct Container {
        /// Offset of the `<` of the start tag.
        var tagStart: Int
        /// Offset just past the `>` of the start tag.
        var tagEnd: Int
        /// Length in bytes of the qualified name (right after the `<`).
        var nameLength: Int
        /// Index of the enclosing container in ``ChartLayout/containers``; -1 for the root.
        var parent: Int
        /// 0 for the root, 1 for its units, and so on.
        var depth: Int
        /// Offset of the first child `unit` (-1 when there is none).
        var firstUnitChild = -1
        /// Line feeds before ``tagStart`` (libxml2 counts lines by line feeds), counted by the scan as it
        /// passes the bytes (reading them again for the plan faulted back in the pages it had given back).
        var lineFeedsBefore = 0
    }

    /// The root first, then the units that can enclose or start a part, in document order.
    var containers: [Container]
    /// The file's size in bytes.
    var size: Int
}

/// A fast byte scan of an OrgChart XML file that finds the start tags of its units without parsing
/// it: `memchr` to the next `<`; comments, CDATA sections and processing instructions skipped whole;
/// a unit's start tag read to its end (quoted values skipped with `memchr`), any other tag only to the
/// end of its name. Character data is never looked at, so the scan runs at nearly memory speed.
///
/// It recognises only what a split can reproduce exactly: UTF-8, XML 1.0, no DOCTYPE, an `<orgChart>`
/// root in the OrgChart namespace, and `unit` children spelled with the root's prefix. Anything else is
/// a ``SplitRefusal``.
struct ChartLayoutScanner {
    private static let namespace = Array("urn:orgscope:orgchart:1".utf8)
    private static let namespaceDeclaration = Array("xmlns".utf8)

    let base: UnsafePointer<UInt8>
    let end: Int
    private let maxDepth: Int
    /// Called with the bytes the content scan has passed, about every `releaseStep` bytes: the split
    /// import gives back their pages (``MappedFile/releaseScanned(_:)``).
    var release: ((Range<Int>) -> Void)?
    var releaseStep = MappedFile.releaseStep

    /// A scanner over `bytes` (nil when there are none); nesting deeper than `maxDepth` is refused (the
    /// ordinary parse reports it).
    init?(bytes: UnsafeRawBufferPointer, maxDepth: Int) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
        base = start.assumingMemoryBound(to: UInt8.self)
        end = bytes.count
        self.maxDepth = maxDepth
    }

    /// The root's start tag, found by reading the prolog (XML declaration, comments, PIs): what must
    /// hold before a split is worth starting.
    struct Root {
        var tagStart: Int
        var tagEnd: Int
        var nameLength: Int
        /// The root's qualified name.
        var name: [UInt8]
        /// `unit`, with the root's prefix if it has one.
        var unitName: [UInt8]
    }

    /// Reads the prolog and the root's start tag.
    func root() -> Result<Root, SplitRefusal> {
        do {
            var position = try skipProlog()
            return .success(try rootTag(at: &position))
        } catch {
            return .failure(error)
        }
    }

    /// Scans the content after `root` up to the first tag at or past `limit` (or the root's end): every
    /// unit there that could start a part. What comes after `limit` is left to the parts' parsers, whose
    /// schema validation rejects anything but units after a cut.
    func layout(after root: Root, until limit: Int) -> Result<ChartLayout, SplitRefusal> {
        do {
            return .success(try content(from: root.tagEnd, root: root, until: limit))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Prolog and root

    private func skipProlog() throws(SplitRefusal) -> Int {
        var position = 0
        if end >= 2, (base[0] == 0xFE && base[1] == 0xFF) || (base[0] == 0xFF && base[1] == 0xFE) {
            throw .encoding("UTF-16 byte order mark")
        }
        if (0..<min(end, 4)).contains(where: { base[$0] == 0 }) { throw .encoding("UTF-16 or UTF-32 bytes") }
        if matches(position, [0xEF, 0xBB, 0xBF]) { position = 3 }
        if matches(position, Array("<?xml".utf8)), position + 5 < end, isSpace(base[position + 5]) {
            guard let close = find(Array("?>".utf8), from: position + 5) else { throw .structure("XML declaration") }
            try checkDeclaration(position + 5..<close)
            position = close + 2
        }
        while true {
            position = skipSpaces(from: position)
            if matches(position, Array("<!--".utf8)) {
                guard let close = find(Array("-->".utf8), from: position + 4) else { throw .structure("comment") }
                position = close + 3
            } else if matches(position, Array("<?".utf8)) {
                guard let close = find(Array("?>".utf8), from: position + 2) else { throw .structure("PI") }
                position = close + 2
            } else if matches(position, Array("<!".utf8)) {
                throw .documentType
            } else if position < end, base[position] == UInt8(ascii: "<") {
                return position
            } else {
                throw .structure("no root element")
            }
        }
    }

    private func checkDeclaration(_ range: Range<Int>) throws(SplitRefusal) {
        let pseudo = attributes(in: range)
        if let version = pseudo.first(where: { $0.name == Array("version".utf8) })?.value,
           version != Array("1.0".utf8) {
            throw .encoding("XML version \(String(decoding: version, as: UTF8.self))")
        }
        if let encoding = pseudo.first(where: { $0.name == Array("encoding".utf8) })?.value {
            let lowered = encoding.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            guard lowered == Array("utf-8".utf8) else {
                throw .encoding("declared \(String(decoding: encoding, as: UTF8.self))")
            }
        }
    }

    private func rootTag(at position: inout Int) throws(SplitRefusal) -> Root {
        let start = position
        let nameEnd = nameEnd(from: start + 1)
        guard let tag = tagEnd(from: nameEnd) else { throw .structure("root start tag") }
        guard !tag.selfClosing else { throw .structure("empty root") }
        let name = Array(UnsafeBufferPointer(start: base + start + 1, count: nameEnd - start - 1))
        let colon = name.firstIndex(of: UInt8(ascii: ":"))
        let prefix = colon.map { Array(name[..<$0]) } ?? []
        let local = colon.map { Array(name[($0 + 1)...]) } ?? name
        guard local == Array("orgChart".utf8) else { throw .structure("the root is not <orgChart>") }
        let declaration = prefix.isEmpty ? Array("xmlns".utf8) : Array("xmlns:".utf8) + prefix
        let namespace = attributes(in: nameEnd..<tag.close).last { $0.name == declaration }?.value
        guard namespace == Self.namespace else { throw .structure("the root is not in the OrgChart namespace") }
        position = tag.close + 1
        return Root(tagStart: start, tagEnd: tag.close + 1, nameLength: name.count, name: name,
                    unitName: prefix.isEmpty ? Array("unit".utf8) : prefix + Array(":unit".utf8))
    }

    // MARK: Content

    /// An open element the scan follows: the root, or an element named like a unit.
    private struct Open {
        /// Index in the containers, or -1 for an element that cannot enclose a cut (a `unit` that
        /// declares a namespace, or anything inside one).
        var container: Int
    }

    /// Follows only the root and the elements named like units: every `<` is looked at (so that
    /// comments, CDATA sections and PIs are skipped whole), but the tags of other elements are passed
    /// over after their name, since attribute values hold no `<`. A file whose structure this misreads
    /// is not well-formed or not valid, which the parts' parsers report, sending it to the single pass.
    private func content(from start: Int, root: Root, until limit: Int) throws(SplitRefusal) -> ChartLayout {
        var containers = [ChartLayout.Container(tagStart: root.tagStart, tagEnd: root.tagEnd,
                                                nameLength: root.nameLength, parent: -1, depth: 0)]
        // Room for a unit every 512 bytes: only the pages written are touched, and grown by doubling the
        // array was copied into fresh pages again and again (100,000 units at L).
        containers.reserveCapacity(max(16, min(limit, end) / 512))
        var stack = [Open(container: 0)]
        stack.reserveCapacity(32)
        let unitName = root.unitName
        let lessThan = Int32(UInt8(ascii: "<"))
        var position = start
        var released = 0
        var lineFeeds = SplitPlan.newlines(in: UnsafeRawBufferPointer(start: base, count: start)), counted = start
        scanning: while position < limit {
            if let release, position - released >= releaseStep {
                lineFeeds += SplitPlan.newlines(in: UnsafeRawBufferPointer(start: base + counted, count: position - counted))
                counted = position
                release(released..<position)
                released = position
            }
            guard position < end, let found = memchr(base + position, lessThan, end - position) else {
                throw .structure("the root element is not closed")
            }
            let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            guard at + 1 < end else { throw .structure("a tag is cut off") }
            switch base[at + 1] {
            case UInt8(ascii: "/"):
                if isName(unitName, at: at + 2) {
                    guard stack.count > 1 else { throw .structure("an end tag that does not match") }
                    stack.removeLast()
                } else if isName(root.name, at: at + 2), stack.count == 1 {
                    break scanning  // the root ends: only the epilogue is left
                }
                position = at + 2
            case UInt8(ascii: "!"):
                position = try skipMarkupDeclaration(at: at)
            case UInt8(ascii: "?"):
                guard let close = find(Array("?>".utf8), from: at + 2) else { throw .structure("PI") }
                position = close + 2
            default:
                guard isName(unitName, at: at + 1) else {
                    position = at + 1
                    continue
                }
                let nameEnd = at + 1 + unitName.count
                guard let tag = tagEnd(from: nameEnd) else { throw .structure("a start tag") }
                var open = Open(container: -1)
                let parent = stack[stack.count - 1].container
                if parent >= 0, !declaresNamespace(nameEnd..<tag.close) {
                    if containers[parent].firstUnitChild < 0 { containers[parent].firstUnitChild = at }
                    open.container = containers.count
                    lineFeeds += SplitPlan.newlines(in: UnsafeRawBufferPointer(start: base + counted, count: at - counted))
                    counted = at
                    containers.append(ChartLayout.Container(
                        tagStart: at, tagEnd: tag.close + 1, nameLength: unitName.count, parent: parent,
                        depth: stack.count, lineFeedsBefore: lineFeeds))
                }
                if !tag.selfClosing {
                    guard stack.count < maxDepth else { throw .structure("nesting deeper than the limit") }
                    stack.append(open)
                }
                position = tag.close + 1
            }
        }
        return ChartLayout(containers: containers, size: end)
    }

    /// Whether the qualified name `name` starts at `position` (and ends there: a blank, `>` or `/`
    /// follows).
    private func isName(_ name: [UInt8], at position: Int) -> Bool {
        let after = position + name.count
        guard after < end, memcmp(base + position, name, name.count) == 0 else { return false }
        let byte = base[after]
        return isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    /// Skips `<!--...-->` or `<![CDATA[...]]>` at `at`; anything else after `<!` (a DOCTYPE inside the
    /// content, which is not well-formed) is refused.
    private func skipMarkupDeclaration(at: Int) throws(SplitRefusal) -> Int {
        if matches(at, Array("<!--".utf8)) {
            guard let close = find(Array("-->".utf8), from: at + 4) else { throw .structure("comment") }
            return close + 3
        }
        if matches(at, Array("<![CDATA[".utf8)) {
            guard let close = find(Array("]]>".utf8), from: at + 9) else { throw .structure("CDATA") }
            return close + 3
        }
        throw .structure("markup declaration inside the content")
    }

    // MARK: Tags

    private struct Tag {
        /// Offset of the closing `>`.
        var close: Int
        var selfClosing: Bool
    }

    /// The end of the name that starts at `start`.
    private func nameEnd(from start: Int) -> Int {
        var position = start
        while position < end {
            let byte = base[position]
            if isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") { break }
            position += 1
        }
        return position
    }

    /// The rest of a start tag after its name: finds the closing `>` outside quoted values.
    private func tagEnd(from start: Int) -> Tag? {
        var position = start
        while let delimiter = nextDelimiter(from: position) {
            let byte = base[delimiter]
            if byte == UInt8(ascii: ">") {
                return Tag(close: delimiter, selfClosing: base[delimiter - 1] == UInt8(ascii: "/"))
            }
            guard let close = find(byte: byte, from: delimiter + 1) else { return nil }
            position = close + 1
        }
        return nil
    }

    /// Whether the attributes in `range` (of a start tag) may declare a namespace: `xmlns` appears in
    /// them (in a value too, which only makes the scan more careful than it need be).
    private func declaresNamespace(_ range: Range<Int>) -> Bool {
        var position = range.lowerBound
        while let found = find(byte: UInt8(ascii: "x"), from: position), found + 5 <= range.upperBound {
            if memcmp(base + found, Self.namespaceDeclaration, 5) == 0 { return true }
            position = found + 1
        }
        return false
    }

    /// Name/value pairs between `range` (for the XML declaration and the root's namespace
    /// declarations; values are raw bytes, so a value written with a character reference does not match).
    private func attributes(in range: Range<Int>) -> [(name: [UInt8], value: [UInt8])] {
        var result: [(name: [UInt8], value: [UInt8])] = []
        var position = range.lowerBound
        while position < range.upperBound {
            position = skipSpaces(from: position)
            let nameStart = position
            while position < range.upperBound, !isSpace(base[position]), base[position] != UInt8(ascii: "=") {
                position += 1
            }
            let name = Array(UnsafeBufferPointer(start: base + nameStart, count: position - nameStart))
            position = skipSpaces(from: position)
            guard position < range.upperBound, base[position] == UInt8(ascii: "=") else { break }
            position = skipSpaces(from: position + 1)
            guard position < range.upperBound else { break }
            let quote = base[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                  let close = find(byte: quote, from: position + 1), close < range.upperBound else { break }
            result.append((name, Array(UnsafeBufferPointer(start: base + position + 1, count: close - position - 1))))
            position = close + 1
        }
        return result
    }
}
