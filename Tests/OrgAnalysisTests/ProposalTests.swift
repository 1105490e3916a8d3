import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import Testing

/// Restructuring proposals: every operation, every error, duty conservation, staffing accounting, and
/// the round trip of the resulting chart.
@Suite("Restructuring proposals")
struct ProposalTests {
    static let chartXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" id="t" name="Tỉnh" asOf="2025-10-01" provinceCategory="III">
          <mandates><mandate id="M.1" level="province">Quản lý nhà nước về giá</mandate></mandates>
          <unit id="ubnd" name="UBND" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            <staffing category="civil-servant" quota="100" actual="90"/>
            <unit id="a" name="Sở A" kind="department"><leadership heads="1" deputies="2"/>
              <staffing category="civil-servant" quota="40" actual="36"/>
              <duty id="a.1">Nhiệm vụ một</duty>
              <unit id="a.x" name="Phòng X" kind="division"><leadership heads="1" deputies="1"/>
                <staffing category="civil-servant" quota="6" actual="6"/>
                <duty id="a.x.1">Nhiệm vụ X một</duty><duty id="a.x.2">Nhiệm vụ X hai</duty>
              </unit>
              <unit id="a.y" name="Phòng Y" kind="division"><leadership heads="1" deputies="2"/>
                <staffing category="civil-servant" quota="8" actual="7"/>
                <duty id="a.y.1" mandate="M.1">Nhiệm vụ Y một</duty>
                <unit id="a.y.t" name="Tổ T" kind="other"><leadership heads="1"/></unit>
              </unit>
            </unit>
            <unit id="b" name="Sở B" kind="department"><leadership heads="1" deputies="3"/>
              <staffing category="civil-servant" quota="30" actual="30"/>
              <duty id="b.1">Nhiệm vụ B một</duty>
            </unit>
          </unit>
        </orgChart>
        """

    static func write(_ text: String, _ name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func chart() throws -> OrgChart { try OrgChartImporter().load(files: [write(chartXML, "chart.xml")]).chart }

    static func proposal(_ operations: String, chart: String = "t") throws -> Proposal {
        try ProposalImporter().load(path: write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <proposal xmlns="urn:orgscope:proposal:1" id="p" chart="\(chart)" title="Thử" effective="2025-12-01">
            \(operations)
            </proposal>
            """, "proposal.xml"))
    }

    static func apply(_ operations: String) throws -> Result<ProposalOutcome, ProposalRejection> {
        ProposalApplier(chart: try chart()).apply(try proposal(operations))
    }

    static func outcome(_ operations: String) throws -> ProposalOutcome {
        switch try apply(operations) {
        case .success(let outcome): return outcome
        case .failure(let rejection):
            Issue.record("rejected: \(rejection.diagnostics.map(\.description))")
            throw rejection
        }
    }

    static func errors(_ operations: String) throws -> [Diagnostic] {
        if case .failure(let rejection) = try apply(operations) { return rejection.diagnostics }
        return []
    }

    static func unit(_ outcome: ProposalOutcome, _ id: UnitID) -> OrgModel.Unit? { outcome.chart.units.first { $0.id == id } }

    @Test("merge into a new unit: duties, sub-units, summed staffing, deputies, created and removed")
    func mergeNew() throws {
        let outcome = try Self.outcome("""
            <merge into="a.xy" name="Phòng XY" kind="division" parent="a" deputies="2"><unit ref="a.x"/><unit ref="a.y"/></merge>
            """)
        let merged = try #require(Self.unit(outcome, "a.xy"))
        #expect(merged.duties.map(\.id) == ["a.x.1", "a.x.2", "a.y.1"])
        #expect(merged.duties.allSatisfy { $0.unit == "a.xy" })
        #expect(merged.staffing(.civilServant)?.quota == 14 && merged.staffing(.civilServant)?.actual == 13)
        #expect(merged.leadership == Leadership(heads: 1, deputies: 2))
        #expect(Self.unit(outcome, "a.y.t")?.parent == "a.xy")
        #expect(Self.unit(outcome, "a.x") == nil && Self.unit(outcome, "a.y") == nil)
        #expect(outcome.created.map(\.unit) == ["a.xy"])
        #expect(outcome.removed.map(\.unit) == ["a.x", "a.y"])
        #expect(Self.unit(outcome, "a")?.staffing(.civilServant)?.quota == 40)  // same parent: unchanged
        #expect(outcome.chart.units.map(\.id) == ["ubnd", "a", "a.xy", "a.y.t", "b"])
    }

    @Test("merge into a surviving unit keeps its name and takes the largest deputies")
    func mergeSurvivor() throws {
        let outcome = try Self.outcome(#"<merge into="a.y"><unit ref="a.y"/><unit ref="a.x"/></merge>"#)
        let merged = try #require(Self.unit(outcome, "a.y"))
        #expect(merged.name == "Phòng Y")
        #expect(merged.duties.map(\.id) == ["a.y.1", "a.x.1", "a.x.2"])
        #expect(merged.leadership?.deputies == 2)
        #expect(outcome.created.isEmpty && outcome.removed.map(\.unit) == ["a.x"])
    }

    @Test("split: every duty to exactly one part, sub-units to the first part unless claimed")
    func split() throws {
        let outcome = try Self.outcome("""
            <split unit="a.y">
              <into id="a.y1" name="Phòng Y1" duties="a.y.1"><staffing category="civil-servant" quota="4" actual="4"/></into>
              <into id="a.y2" name="Phòng Y2" subUnitsTo="a.y.t"/>
            </split>
            """)
        #expect(Self.unit(outcome, "a.y1")?.duties.map(\.id) == ["a.y.1"])
        #expect(Self.unit(outcome, "a.y1")?.staffing(.civilServant)?.quota == 4)
        #expect(Self.unit(outcome, "a.y.t")?.parent == "a.y2")
        #expect(Self.unit(outcome, "a.y1")?.parent == "a" && Self.unit(outcome, "a.y2")?.parent == "a")
        let errors = try Self.errors("""
            <split unit="a.x">
              <into id="p1" name="P1" duties="a.x.1 a.x.2"/>
              <into id="p2" name="P2" duties="a.x.2 b.1"/>
            </split>
            """)
        #expect(errors.contains { $0.message.contains("duty 'a.x.2' is given to two parts") })
        #expect(errors.contains { $0.message.contains("duty 'b.1' is not a duty of 'a.x'") })
        let missing = try Self.errors(#"<split unit="a.x"><into id="p1" name="P1" duties="a.x.1"/><into id="p2" name="P2"/></split>"#)
        #expect(missing.contains { $0.message.contains("duty 'a.x.2' of 'a.x'") && $0.message.contains("goes to no part") })
        #expect(missing.allSatisfy { $0.location.line == 3 })
    }

    @Test("A surviving unit keeps its founding decision (the one to amend); a unit a merge or split creates has none")
    func foundingDecision() throws {
        var chart = try Self.chart()
        for index in chart.units.indices {
            chart.units[index].foundingDecision = DecisionReference(number: "\(index + 1)/2025/QĐ-UBND")
        }
        let decision = { (id: UnitID) in chart.units.first { $0.id == id }?.foundingDecision }
        func outcome(_ operations: String) throws -> ProposalOutcome {
            guard case .success(let outcome) = ProposalApplier(chart: chart).apply(try Self.proposal(operations)) else {
                throw ProposalTestFailure.rejected
            }
            return outcome
        }
        let survivor = try outcome(#"<merge into="a.y"><unit ref="a.y"/><unit ref="a.x"/></merge>"#)
        #expect(Self.unit(survivor, "a.y")?.foundingDecision == decision("a.y"))
        let new = try outcome(#"<merge into="a.xy" name="Phòng XY" kind="division" parent="a"><unit ref="a.x"/><unit ref="a.y"/></merge>"#)
        #expect(Self.unit(new, "a.xy")?.foundingDecision == nil)
        #expect(Self.unit(new, "a")?.foundingDecision == decision("a"))
        let split = try outcome("""
            <split unit="a.y">
              <into id="a.y" name="Phòng Y" duties="a.y.1"/>
              <into id="a.y2" name="Phòng Y2"/>
            </split>
            """)
        #expect(Self.unit(split, "a.y")?.foundingDecision == decision("a.y"))
        #expect(Self.unit(split, "a.y2")?.foundingDecision == nil)
    }

    @Test("transferDuty keeps id and text; a role change alone stays in place")
    func transfer() throws {
        let outcome = try Self.outcome("""
            <transferDuty duty="a.x.1" to="b" role="support"/>
            <transferDuty duty="a.y.1" to="a.y" role="support"/>
            """)
        let moved = try #require(Self.unit(outcome, "b")?.duties.last)
        #expect(moved.id == "a.x.1" && moved.text == "Nhiệm vụ X một" && moved.role == .support && moved.unit == "b")
        #expect(outcome.dutyTransfers.map(\.duty) == ["a.x.1"])
        #expect(outcome.roleChanges.map(\.duty) == ["a.x.1", "a.y.1"])
        #expect(Self.unit(outcome, "a.y")?.duties.first?.role == .support)
    }

    @Test("abolish: duties to dutiesTo, people and quota to staffTo, totals of the chain kept right")
    func abolish() throws {
        let outcome = try Self.outcome(#"<abolish unit="a.x" dutiesTo="b" staffTo="b"/>"#)
        #expect(Self.unit(outcome, "b")?.duties.map(\.id) == ["b.1", "a.x.1", "a.x.2"])
        #expect(Self.unit(outcome, "b")?.staffing(.civilServant)?.quota == 36)
        #expect(Self.unit(outcome, "b")?.staffing(.civilServant)?.actual == 36)
        #expect(Self.unit(outcome, "a")?.staffing(.civilServant)?.quota == 34)  // lost the division's 6
        #expect(Self.unit(outcome, "ubnd")?.staffing(.civilServant)?.quota == 100)  // above both: unchanged
        #expect(outcome.peopleTransfers.map(\.people) == [6])
        let released = try Self.outcome(#"<transferDuty duty="b.1" to="a"/><abolish unit="b"/>"#)
        #expect(Self.unit(released, "ubnd")?.staffing(.civilServant)?.quota == 70)  // the posts are released
    }

    @Test("abolishing a unit that still has duties and no dutiesTo is an error naming each duty")
    func abolishLosesDuties() throws {
        let errors = try Self.errors(#"<abolish unit="a.x"/>"#)
        #expect(errors.count == 2)
        #expect(errors.map(\.message).allSatisfy { $0.contains("loses duty") })
        #expect(errors.first?.location.line == 3 && errors.first?.location.column == 1)
    }

    @Test("move re-parents and shifts staffing between the chains; a cycle is an error")
    func move() throws {
        let outcome = try Self.outcome(#"<move unit="a.x" parent="b"/>"#)
        #expect(Self.unit(outcome, "a.x")?.parent == "b")
        #expect(Self.unit(outcome, "a")?.staffing(.civilServant)?.quota == 34)
        #expect(Self.unit(outcome, "b")?.staffing(.civilServant)?.quota == 36)
        let cycle = try Self.errors(#"<move unit="a" parent="a.y.t"/>"#)
        #expect(cycle.first?.message.contains("cycle") == true)
    }

    @Test("rename, setStaffing, setLeadership, addDuty, dropDuty")
    func simpleOperations() throws {
        let outcome = try Self.outcome("""
            <rename unit="b" name="Sở B mới"/>
            <setStaffing unit="b" category="civil-servant" quota="28"/>
            <setStaffing unit="b" category="contract" quota="2" actual="1"/>
            <setLeadership unit="b" deputies="2"/>
            <addDuty unit="b" id="b.2" mandate="M.1" role="lead">Quản lý giá</addDuty>
            <dropDuty duty="a.1" reason="Không còn phù hợp"/>
            """)
        let unit = try #require(Self.unit(outcome, "b"))
        #expect(unit.name == "Sở B mới")
        #expect(unit.staffing(.civilServant)?.quota == 28 && unit.staffing(.civilServant)?.actual == 30)
        #expect(unit.staffing(.contract)?.actual == 1)
        #expect(unit.leadership == Leadership(heads: 1, deputies: 2))
        #expect(unit.duties.map(\.id) == ["b.1", "b.2"])
        #expect(outcome.dropped.map(\.duty) == ["a.1"] && outcome.dropped.first?.reason == "Không còn phù hợp")
        #expect(outcome.added == ["b.2"])
    }

    @Test("setLeadership vacantHeads: a post left vacant or filled; more vacant than heads is an error")
    func setLeadershipVacantHeads() throws {
        let outcome = try Self.outcome(#"<setLeadership unit="a.x" vacantHeads="1"/>"#)
        #expect(Self.unit(outcome, "a.x")?.leadership == Leadership(heads: 1, deputies: 1, vacantHeads: 1))
        let filled = try Self.outcome(#"<setLeadership unit="a.x" vacantHeads="1"/><setLeadership unit="a.x" vacantHeads="0"/>"#)
        #expect(Self.unit(filled, "a.x")?.leadership?.vacantHeads == 0)
        let errors = try Self.errors(#"<setLeadership unit="a.x" vacantHeads="2"/>"#)
        #expect(errors.count == 1 && errors[0].message.contains("vacantHeads=\"2\""))
    }

    @Test("Every kind of error, each at its operation's line, all in one run")
    func errors() throws {
        let errors = try Self.errors("""
            <rename unit="ghost" name="X"/>
            <transferDuty duty="nope" to="b"/>
            <addDuty unit="b" id="a.1">Trùng mã</addDuty>
            <addDuty unit="b" id="b.9" mandate="M.9">Không có nhiệm vụ M.9</addDuty>
            <merge into="a.x"><unit ref="a.x"/><unit ref="zz"/></merge>
            <merge into="new" ><unit ref="a.x"/><unit ref="a.y"/></merge>
            """)
        #expect(errors.map(\.location.line) == [3, 4, 5, 6, 7, 8])
        #expect(errors[0].message.contains("no unit 'ghost'"))
        #expect(errors[1].message.contains("no duty 'nope'"))
        #expect(errors[2].message.contains("already exists"))
        #expect(errors[3].message.contains("mandate 'M.9'"))
        #expect(errors[4].message.contains("no unit 'zz'"))
        #expect(errors[5].message.contains("needs name, kind and parent"))
        let wrongChart = ProposalApplier(chart: try Self.chart()).apply(try Self.proposal("", chart: "other"))
        if case .failure(let rejection) = wrongChart {
            #expect(rejection.diagnostics.first?.message.contains("'other'") == true)
        } else {
            Issue.record("a proposal for another chart must be rejected")
        }
    }

    @Test("Duty conservation holds after any accepted proposal: every duty is kept or dropped with a reason")
    func conservation() throws {
        let original = Set(try Self.chart().units.flatMap { $0.duties.map(\.id) })
        for operations in [#"<merge into="a.y"><unit ref="a.y"/><unit ref="a.x"/></merge>"#,
                           #"<abolish unit="a.x" dutiesTo="a"/><dropDuty duty="b.1" reason="Bãi bỏ"/>"#,
                           #"<split unit="a.x"><into id="p1" name="P1" duties="a.x.1"/><into id="p2" name="P2" duties="a.x.2"/></split>"#] {
            let outcome = try Self.outcome(operations)
            let after = Set(outcome.chart.units.flatMap { $0.duties.map(\.id) })
            #expect(original.subtracting(after) == Set(outcome.dropped.map(\.duty)))
        }
    }

    @Test("A malformed proposal is rejected with file, line and column")
    func malformed() throws {
        let path = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <proposal xmlns="urn:orgscope:proposal:1" id="p" chart="t" title="T">
              <dropDuty duty="a.1"/>
              <explode unit="a"/>
            </proposal>
            """, "bad.xml")
        do {
            _ = try ProposalImporter().load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [3, 4])
            #expect(error.diagnostics[0].message.contains("reason"))
            #expect(!error.diagnostics[0].message.contains("urn:orgscope"))
        }
        // One importer compiles the schema once and gives each proposal its own answer.
        let importer = ProposalImporter()
        let good = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <proposal xmlns="urn:orgscope:proposal:1" id="p" chart="t" title="T" effective="2025-12-01">
              <rename unit="a" name="Sở A mới"/>
            </proposal>
            """, "good.xml")
        for _ in 0..<2 {
            #expect(throws: ImportError.self) { try importer.load(path: path) }
            #expect(try importer.load(path: good).operations.count == 1)
        }
    }

    @Test("A proposal's texts and attribute values are bounded by --max-text-length too")
    func textLimit() throws {
        let long = String(repeating: "Sở Nội vụ ", count: 60)  // 600 characters
        let path = try Self.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <proposal xmlns="urn:orgscope:proposal:1" id="p" chart="t" title="T" effective="2025-12-01">
              <rationale>\(long)</rationale>
              <rename unit="a" name="\(long)"/>
            </proposal>
            """, "long.xml")
        var options = ImportOptions()
        options.maxTextLength = 500
        do {
            _ = try ProposalImporter(options: options).load(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.location.line) == [3, 4])
            #expect(error.diagnostics.allSatisfy { $0.message.contains("over the limit of 500 (raise --max-text-length") })
        }
        options.maxTextLength = 600
        #expect(try ProposalImporter(options: options).load(path: path).operations.count == 1)
    }

    @Test("The resulting chart round-trips: write → import gives the same units, duties and figures")
    func roundTrip() throws {
        let outcome = try Self.outcome("""
            <merge into="a.xy" name="Phòng X &amp; Y" kind="division" parent="a"><unit ref="a.x"/><unit ref="a.y"/></merge>
            <addDuty unit="b" id="b.2" mandate="M.1" role="support">Phối hợp "quản lý" giá &lt;thử&gt;</addDuty>
            """)
        let xml = ChartXMLWriter.write(outcome.chart)
        let again = try OrgChartImporter().load(files: [Self.write(xml, "after.xml")]).chart
        func shape(_ chart: OrgChart) -> [String] {
            chart.units.map { unit in
                [unit.id.rawValue, unit.name, unit.kind.rawValue, unit.parent?.rawValue ?? "-",
                 "\(unit.leadership?.heads ?? -1)/\(unit.leadership?.deputies ?? -1)",
                 unit.staffing.map { "\($0.category.rawValue)=\($0.quota ?? -1)/\($0.actual ?? -1)" }.joined(separator: ","),
                 unit.duties.map { "\($0.id)|\($0.text)|\($0.mandate?.rawValue ?? "")|\($0.role.rawValue)" }.joined(separator: ";"),
                 unit.functions.joined(separator: ";"), unit.powers.joined(separator: ";")].joined(separator: " ¦ ")
            } + chart.mandates.map { "\($0.id)|\($0.text)|\($0.level?.rawValue ?? "")" }
        }
        #expect(shape(again) == shape(outcome.chart))
        #expect(again.asOf == ChartDate(year: 2025, month: 12, day: 1))
        let original = try Self.chart()
        let reimported = try OrgChartImporter().load(files: [Self.write(ChartXMLWriter.write(original), "same.xml")]).chart
        #expect(shape(reimported) == shape(original))
    }
}
private enum ProposalTestFailure: Error { case rejected }
