import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import Testing

/// The catalogue and the declarations every rule carries in its own file: nothing can be forgotten.
@Suite("Rule catalogue and declarations")
struct RuleCatalogTests {
    static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/OrgAnalysis/Rules").standardized

    /// The names of the types declared as rules in the sources (`struct Name: Rule`).
    static func declaredRuleTypes() throws -> Set<String> {
        var names = Set<String>()
        let files = FileManager.default.enumerator(atPath: rulesFolder.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: rulesFolder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /(?:struct|final class|enum)\s+(\w+)\s*:\s*(?:[\w, ]*,\s*)?Rule\b/) {
                names.insert(String(match.output.1))
            }
        }
        return names
    }

    @Test("Every type under Rules/ that conforms to Rule is in RuleCatalog.all, and nothing else is")
    func catalogueIsComplete() throws {
        let declared = try Self.declaredRuleTypes()
        let listed = Set(RuleCatalog.all.map { String(describing: $0) })
        #expect(declared.count >= 13)
        #expect(declared.subtracting(listed).isEmpty,
                "rules missing from RuleCatalog.all: \(declared.subtracting(listed)); run scripts/update-rule-catalog")
        #expect(listed.subtracting(declared).isEmpty, "run scripts/update-rule-catalog")
    }

    @Test("Every evidence key a rule's examples emit is declared in its file, with one label per key")
    func evidenceDeclared() throws {
        var labels: [String: LocalizedText] = [:]
        for rule in RuleCatalog.all {
            for key in rule.evidence {
                #expect(!key.label.vi.isEmpty && key.label.vi != key.key, "\(rule.code): \(key.key) needs a Vietnamese label")
                if let other = labels[key.key] { #expect(other == key.label, "\(key.key) labelled two ways") }
                labels[key.key] = key.label
            }
            let declared = Set(rule.evidence.map(\.key))
            for example in rule.description.examples where example.triggers {
                let path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("orgscope-evidence-\(UUID().uuidString).xml").path
                try Data(example.document.utf8).write(to: URL(fileURLWithPath: path))
                defer { try? FileManager.default.removeItem(atPath: path) }
                let chart = try OrgChartImporter().load(files: [path]).chart
                let emitted = Set(Analyzer(rules: [rule]).analyze(chart).findings.flatMap(\.evidence.keys))
                #expect(!emitted.isEmpty)
                #expect(emitted.isSubset(of: declared), "\(rule.code) emits undeclared keys \(emitted.subtracting(declared))")
            }
        }
    }

    @Test("Parameters: unique keys, documented, every default within its range under every regime and category")
    func parametersDeclared() {
        let keys = RuleCatalog.parameters.map(\.key)
        #expect(Set(keys).count == keys.count, "duplicate parameter keys: \(keys)")
        #expect(keys.count >= 21)
        let dates = [nil, ChartDate(iso: "2024-06-01"), ChartDate(iso: "2025-10-01"), ChartDate(iso: "2026-06-01")]
        for parameter in RuleCatalog.parameters {
            #expect(!parameter.documentation.vi.isEmpty && !parameter.documentation.en.isEmpty)
            for date in dates {
                for category in ProvinceCategory.allCases {
                    let setting = parameter.storedDefault(NormContext(asOf: date, category: category))
                    if let value = setting.value { #expect(parameter.range.contains(value), "\(parameter.key) = \(value)") }
                }
            }
        }
    }

    @Test("A rules file may set every declared parameter, and the setting then cites the rules file")
    func everyParameterSettable() {
        var entries: [RulesFile.Entry] = []
        for (owner, parameters) in RuleCatalog.parameterOwners {
            for parameter in parameters {
                let path = parameter.section == .text ? ["text", parameter.key] : ["rules", owner?.rawValue ?? "", parameter.key]
                let value = parameter.kind == .flag ? "true" : String(Int(parameter.range.lowerBound))
                entries.append(RulesFile.Entry(path: path, value: value,
                                               location: SourceLocation(file: "r.yml", line: entries.count + 1, column: 1)))
            }
        }
        var configuration = AnalysisConfiguration()
        let problems = RulesFileSettings.apply(RulesFile(file: "r.yml", entries: entries), to: &configuration)
        #expect(problems.isEmpty, "\(problems)")
        let settings = configuration.settings(for: OrgChart(id: "c", name: "C"))
        for (index, parameter) in RuleCatalog.parameters.enumerated() {
            #expect(settings.stored(parameter).source == .rulesFile("r.yml:\(index + 1)"))
        }
    }

    @Test("A value outside the declaration is refused at its line, naming the range")
    func valuesChecked() {
        let entries = [
            RulesFile.Entry(path: ["rules", "STF003", "minimum_division"], value: "6.5",
                            location: SourceLocation(file: "r.yml", line: 3, column: 5)),
            RulesFile.Entry(path: ["rules", "STF004", "within_superior"], value: "maybe",
                            location: SourceLocation(file: "r.yml", line: 4, column: 5)),
            RulesFile.Entry(path: ["text", "merge_minimum_shared"], value: "0",
                            location: SourceLocation(file: "r.yml", line: 5, column: 5)),
        ]
        var configuration = AnalysisConfiguration()
        let problems = RulesFileSettings.apply(RulesFile(file: "r.yml", entries: entries), to: &configuration)
        #expect(problems.map(\.location.line) == [3, 4, 5])
        #expect(problems[0].message == "minimum_division takes a whole number from 0 to 100000, not '6.5'")
        #expect(problems[1].message == "within_superior takes true or false, not 'maybe'")
        #expect(problems[2].message.contains("from 1 to 1000"))
        #expect(configuration.overrides.isEmpty)
    }
}
