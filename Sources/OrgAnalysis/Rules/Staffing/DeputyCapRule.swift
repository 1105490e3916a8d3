import OrgModel

/// STF004: more deputy posts than the norms allow for the unit's kind and size; from 2026-01-01 also a
/// sub-unit with more deputies than its direct superior; for departments, the province average.
public struct DeputyCapRule: Rule {
    /// A rule with its default settings.
    public init() {}

    /// The rule's documentation and examples.
    public static let description = RuleDescription(
        code: "STF004",
        shortName: "too-many-deputies",
        title: LocalizedText(vi: "Số cấp phó vượt quy định", en: "More deputies than allowed"),
        rationale: LocalizedText(
            vi: "Số cấp phó theo loại và quy mô đơn vị (Nghị định số 24/2014/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định "
                + "số 107/2020/NĐ-CP; Nghị định số 45/2025/NĐ-CP, nay là Nghị định số 150/2025/NĐ-CP; từ 01/01/2026 "
                + "Nghị định số 150/2025/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 370/2025/NĐ-CP): phòng thuộc sở theo số biên chế (tỉnh loại II, III: dưới 8 "
                + "→ 1, 8–14 → 2, từ 15 → 3; loại I: dưới 9 / 9–14 / từ 15; Hà Nội, TP.HCM: dưới 10 / 10–14 / từ 15; "
                + "từ 2026 mọi loại tỉnh: dưới 10 / 10–14 / từ 15); chi cục có 1–3 phòng → 1, không có phòng hoặc từ "
                + "4 phòng → 2; phòng thuộc chi cục dưới 7 biên chế → 1, từ 7 → 2; đơn vị sự nghiệp công lập thuộc "
                + "tỉnh đến 20 viên chức → 2, trên 20 → 3. Sở: bình quân toàn tỉnh không quá 3 phó giám đốc/sở (báo "
                + "một lần cho cả tỉnh, nêu các sở trên 3 làm bằng chứng). Từ 01/01/2026, đơn vị trực thuộc không "
                + "được có nhiều cấp phó hơn đơn vị cấp trên trực tiếp. Trong 5 năm kể từ khi sắp xếp (thuộc tính "
                + "reorganized), số cấp phó dôi dư được báo kèm thời hạn giải quyết thay vì là vi phạm (Điều 24 Nghị "
                + "định số 45/2025/NĐ-CP).",
            en: "Deputies by kind and size of unit (Decree 107/2020, Decree 45/2025; from 2026-01-01 Decree "
                + "370/2025): a division of a department by its civil-servant posts (categories II, III: under 8 → 1, "
                + "8–14 → 2, 15+ → 3; category I: under 9 / 9–14 / 15+; Hà Nội, TP.HCM: under 10 / 10–14 / 15+; from "
                + "2026 every category: under 10 / 10–14 / 15+); a sub-department with 1–3 divisions → 1, none or 4+ "
                + "→ 2; a division of a sub-department under 7 posts → 1, 7+ → 2; a provincial public service unit "
                + "up to 20 employees → 2, more → 3. Departments: at most 3 deputy directors on average across the "
                + "province (one finding for the province, the departments above 3 as evidence). From 2026-01-01 a "
                + "sub-unit may not have more deputies than its direct superior. Within 5 years of a reorganisation "
                + "(the reorganized attribute) excess deputies are reported with the deadline to remove them rather "
                + "than as a breach (Decree 45/2025, Art. 24)."),
        citations: [
            LegalCitation(reference: OrganisationDecree.decree150As370.history(nil)),
            LegalCitation(reference: OrganisationDecree.decree150.history(nil)),
            LegalCitation(reference: OrganisationDecree.decree45.history(nil)),
            LegalCitation(reference: OrganisationDecree.decree24As107.history(nil)),
            LegalCitation(reference: reorganisationSource),
            LegalCitation(reference: publicServiceUnitSource),
        ],
        defaultSeverity: .warning,
        examples: [
            RuleExample(
                LocalizedText(vi: "Phòng 7 biên chế có 2 phó ở tỉnh loại III (tối đa 1): cảnh báo",
                              en: "A 7-post division with 2 deputies in category III (1 allowed): a warning"),
                units: """
                      <unit id="skhcn" name="Sở Khoa học và Công nghệ" kind="department"><leadership heads="1" deputies="3"/>
                        <unit id="skhcn.bcvt" name="Phòng Bưu chính, Viễn thông" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="7" actual="7"/></unit>
                        <unit id="skhcn.vp" name="Văn phòng Sở" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="8" actual="8"/></unit>
                      </unit>
                    """,
                expectedUnits: ["skhcn.bcvt"]),
            RuleExample(
                LocalizedText(vi: "Phòng 8 biên chế có 2 phó, chi cục 1 phòng có 1 phó: không vi phạm",
                              en: "An 8-post division with 2 deputies, a one-division sub-department with 1: no finding"),
                units: """
                      <unit id="skhcn" name="Sở Khoa học và Công nghệ" kind="department"><leadership heads="1" deputies="3"/>
                        <unit id="skhcn.a" name="Phòng A" kind="division"><leadership heads="1" deputies="2"/>
                          <staffing category="civil-servant" quota="8" actual="8"/></unit>
                        <unit id="skhcn.cc" name="Chi cục B" kind="sub-department"><leadership heads="1" deputies="1"/>
                          <unit id="skhcn.cc.1" name="Phòng 1" kind="division"><leadership heads="1" deputies="1"/></unit>
                        </unit>
                      </unit>
                    """,
                expectedUnits: []),
        ])

    /// Findings per unit over its cap, per sub-unit above its superior, and per province over the average.
    public func check(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let withinSuperior = context.settings[Self.withinSuperior]
        let caps = Caps(context.settings)
        var findings: [Finding] = []
        for index in graph.chart.units.indices {
            guard let deputies = graph.deputies(index) else { continue }
            if let cap = caps.cap(for: index, graph), deputies > cap.allowed {
                let (basis, what) = caps.explain(cap)
                findings.append(finding(index, deputies: deputies, allowed: cap.allowed, basis: basis, what: what,
                                        context: context))
            } else if withinSuperior.value, let parent = graph.parent[index],
                      graph.chart.units[parent].kind != .committee, let superior = graph.deputies(parent), deputies > superior {
                findings.append(finding(
                    index, deputies: deputies, allowed: superior, basis: withinSuperior.originTexts,
                    what: LocalizedText(vi: "là số \(OfficialWording.deputyPost(graph.unit(parent)).vi) của cấp trên trực tiếp "
                                            + "\(graph.name(parent))",
                                        en: "set by the deputies of its direct superior, \(graph.name(parent))"),
                    context: context))
            }
        }
        findings.append(contentsOf: departmentAverages(context))
        return findings
    }

    /// The caps' settings, read once per run: every unit of a national chart with deputies is sized, and a
    /// finding's wording is made only for the few over their cap.
    private struct Caps {
        let second, third, subDepartmentSecond, fewDivisions, otherwise, thirdAbove: NormSetting<Int>

        init(_ settings: RuleSettings) {
            second = settings[DeputyCapRule.divisionSecondDeputyFrom]
            third = settings[DeputyCapRule.divisionThirdDeputyFrom]
            subDepartmentSecond = settings[DeputyCapRule.subDepartmentDivisionSecondDeputyFrom]
            fewDivisions = settings[DeputyCapRule.subDepartmentDeputiesFewDivisions]
            otherwise = settings[DeputyCapRule.subDepartmentDeputiesOtherwise]
            thirdAbove = settings[DeputyCapRule.publicServiceUnitThirdDeputyAbove]
        }

        /// What sizes a unit: the posts of a division, the divisions of a sub-department, the staff of a
        /// public service unit.
        enum Basis {
            case divisionOfDepartment(posts: Int), divisionOfSubDepartment(posts: Int)
            case subDepartment(divisions: Int), publicServiceUnit(staff: Int)
        }

        /// The deputies allowed for a unit of a kind the norms size, and what sizes it. The unit's fields are
        /// read in place (a method called on a unit of the array copies it).
        func cap(for index: Int, _ graph: DutyGraph) -> (allowed: Int, basis: Basis)? {
            let kind = graph.chart.units[index].kind
            if kind == .division || kind == .office || kind == .publicServiceUnit {
                let category: StaffCategory = kind == .publicServiceUnit ? .publicEmployee : .civilServant
                guard let posts = graph.chart.units[index].staffing.first(where: { $0.category == category })?.quota else {
                    return nil
                }
                if graph.isDivisionOfDepartment(index) {
                    return (posts >= third.value ? 3 : posts >= second.value ? 2 : 1, .divisionOfDepartment(posts: posts))
                }
                if graph.isDivisionOfSubDepartment(index) {
                    return (posts >= subDepartmentSecond.value ? 2 : 1, .divisionOfSubDepartment(posts: posts))
                }
                if kind == .publicServiceUnit { return (posts > thirdAbove.value ? 3 : 2, .publicServiceUnit(staff: posts)) }
                return nil
            }
            guard kind == .subDepartment else { return nil }
            let divisions = graph.children[index].count { graph.chart.units[$0].kind == .division }
            return ((1...3).contains(divisions) ? fewDivisions.value : otherwise.value, .subDepartment(divisions: divisions))
        }

        /// The legal basis of a cap and the phrase saying what it applies to.
        func explain(_ cap: (allowed: Int, basis: Basis)) -> (basis: LocalizedText, what: LocalizedText) {
            switch cap.basis {
            case .divisionOfDepartment(let posts):
                // The two bands share their legal source; a rules file that sets one is the basis named.
                let basis = if case .rulesFile = third.source { third.originTexts } else { second.originTexts }
                return (basis, LocalizedText(vi: "đối với phòng thuộc sở có \(OfficialWording.count(posts)) biên chế công chức",
                                             en: "for a division of a department with \(posts) civil-servant posts"))
            case .divisionOfSubDepartment(let posts):
                return (subDepartmentSecond.originTexts,
                        LocalizedText(vi: "đối với phòng thuộc chi cục có \(OfficialWording.count(posts)) biên chế công chức",
                                      en: "for a division of a sub-department with \(posts) civil-servant posts"))
            case .subDepartment(let divisions):
                let setting = (1...3).contains(divisions) ? fewDivisions : otherwise
                return (setting.originTexts,
                        LocalizedText(vi: divisions == 0 ? "đối với chi cục không có phòng"
                                          : "đối với chi cục có \(OfficialWording.count(divisions)) phòng",
                                      en: divisions == 0 ? "for a sub-department without divisions"
                                          : "for a sub-department with \(divisions) division\(divisions == 1 ? "" : "s")"))
            case .publicServiceUnit(let staff):
                return (thirdAbove.originTexts,
                        LocalizedText(vi: "đối với đơn vị sự nghiệp công lập có số lượng người làm việc là \(OfficialWording.count(staff))",
                                      en: "for a public service unit with \(staff) approved public-employee posts"))
            }
        }
    }

    private func finding(_ index: Int, deputies: Int, allowed: Int, basis: LocalizedText, what: LocalizedText,
                         context: RuleContext) -> Finding {
        let graph = context.graph
        let unit = graph.unit(index)
        let placed = graph.placedName(index)
        var evidence: [String: EvidenceValue] = ["deputies": .int(deputies), "allowed": .int(allowed), "basis": .text(basis.vi)]
        var severity = Self.description.defaultSeverity
        var noteVi = "", noteEn = ""
        if let reorganized = unit.reorganized, let asOf = context.norms.asOf {
            let grace = context.settings[Self.reorganisationGraceYears]
            let deadline = ChartDate(year: reorganized.year + grace.value,
                                     month: reorganized.month, day: min(reorganized.day, 28))
            if asOf < deadline {
                severity = .info
                evidence["reorganized"] = .text(reorganized.description)
                evidence["deadline"] = .text(deadline.description)
                evidence["basis"] = .text(basis.vi + "; " + grace.originText(.vi))
                let (from, until) = (OfficialWording.date(reorganized), OfficialWording.date(deadline))
                noteVi = "; đơn vị sắp xếp ngày \(from.vi), phải giải quyết số dôi dư trước ngày \(until.vi) "
                    + "(\(grace.originText(.vi)))"
                noteEn = "; reorganised on \(from.en), the excess must go by \(until.en) (\(grace.originText(.en)))"
            }
        }
        let post = OfficialWording.deputyPost(unit)
        let count = OfficialWording.count
        return Self.finding(severity: severity, units: [unit.id],
            message: LocalizedText(
                vi: "\(placed.vi) bố trí \(count(deputies)) \(post.vi), vượt số lượng tối đa (\(count(allowed))) "
                    + "\(what.vi) (\(basis.vi))" + noteVi,
                en: "\(placed.en) has \(deputies) \(deputies == 1 ? post.en : OfficialWording.deputyPostsEn(unit)), more "
                    + "than the maximum (\(allowed)) \(what.en) (\(basis.en))" + noteEn),
            evidence: evidence, location: unit.location)
    }

    /// One finding per province whose departments average more deputies than allowed.
    private func departmentAverages(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let average = context.settings[Self.departmentAverage]
        let extra = context.settings[Self.departmentExtraTotal]
        return graph.provinceCommittees.compactMap { committee -> Finding? in
            let departments = graph.children[committee].filter { graph.isDepartmentLevel($0) && graph.deputies($0) != nil }
            guard !departments.isEmpty else { return nil }
            let total = departments.reduce(0) { $0 + (graph.deputies($1) ?? 0) }
            let allowed = Int((average.value * Double(departments.count)).rounded(.down)) + extra.value
            guard total > allowed else { return nil }
            let mean = Double(total) / Double(departments.count)
            let above = departments.filter { Double(graph.deputies($0) ?? 0) > average.value }
            let committeeName = graph.name(committee)
            return Self.finding(units: [graph.unit(committee).id],
                message: LocalizedText(
                    vi: "Các sở thuộc \(committeeName) bố trí bình quân \(OfficialWording.decimal(mean, .vi)) Phó Giám "
                        + "đốc Sở/sở (\(OfficialWording.count(total)) Phó Giám đốc Sở của "
                        + "\(OfficialWording.count(departments.count)) sở), vượt mức bình quân tối đa "
                        + "(\(OfficialWording.decimal(average.value, .vi))) (\(average.originText(.vi)))",
                    en: "The departments of \(committeeName) average \(OfficialWording.decimal(mean, .en)) deputy directors "
                        + "(\(total) for \(departments.count) departments), above the maximum average of "
                        + "\(OfficialWording.decimal(average.value, .en)) (\(average.originText(.en)))"),
                evidence: ["average": .number(mean), "deputies": .int(total), "departments": .int(departments.count),
                           "basis": .text(average.originText(.vi)),
                           "allowedTotal": .int(allowed),
                           "departmentsAboveAverage": .list(above.map { "\(graph.unit($0).id)=\(graph.deputies($0) ?? 0)" })],
                location: graph.unit(committee).location)
        }
    }
}

extension DeputyCapRule {
    /// The evidence of a finding.
    public static let evidence: [EvidenceKey] = [
        .deputies, .basis, .departments,
        EvidenceKey("allowed", vi: "được phép", en: "allowed"),
        EvidenceKey("allowedTotal", vi: "tổng được phép", en: "allowed in total"),
        EvidenceKey("average", vi: "bình quân", en: "average"),
        EvidenceKey("departmentsAboveAverage", vi: "sở trên mức bình quân", en: "departments above the average"),
        EvidenceKey("reorganized", vi: "ngày sắp xếp", en: "reorganised"),
        EvidenceKey("deadline", vi: "thời hạn", en: "deadline"),
    ]

    /// The thresholds.
    public static let parameters: [any AnyRuleParameter] = [
        departmentAverage, departmentExtraTotal, divisionSecondDeputyFrom, divisionThirdDeputyFrom,
        subDepartmentDeputiesFewDivisions, subDepartmentDeputiesOtherwise, subDepartmentDivisionSecondDeputyFrom,
        publicServiceUnitThirdDeputyAbove, withinSuperior, reorganisationGraceYears,
    ]

    /// Average deputy directors per department across the province, at most.
    public static let departmentAverage = RuleParameter<Double>(
        "department_average", range: 0...50,
        documentation: LocalizedText(vi: "Số phó giám đốc bình quân tối đa trên mỗi sở của tỉnh",
                                     en: "Average deputy directors per department across the province, at most"),
        default: { norms in NormSetting(3, origin: norms.organisationDecree.citing(nil)) })

    /// Extra deputy directors in total the province may have above the average (Hà Nội, TP.HCM: 10).
    public static let departmentExtraTotal = RuleParameter<Int>(
        "department_extra_total", range: 0...100_000,
        documentation: LocalizedText(vi: "Số phó giám đốc sở được tăng thêm trong toàn tỉnh",
                                     en: "Extra deputy directors the province may have above the average, in total"),
        default: { norms in
            NormSetting(norms.provinceCategory == .special ? 10 : 0, origin: norms.organisationDecree.citing(nil))
        })

    /// Civil-servant posts of a division of a department from which it may have a second deputy.
    public static let divisionSecondDeputyFrom = RuleParameter<Int>(
        "division_second_deputy_from", range: 0...100_000,
        documentation: LocalizedText(vi: "Số biên chế của phòng thuộc sở từ đó được có phó trưởng phòng thứ hai",
                                     en: "Posts of a division of a department from which it may have a second deputy"),
        default: { norms in
            let from = switch (norms.regime, norms.provinceCategory) {
            case (.decree370of2025, _), (_, .special): 10
            case (_, .categoryI): 9
            case (_, .categoryII), (_, .categoryIII): 8
            }
            return NormSetting(from, origin: divisionBandsSource(norms))
        })

    /// Civil-servant posts of a division of a department from which it may have a third deputy.
    public static let divisionThirdDeputyFrom = RuleParameter<Int>(
        "division_third_deputy_from", range: 0...100_000,
        documentation: LocalizedText(vi: "Số biên chế của phòng thuộc sở từ đó được có phó trưởng phòng thứ ba",
                                     en: "Posts of a division of a department from which it may have a third deputy"),
        default: { norms in NormSetting(15, origin: divisionBandsSource(norms)) })

    /// Deputies of a sub-department head with 1 to 3 divisions.
    public static let subDepartmentDeputiesFewDivisions = RuleParameter<Int>(
        "sub_department_with_1_to_3_divisions", range: 0...100_000,
        documentation: LocalizedText(vi: "Số phó chi cục trưởng của chi cục có từ 1 đến 3 phòng",
                                     en: "Deputies of a sub-department with 1 to 3 divisions"),
        default: { norms in NormSetting(1, origin: norms.organisationDecree.citing(nil)) })

    /// Deputies of a sub-department head with no division or 4 or more.
    public static let subDepartmentDeputiesOtherwise = RuleParameter<Int>(
        "sub_department_otherwise", range: 0...100_000,
        documentation: LocalizedText(vi: "Số phó chi cục trưởng của chi cục không có phòng hoặc có từ 4 phòng",
                                     en: "Deputies of a sub-department with no division or 4 or more"),
        default: { norms in NormSetting(2, origin: norms.organisationDecree.citing(nil)) })

    /// Posts of a division of a sub-department from which it may have a second deputy.
    public static let subDepartmentDivisionSecondDeputyFrom = RuleParameter<Int>(
        "sub_department_division_second_deputy_from", range: 0...100_000,
        documentation: LocalizedText(vi: "Số biên chế của phòng thuộc chi cục từ đó được có phó trưởng phòng thứ hai",
                                     en: "Posts of a division of a sub-department from which it may have a second deputy"),
        default: { norms in NormSetting(7, origin: norms.organisationDecree.citing(nil)) })

    /// Public employees of a public service unit above which it may have a third deputy.
    public static let publicServiceUnitThirdDeputyAbove = RuleParameter<Int>(
        "public_service_unit_third_deputy_above", range: 0...100_000,
        documentation: LocalizedText(vi: "Số viên chức của đơn vị sự nghiệp công lập trên mức đó được có cấp phó thứ ba",
                                     en: "Employees of a public service unit above which it may have a third deputy"),
        default: { _ in NormSetting(20, origin: publicServiceUnitSource) })

    /// Whether a sub-unit may not have more deputies than its direct superior.
    public static let withinSuperior = RuleParameter<Bool>(
        "within_superior", range: 0...1,
        documentation: LocalizedText(vi: "Đơn vị cấp dưới không được có nhiều cấp phó hơn cấp trên trực tiếp",
                                     en: "A sub-unit may not have more deputies than its direct superior"),
        default: { norms in
            NormSetting(norms.regime == .decree370of2025, origin: OrganisationDecree.decree150As370.citing(nil))
        })

    /// Years after a reorganisation within which excess deputies are to be removed.
    public static let reorganisationGraceYears = RuleParameter<Int>(
        "reorganisation_grace_years", range: 0...100_000,
        documentation: LocalizedText(vi: "Số năm sau sắp xếp để giải quyết số cấp phó dôi dư",
                                     en: "Years after a reorganisation within which excess deputies must go"),
        default: { _ in NormSetting(5, origin: reorganisationSource) })

    /// The norm on excess deputies after a reorganisation.
    static let reorganisationSource = "Điều 24 Nghị định số 45/2025/NĐ-CP"

    /// The norm on the deputies of a public service unit.
    static let publicServiceUnitSource = "Nghị định số 120/2020/NĐ-CP"

    private static func divisionBandsSource(_ norms: NormContext) -> String { norms.organisationDecree.citing(nil) }
}

extension DeputyCapRule {
    /// The recommendation for each finding.
    public static let remedy = Remedy(
        lead: .department,
        action: LocalizedText(vi: "sắp xếp, giảm số cấp phó về đúng số lượng tối đa theo quy định",
                              en: "bring the deputies down to the maximum allowed"),
        amendsDecision: false)
}
