import Foundation
import OrgInterop
import OrgModel

/// Fixture files, the shared ArchiMate samples and scratch files for the interop tests.
enum TestFiles {
    /// `Tests/OrgInteropTests/Fixtures/NAME`.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// The checkout's parent directory holds `shared/` (spec, reference data); the ArchiMate samples
    /// are read from there, not copied into the repository (their licence stays beside them).
    static let sharedArchiMate = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/archimate")

    /// `shared/data/archimate/NAME`.
    static func shared(_ name: String) -> String { sharedArchiMate.appendingPathComponent(name).path }

    /// True when the shared samples are there (they are, in the project's workspace).
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared("archisurance.xml")) }

    /// Writes `text` to a fresh file in a fresh temporary directory and returns its path.
    static func write(_ text: String, name: String = "model.xml") throws -> String {
        try write(Data(text.utf8), name: name)
    }

    /// Writes `data` to a fresh file in a fresh temporary directory and returns its path.
    static func write(_ data: Data, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// A 3.x model around `elements` and `relationships`, the header on lines 1–3: the first line of
    /// `elements` is line 5.
    static func model3(_ elements: String, relationships: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="m">
          <name xml:lang="vi">Thử</name>
          <elements>
        \(elements)
          </elements>
          <relationships>
        \(relationships)
          </relationships>
        </model>

        """
    }
}

/// The diagnostics of a failed import (empty when it succeeded).
func importErrors(_ path: String, options: InteropOptions = InteropOptions()) -> [Diagnostic] {
    do {
        _ = try ArchiMateImporter(options: options).load(path: path)
        return []
    } catch {
        return error.diagnostics
    }
}

/// `line:column` of each diagnostic.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column)" }
}

extension OrgChart {
    /// The unit with `id`.
    func unit(_ id: String) -> OrgModel.Unit? { units.first { $0.id.rawValue == id } }
}
