import OrgAnalysis
import OrgModel
import Testing

/// A text repeated word for word is classified and scored once per copy's circumstances (the text engine
/// remembers results by the text's first copy): what may differ between copies must still be read from
/// each copy's own unit and flags.
@Suite("Repeated duty texts")
struct RepeatedTextTests {
    static let priceDuty = "Quản lý nhà nước về giá hàng hóa, dịch vụ trên địa bàn"
    static let trainingDuty = "Tổ chức đào tạo, bồi dưỡng nghiệp vụ thẩm định giá cho doanh nghiệp"

    /// The same two texts in a province's department, a public service unit, a district's division and a
    /// catch-all duty, with one mandate per level.
    /// The copies that must be told apart are next to each other in document order, and distinct duties
    /// follow, so that each pair falls in one of the chunks the engine's workers remember results in.
    static func analyze() throws -> AnalysisResult {
        let filler = (1...40).map { #"<duty id="vp.\#($0)">Theo dõi công tác số \#($0) của văn phòng</duty>"# }
            .joined(separator: "\n")
        return try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
                <unit id="stc" name="Sở Tài chính" kind="department"><leadership heads="1"/>
                  <duty id="stc.1">\(priceDuty)</duty>
                  <duty id="stc.3" catchAll="true">\(priceDuty)</duty>
                  <duty id="stc.2">\(trainingDuty)</duty>
                </unit>
                <unit id="ttdv" name="Trung tâm Dịch vụ tài chính" kind="public-service-unit"><leadership heads="1"/>
                  <duty id="ttdv.1">\(trainingDuty)</duty>
                  <duty id="ttdv.2">\(priceDuty)</duty>
                </unit>
                <unit id="huyen" name="UBND huyện" kind="district" level="district"><leadership heads="1"/>
                  <unit id="huyen.tckh" name="Phòng Tài chính - Kế hoạch" kind="division"><leadership heads="1"/>
                    <duty id="huyen.tckh.1">\(priceDuty)</duty>
                    <duty id="huyen.tckh.2">\(trainingDuty)</duty>
                  </unit>
                </unit>
                <unit id="vp" name="Văn phòng Ủy ban nhân dân tỉnh" kind="office"><leadership heads="1"/>
            \(filler)
                </unit>
              </unit>
            """, mandates: """
                <mandate id="GIA.T" level="province">Quản lý nhà nước về giá hàng hóa, dịch vụ trên địa bàn tỉnh</mandate>
                <mandate id="GIA.H" level="district">Quản lý nhà nước về giá hàng hóa, dịch vụ trên địa bàn huyện</mandate>
            """)
    }

    @Test("Each copy's nature is the one its own unit gives it")
    func natures() throws {
        let result = try Self.analyze()
        let graph = result.graph
        for (index, reference) in graph.duties.enumerated() {
            let expected = DutyNature.classify(graph.duty(reference).text, unitKind: graph.unit(reference.unit).kind)
            #expect(result.text.nature(of: index) == expected, "\(graph.duty(reference).id)")
        }
        // The training duty is a public service in the public service unit only.
        let natures = Dictionary(uniqueKeysWithValues: graph.duties.enumerated().map {
            (graph.duty($0.element).id.rawValue, result.text.nature(of: $0.offset))
        })
        #expect(natures["ttdv.1"] == .publicService && natures["stc.2"] != .publicService)
    }

    @Test("Each copy is inferred to the mandate of its own level, and the catch-all copy to none")
    func inference() throws {
        let result = try Self.analyze()
        let graph = result.graph
        var inferred: [String: String] = [:]
        for (index, reference) in graph.duties.enumerated() {
            if let assignment = result.text.inferred[index] { inferred[graph.duty(reference).id.rawValue] = assignment.mandate.rawValue }
        }
        #expect(inferred["stc.1"] == "GIA.T")
        #expect(inferred["huyen.tckh.1"] == "GIA.H")
        #expect(inferred["stc.3"] == nil)
    }

    @Test("Copies of one duty in three departments are scored with their own actions, read once")
    func copiesScored() throws {
        let duty = "Quản lý và kiểm tra an toàn thực phẩm tại các chợ trên địa bàn tỉnh"
        let departments = ["syt", "snn", "sct"].map { code in
            #"<unit id="\#(code)" name="Sở \#(code)" kind="department"><leadership heads="1"/><duty id="\#(code).1">\#(duty)</duty></unit>"#
        }.joined(separator: "\n")
        let result = try OverlapScenarioTests.analyze("""
              <unit id="ubnd" name="UBND tỉnh" kind="committee" level="province"><leadership heads="1"/>
            \(departments)
              </unit>
            """)
        let actions = ActionClass.read(duty).actions
        // Actions that would agree less with a copy read as having none (management and a concrete action).
        #expect(ActionClass.agreement(actions, []) < ActionClass.agreement(actions, actions))
        #expect(result.text.similarPairs.count == 3)
        for pair in result.text.similarPairs {
            #expect(pair.features.action == ActionClass.agreement(actions, actions))
            #expect(pair.features.object > 0.99)
        }
    }
}
