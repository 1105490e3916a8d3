/// How one large chart file is cut into parts that libxml2 can parse and validate on their own, each
/// wrapped in copies of the start tags that enclose it and the matching end tags.
///
/// Cuts are made only before a `unit` start tag whose enclosing elements are the root and units. The
/// schema then sees, in every part, a run of units where the whole file has one, and validates each
/// unit exactly as a single pass would; should an enclosing element have anything but units after the
/// cut, the part's validator reports a content-model error, which sends the file back to the single
/// pass (see ``SchemaErrorScope``). The root's first unit is never a cut (the root needs a unit in every
/// part). A cut moves back to the start of its line when only blanks precede the tag, so that columns
/// need no correction.
struct SplitPlan {
    /// One part: what to parse, and how its positions map back to the file.
    struct Part {
        /// Copies of the enclosing start tags, ending with a newline (empty for the first part).
        var prefix: [UInt8]
        /// The part's own bytes in the file.
        var body: Range<Int>
        /// A newline and the end tags of the elements still open at the end of the body (empty for the
        /// last part).
        var suffix: [UInt8]
        /// Part positions to file positions.
        var lines: LineMapping
        /// Start tags in `prefix`: elements the part's builder sees but the file already had.
        var syntheticElements: Int
    }

    /// The parts, in file order; at least two.
    var parts: [Part]

    /// Where the cuts should be, and how far from there they may move.
    struct Targets {
        var offsets: [Int]
        /// How far from a target a cut may be; the first part can read up to its target less this before
        /// the plan exists.
        var slack: Int

        /// `count` parts of equal size over a file of `size` bytes.
        init(size: Int, count: Int) {
            let parts = max(count, 1)
            offsets = (1..<parts).map { size / parts * $0 + min($0, size % parts) }
            slack = max(1, size / (8 * parts))
        }

        /// Parts for `threads` threads that take the next part as they finish one: each part is a
        /// `1 / (2 × threads)` share of what is left, and none smaller than `minimum` bytes, so that the
        /// parts shrink towards the end of the file and the threads finish close together.
        init(size: Int, threads: Int, minimum: Int) {
            var offsets: [Int] = []
            var position = 0
            while size - position >= 2 * minimum {
                position += max(minimum, (size - position) / (2 * max(threads, 1)))
                offsets.append(position)
            }
            self.offsets = offsets
            slack = max(1, minimum / 4)
        }

        /// The first part may read up to here before the cuts are chosen.
        var firstPartSafeEnd: Int { max(0, (offsets.first ?? 0) - slack) }
        /// The scan must reach here to see every candidate.
        var scanEnd: Int { (offsets.last ?? 0) + slack + 1 }
    }

    /// Plans parts over `bytes`, whose layout the scanner found up to `targets.scanEnd`; the plan may have
    /// fewer parts than targets + 1 when there are few places to cut. A part's first line is its unit's, as
    /// the scan counted it, and `release` is called with every stretch before the last cut, `releaseStep`
    /// bytes at a time (the split import gives back its pages: see ``MappedFile/releaseScanned(_:)``).
    static func make(layout: ChartLayout, bytes: UnsafeRawBufferPointer, targets: Targets,
                     releaseStep: Int = MappedFile.releaseStep, release: ((Range<Int>) -> Void)? = nil) -> Result<SplitPlan, SplitRefusal> {
        guard !targets.offsets.isEmpty, let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return .failure(.notWorthSplitting)
        }
        let text = UnsafeBufferPointer(start: base, count: bytes.count)
        let candidates = cutCandidates(layout)
        let cuts = chooseCuts(candidates, targets: targets, text: text)
        guard !cuts.isEmpty else { return .failure(.noCutPoint) }

        var parts: [Part] = []
        var start = 0
        var firstLine = 1
        var opening: Cut?
        for index in 0...cuts.count {
            let cut = index < cuts.count ? cuts[index] : nil
            let end = cut?.offset ?? bytes.count
            let prefix = opening.map { Self.prefix(for: $0.container, layout, text) } ?? []
            let prefixLines = prefix.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            parts.append(Part(
                prefix: prefix, body: start..<end,
                suffix: cut.map { Self.suffix(for: $0.container, layout, text) } ?? [],
                lines: LineMapping(prefixLines: prefixLines, firstLine: firstLine,
                                   firstColumnShift: opening?.columnShift ?? 0),
                syntheticElements: opening.map { ancestors(of: $0.container, layout).count } ?? 0))
            if let cut {
                // A cut is at its unit's `<` or at the start of that line: the line feeds before it are the
                // unit's, counted by the scan.
                firstLine = 1 + layout.containers[cut.container].lineFeedsBefore
                for stretch in stride(from: start, to: end, by: max(releaseStep, 1)) {
                    release?(stretch..<min(end, stretch + max(releaseStep, 1)))
                }
            }
            start = end
            opening = cut
        }
        return .success(SplitPlan(parts: parts))
    }

    // MARK: Choosing cuts

    private struct Candidate {
        /// Index of the unit in the layout's containers.
        var container: Int
        var tagStart: Int
        var depth: Int
    }

    private struct Cut {
        var container: Int
        /// Where the part starts: the unit's `<`, or the start of its line.
        var offset: Int
        /// Characters before `offset` on its line.
        var columnShift: Int
    }

    /// Every unit the file can be cut before, in file order: all but the root's first unit.
    private static func cutCandidates(_ layout: ChartLayout) -> [Candidate] {
        let containers = layout.containers
        var result: [Candidate] = []
        result.reserveCapacity(containers.count)
        for index in containers.indices.dropFirst() {
            let unit = containers[index]
            if unit.parent == 0, containers[0].firstUnitChild == unit.tagStart { continue }
            result.append(Candidate(container: index, tagStart: unit.tagStart, depth: unit.depth))
        }
        return result
    }

    /// For each target, the shallowest candidate within `slack` of it (the nearest among equals), else
    /// the first one after it; never before the first part's safe end, and in increasing order.
    private static func chooseCuts(_ candidates: [Candidate], targets: Targets, text: UnsafeBufferPointer<UInt8>) -> [Cut] {
        var cuts: [Cut] = []
        var floor = targets.firstPartSafeEnd
        for target in targets.offsets {
            var low = lowerBound(candidates, max(floor, target - targets.slack))
            while low < candidates.count, cutOffset(before: candidates[low].tagStart, text) < floor { low += 1 }
            let high = max(low, lowerBound(candidates, target + targets.slack + 1))
            var best: Candidate?
            for candidate in candidates[low..<high] {
                if let chosen = best,
                   (chosen.depth, abs(chosen.tagStart - target)) <= (candidate.depth, abs(candidate.tagStart - target)) {
                    continue
                }
                best = candidate
            }
            if best == nil, high < candidates.count { best = candidates[high] }
            guard let best else { break }
            let offset = cutOffset(before: best.tagStart, text)
            guard offset >= floor else { break }
            cuts.append(Cut(container: best.container, offset: offset,
                            columnShift: offset == best.tagStart ? charactersBefore(offset, text) : 0))
            floor = best.tagStart + 1
        }
        return cuts
    }

    private static func lowerBound(_ candidates: [Candidate], _ offset: Int) -> Int {
        var low = 0, high = candidates.count
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].tagStart < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The start of the tag's line when only blanks precede it there, else the tag itself.
    private static func cutOffset(before tag: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var position = tag
        while position > 0, text[position - 1] == 0x20 || text[position - 1] == 0x09 { position -= 1 }
        return position == 0 || text[position - 1] == 0x0A ? position : tag
    }

    /// Characters (UTF-8 lead and ASCII bytes) between the start of `offset`'s line and `offset`:
    /// libxml2 counts columns in characters.
    private static func charactersBefore(_ offset: Int, _ text: UnsafeBufferPointer<UInt8>) -> Int {
        var characters = 0
        var position = offset
        while position > 0, text[position - 1] != 0x0A {
            position -= 1
            if text[position] & 0xC0 != 0x80 { characters += 1 }
        }
        return characters
    }

    // MARK: Synthetic tags

    /// The containers enclosing `unit`, root first.
    private static func ancestors(of unit: Int, _ layout: ChartLayout) -> [Int] {
        var chain: [Int] = []
        var ancestor = layout.containers[unit].parent
        while ancestor >= 0 {
            chain.append(ancestor)
            ancestor = layout.containers[ancestor].parent
        }
        return chain.reversed()
    }

    /// The start tags enclosing `unit`, copied from the file, then a newline.
    private static func prefix(for unit: Int, _ layout: ChartLayout, _ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        for ancestor in ancestors(of: unit, layout) {
            let container = layout.containers[ancestor]
            bytes.append(contentsOf: text[container.tagStart..<container.tagEnd])
        }
        bytes.append(0x0A)
        return bytes
    }

    /// A newline, then the end tags of the elements enclosing `unit`, innermost first.
    private static func suffix(for unit: Int, _ layout: ChartLayout, _ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = [0x0A]
        for ancestor in ancestors(of: unit, layout).reversed() {
            let container = layout.containers[ancestor]
            bytes.append(contentsOf: Array("</".utf8))
            bytes.append(contentsOf: text[container.tagStart + 1..<container.tagStart + 1 + container.nameLength])
            bytes.append(UInt8(ascii: ">"))
        }
        return bytes
    }

    /// Line feeds in `bytes` (libxml2 counts lines by line feeds), sixteen bytes at a time.
    static func newlines(in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        let one = SIMD16<UInt8>(repeating: 1)
        var count = 0
        var index = 0
        while index + 16 <= bytes.count {
            // Per-lane tallies (0 or 1 per round) stay below 256 for 255 rounds; then they are summed.
            var lanes = SIMD16<UInt8>(repeating: 0)
            var rounds = 0
            while rounds < 255, index + 16 <= bytes.count {
                let chunk = base.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                lanes &+= one.replacing(with: 0, where: chunk .!= lineFeed)
                index += 16
                rounds += 1
            }
            for lane in 0..<16 { count &+= Int(lanes[lane]) }
        }
        while index < bytes.count {
            if base.load(fromByteOffset: index, as: UInt8.self) == 0x0A { count &+= 1 }
            index += 1
        }
        return count
    }
}
