import Foundation
import OrgImport
import OrgModel

/// Fixture files and scratch files for the importer tests.
enum TestFiles {
    /// `Tests/OrgImportTests/Fixtures/NAME`.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// Writes `text` to a fresh file in a fresh temporary directory and returns its path.
    static func write(_ text: String, name: String = "chart.xml") throws -> String {
        try write(Data(text.utf8), name: name)
    }

    /// Writes `data` to a fresh file in a fresh temporary directory and returns its path.
    static func write(_ data: Data, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("orgscope-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// A chart document around `body` (unit elements), with the header on lines 1–2: so a `<unit>`
    /// written at the start of `body` is on line 3, column 3.
    static func chart(_ body: String, attributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Thử"\(attributes)>
        \(body)
        </orgChart>

        """
    }
}

/// The diagnostics of a failed import (an empty list when the import succeeded).
func diagnostics(files: [String], catalogs: [String] = [], options: ImportOptions = ImportOptions()) -> [Diagnostic] {
    do {
        _ = try OrgChartImporter(options: options).load(files: files, catalogs: catalogs)
        return []
    } catch {
        return error.diagnostics
    }
}

/// `line:column` of each diagnostic, to compare with expected positions compactly.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column)" }
}
