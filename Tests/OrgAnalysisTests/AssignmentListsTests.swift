@testable import OrgAnalysis
import OrgModel
import Testing

@Suite("Every mandate's carriers")
struct AssignmentListsTests {
    private static let here = SourceLocation(file: "a.xml", line: 1, column: 1)
    private static let texts = [
        "Quản lý nhà nước về giá trên địa bàn tỉnh",
        "Quản lý nhà nước về bưu chính và viễn thông",
        "Quản lý nhà nước về giá tài sản và dịch vụ",
        "Thẩm định giá tài sản nhà nước theo quy định",
    ]

    /// 40 departments of a province, each with duties citing one of six catalogue mandates, citing none (to
    /// be inferred) or citing one the catalogue lacks.
    private static func chart() -> OrgChart {
        var units = [Unit(id: "ubnd", name: "Ủy ban nhân dân tỉnh", kind: .committee, declaredLevel: .province, location: here)]
        for number in 0..<40 {
            let id = UnitID("s\(number)")
            let duties = (0..<12).map { offset in
                let cited: MandateID? = switch (number + offset) % 5 {
                case 0, 1: MandateID("M.\((number * 7 + offset) % 6)")
                case 2: number % 9 == 0 ? MandateID("X.\(offset % 2)") : nil
                default: nil
                }
                return Duty(id: DutyID("\(id).\(offset)"), unit: id, text: texts[(number + offset) % texts.count] + " \(offset)",
                            mandate: cited, role: offset % 4 == 0 ? .support : .lead, location: here)
            }
            units.append(Unit(id: id, name: "Sở \(number)", kind: .department, parent: "ubnd", duties: duties, location: here))
        }
        let mandates = (0..<6).map { Mandate(id: MandateID("M.\($0)"), text: texts[$0 % texts.count], catalog: "c", location: here) }
        return OrgChart(id: "a", name: "A", units: units, mandates: mandates)
    }

    @Test("Each list holds the duties citing the mandate and those inferred to it, in duty order, with their roles")
    func listsInDutyOrder() {
        let result = Analyzer().analyze(Self.chart())
        let graph = result.graph, text = result.text
        #expect(!text.inferred.isEmpty)
        var expected: [MandateID: [MandateAssignment]] = [:]
        for (index, reference) in graph.duties.enumerated() {
            let duty = graph[duty: reference]
            if let mandate = duty.mandate {
                expected[mandate, default: []].append(MandateAssignment(duty: index, mandate: mandate, role: duty.role,
                                                                         inferredScore: nil))
            } else if let inferred = text.inferred[index] {
                expected[inferred.mandate, default: []].append(inferred)
            }
        }
        #expect(expected.keys.contains("X.0") && expected.keys.contains("M.0"))
        #expect(text.assignments == expected)
    }
}
