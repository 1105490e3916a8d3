import OrgModel

/// STF003: a division, sub-department, division of a sub-department or public service unit below the
/// minimum staff the norms require for it to exist.
public struct MinimumStaffRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF003",
        shortName: "below-minimum-staff",
        title: LocalizedText(vi: "Đơn vị dưới số biên chế tối thiểu", en: "Unit below the minimum staff"),
        rationale: LocalizedText(
            vi: "Số biên chế tối thiểu để thành lập và duy trì đơn vị: phòng thuộc sở (kể cả văn phòng sở) cần tối thiểu "
                + "07 biên chế công chức ở Hà Nội, Thành phố Hồ Chí Minh, 06 ở tỉnh loại I, 05 ở tỉnh loại II, III; chi "
                + "cục thuộc sở 12; phòng thuộc chi cục 05 (điều khoản chưa xác nhận). Mức này do Điều 5 Nghị định số "
                + "24/2014/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 107/2020/NĐ-CP quy định và được các khoản 2, 3 "
                + "và 4 Điều 5 Nghị định số 45/2025/NĐ-CP giữ nguyên; quy tắc trích dẫn văn bản có hiệu lực tại ngày áp "
                + "dụng. Đơn vị sự nghiệp công lập cần tối thiểu 15 người làm việc (điểm d khoản 1 Điều 5 Nghị định số "
                + "120/2020/NĐ-CP; số lượng người làm việc tính theo viên chức). Đây là điều kiện để đơn vị tồn tại; "
                + "việc sáp nhập đơn vị dưới mức là kiến nghị, không phải quy định bắt buộc. Ngưỡng có thể thay đổi "
                + "trong tệp quy tắc.",
            en: "The minimum staff for a unit to be set up and kept: a division of a department (its office included) "
                + "needs at least 7 civil-servant posts in Hà Nội and Ho Chi Minh City, 6 in a category I province, 5 in "
                + "categories II and III; a sub-department 12; a division of a sub-department 5 (clause unconfirmed). "
                + "Art. 5 of Decree 24/2014 as amended by Decree 107/2020 set these figures and clauses 2 to 4 of "
                + "Art. 5 of Decree 45/2025 kept them; the rule cites the text in force on the date applied. A public "
                + "service unit needs at least 15 staff (Art. 5(1)(d) of Decree 120/2020; counted in public "
                + "employees). These are conditions for the unit to exist; merging a unit below them is advice, not a "
                + "rule. The thresholds can be changed in a rules file."),
        citations: [
            LegalCitation(reference: OrganisationDecree.decree150As370.history(nil)),
            LegalCitation(reference: OrganisationDecree.decree150.history(nil)),
            LegalCitation(reference: OrganisationDecree.decree45.history("các khoản 2, 3 và 4 Điều 5")),
            LegalCitation(reference: OrganisationDecree.decree24As107.history("Điều 5")),
            LegalCitation(reference: OrganisationDecree.decree150As370.citing(nil) + " (phòng thuộc chi cục)",
                          unconfirmed: true),
            LegalCitation(reference: publicServiceUnitSource),
        ],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Phòng 4 biên chế ở tỉnh loại III (tối thiểu 5): cảnh báo",
                              en: "A 4-post division in a category III province (minimum 5): a warning"),
                units: """
                      <unit id="stp" name="Sở Tư pháp" kind="department"><leadership heads="1" deputies="2"/>
                        <staffing category="civil-servant" quota="30" actual="29"/>
                        <unit id="stp.btp" name="Phòng Bổ trợ tư pháp" kind="division"><leadership heads="1" deputies="1"/>
                          <staffing category="civil-servant" quota="4" actual="4"/></unit>
                        <unit id="stp.vp" name="Văn phòng Sở" kind="division"><leadership heads="1" deputies="1"/>
                          <staffing category="civil-servant" quota="5" actual="5"/></unit>
                      </unit>
                    """,
                expectedUnits: ["stp.btp"]),
            RuleExample(
                LocalizedText(vi: "Chi cục 12 biên chế, trung tâm 15 viên chức: không vi phạm",
                              en: "A 12-post sub-department, a 15-employee centre: no finding"),
                units: """
                      <unit id="snn" name="Sở Nông nghiệp và Môi trường" kind="department"><leadership heads="1" deputies="3"/>
                        <unit id="snn.ckl" name="Chi cục Kiểm lâm" kind="sub-department"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="12" actual="12"/></unit>
                        <unit id="snn.tt" name="Trung tâm Khuyến nông" kind="public-service-unit"><leadership heads="1" deputies="2"/>
                          <staffing category="public-employee" quota="15" actual="14"/></unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// One finding per unit below its minimum.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        // Read once, not per unit.
        let division = context.settings[Self.minimumDivision]
        let subDepartmentDivision = context.settings[Self.minimumSubDepartmentDivision]
        let subDepartment = context.settings[Self.minimumSubDepartment]
        let publicServiceUnit = context.settings[Self.minimumPublicServiceUnit]
        return graph.chart.units.indices.compactMap { index -> Finding? in
            let kindName: LocalizedText
            let minimum: NormSetting<Int>
            let posts: Int?
            let category: StaffCategory
            if graph.isDivisionOfDepartment(index) {
                (kindName, minimum, posts, category) = (LocalizedText(vi: "phòng thuộc sở", en: "division of a department"),
                                                        division, graph.civilServantQuota(index), .civilServant)
            } else if graph.isDivisionOfSubDepartment(index) {
                (kindName, minimum, posts, category) = (LocalizedText(vi: "phòng thuộc chi cục", en: "division of a sub-department"),
                                                        subDepartmentDivision, graph.civilServantQuota(index),
                                                        .civilServant)
            } else if graph.chart.units[index].kind == .subDepartment {
                (kindName, minimum, posts, category) = (LocalizedText(vi: "chi cục", en: "sub-department"),
                                                        subDepartment, graph.civilServantQuota(index), .civilServant)
            } else if graph.chart.units[index].kind == .publicServiceUnit {
                (kindName, minimum, posts, category) = (LocalizedText(vi: "đơn vị sự nghiệp công lập", en: "public service unit"),
                                                        publicServiceUnit, graph.publicEmployeeQuota(index),
                                                        .publicEmployee)
            } else {
                return nil
            }
            guard let posts, posts < minimum.value else { return nil }
            let unit = graph.unit(index)
            let placed = graph.placedName(index)
            let quotaName = category.quotaNames
            let count = OfficialWording.count
            return Self.finding(units: [unit.id],
                message: LocalizedText(
                    vi: "\(placed.vi) có \(quotaName.vi) được giao là \(count(posts)), dưới mức tối thiểu "
                        + "(\(count(minimum.value))) đối với \(kindName.vi) (\(minimum.originText(.vi)))",
                    en: "\(placed.en) has a \(quotaName.en) of \(posts), below the minimum (\(minimum.value)) for a "
                        + "\(kindName.en) (\(minimum.originText(.en)))"),
                evidence: ["posts": .int(posts), "minimum": .int(minimum.value), "category": .text(category.rawValue),
                           "unitKind": .text(kindName.en), "basis": .text(minimum.originText(.vi)),
                           "provinceCategory": .text(context.norms.provinceCategory.rawValue)],
                location: unit.location)
        }
    }
}

extension MinimumStaffRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .category, .basis,
        EvidenceKey("posts", vi: "biên chế", en: "posts"),
        EvidenceKey("minimum", vi: "tối thiểu", en: "minimum"),
        EvidenceKey("provinceCategory", vi: "loại tỉnh", en: "province category"),
        EvidenceKey("unitKind", vi: "loại đơn vị", en: "unit kind"),
    ]

    /// The thresholds.
    public static let parameters: [any AnyRuleParameter] = [
        minimumDivision, minimumSubDepartment, minimumSubDepartmentDivision, minimumPublicServiceUnit,
    ]

    /// Minimum civil-servant posts of a division of a department (and of the department's office).
    public static let minimumDivision = RuleParameter<Int>(
        "minimum_division", range: 0...100_000,
        documentation: LocalizedText(vi: "Biên chế công chức tối thiểu của phòng thuộc sở (kể cả văn phòng sở)",
                                     en: "Minimum civil-servant posts of a division of a department (its office included)"),
        default: { norms in
            let minimum = switch norms.provinceCategory {
            case .special: 7
            case .categoryI: 6
            case .categoryII, .categoryIII: 5
            }
            return NormSetting(minimum, origin: staffSource(norms))
        })

    /// Minimum civil-servant posts of a sub-department.
    public static let minimumSubDepartment = RuleParameter<Int>(
        "minimum_sub_department", range: 0...100_000,
        documentation: LocalizedText(vi: "Biên chế công chức tối thiểu của chi cục thuộc sở",
                                     en: "Minimum civil-servant posts of a sub-department"),
        default: { norms in NormSetting(12, origin: staffSource(norms)) })

    /// Minimum civil-servant posts of a division of a sub-department.
    public static let minimumSubDepartmentDivision = RuleParameter<Int>(
        "minimum_sub_department_division", range: 0...100_000,
        documentation: LocalizedText(vi: "Biên chế công chức tối thiểu của phòng thuộc chi cục",
                                     en: "Minimum civil-servant posts of a division of a sub-department"),
        default: { norms in
            NormSetting(5, origin: norms.organisationDecree.citing(nil), unconfirmed: true)
        })

    /// Minimum public-employee posts of a public service unit.
    public static let minimumPublicServiceUnit = RuleParameter<Int>(
        "minimum_public_service_unit", range: 0...100_000,
        documentation: LocalizedText(vi: "Số người làm việc tối thiểu của đơn vị sự nghiệp công lập",
                                     en: "Minimum staff of a public service unit"),
        default: { _ in NormSetting(15, origin: publicServiceUnitSource) })

    /// The norm on the minimum staff of a public service unit.
    static let publicServiceUnitSource = "điểm d khoản 1 Điều 5 Nghị định số 120/2020/NĐ-CP"

    /// The minimum staff of divisions and sub-departments: in the text in force on the date applied.
    private static func staffSource(_ norms: NormContext) -> String {
        let decree = norms.organisationDecree
        return switch decree {
        case .decree24As107: decree.citing("Điều 5")
        case .decree45: decree.citing("các khoản 2, 3 và 4 Điều 5")
        case .decree150, .decree150As370: decree.citing(nil)
        }
    }
}

extension MinimumStaffRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "sắp xếp, hợp nhất đơn vị hoặc bố trí đủ số biên chế tối thiểu theo quy định",
                              en: "merge the unit or give it the minimum staff"),
        amendsDecision: true)
}
