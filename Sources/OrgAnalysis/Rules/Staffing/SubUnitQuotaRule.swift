import OrgModel

/// STF002: the sub-units' quotas in a category add up to more than the unit's own quota.
public struct SubUnitQuotaRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF002",
        shortName: "sub-unit-quotas-exceed",
        title: LocalizedText(vi: "Biên chế giao cho các phòng, chi cục và lãnh đạo vượt biên chế của đơn vị",
                             en: "Sub-units' quotas and the unit's own leaders exceed the unit's quota"),
        rationale: LocalizedText(
            vi: "Biên chế công chức của sở bao gồm biên chế của Giám đốc, các Phó Giám đốc Sở và biên chế của các "
                + "phòng, chi cục thuộc sở; biên chế của chi cục cũng bao gồm Chi cục trưởng, các Phó Chi cục trưởng "
                + "và các phòng thuộc chi cục. Vì vậy tổng biên chế giao cho các phòng, chi cục cộng với số chức danh "
                + "lãnh đạo của chính đơn vị không được vượt biên chế được giao của đơn vị (Nghị định số "
                + "62/2020/NĐ-CP: vị trí việc làm và biên chế phải phù hợp với chức năng, nhiệm vụ và cơ cấu tổ chức). "
                + "Với các loại biên chế khác (số lượng người làm việc, hợp đồng lao động) chỉ cộng các đơn vị trực "
                + "thuộc trực tiếp. Có thể tắt việc tính lãnh đạo bằng tham số count_own_leaders trong tệp quy tắc.",
            en: "A department's civil-servant quota covers its director and deputy directors as well as its "
                + "divisions' and sub-departments' posts; a sub-department's covers its head, its deputies and its "
                + "divisions. So the quotas given to the sub-units plus the unit's own leadership posts may not "
                + "exceed the unit's quota (Decree 62/2020: posts and quotas must match functions and structure). "
                + "Other categories (public employees, contract staff) add up the direct sub-units only. Counting "
                + "the leaders can be switched off with count_own_leaders in a rules file."),
        citations: [LegalCitation(reference: quotaSource)],
        defaultSeverity: .error,
        examples: [
            RuleExample(
                LocalizedText(vi: "Sở 70 biên chế, các phòng cộng lại 72: lỗi",
                              en: "A 70-post department, divisions adding to 72: an error"),
                units: """
                      <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="70" actual="66"/>
                        <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="40" actual="38"/></unit>
                        <unit id="syt.b" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="32" actual="25"/></unit>
                      </unit>
                    """,
                expectedUnits: ["syt"]),
            RuleExample(
                LocalizedText(vi: "Các phòng 67 biên chế, cộng Giám đốc và 02 Phó Giám đốc Sở là 70: không vi phạm",
                              en: "Divisions with 67 posts and the director and 2 deputies make 70: no finding"),
                units: """
                      <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="70" actual="66"/>
                        <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="40" actual="38"/></unit>
                        <unit id="syt.b" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="27" actual="25"/></unit>
                      </unit>
                    """,
                expectedUnits: []),
            RuleExample(
                LocalizedText(vi: "Các phòng 70 biên chế, cộng 03 lãnh đạo sở là 73, vượt 70: lỗi",
                              en: "Divisions with 70 posts and 3 department leaders make 73, above 70: an error"),
                units: """
                      <unit id="syt" name="Sở Y tế" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="70" actual="66"/>
                        <unit id="syt.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="40" actual="38"/></unit>
                        <unit id="syt.b" name="Phòng B" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="30" actual="25"/></unit>
                      </unit>
                    """,
                expectedUnits: ["syt"]),
            RuleExample(
                LocalizedText(vi: "Chi cục 12 biên chế, các phòng 10, cộng Chi cục trưởng và 02 Phó Chi cục trưởng là 13: lỗi",
                              en: "A 12-post sub-department, divisions with 10 and its head and 2 deputies make 13: an error"),
                units: """
                      <unit id="cc" name="Chi cục Kiểm lâm" kind="sub-department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="12" actual="12"/>
                        <unit id="cc.a" name="Phòng A" kind="division"><leadership heads="1" deputies="1"/>
                          <staffing category="civil-servant" quota="5" actual="5"/></unit>
                        <unit id="cc.b" name="Phòng B" kind="division"><leadership heads="1" deputies="1"/>
                          <staffing category="civil-servant" quota="5" actual="5"/></unit>
                      </unit>
                    """,
                expectedUnits: ["cc"]),
        ])

    /// One finding per unit and category whose direct sub-units' quotas (with, for civil servants, the
    /// unit's own head and deputy posts) exceed its own.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let countOwnLeaders = context.settings[Self.countOwnLeaders]
        var findings: [Finding] = []
        for index in graph.chart.units.indices where !graph.children[index].isEmpty {
            // Fields read in place: `graph.unit(_:)`, or a method called on a unit of the array, copies the
            // whole unit (a retain per field), once per unit and child on a national chart.
            let (kind, leadership) = (graph.chart.units[index].kind, graph.chart.units[index].leadership)
            for figures in graph.chart.units[index].staffing {
                guard let quota = figures.quota else { continue }
                let parts = graph.children[index].compactMap { child in
                    graph.chart.units[child].staffing.first { $0.category == figures.category }?.quota.map { (child, $0) }
                }
                guard !parts.isEmpty else { continue }
                let sum = parts.reduce(0) { $0 + $1.1 }
                // The unit's own leaders hold civil-servant posts of the unit itself, not of its sub-units.
                let counted = countOwnLeaders.value && figures.category == .civilServant
                    && (kind == .department || kind == .subDepartment || graph.isDepartmentLevel(index))
                let heads = counted ? leadership?.heads ?? 0 : 0
                let deputies = counted ? leadership?.deputies ?? 0 : 0
                let leaders = heads + deputies
                let total = sum + leaders
                guard total > quota else { continue }
                findings.append(finding(index, figures: figures, quota: quota, sum: sum, parts: parts,
                                        heads: heads, deputies: deputies, counted: counted, context: context))
            }
        }
        return findings
    }

    private func finding(_ index: Int, figures: Staffing, quota: Int, sum: Int, parts: [(Int, Int)], heads: Int,
                         deputies: Int, counted: Bool, context: RuleContext) -> Finding {
        let graph = context.graph
        let unit = graph.unit(index)
        let leaders = heads + deputies
        let total = sum + leaders
        let quotaName = figures.category.quotaNames
        let subUnits = Self.subUnitNames(unit, graph: graph, children: parts.map(\.0))
        let head = OfficialWording.headPost(unit), deputy = OfficialWording.deputyPost(unit)
        let count = OfficialWording.count
        var vi = "Tổng \(quotaName.vi) giao cho \(subUnits.vi) là \(count(sum))"
        var en = "The \(subUnits.en) hold \(sum) \(figures.category.postNames.en) posts"
        if leaders > 0 {
            vi += ", cộng \(count(leaders)) chức danh lãnh đạo của \(unit.name) (\(count(heads)) \(head.vi), "
                + "\(count(deputies)) \(deputy.vi)) là \(count(total)) biên chế"
            en += "; with the \(leaders) leadership posts of \(unit.name) itself (\(heads) \(head.en), \(deputies) "
                + "\(deputies == 1 ? deputy.en : OfficialWording.deputyPostsEn(unit))) that makes \(total)"
        }
        vi += ", vượt \(count(total - quota)) biên chế so với \(quotaName.vi) được giao của \(unit.name) (\(count(quota)))"
        en += ", \(total - quota) more than the \(quotaName.en) of \(unit.name) (\(quota))"
        var evidence: [String: EvidenceValue] = [
            "category": .text(figures.category.rawValue), "quota": .int(quota), "subUnitsTotal": .int(sum),
            "excess": .int(total - quota),
            "subUnits": .list(parts.map { "\(graph.unit($0.0).id)=\($0.1)" }), "basis": .text(Self.quotaSource),
        ]
        if counted {
            evidence["leaders"] = .int(leaders)
            evidence["heads"] = .int(heads)
            evidence["deputies"] = .int(deputies)
        }
        return Self.finding(units: [unit.id], message: LocalizedText(vi: vi, en: en), evidence: evidence,
                            location: figures.location)
    }

    /// "các phòng, chi cục thuộc Sở Y tế": the kinds of the unit's sub-units, named as officials do.
    static func subUnitNames(_ unit: Unit, graph: DutyGraph, children: [Int]) -> LocalizedText {
        let kinds = Set(children.map { graph.chart.units[$0].kind })
        var vi: [String] = [], en: [String] = []
        if kinds.contains(.division) || kinds.contains(.office) { vi.append("phòng"); en.append("divisions") }
        if kinds.contains(.subDepartment) { vi.append("chi cục"); en.append("sub-departments") }
        if kinds.contains(.publicServiceUnit) { vi.append("đơn vị sự nghiệp"); en.append("public service units") }
        if vi.isEmpty || kinds.contains(where: { ![.division, .office, .subDepartment, .publicServiceUnit].contains($0) }) {
            vi.append("đơn vị"); en.append("units")
        }
        let english = en.count > 1 ? en.dropLast().joined(separator: ", ") + " and " + (en.last ?? "") : en.joined()
        return LocalizedText(vi: "các \(vi.joined(separator: ", ")) thuộc \(unit.name)", en: "\(english) of \(unit.name)")
    }
}

extension SubUnitQuotaRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .quota, .excess, .subUnits, .deputies, .basis,
        EvidenceKey("subUnitsTotal", vi: "tổng của đơn vị trực thuộc", en: "sub-units' total"),
        EvidenceKey("leaders", vi: "lãnh đạo của đơn vị", en: "the unit's own leaders"),
        EvidenceKey("heads", vi: "người đứng đầu", en: "heads"),
    ]

    /// The thresholds.
    public static let parameters: [any AnyRuleParameter] = [countOwnLeaders]

    /// Whether a department's (or sub-department's) own head and deputy posts count against its
    /// civil-servant quota besides its sub-units' quotas.
    public static let countOwnLeaders = RuleParameter<Bool>(
        "count_own_leaders", range: 0...1,
        documentation: LocalizedText(
            vi: "Tính cả chức danh người đứng đầu và cấp phó của sở (chi cục) vào biên chế công chức của sở (chi cục) "
                + "khi cộng biên chế các phòng, chi cục thuộc sở",
            en: "Count a department's (sub-department's) own head and deputy posts against its civil-servant quota "
                + "besides its divisions' and sub-departments' quotas"),
        default: { _ in NormSetting(true, origin: quotaSource) })

    /// The norm that a unit's quota covers its own leaders and its sub-units' posts.
    static let quotaSource = "Nghị định số 62/2020/NĐ-CP"
}

extension SubUnitQuotaRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "phân bổ lại biên chế của các phòng, chi cục và lãnh đạo trong phạm vi biên chế được giao của đơn vị",
                              en: "redistribute the posts of the sub-units within the unit's quota"),
        amendsDecision: false)
}
