import Foundation
import OrgInterop
import OrgModel
import Testing

/// Every decision of the corpus (orgdata/decisions: text, copied text, Word versions) gives exactly the
/// units, duties and sources its `.expected.json` states: the numbers scripts/eval-extract prints, held
/// here so that a change to the extractor cannot lower them unseen. (The held-out set is scored by
/// scripts/eval-extract --corpus orgdata/decisions/heldout, not here: it must not steer the code.)
@Suite("Decision corpus")
struct DecisionCorpusTests {
    struct Expected: Decodable {
        struct ExpectedUnit: Decodable { var name: String; var kind: String; var parent: String? }
        struct ExpectedDuty: Decodable { var unit: String; var text: String; var source: String; var catchAll: Bool }
        struct Decision: Decodable { var number: String }
        var units: [ExpectedUnit]
        var duties: [ExpectedDuty]
        var decision: Decision
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("orgdata/decisions")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }.sorted()
    }

    static func normalised(_ text: String) -> String {
        var out = text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = out.last, ";.".contains(last) { out.removeLast() }
        return out.trimmingCharacters(in: .whitespaces)
    }

    @Test("Each decision, as text, copied and in Word, gives its units, duties and sources, and nothing else", arguments: cases)
    func decision(name: String) throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: Self.directory.appendingPathComponent("\(name).expected.json")))
        var inputs = [Self.directory.appendingPathComponent("\(name).txt").path]
        let copied = Self.directory.appendingPathComponent("\(name).copied.txt").path
        if FileManager.default.fileExists(atPath: copied) { inputs.append(copied) }
        let word = Self.directory.appendingPathComponent("docx")
        inputs += ((try? FileManager.default.contentsOfDirectory(atPath: word.path)) ?? [])
            .filter { $0.hasPrefix(name + ".") && $0.hasSuffix(".docx") }.sorted().map { word.appendingPathComponent($0).path }
        #expect(inputs.count >= 3, "text and two Word versions at least")
        for input in inputs {
            let chart = try DecisionExtractor().extract(paths: [input]).chart
            let byID = Dictionary(uniqueKeysWithValues: chart.units.map { ($0.id, $0) })
            let units = Set(chart.units.filter { $0.kind != .committee }.map { unit -> String in
                let parent = unit.parent.flatMap { byID[$0] }.flatMap { $0.kind == .committee ? nil : $0.name } ?? ""
                return "\(unit.name)|\(unit.kind.rawValue)|\(parent)"
            })
            for unit in expected.units {
                #expect(units.contains("\(unit.name)|\(unit.kind)|\(unit.parent ?? "")"), "\(input): unit \(unit.name)")
            }
            var duties = chart.units.flatMap { unit in unit.duties.map { (unit.name, $0) } }
            for duty in expected.duties {
                guard let found = duties.firstIndex(where: { $0.0 == duty.unit && Self.normalised($0.1.text) == Self.normalised(duty.text) }) else {
                    Issue.record("\(input): missing duty \(duty.source) of \(duty.unit)")
                    continue
                }
                let source = duties[found].1.source ?? ""
                #expect(source.hasPrefix(duty.source + " ") && source.hasSuffix(expected.decision.number), "\(input): \(source)")
                #expect(duties[found].1.isCatchAll == duty.catchAll, "\(input): \(duty.source)")
                duties.remove(at: found)
            }
            #expect(duties.isEmpty, "\(input): invented \(duties.map { $0.1.text.prefix(60) })")
        }
    }

    @Test("The corpus covers what the issue asks: 12 decisions or more, every kind, copied text, Word versions")
    func coverage() {
        #expect(Self.cases.count >= 12)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.directory.appendingPathComponent("docx").path)) ?? []
        for variant in ["typed", "auto", "style", "table"] { #expect(files.contains { $0.hasSuffix(".\(variant).docx") }, "\(variant)") }
    }
}
