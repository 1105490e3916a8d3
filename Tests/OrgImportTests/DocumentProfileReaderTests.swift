import Foundation
import OrgImport
import OrgModel
import Testing

/// The YAML document profile (`--profile FILE`): values, defaults, and every kind of error with its place.
@Suite("Reading a document profile")
struct DocumentProfileReaderTests {
    static let orgdata = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("orgdata")

    /// The problems `text` has, as `line:column`, and their messages.
    static func problems(_ text: String) -> [Diagnostic] {
        do {
            _ = try DocumentProfileReader.parse(text, file: "p.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test("The bundled sample profile reads to the Sở Nội vụ of Cao Bằng")
    func sample() throws {
        let profile = try DocumentProfileReader.read(path: Self.orgdata.appendingPathComponent("profiles/cao-bang-snv.yaml").path)
        #expect(profile.superiorBody == "UBND TỈNH CAO BẰNG")
        #expect(profile.issuingBody == "SỞ NỘI VỤ")
        #expect(profile.issuingBodyName == "Sở Nội vụ")
        #expect(profile.symbol == "BC-SNV")
        #expect(profile.number == nil)
        #expect(profile.place == "Cao Bằng")
        #expect(profile.date == nil)
        #expect(profile.illustrative)
        #expect(profile.signer == DocumentProfile.Signer(authority: "KT. GIÁM ĐỐC", title: "PHÓ GIÁM ĐỐC", name: "…"))
        #expect(profile.recipients.first == "UBND tỉnh (để báo cáo)")
        #expect(profile.recipients.count == 6)
        #expect(profile.archive == "VT, TCBC")
        #expect(profile.directive == nil && profile.baseline == nil)
        #expect(profile.layout == DocumentProfile.PageLayout())
        // Every string is NFC, as the chart's names are.
        let strings = [profile.superiorBody, profile.issuingBody, profile.place] + profile.recipients
        #expect(strings.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping })
    }

    @Test("Every key of the documented example reads to its field")
    func everyKey() throws {
        let profile = try DocumentProfileReader.parse("""
            superior_body: UBND TỈNH CAO BẰNG
            issuing_body: SỞ NỘI VỤ
            issuing_body_name: Sở Nội vụ
            symbol: BC-SNV
            number: "125"
            place: Cao Bằng
            date: 2025-12-15
            illustrative: true
            signer:
              authority: KT. GIÁM ĐỐC
              title: PHÓ GIÁM ĐỐC
              name: Nguyễn Văn A
            recipients:
              - UBND tỉnh (để báo cáo)
              - Các sở, ban, ngành tỉnh
            archive: VT, TCBC
            directive:
              number: 05/CT-UBND
              date: 2022-03-15
            baseline:
              label: Biên chế được giao năm 2022
              civil_servants: 2150
              public_employees: 21000
              source: { number: 1234/QĐ-UBND, date: 2022-06-30 }
            layout:
              margin_top: 25
              margin_bottom: 20
              margin_left: 35
              margin_right: 20
              body_size: 13
              first_line_indent: 1
              line_spacing: 1.5
            """, file: "p.yaml")
        #expect(profile.number == "125")
        #expect(profile.date == ChartDate(year: 2025, month: 12, day: 15))
        #expect(profile.signer.name == "Nguyễn Văn A")
        #expect(profile.recipients == ["UBND tỉnh (để báo cáo)", "Các sở, ban, ngành tỉnh"])
        #expect(profile.directive == DecisionReference(number: "05/CT-UBND", date: ChartDate(year: 2022, month: 3, day: 15)))
        #expect(profile.baseline == DocumentProfile.StaffingBaseline(
            civilServants: 2150, publicEmployees: 21000, label: "Biên chế được giao năm 2022",
            source: DecisionReference(number: "1234/QĐ-UBND", date: ChartDate(year: 2022, month: 6, day: 30))))
        #expect(profile.layout == DocumentProfile.PageLayout(marginTop: 25, marginBottom: 20, marginLeft: 35, marginRight: 20,
                                                             bodySize: 13, firstLineIndent: 1, lineSpacing: 1.5))
    }

    @Test("The example in orgdata/README.md reads")
    func readmeExample() throws {
        let readme = try String(contentsOf: Self.orgdata.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Document profile (Word reports)"))
        let rest = readme[section.upperBound...]
        let start = try #require(rest.range(of: "```yaml\n"))
        let end = try #require(rest[start.upperBound...].range(of: "```"))
        let profile = try DocumentProfileReader.parse(String(rest[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(profile.number == "125" && profile.signer.name == "Nguyễn Văn A")
        #expect(profile.baseline?.civilServants == 2150 && profile.layout.lineSpacing == 1.15)
    }

    @Test("An empty profile, comments only or null values give the defaults", arguments: [
        "", "# nothing yet\n", "number:\nsigner:\nlayout: ~\nrecipients: null\n",
    ])
    func defaults(text: String) throws {
        #expect(try DocumentProfileReader.parse(text, file: "p.yaml") == DocumentProfile())
    }

    @Test("Decomposed text and runs of white space are cleaned to NFC single spaces")
    func normalised() throws {
        let decomposed = "Cao Ba\u{306}\u{300}ng"  // "Bằng" with combining breve and grave
        let profile = try DocumentProfileReader.parse("place: \"  \(decomposed)\"\nsigner: { name: \"Nguyễn   Văn A\" }\n",
                                                      file: "p.yaml")
        #expect(profile.place == "Cao Bằng".precomposedStringWithCanonicalMapping)
        #expect(profile.place.unicodeScalars.count == 8)
        #expect(profile.signer.name == "Nguyễn Văn A")
    }

    @Test("A baseline without a label is named after its source's year")
    func baselineLabel() throws {
        let profile = try DocumentProfileReader.parse("baseline:\n  source: { number: 1/QĐ-UBND, date: 2022-06-30 }\n",
                                                      file: "p.yaml")
        #expect(profile.baseline?.label == "Biên chế được giao năm 2022")
    }

    @Test("Each kind of error is reported at its line and column", arguments: [
        ("singer:\n  title: X\n", "1:1", "unknown key 'singer' in the profile; did you mean 'signer'?"),
        ("signer:\n  titel: X\n", "2:3", "did you mean 'title'?"),
        ("layout:\n  colour: red\n", "2:3", "the keys are: margin_top, margin_bottom"),
        ("illustrative: maybe\n", "1:15", "illustrative is true or false, not 'maybe'"),
        ("signer: KT. GIÁM ĐỐC\n", "1:9", "signer is a mapping of keys (authority, title, name)"),
        ("place:\n  - Cao Bằng\n", "2:3", "place is text, not a list"),
        ("recipients: UBND tỉnh\n", "1:13", "recipients is a list"),
        ("date: 15/12/2025\n", "1:7", "date is a date written YYYY-MM-DD"),
        ("directive:\n  number: 05/CT-UBND\n  date: 2022-02-30\n", "3:9", "2022-02-30, which is not a day of the calendar"),
        ("directive:\n  date: 2022-03-15\n", "2:3", "directive needs number:"),
        ("baseline:\n  civil_servants: -5\n", "2:19", "baseline.civil_servants is a whole number"),
        ("layout:\n  margin_left: 25\n", "2:16", "layout.margin_left is 25 millimetres, outside the range 30–35 millimetres"),
        ("layout:\n  first_line_indent: 1,27\n", "2:22", "write the decimal point as '.'"),
        ("layout:\n  body_size: nan\n", "2:14", "layout.body_size is a number of points"),
        ("place: &p Cao Bằng\narchive: *p\n", "1:8", "YAML anchors and aliases (&p, *p) are not allowed"),
        ("archive: *q\n", "1:10", "found undefined alias"),
        ("baseline:\n  source:\n    number:\n      deep: x\n", "4:7", "nests too deep"),
        ("place: \(String(repeating: "ả", count: 501))\n", "1:8", "place is 501 characters long; the limit is 500"),
        ("symbol: \"\"\n", "1:9", "symbol is empty"),
        ("place: A\nplace: B\n", "1:1", "duplicated key(s): 'place'"),
        ("- a\n- b\n", "1:1", "a document profile is a YAML mapping"),
        ("place: [unclosed\n", "2:1", "not valid YAML"),
    ])
    func errors(text: String, position: String, message: String) {
        let found = Self.problems(text)
        #expect(positions(found).contains(position), "\(found)")
        #expect(found.contains { $0.message.contains(message) }, "\(found)")
        #expect(found.allSatisfy { $0.severity == .error && $0.location.file == "p.yaml" })
    }

    @Test("More than 50 recipients are rejected at the 51st")
    func tooManyRecipients() {
        let text = "recipients:\n" + (1...51).map { "  - Nơi nhận \($0)\n" }.joined()
        let found = Self.problems(text)
        #expect(positions(found) == ["52:5"])
        #expect(found.first?.message.contains("51 items; the limit is 50") == true)
        #expect(Self.problems("recipients:\n" + (1...50).map { "  - Nơi nhận \($0)\n" }.joined()).isEmpty)
    }

    @Test("Every problem of a profile is reported in one run, in file order")
    func several() throws {
        let text = """
            symbol: BC-SNV
            signer:
              titel: PHÓ GIÁM ĐỐC
            date: 2025-13-01
            illustrative: yes
            layout:
              margin_top: 30
              body_size: 12
            """
        do {
            _ = try DocumentProfileReader.parse(text, file: "p.yaml")
            Issue.record("the profile was accepted")
        } catch {
            #expect(positions(error.diagnostics) == ["3:3", "4:7", "5:15", "7:15", "8:14"])
            #expect(error.diagnostics.first?.description.hasPrefix("p.yaml:3:3: error: unknown key 'titel'") == true)
            guard case .rejected(_, let truncated) = error else { return }
            #expect(!truncated)
        }
    }

    @Test("Every layout key rejects a value outside its range and names the decree", arguments: DocumentProfile.PageLayout.ranges.map(\.key))
    func outOfRange(key: String) throws {
        guard let range = DocumentProfile.PageLayout.ranges.first(where: { $0.key == key })?.range else { return }
        for value in [range.lowerBound - 0.5, range.upperBound + 0.5] {
            let found = Self.problems("layout:\n  \(key): \(value)\n")
            #expect(found.count == 1)
            #expect(found.first?.message.contains("Nghị định số 30/2020/NĐ-CP") == true, "\(found)")
            #expect(found.first?.location.line == 2)
        }
        #expect(Self.problems("layout:\n  \(key): \(range.lowerBound)\n  \n").isEmpty)
        #expect(Self.problems("layout:\n  \(key): \(range.upperBound)\n").isEmpty)
    }

    @Test("read(path:) refuses a missing file, an over-large file and a file that is not UTF-8")
    func files() throws {
        #expect(throws: ImportError.self) { try DocumentProfileReader.read(path: "/nonexistent/profile.yaml") }
        let large = try TestFiles.write(Data(repeating: UInt8(ascii: "#"), count: DocumentProfileReader.maximumSize + 1),
                                        name: "large.yaml")
        #expect(throws: ImportError.self) { try DocumentProfileReader.read(path: large) }
        let latin1 = try TestFiles.write(Data([0x70, 0x6C, 0x61, 0x63, 0x65, 0x3A, 0x20, 0xE0, 0x0A]), name: "latin1.yaml")
        do {
            _ = try DocumentProfileReader.read(path: latin1)
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.first?.message.contains("not UTF-8") == true)
            #expect(positions(error.diagnostics) == ["1:1"])
        }
    }

    @Test("Every saved fuzzing input for the profile reads or is rejected, never crashes")
    func fuzzInputs() throws {
        let directory = TestFiles.fixture("fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix("profile-") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOfFile: "\(directory)/\(name)", encoding: .utf8)
            _ = try? DocumentProfileReader.parse(text, file: name)
        }
    }
}
