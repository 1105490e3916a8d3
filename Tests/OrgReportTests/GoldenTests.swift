import Foundation
import OrgAnalysis
import OrgModel
@testable import OrgReport
import Testing

/// Every reporter, in both languages, against golden files in `Golden/`. The files are regenerated only
/// by `scripts/update-golden` (which sets ORGSCOPE_UPDATE_GOLDEN=1): a reporter change that alters output
/// fails here until someone looks at the difference and regenerates on purpose.
@Suite("Golden reports")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A small chart that triggers most rule families: a shared lead, a duplicated duty, a gap, a unit
    /// without a head, an over-quota unit, an inferred mandate.
    static func chart() -> OrgChart {
        let file = "golden.xml"
        var line = 0
        func at() -> OrgModel.SourceLocation {
            line += 1
            return OrgModel.SourceLocation(file: file, line: line, column: 3)
        }
        func duty(_ id: String, _ unit: String, _ text: String, _ mandate: String? = nil, _ role: DutyRole = .lead) -> Duty {
            Duty(id: DutyID(id), unit: UnitID(unit), text: text, mandate: mandate.map { MandateID($0) }, role: role, location: at())
        }
        return OrgChart(
            id: "golden", name: "Ủy ban nhân dân tỉnh Mẫu", asOf: ChartDate(year: 2025, month: 10, day: 1),
            provinceCategory: .categoryIII,
            units: [
                Unit(id: "ubnd", name: "Ủy ban nhân dân tỉnh", kind: .committee, declaredLevel: .province,
                     leadership: Leadership(heads: 1, deputies: 3), location: at()),
                Unit(id: "sct", name: "Sở Công Thương", kind: .department, parent: "ubnd",
                     leadership: Leadership(heads: 1, deputies: 3),
                     staffing: [Staffing(category: .civilServant, quota: 40, actual: 42, location: at())],
                     duties: [duty("sct.1", "sct", "Quản lý an toàn thực phẩm tại chợ đầu mối nông sản", "ATTP.01"),
                              duty("sct.2", "sct", "Quản lý an toàn đập, hồ chứa thủy điện trên địa bàn tỉnh"),
                              duty("sct.3", "sct", "Quản lý nhà nước về xúc tiến thương mại")],
                     location: at()),
                Unit(id: "snn", name: "Sở Nông nghiệp và Môi trường", kind: .department, parent: "ubnd",
                     leadership: Leadership(heads: 1, deputies: 2),
                     staffing: [Staffing(category: .civilServant, quota: 60, actual: 55, location: at())],
                     duties: [duty("snn.1", "snn", "Quản lý an toàn thực phẩm nông lâm thủy sản tại chợ đầu mối", "ATTP.01"),
                              duty("snn.2", "snn", "Quản lí an toàn đập, hồ chứa thuỷ điện theo quy định")],
                     location: at()),
                Unit(id: "snn.tl", name: "Phòng Thủy lợi", kind: .division, parent: "snn",
                     leadership: Leadership(heads: 0, deputies: 1),
                     staffing: [Staffing(category: .civilServant, quota: 6, actual: 6, location: at())],
                     duties: [duty("snn.tl.1", "snn.tl", "Theo dõi công trình thủy lợi")], location: at()),
            ],
            mandates: [
                Mandate(id: "ATTP.01", text: "Quản lý nhà nước về an toàn thực phẩm", level: .province,
                        source: "Luật An toàn thực phẩm 2010", catalog: "golden", location: at()),
                Mandate(id: "CT.01", text: "Quản lý nhà nước về xúc tiến thương mại", level: .province,
                        source: "Thông tư 37/2025/TT-BCT", catalog: "golden", location: at()),
                Mandate(id: "NV.12", text: "Quản lý nhà nước về bình đẳng giới", level: .province,
                        source: "Thông tư 10/2025/TT-BNV", catalog: "golden", location: at()),
            ],
            sourceFiles: [file])
    }

    /// The text formats (the Word package has its own golden parts, in `WordGoldenTests`).
    static let cases: [(OutputFormat, Language)] = OutputFormat.allCases.filter { $0 != .docx }.flatMap { format in
        Language.allCases.map { (format, $0) }
    }

    @Test("Each format and language matches its golden file", arguments: cases)
    func golden(format: OutputFormat, language: Language) throws {
        let input = ReportInput(result: Analyzer().analyze(Self.chart()), language: language)
        for file in render(input, as: format) {
            let url = Self.directory.appendingPathComponent("golden.\(language.rawValue)\(file.suffix)")
            if ProcessInfo.processInfo.environment["ORGSCOPE_UPDATE_GOLDEN"] == "1" {
                try Data(file.content.utf8).write(to: url)
                continue
            }
            let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)  // keeps the BOM
            #expect(file.content == expected, "\(url.lastPathComponent) differs: run scripts/update-golden if intended")
        }
    }

    @Test("The golden chart exercises the rule families the reports must show")
    func coverage() {
        let codes = Set(Analyzer().analyze(Self.chart()).findings.map(\.code))
        #expect(codes.isSuperset(of: ["OVL001", "OVL002", "GAP001", "ACC001", "STF001"]), "\(codes.sorted())")
    }

    @Test("CSV: BOM, CRLF, quoting, and no formula injection")
    func csvDetails() {
        let input = ReportInput(result: Analyzer().analyze(Self.chart()), language: .vi)
        let findings = render(input, as: .csv)[0].content
        #expect(findings.hasPrefix("\u{FEFF}Mã,Mức độ,"))
        #expect(findings.hasSuffix("\r\n") && !findings.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(CSVReporter.field("a,b") == "\"a,b\"")
        #expect(CSVReporter.field("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(CSVReporter.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVReporter.field("-2") == "-2")
    }

    @Test("Text: colour only when asked, and then ANSI-coloured severity headings")
    func colour() {
        let result = Analyzer().analyze(Self.chart())
        #expect(!TextReporter.render(ReportInput(result: result, language: .en)).contains("\u{1B}["))
        #expect(TextReporter.render(ReportInput(result: result, language: .en, colour: true)).contains("\u{1B}[1;31mNOT IN LINE WITH THE NORMS"))
    }
}
