import Dispatch
import Foundation
import OrgModel

/// What parsing one file gave, before files are merged.
struct ParsedFile: @unchecked Sendable {
    var document: ParsedDocument
    var diagnostics: [Diagnostic]
    var truncated: Bool
    var wellFormed: Bool
    /// How the file was read: in how many parts, or why in one pass.
    var reading: FileReading
}

/// How one file was read.
enum FileReading: Equatable, Sendable, CustomStringConvertible {
    /// Split into this many parts, parsed concurrently.
    case split(parts: Int)
    /// In one pass, for this reason.
    case single(SplitRefusal)

    var description: String {
        switch self {
        case .split(let parts): "split into \(parts) parts"
        case .single(let reason): "one pass (\(reason))"
        }
    }
}

/// Imports one large chart file on several cores: a byte pre-scan (``ChartLayoutScanner``) finds unit
/// boundaries, the file is cut there (``SplitPlan``), every part is parsed and validated by its own
/// libxml2 parser with its own builder, and the parts' models and diagnostics are joined in file order.
///
/// The first part is parsed from the start of the file while another thread scans and plans; then
/// every thread takes the next part as it finishes one. Parts shrink towards the end of the file, so
/// that the threads finish close together even when parts differ in cost.
///
/// The outcome is the one a single pass gives, to the byte: positions are translated back to the file,
/// the synthetic tags' own contributions are dropped, and whenever a part reports something whose
/// meaning depends on what came before it (see ``SchemaErrorScope``), or anything at all on a synthetic
/// tag, the split result is thrown away and the caller reads the file in one pass.
///
/// Sendable because its parts run on several threads: the compiled schema is only read after it is
/// compiled (libxml2 validation contexts share it read-only).
struct SplitFileImport: @unchecked Sendable {
    /// Smallest part in automatic mode: about 2 ms of parsing on one core today. The last parts decide how
    /// long one core waits for the other at the end: on the 19 MB benchmark chart 256 KiB took `validate`
    /// from 100–111 ms to 91–97 ms against 512 KiB (`perf stat -r 10`, four rounds in turn), and on the
    /// 192 MB chart it changed nothing that the machine's noise did not.
    private static let minimumPartSize = 256 << 10

    let path: String
    /// The compiled XSD in `.xsd` mode; nil in `.code` mode (every part then has a ``ChartSchemaCheck``).
    let schema: CompiledSchema?
    let options: ImportOptions

    /// The parsed file, or why it must be read in one pass.
    func run() -> Result<ParsedFile, SplitRefusal> {
        guard options.backend == .sax else { return .failure(.notWorthSplitting) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard options.fileSplitting != .off, let mapped = MappedFile(path: path) else {
            return .failure(.notWorthSplitting)
        }
        let size = mapped.bytes.count
        let targets: SplitPlan.Targets
        let threads: Int
        if case .forced(let parts) = options.fileSplitting {
            targets = SplitPlan.Targets(size: size, count: parts)
            threads = max(2, min(cores, parts))
        } else {
            guard cores >= 2, size >= options.splitMinimumFileSize else { return .failure(.notWorthSplitting) }
            targets = SplitPlan.Targets(size: size, threads: cores, minimum: Self.minimumPartSize)
            threads = cores
        }
        guard !targets.offsets.isEmpty, size <= options.maxFileSize,
              var scanner = ChartLayoutScanner(bytes: mapped.scanBytes, maxDepth: options.maxDepth) else {
            return .failure(.notWorthSplitting)
        }
        let root: ChartLayoutScanner.Root
        switch scanner.root() {
        case .success(let found): root = found
        case .failure(let refusal): return .failure(refusal)
        }
        scanner.release = mapped.releaseScanned
        guard targets.firstPartSafeEnd > root.tagEnd else { return .failure(.notWorthSplitting) }
        return parseParts(mapped: mapped, scanner: scanner, root: root, targets: targets, threads: threads)
    }

    /// What one part gave.
    private struct PartResult {
        var document: ParsedDocument
        var synthetic: OrgDocumentBuilder.SyntheticShare
        var diagnostics: [Diagnostic]
        var truncated: Bool
        var wellFormed: Bool
        var stopped: Bool
        var trouble: String?
    }

    /// Parses the first part on this thread from the start, while another thread scans and plans; then
    /// both (and `threads - 2` more) take the remaining parts in order until none is left.
    private func parseParts(mapped: MappedFile, scanner: ChartLayoutScanner, root: ChartLayoutScanner.Root,
                            targets: SplitPlan.Targets, threads: Int) -> Result<ParsedFile, SplitRefusal> {
        let capacity = targets.offsets.count + 1
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<PartResult?>.allocate(capacity: capacity)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let scanner = scanner
        let tally = ProgressTally(file: path, size: mapped.bytes.count, report: options.progress)
        let first = PartSource(firstPartOf: mapped.bytes, readableEnd: targets.firstPartSafeEnd, mapping: mapped,
                               progress: tally.add)
        let queue = PartQueue()
        let takeParts = { @Sendable in
            while let (index, part) = queue.next() {
                let source = PartSource(prefix: part.prefix, file: mapped.bytes, body: part.body, suffix: part.suffix,
                                        mapping: mapped, progress: tally.add)
                results[index] = parse(source, part)
            }
        }
        let group = DispatchGroup()
        // The scan runs on a thread of its own, not on libdispatch's pool: the first part waits for it,
        // and with several files importing at once every pooled thread could be such a first part.
        // (Nor concurrentPerform for the parts: inside the importer's concurrentPerform over files it
        // would run them one after the other.)
        group.enter()
        let scan = Thread {
            defer { group.leave() }
            let planned = scanner.layout(after: root, until: targets.scanEnd).flatMap {
                SplitPlan.make(layout: $0, bytes: mapped.scanBytes, targets: targets, release: mapped.releaseScanned)
            }
            queue.publish(planned)
            guard case .success(let plan) = planned else {
                first.abort()
                return
            }
            first.finish(bodyEnd: plan.parts[0].body.upperBound, suffix: plan.parts[0].suffix)
            for _ in 0..<max(0, min(threads, plan.parts.count) - 2) {
                DispatchQueue.global().async(group: group, execute: takeParts)
            }
            takeParts()
        }
        scan.start()
        let firstPart = SplitPlan.Part(prefix: [], body: 0..<0, suffix: [], lines: .identity, syntheticElements: 0)
        results[0] = parse(first, firstPart)
        takeParts()
        group.wait()
        // Moved out, not copied: the merge then owns the parts' arrays.
        return queue.plan.flatMap { plan in
            var parts = results.indices.prefix(plan.parts.count).compactMap { results[$0].take() }
            return merge(&parts)
        }
    }

    /// Parses one part with its own collector, builder and parser.
    private func parse(_ source: PartSource, _ part: SplitPlan.Part) -> PartResult {
        // Every part gets its own copy of the path: each location holds a reference to it, and threads
        // counting references on one shared string would fight over its cache line.
        let path = String(decoding: Array(path.utf8), as: UTF8.self)
        let collector = DiagnosticCollector(limit: options.maxDiagnostics)
        let builder = OrgDocumentBuilder(file: path, diagnostics: collector, syntheticElements: part.syntheticElements)
        builder.maxTextLength = options.maxTextLength
        builder.reportsForeignRoot = schema != nil
        let check = schema == nil
            ? ChartSchemaCheck(next: builder, file: path, diagnostics: collector, syntheticElements: part.syntheticElements)
            : nil
        let parser = SAXDocumentParser(path: path, file: path, options: options, diagnostics: collector,
                                       handler: check ?? builder)
        let wellFormed = parser.parse(source: source, lines: part.lines, schema: schema)
        return PartResult(
            document: builder.document, synthetic: builder.synthetic, diagnostics: collector.items,
            truncated: collector.truncated, wellFormed: wellFormed, stopped: parser.wasStopped,
            trouble: parser.partTrouble ?? check?.partTrouble)
    }

    /// Joins the parts in file order, or refuses when any part's result cannot stand for the file's.
    private func merge(_ parts: inout [PartResult]) -> Result<ParsedFile, SplitRefusal> {
        guard parts.count >= 2 else { return .failure(.notWorthSplitting) }
        var diagnostics: [Diagnostic] = []
        for index in parts.indices {
            if let trouble = parts[index].trouble { return .failure(.partsDisagree("part \(index + 1): \(trouble)")) }
            guard parts[index].wellFormed, !parts[index].stopped, !parts[index].truncated else {
                return .failure(.partsDisagree("part \(index + 1) did not finish"))
            }
            guard parts[index].document.kind == .chart else {
                return .failure(.partsDisagree("part \(index + 1) is no chart"))
            }
            diagnostics.append(contentsOf: parts[index].diagnostics)
        }
        // A single pass stops collecting at the limit, and stops the parse with it: leave that to it.
        guard diagnostics.count < options.maxDiagnostics else {
            return .failure(.partsDisagree("\(diagnostics.count) diagnostics"))
        }
        var sources = parts.indices.map { index in
            defer { parts[index].document.units = [] }
            return (units: parts[index].document.units, skip: parts[index].synthetic.units)
        }
        var document = parts[0].document
        nonisolated(unsafe) let later = parts.dropFirst()
        // The units are joined on every core, and the rest of the parts' entries alongside.
        let units = withUnsafeMutablePointer(to: &document) { document in
            nonisolated(unsafe) let document = document
            return Self.joinUnits(&sources) { Self.joinEntries(into: &document.pointee, from: later) }
        }
        document.units = units
        return .success(ParsedFile(document: document, diagnostics: diagnostics, truncated: false, wellFormed: true,
                                   reading: .split(parts: parts.count)))
    }

    /// The later parts' mandates, digest entries and nested parent attributes after `document`'s, each part's
    /// after its synthetic ones.
    private static func joinEntries(into document: inout ParsedDocument, from later: ArraySlice<PartResult>) {
        // Room for every part's entries at once: appended part by part, the digest's arrays would grow by
        // doubling (on L, tens of MiB copied into fresh pages).
        document.digest.unitIDHashes.reserveCapacity(document.digest.unitIDHashes.count
            + later.reduce(0) { $0 + $1.document.digest.unitIDHashes.count })
        document.digest.dutyIDHashes.reserveCapacity(document.digest.dutyIDHashes.count
            + later.reduce(0) { $0 + $1.document.digest.dutyIDHashes.count })
        document.mandates.reserveCapacity(document.mandates.count + later.reduce(0) { $0 + $1.document.mandates.count })
        for part in later {
            let synthetic = part.synthetic
            document.mandates.append(contentsOf: part.document.mandates[synthetic.mandates...])
            document.digest.append(part.document.digest, skippingUnits: synthetic.units,
                                   skippingDuties: synthetic.dutyIDHashes)
            document.nestedParentAttributes.append(
                contentsOf: part.document.nestedParentAttributes[synthetic.nestedParentAttributes...])
        }
    }

    /// Every part's units after its synthetic ones, in order. A unit holds a dozen strings and arrays;
    /// moving the values (and leaving empty placeholders behind) spares counting references on all of
    /// them twice, for hundreds of thousands of units. The parts are moved on every core, each into its
    /// own stretch of the result, and each part's emptied array is freed there too: on L the move was a
    /// tenth of the import, on the one thread left after the parse (75 ms, most of it the first touch of
    /// the result's pages).
    /// `alongside` runs on one of the cores meanwhile.
    private static func joinUnits(_ sources: inout [(units: [OrgModel.Unit], skip: Int)],
                                  alongside: @escaping @Sendable () -> Void) -> [OrgModel.Unit] {
        let counts = sources.map { max(0, $0.units.count - $0.skip) }
        let offsets = counts.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        let total = offsets[offsets.count - 1]
        return [OrgModel.Unit](unsafeUninitializedCapacity: total) { buffer, initialized in
            sources.withUnsafeMutableBufferPointer { sources in
                nonisolated(unsafe) let (sources, result) = (sources, buffer)
                DispatchQueue.concurrentPerform(iterations: sources.count + 1) { index in
                    guard index < sources.count else { return alongside() }
                    let placeholder = OrgModel.Unit(id: UnitID(""), name: "", kind: .other,
                                                    location: SourceLocation(file: "", line: 0, column: 0))
                    let skip = sources[index].skip
                    sources[index].units.withUnsafeMutableBufferPointer { source in
                        guard counts[index] > 0, let from = source.baseAddress, let to = result.baseAddress else { return }
                        (to + offsets[index]).moveInitialize(from: from + skip, count: counts[index])
                        (from + skip).initialize(repeating: placeholder, count: counts[index])
                    }
                    sources[index].units = []
                }
            }
            initialized = total
        }
    }
}

/// The plan, once made, and the parts not yet taken (the first is parsed before the plan exists).
private final class PartQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var planned: Result<SplitPlan, SplitRefusal>?
    private var nextIndex = 1

    /// Hands the plan (or the refusal) to the threads waiting for it.
    func publish(_ plan: Result<SplitPlan, SplitRefusal>) {
        condition.lock()
        planned = plan
        condition.broadcast()
        condition.unlock()
    }

    /// The plan, waiting for it if need be.
    var plan: Result<SplitPlan, SplitRefusal> {
        condition.lock()
        defer { condition.unlock() }
        while planned == nil { condition.wait() }
        return planned ?? .failure(.noCutPoint)
    }

    /// The next part to parse, nil when all are taken (or the file is not split).
    func next() -> (Int, SplitPlan.Part)? {
        guard case .success(let plan) = self.plan else { return nil }
        condition.lock()
        defer { condition.unlock() }
        guard nextIndex < plan.parts.count else { return nil }
        nextIndex += 1
        return (nextIndex - 1, plan.parts[nextIndex - 1])
    }
}

/// Bytes read so far across the parts of one file, for the progress callback.
private final class ProgressTally: @unchecked Sendable {
    private let file: String
    private let size: Int
    private let report: (@Sendable (String, Int, Int) -> Void)?
    private let lock = NSLock()
    private var total = 0

    init(file: String, size: Int, report: (@Sendable (String, Int, Int) -> Void)?) {
        self.file = file
        self.size = size
        self.report = report
    }

    func add(_ bytes: Int) {
        guard let report, bytes > 0 else { return }
        lock.lock()
        total = min(size, total + bytes)
        let now = total
        lock.unlock()
        report(file, now, size)
    }
}
