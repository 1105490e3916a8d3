/// The report formats. Every report (``ReportDocument``) renders each of them through an exhaustive
/// `switch`, so a format without a reporter does not compile.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For the terminal.
    case text
    /// The documented JSON schema (schema version 1).
    case json
    /// For Excel: findings, and a second file with the staffing table.
    case csv
    /// For wikis and issue trackers.
    case markdown
    /// One self-contained page (summary, org tree, matrix, staffing, findings) to open in a browser or print.
    case html
    /// A Word document laid out by Decree 30/2020/NĐ-CP (report, then landscape annexes), to file and sign.
    case docx

    /// The file name ending of the main file.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .csv: "csv"
        case .markdown: "md"
        case .html: "html"
        case .docx: "docx"
        }
    }
}

/// One file of a report: what its name ends with, and how to make its bytes when it is written: text
/// piece by piece (a large report is never held whole in memory), or a binary file (a Word package) at once.
public struct ReportFile: Sendable {
    /// Hands each piece of the file, in order, to the function it is given.
    public typealias Producer = @Sendable (_ emit: (String) -> Void) -> Void
    /// Makes a binary file's bytes; throws when they cannot be made.
    public typealias BinaryProducer = @Sendable () throws(ReportFile.Failure) -> [UInt8]

    /// Why a file's content could not be made.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String

        /// A failure.
        public init(_ description: String) { self.description = description }
    }

    /// Hands out a text file's pieces as UTF-8 bytes (whole characters), valid only during the call.
    public typealias UTF8Producer = @Sendable (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void

    private enum Body {
        case text(Producer)
        case utf8(UTF8Producer)
        case binary(BinaryProducer)
    }

    /// Appended to the report's base name (`.json`, `.staffing.csv`).
    public let suffix: String
    private let body: Body

    /// A text file made in pieces.
    public init(suffix: String, produce: @escaping Producer) {
        self.suffix = suffix
        self.body = .text(produce)
    }

    /// A text file made as UTF-8 bytes, piece by piece: written to its file without a `String` per piece.
    public init(suffix: String, utf8 produce: @escaping UTF8Producer) {
        self.suffix = suffix
        self.body = .utf8(produce)
    }

    /// A text file whose content is made at once (when it is written, not before).
    public init(suffix: String, content: @escaping @Sendable () -> String) {
        self.init(suffix: suffix) { emit in emit(content()) }
    }

    /// A binary file (a Word package), made when it is written.
    public init(suffix: String, binary: @escaping BinaryProducer) {
        self.suffix = suffix
        self.body = .binary(binary)
    }

    /// True for a binary file, which is never printed to a terminal.
    public var isBinary: Bool {
        if case .binary = body { return true }
        return false
    }

    /// Hands the file's bytes, piece by piece, to `emit`.
    public func writeBytes(_ emit: (UnsafeRawBufferPointer) -> Void) throws(Failure) {
        switch body {
        case .text(let produce):
            produce { piece in
                // Straight from the string's own UTF-8 storage: a copy would add as much to the peak memory.
                var content = piece
                content.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
            }
        case .utf8(let produce):
            produce { emit(UnsafeRawBufferPointer($0)) }
        case .binary(let make):
            let bytes = try make()
            bytes.withUnsafeBytes { emit($0) }
        }
    }

    /// Hands each piece of a text file to `emit` (nothing for a binary file).
    public func produce(_ emit: (String) -> Void) {
        switch body {
        case .text(let produce): produce(emit)
        case .utf8(let produce): produce { emit(String(decoding: $0, as: UTF8.self)) }
        case .binary: break
        }
    }

    /// The whole content of a text file, for tests and small outputs.
    public var content: String {
        var text = ""
        produce { text += $0 }
        return text
    }

    /// The whole content as bytes, text or binary.
    public func bytes() throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        try writeBytes { bytes.append(contentsOf: $0) }
        return bytes
    }
}

/// Something orgscope reports on: an analysis, a comparison, a proposal's review. It says which files
/// each format makes; ``ReportWriter`` names and writes them.
public protocol ReportDocument: Sendable {
    /// The files of `format`: the main file first, then any companions (the staffing CSV).
    func files(as format: OutputFormat) -> [ReportFile]
}

/// The files of `input` in `format` (shorthand for ``ReportInput/files(as:)``).
public func render(_ input: ReportInput, as format: OutputFormat) -> [ReportFile] {
    input.files(as: format)
}

extension ReportInput: ReportDocument {
    /// The analysis report: the JSON report streamed in pieces of a megabyte, the others whole.
    public func files(as format: OutputFormat) -> [ReportFile] {
        switch format {
        case .text: [ReportFile(suffix: ".txt") { TextReporter.render(self) }]
        case .json: [ReportFile(suffix: ".json", utf8: { emit in JSONReporter.writeBytes(self, to: emit) })]
        case .csv: [ReportFile(suffix: ".csv") { CSVReporter.findings(self) },
                    ReportFile(suffix: ".staffing.csv") { CSVReporter.staffing(self) }]
        case .markdown: [ReportFile(suffix: ".md") { MarkdownReporter.render(self) }]
        case .html: [ReportFile(suffix: ".html") { HTMLReporter.render(self) }]
        case .docx: [ReportFile(suffix: ".docx") { () throws(ReportFile.Failure) in try ReviewReport(input: self).document().bytes() }]
        }
    }
}

/// A report that is one file in each format (a comparison, a proposal's review), rendered when written:
/// the text formats from `render`, the Word document from `word`.
public struct OneFileReport: ReportDocument {
    private let render: @Sendable (OutputFormat) -> String
    private let word: ReportFile.BinaryProducer

    /// A report whose file in each text format is `render(format)` and whose Word document is `word()`.
    public init(render: @escaping @Sendable (OutputFormat) -> String, word: @escaping ReportFile.BinaryProducer) {
        self.render = render
        self.word = word
    }

    /// The one file of `format`.
    public func files(as format: OutputFormat) -> [ReportFile] {
        switch format {
        case .docx: [ReportFile(suffix: ".docx", binary: word)]
        case .text, .json, .csv, .markdown, .html: [ReportFile(suffix: "." + format.fileExtension) { render(format) }]
        }
    }
}
