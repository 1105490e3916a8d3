import Foundation
import OrgAnalysis
import OrgImport
import OrgInterop
import OrgModel
import OrgRegister
import OrgReport

/// The importer entry points under fuzzing. Each takes arbitrary bytes and must return, never crash,
/// hang or run out of memory: bad input is an `ImportError`, and whatever imports is analysed and
/// reported too, so that the rules and reporters see every odd chart the fuzzer finds.
enum FuzzTarget: String, CaseIterable {
    /// The bytes as an OrgChart XML file.
    case chart
    /// The bytes as a mandate catalogue, beside a small valid chart.
    case catalog
    /// The bytes as a restructuring proposal, applied to a small valid chart.
    case proposal
    /// The bytes as a YAML rules file.
    case rules
    /// The bytes as a YAML document profile (`--profile`).
    case profile
    /// The bytes as an ArchiMate Model Exchange File (3.x or 2.1), converted to a chart.
    case archimate
    /// The bytes as a staffing CSV, merged into a small valid chart.
    case staffing
    /// The bytes as a thesaurus file; what parses rewrites a few duty texts.
    case thesaurus
    /// The bytes as a decision (a Word package when they start with a ZIP signature, else text), read
    /// into a chart and written as OrgChart XML.
    case decision
    /// The bytes as a renames file (`track record --renames`).
    case renames
    /// The bytes as a findings register (an SQLite file): opened, and its follow-up report and a chart's
    /// history read from it.
    case register

    /// Runs the target on one input.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .renames:
            _ = try? RenamesFile.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.tsv")
        case .register:
            withFile(bytes, name: "register.sqlite") { path in
                defer { for suffix in ["-wal", "-shm", ".lock"] { unlink(path + suffix) } }
                guard let store = try? RegisterStore(path: path) else { return }
                if let followUp = try? store.followUp() {
                    _ = FollowUpReporter.render(followUp, language: .vi, format: .json)
                }
                _ = try? store.history(of: Self.smallResult?.findings ?? [], asOf: nil)
            }
        case .thesaurus:
            let text = String(decoding: bytes, as: UTF8.self)
            if let thesaurus = try? Thesaurus.parse(text, file: "fuzz.tsv") {
                for duty in ["Cấp giấy phép lái xe cho người dân", "Quản lý tài sản công", text] {
                    _ = thesaurus.rewrite(duty)
                    _ = thesaurus.matches(in: duty)
                }
            }
        case .decision:
            withFile(bytes, name: "decision.txt") { path in
                guard let result = try? DecisionExtractor().extract(paths: [path]) else { return }
                _ = ChartXMLWriter.write(result.chart)
            }
        case .rules:
            let text = String(decoding: bytes, as: UTF8.self)
            if let file = try? RulesFileReader.parse(text, file: "fuzz.yaml") {
                var configuration = AnalysisConfiguration()
                _ = RulesFileSettings.apply(file, to: &configuration)
            }
        case .profile:
            withFile(bytes, name: "profile.yaml") { path in
                // Through read(path:), as the command line reads it: the size and UTF-8 checks too. (When
                // the Word reports take a profile, render one with what reads here.)
                _ = try? DocumentProfileReader.read(path: path)
            }
        case .chart:
            withFile(bytes, name: "chart.xml") { path in
                guard let chart = try? Self.importer.load(files: [path]).chart else { return }
                exercise(chart)
            }
        case .catalog:
            withFile(bytes, name: "catalog.xml") { path in
                withFile(Self.smallChart, name: "base.xml") { base in
                    guard let chart = try? Self.importer.load(files: [base], catalogs: [path]).chart else { return }
                    exercise(chart)
                }
            }
        case .archimate:
            withFile(bytes, name: "model.xml") { path in
                guard let result = try? ArchiMateImporter().load(path: path) else { return }
                // What `convert` writes: OrgChart XML and JSON-LD.
                _ = ChartXMLWriter.write(result.chart)
                _ = OrgJSONLDWriter().write(result.chart)
            }
        case .staffing:
            withFile(bytes, name: "staffing.csv") { path in
                guard let chart = Self.baseChart, let result = try? StaffingSheet.merge(path: path, into: chart) else { return }
                _ = ChartXMLWriter.write(result.chart)
            }
        case .proposal:
            withFile(bytes, name: "proposal.xml") { path in
                guard let chart = Self.baseChart, let proposal = try? Self.proposalImporter.load(path: path) else { return }
                // The outcome is a chart like any other: the chart target fuzzes analysis and reports.
                if case .success(let outcome) = ProposalApplier(chart: chart).apply(proposal) {
                    _ = ChartXMLWriter.write(outcome.chart)
                }
            }
        }
    }

    /// With `ORGSCOPE_FUZZ_ANALYSE=1`, analysis and a report of a chart that imported: every format when
    /// `ORGSCOPE_FUZZ_REPORTS=all`, else JSON. By default the targets stop at the importer (the entry
    /// points under test): analysis in a sanitised debug build runs at tens of inputs a second, the
    /// importer at hundreds.
    private func exercise(_ chart: OrgChart) {
        guard ProcessInfo.processInfo.environment["ORGSCOPE_FUZZ_ANALYSE"] == "1" else {
            _ = ChartXMLWriter.write(chart)
            return
        }
        let result = Analyzer().analyze(chart)
        let input = ReportInput(result: result, language: .vi, colour: false, timestamp: nil)
        let formats = ProcessInfo.processInfo.environment["ORGSCOPE_FUZZ_REPORTS"] == "all" ? OutputFormat.allCases : [.json]
        for format in formats { _ = render(input, as: format) }
        _ = ChartXMLWriter.write(chart)
    }

    func withFile(_ bytes: UnsafeBufferPointer<UInt8>, name: String, _ body: (String) -> Void) {
        let directory = ProcessInfo.processInfo.environment["ORGSCOPE_FUZZ_DIR"] ?? NSTemporaryDirectory()
        let path = (directory as NSString).appendingPathComponent("orgscope-fuzz-\(getpid())-\(name)")
        guard FileManager.default.createFile(atPath: path, contents: Data(buffer: bytes)) else { return }
        defer { unlink(path) }
        body(path)
    }

    private func withFile(_ text: String, name: String, _ body: (String) -> Void) {
        var copy = text
        copy.withUTF8 { withFile($0, name: name, body) }
    }

    /// The analysis of ``smallChart``, made once: whose findings the register target looks up.
    nonisolated(unsafe) static let smallResult = baseChart.map { Analyzer().analyze($0) }

    /// One importer for every input: it compiles the schema once (as a long-running caller would).
    nonisolated(unsafe) static let importer = OrgChartImporter()
    /// The same for proposals.
    nonisolated(unsafe) static let proposalImporter = ProposalImporter()

    /// ``smallChart``, imported once (proposals do not change the chart they are applied to).
    nonisolated(unsafe) static let baseChart: OrgChart? = {
        var result: OrgChart?
        var text = smallChart
        text.withUTF8 { bytes in
            FuzzTarget.chart.withFile(bytes, name: "base.xml") { result = try? OrgChartImporter().load(files: [$0]).chart }
        }
        return result
    }()

    /// A valid chart for the catalogue, proposal and staffing targets: a committee, two departments, a division.
    static let smallChart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Tỉnh" asOf="2025-10-01" provinceCategory="III">
          <mandates><mandate id="M.1" level="province">Quản lý nhà nước về giá</mandate></mandates>
          <unit id="ubnd" name="UBND" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            <unit id="a" name="Sở A" kind="department"><leadership heads="1" deputies="2"/>
              <staffing category="civil-servant" quota="40" actual="36"/>
              <duty id="a.1" mandate="M.1">Thẩm định phương án giá</duty>
              <unit id="a.x" name="Phòng X" kind="division"><leadership heads="1"/>
                <duty id="a.x.1">Nhiệm vụ X một</duty>
              </unit>
            </unit>
            <unit id="b" name="Sở B" kind="department"><leadership heads="1" deputies="3"/>
              <duty id="b.1" mandate="M.1">Quản lý nhà nước về giá</duty>
            </unit>
          </unit>
        </orgChart>
        """

    /// The target `ORGSCOPE_FUZZ_TARGET` names (default: chart).
    static var selected: FuzzTarget {
        ProcessInfo.processInfo.environment["ORGSCOPE_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:)) ?? .chart
    }
}

#if FUZZING
/// libFuzzer's entry point (built by scripts/fuzz with `--sanitize=fuzzer --sanitize=address -DFUZZING`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTarget.selected.run(UnsafeBufferPointer(start: data, count: count))
    return 0
}
#else
/// Without the fuzzer: replays inputs (a crash the fuzzer saved, a fixture) through one target, so that a
/// finding can be reproduced and debugged in an ordinary build: `orgscope-fuzz TARGET FILE...`.
@main
struct Replay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count >= 2 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: orgscope-fuzz \(names) FILE...\n".utf8))
            exit(2)
        }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("orgscope-fuzz: cannot read \(file)\n".utf8))
                exit(2)
            }
            data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
            print("\(file): ok")
        }
    }
}
#endif
