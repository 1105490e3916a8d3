/// Where something was written: a file, a line and a column (both 1-based; column counts characters).
///
/// Line and column are kept as 32-bit numbers (24 bytes in all, not 32: a million duties each carry one);
/// they read and write as `Int`, clamped to 0…4,294,967,295.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The path as the user gave it.
    public var file: String
    private var packedLine: UInt32
    private var packedColumn: UInt32

    /// 1-based line; 0 when unknown.
    public var line: Int {
        get { Int(packedLine) }
        set { packedLine = UInt32(clamping: newValue) }
    }

    /// 1-based column in characters; 0 when unknown.
    public var column: Int {
        get { Int(packedColumn) }
        set { packedColumn = UInt32(clamping: newValue) }
    }

    /// A location in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        packedLine = UInt32(clamping: line)
        packedColumn = UInt32(clamping: column)
    }

    /// `FILE:LINE:COLUMN`, the form compilers use, so that editors can jump to it;
    /// `FILE:LINE` when there is no column (column 0: a paragraph of a Word document, a line of a text file).
    public var description: String { column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    private enum CodingKeys: String, CodingKey { case file, line, column }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }
}
