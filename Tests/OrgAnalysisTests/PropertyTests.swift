import Foundation
import OrgAnalysis
import OrgImport
import OrgModel
import OrgReport
import Testing

/// Properties that must hold for every chart, checked on charts drawn from a seeded generator (hand-rolled:
/// the same seeds give the same charts on every machine, so a failure names a seed that reproduces it).
@Suite("Properties over generated charts")
struct PropertyTests {
    /// A small deterministic generator (64-bit LCG).
    struct Generator {
        var state: UInt64

        init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

        mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }

        mutating func shuffled<T>(_ list: [T]) -> [T] {
            var copy = list
            for index in copy.indices.reversed() where index > 0 { copy.swapAt(index, below(index + 1)) }
            return copy
        }
    }

    static let phrases = [
        "Thẩm định phương án giá hàng hóa, dịch vụ do Nhà nước định giá",
        "Quản lý nhà nước về an toàn thực phẩm trong sản xuất, kinh doanh",
        "Quản lí nhà nước về an toàn thực phẩm trong sản xuất, kinh doanh",
        "Tổ chức phổ biến, giáo dục pháp luật cho nhân dân",
        "Cấp giấy phép xây dựng công trình trên địa bàn tỉnh",
        "Hướng dẫn, kiểm tra công tác thủy lợi và phòng chống thiên tai",
        "Hướng dẫn, kiểm tra công tác thuỷ lợi và phòng chống thiên tai",
        "Quan ly nha nuoc ve du lich tren dia ban",
        "Quản lý nhà nước về du lịch trên địa bàn",
        "Thực hiện các nhiệm vụ khác do Giám đốc Sở giao",
        "Quản lý tài chính, tài sản của Sở",
        "Xây dựng kế hoạch đào tạo, bồi dưỡng công chức",
        "Thẩm định dự toán ngân sách của các đơn vị dự toán",
        "Đăng ký hộ tịch, chứng thực bản sao",
    ]

    /// A chart of one province: departments with divisions, duties from a small pool (so that overlaps
    /// occur), some citing mandates, staffing and leadership figures. `order` permutes the order in which
    /// siblings and duties are written, never what they are.
    static func chartXML(seed: UInt64, order: UInt64? = nil) -> String {
        var random = Generator(seed: seed)
        var shuffle = order.map { Generator(seed: $0) }
        func arrange<T>(_ list: [T]) -> [T] { shuffle == nil ? list : shuffle!.shuffled(list) }
        let kinds = ["department", "department", "public-service-unit"]
        var departments: [String] = []
        for d in 0..<(2 + random.below(5)) {
            let id = "d\(d)"
            var body: [String] = []
            for k in 0..<(1 + random.below(3)) {
                let mandate = random.below(3) == 0 ? " mandate=\"M.\(1 + random.below(4))\"" : ""
                let role = random.below(6) == 0 ? " role=\"support\"" : ""
                body.append("<duty id=\"\(id).\(k)\"\(mandate)\(role)>\(random.pick(phrases))</duty>")
            }
            var divisions: [String] = []
            for v in 0..<random.below(4) {
                let duties = (0..<(1 + random.below(3))).map { k in
                    "<duty id=\"\(id).v\(v).\(k)\">\(random.pick(phrases))</duty>"
                }
                let quota = 3 + random.below(10)
                divisions.append("""
                    <unit id="\(id).v\(v)" name="Phòng \(v) của sở \(d)" kind="division">\
                    <leadership heads="1" deputies="\(random.below(3))"/>\
                    <staffing category="civil-servant" quota="\(quota)" actual="\(quota - random.below(3))"/>\
                    \(arrange(duties).joined())</unit>
                    """)
            }
            let quota = 10 + random.below(40)
            departments.append("""
                <unit id="\(id)" name="Sở số \(d)" kind="\(random.pick(kinds))">\
                <leadership heads="1" deputies="\(random.below(4))"/>\
                <staffing category="civil-servant" quota="\(quota)" actual="\(quota + random.below(5) - 2)"/>\
                \(arrange(body).joined())\(arrange(divisions).joined(separator: "\n"))</unit>
                """)
        }
        let mandates = (1...4).map { "<mandate id=\"M.\($0)\" level=\"province\">\(phrases[$0])</mandate>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <orgChart xmlns="urn:orgscope:orgchart:1" id="g\(seed)" name="Tỉnh \(seed)" asOf="2025-10-01" provinceCategory="II">
              <mandates>\(arrange(mandates).joined())</mandates>
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1" deputies="3"/>
            \(arrange(departments).joined(separator: "\n"))
              </unit>
            </orgChart>
            """
    }

    static func load(_ xml: String) throws -> OrgChart {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-prop-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try OrgChartImporter().load(files: [url.path]).chart
    }

    /// What a finding says, without the prose (whose lists follow document order).
    static func signature(_ finding: Finding) -> String {
        [finding.code, finding.severity.rawValue, finding.units.map(\.rawValue).sorted().joined(separator: ","),
         finding.mandate?.rawValue ?? "", finding.duties.map(\.rawValue).sorted().joined(separator: ",")]
            .joined(separator: "|")
    }

    /// Everything a unit is, but where it was written.
    static func content(_ chart: OrgChart) -> [String] {
        chart.units.map { unit in
            let duties = unit.duties.map { "\($0.id.rawValue)=\($0.text)@\($0.mandate?.rawValue ?? "-")/\($0.role.rawValue)" }
            let staffing = unit.staffing.map { "\($0.category.rawValue):\($0.quota ?? -1)/\($0.actual ?? -1)" }
            let leadership = unit.leadership.map { "\($0.heads ?? -1)+\($0.deputies ?? -1)" } ?? "-"
            return [unit.id.rawValue, unit.name, unit.kind.rawValue, unit.parent?.rawValue ?? "-", leadership,
                    staffing.joined(separator: ";"), duties.joined(separator: ";"), unit.functions.joined(separator: ";"),
                    unit.powers.joined(separator: ";")].joined(separator: "|")
        }.sorted()
    }

    @Test("import → write → import is the identity (model and bytes)", arguments: Array(UInt64(1)...25))
    func roundTrip(seed: UInt64) throws {
        let first = try Self.load(Self.chartXML(seed: seed))
        let written = ChartXMLWriter.write(first)
        let second = try Self.load(written)
        #expect(Self.content(first) == Self.content(second), "seed \(seed)")
        #expect(first.mandates.map(\.id) == second.mandates.map(\.id))
        #expect(ChartXMLWriter.write(second) == written, "seed \(seed)")
    }

    @Test("Findings do not depend on the order units, duties and mandates are written in",
          arguments: Array(UInt64(1)...25))
    func orderIndependence(seed: UInt64) throws {
        let reference = Analyzer().analyze(try Self.load(Self.chartXML(seed: seed))).findings.map(Self.signature).sorted()
        for order in [UInt64(7), 99] {
            let shuffled = Analyzer().analyze(try Self.load(Self.chartXML(seed: seed, order: order))).findings
                .map(Self.signature).sorted()
            let extra = Set(shuffled).subtracting(reference).sorted(), missing = Set(reference).subtracting(shuffled).sorted()
            #expect(shuffled == reference, "seed \(seed), order \(order): only shuffled \(extra), only reference \(missing)")
        }
    }

    @Test("One problem, one finding: no two findings rest on the same non-empty duty set; merges say what they absorbed",
          arguments: Array(UInt64(1)...40))
    func oneFindingPerDutySet(seed: UInt64) throws {
        // A low threshold makes overlaps (OVL001, OVL002, OVL003) on shared duties frequent.
        var configuration = AnalysisConfiguration()
        configuration.set(LeadConflictRule.conflictThreshold, to: 0.2, from: .option("--conflict-threshold"))
        let findings = Analyzer(configuration: configuration).analyze(try Self.load(Self.chartXML(seed: seed))).findings
        var seen: [[DutyID]: String] = [:]
        for finding in findings where !finding.duties.isEmpty && finding.effectiveFrom == nil {
            if let other = seen[finding.duties] {
                Issue.record("seed \(seed): \(other) and \(finding.code) both on \(finding.duties)")
            }
            seen[finding.duties] = finding.code
            if case .list(let codes) = finding.evidence["alsoCodes"] {
                #expect(!codes.isEmpty && !codes.contains(finding.code), "seed \(seed): \(codes)")
            }
        }
    }

    @Test("Applying a proposal conserves duties: every duty ends in exactly one unit", arguments: Array(UInt64(1)...25))
    func proposalsConserveDuties(seed: UInt64) throws {
        let chart = try Self.load(Self.chartXML(seed: seed))
        var random = Generator(seed: seed &+ 1000)
        let departments = chart.units.filter { $0.kind != .committee && $0.kind != .division }
        let divisions = chart.units.filter { $0.kind == .division }
        let duties = chart.units.flatMap { unit in unit.duties.map { ($0.id, unit.id) } }
        var operations: [String] = []
        for _ in 0..<(1 + random.below(3)) {
            switch random.below(4) {
            case 0 where !duties.isEmpty:
                let duty = random.pick(duties)
                let target = random.pick(departments)
                if target.id != duty.1 { operations.append("<transferDuty duty=\"\(duty.0)\" to=\"\(target.id)\"/>") }
            case 1 where divisions.count >= 2:
                let (a, b) = (random.pick(divisions), random.pick(divisions))
                if a.id != b.id, a.parent == b.parent, !operations.joined().contains("\"\(a.id)\""),
                   !operations.joined().contains("\"\(b.id)\"") {
                    operations.append("<merge into=\"\(a.id)\"><unit ref=\"\(a.id)\"/><unit ref=\"\(b.id)\"/></merge>")
                }
            case 2 where !divisions.isEmpty:
                let division = random.pick(divisions)
                if !operations.joined().contains("\"\(division.id)\""), let parent = division.parent {
                    operations.append("<abolish unit=\"\(division.id)\" dutiesTo=\"\(parent)\" staffTo=\"\(parent)\"/>")
                }
            default:
                if let division = divisions.first, let target = departments.last, division.parent != target.id,
                   !operations.joined().contains("\"\(division.id)\"") {
                    operations.append("<move unit=\"\(division.id)\" parent=\"\(target.id)\"/>")
                }
            }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgscope-prop-\(UUID().uuidString).xml")
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <proposal xmlns="urn:orgscope:proposal:1" id="p" chart="\(chart.id)" title="Thử" effective="2025-12-01">
            \(operations.joined(separator: "\n"))
            </proposal>
            """.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let proposal = try ProposalImporter().load(path: url.path)
        switch ProposalApplier(chart: chart).apply(proposal) {
        case .success(let outcome):
            let before = duties.map(\.0.rawValue).sorted()
            let after = outcome.chart.units.flatMap { $0.duties.map(\.id.rawValue) }.sorted()
            #expect(after == before, "seed \(seed): \(operations)")
            let texts = Dictionary(uniqueKeysWithValues: chart.units.flatMap(\.duties).map { ($0.id, $0.text) })
            for duty in outcome.chart.units.flatMap(\.duties) { #expect(texts[duty.id] == duty.text) }
        case .failure(let rejection):
            Issue.record("seed \(seed): \(operations) rejected: \(rejection.diagnostics.map(\.description))")
        }
    }

    @Test("The fast join never reports a pair brute force rejects, nor misses one it accepts",
          arguments: Array(UInt64(1)...20))
    func joinAgainstBruteForce(seed: UInt64) {
        var random = Generator(seed: seed)
        let count = 40 + random.below(120)
        let texts = (0..<count).map { _ in
            let base = random.pick(Self.phrases).split(separator: " ")
            let kept = base.filter { _ in random.below(5) != 0 }
            return (kept.isEmpty ? base : kept).joined(separator: " ")
        }
        let threshold = 0.3 + Double(random.below(60)) / 100
        let join = SimilarityJoin(vectors: TextVectors(texts: texts), threshold: threshold)
        let groups = [Array(0..<(count / 2)), Array((count / 2)..<count)]
        let fast = join.pairs(groups: groups).pairs
        let brute = join.pairs(groups: groups, mode: .bruteForce).pairs
        #expect(fast.map { [$0.a, $0.b] } == brute.map { [$0.a, $0.b] }, "seed \(seed), threshold \(threshold)")
        #expect(zip(fast, brute).allSatisfy { $0.score == $1.score })
    }
}
