/// Where something was written: a file, a line and a column (both 1-based; column counts characters).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The path as the user gave it.
    public var file: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column in characters; 0 when unknown.
    public var column: Int

    /// A location in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the form compilers use, so that editors can jump to it.
    /// `FILE:LINE:COLUMN`; `FILE:LINE` when there is no column (column 0: a paragraph of a Word document,
    /// a line of a text file).
    public var description: String { column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)" }

    /// Orders by file, then line, then column.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
