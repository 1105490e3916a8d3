import OrgImport
import OrgModel

/// One field of a CSV record, with where it starts (the opening quote, for a quoted field).
struct CSVField: Sendable {
    var text: String
    var line: Int
    var column: Int
}

/// One record (a row) of a CSV file.
struct CSVRecord: Sendable {
    var fields: [CSVField]
    var line: Int
}

/// A CSV reader for spreadsheet exports: UTF-8 with or without a byte-order mark; comma or semicolon
/// separated (whichever occurs more often outside quotes in the first line); fields optionally in double
/// quotes, `""` for a quote inside one, separators and line breaks allowed inside; CRLF, LF or CR line
/// ends. Positions are 1-based lines and columns in characters (Unicode scalars), like every other
/// diagnostic of orgscope, so that an editor can jump to them.
struct CSVReader {
    let file: String
    let diagnostics = DiagnosticCollector()
    /// The separator found in the first line.
    private(set) var separator: Unicode.Scalar = ","

    init(file: String) { self.file = file }

    mutating func read(_ bytes: [UInt8]) -> [CSVRecord] {
        guard let scalars = decode(bytes) else { return [] }
        separator = sniffSeparator(scalars)
        return records(scalars)
    }

    /// The text as scalars without the byte-order mark; nil (with an error) when it is not UTF-8.
    private mutating func decode(_ bytes: [UInt8]) -> [Unicode.Scalar]? {
        var input = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3).makeIterator() : bytes[...].makeIterator()
        var decoder = UTF8()
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var line = 1, column = 1
        while true {
            switch decoder.decode(&input) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return scalars
            case .error:
                diagnostics.error(SourceLocation(file: file, line: line, column: column), "the file is not UTF-8 text "
                    + "(save it from the spreadsheet as \"CSV UTF-8\")")
                return nil
            }
        }
    }

    private func sniffSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    private mutating func records(_ scalars: [Unicode.Scalar]) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [CSVField] = []
        var field = CSVField(text: "", line: 1, column: 1)
        var recordLine = 1
        var line = 1, column = 1
        var index = 0
        var atFieldStart = true
        var quoted = false, closed = false
        var quoteWarned = false

        func location() -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        func endField() {
            fields.append(field)
            atFieldStart = true
            quoted = false
            closed = false
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let isLineEnd = scalar == "\n" || scalar == "\r"
            if atFieldStart {
                field = CSVField(text: "", line: line, column: column)
                atFieldStart = false
                if scalar == "\"" {
                    quoted = true
                    index += 1
                    column += 1
                    continue
                }
            }
            if quoted && !closed {
                if scalar == "\"" {
                    if next == "\"" {
                        field.text.unicodeScalars.append("\"")
                        index += 2
                        column += 2
                    } else {
                        closed = true
                        index += 1
                        column += 1
                    }
                    continue
                }
                field.text.unicodeScalars.append(scalar)
                if isLineEnd {
                    if scalar == "\r", next == "\n" { field.text.unicodeScalars.append("\n"); index += 1 }
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
                continue
            }
            if scalar == separator {
                endField()
                index += 1
                column += 1
                continue
            }
            if isLineEnd {
                endField()
                records.append(CSVRecord(fields: fields, line: recordLine))
                fields = []
                index += (scalar == "\r" && next == "\n") ? 2 : 1
                line += 1
                column = 1
                recordLine = line
                continue
            }
            if closed, !quoteWarned {
                diagnostics.error(location(), "text after the closing quote of a field; a quoted field ends at its "
                    + "closing quote (write \"\" for a quote inside it)")
                quoteWarned = true
            } else if scalar == "\"", !quoted, !quoteWarned {
                diagnostics.error(location(), "a quote inside an unquoted field; put the whole field in quotes and "
                    + "double the quote (\"\")")
                quoteWarned = true
            }
            field.text.unicodeScalars.append(scalar)
            index += 1
            column += 1
        }
        if quoted && !closed {
            diagnostics.error(SourceLocation(file: file, line: field.line, column: field.column),
                              "a quoted field is never closed: the file ends inside it")
        }
        if !atFieldStart || !fields.isEmpty {
            endField()
            records.append(CSVRecord(fields: fields, line: recordLine))
        }
        return records
    }
}
