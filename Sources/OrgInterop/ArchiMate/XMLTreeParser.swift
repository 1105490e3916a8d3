import Foundation
import OrgImport
import OrgModel

/// Reads a whole XML interchange file into an ``XMLTreeNode`` tree: the file is checked here (it
/// exists, is no directory, is within the size limit before it is read), and parsed by OrgImport's
/// ``TreeDocumentParser``, the package's one hardened set-up of libxml2 (no network, no entities, no
/// DTD, a DOCTYPE refused at once, the depth limit checked on every start tag, every libxml2 error
/// collected with its line and column).
final class XMLTreeParser {
    private let file: String
    private let options: InteropOptions
    private let formatName: String
    /// What was wrong with the file, in the order found.
    let diagnostics = DiagnosticCollector()

    /// A parser for `file` (the path as the user gave it, used in diagnostics); `formatName` names the
    /// format in messages ("ArchiMate exchange files").
    init(file: String, options: InteropOptions, formatName: String) {
        self.file = file
        self.options = options
        self.formatName = formatName
    }

    /// The root element, or nil when the file could not be read or is not well-formed (the reasons are
    /// in ``diagnostics``).
    func parse() -> XMLTreeNode? {
        guard let bytes = readFile() else { return nil }
        return TreeDocumentParser(file: file, formatName: formatName, maxDepth: options.maxDepth,
                                  diagnostics: diagnostics).parse(bytes)
    }

    private func readFile() -> [UInt8]? {
        var status = stat()
        guard stat(file, &status) == 0 else {
            diagnostics.error(at(1, 1), "cannot open the file: \(String(cString: strerror(errno)))")
            return nil
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            diagnostics.error(at(1, 1), "is a directory, not an XML file")
            return nil
        }
        if Int(status.st_size) > options.maxFileSize {
            diagnostics.error(at(1, 1), "the file is \(Int(status.st_size)) bytes, over the limit of "
                + "\(options.maxFileSize) bytes; raise it with --max-file-size if the file is genuine")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.error(at(1, 1), "cannot read the file")
            return nil
        }
        return Array(data)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
