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
            vi: "Số cấp phó theo loại và quy mô đơn vị (Nghị định 107/2020/NĐ-CP, Nghị định 45/2025/NĐ-CP; từ "
                + "01/01/2026 Nghị định 370/2025/NĐ-CP): phòng thuộc sở theo số biên chế (tỉnh loại II, III: dưới 8 "
                + "→ 1, 8–14 → 2, từ 15 → 3; loại I: dưới 9 / 9–14 / từ 15; Hà Nội, TP.HCM: dưới 10 / 10–14 / từ 15; "
                + "từ 2026 mọi loại tỉnh: dưới 10 / 10–14 / từ 15); chi cục có 1–3 phòng → 1, không có phòng hoặc từ "
                + "4 phòng → 2; phòng thuộc chi cục dưới 7 biên chế → 1, từ 7 → 2; đơn vị sự nghiệp công lập thuộc "
                + "tỉnh đến 20 viên chức → 2, trên 20 → 3. Sở: bình quân toàn tỉnh không quá 3 phó giám đốc/sở (báo "
                + "một lần cho cả tỉnh, nêu các sở trên 3 làm bằng chứng). Từ 01/01/2026, đơn vị trực thuộc không "
                + "được có nhiều cấp phó hơn đơn vị cấp trên trực tiếp. Trong 5 năm kể từ khi sắp xếp (thuộc tính "
                + "reorganized), số cấp phó dôi dư được báo kèm thời hạn giải quyết thay vì là vi phạm (Nghị định "
                + "45/2025/NĐ-CP, Điều 24).",
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
            LegalCitation(reference: "Nghị định 107/2020/NĐ-CP sửa đổi Nghị định 24/2014/NĐ-CP"),
            LegalCitation(reference: "Nghị định 45/2025/NĐ-CP; Điều 24 (xử lý cấp phó dôi dư sau sắp xếp)"),
            LegalCitation(reference: "Nghị định 370/2025/NĐ-CP sửa đổi Nghị định 150/2025/NĐ-CP (từ 01/01/2026)"),
            LegalCitation(reference: "Nghị định 120/2020/NĐ-CP (đơn vị sự nghiệp công lập)"),
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
        var findings: [Finding] = []
        for index in graph.chart.units.indices {
            guard let deputies = graph.deputies(index) else { continue }
            if let cap = cap(for: index, context: context), deputies > cap.allowed {
                findings.append(finding(index, deputies: deputies, allowed: cap.allowed, basis: cap.basis,
                                        what: cap.what, context: context))
            } else if context.norms.subUnitDeputiesWithinSuperior.value, let parent = graph.parent[index],
                      graph.unit(parent).kind != .committee, let superior = graph.deputies(parent), deputies > superior {
                findings.append(finding(
                    index, deputies: deputies, allowed: superior, basis: context.norms.subUnitDeputiesWithinSuperior.origin,
                    what: LocalizedText(vi: "không nhiều hơn cấp trên trực tiếp \(graph.label(parent))",
                                        en: "no more than its direct superior \(graph.label(parent))"),
                    context: context))
            }
        }
        findings.append(contentsOf: departmentAverages(context))
        return findings
    }

    /// The deputies allowed for a unit of a kind the norms size, and why.
    private func cap(for index: Int, context: RuleContext) -> (allowed: Int, basis: String, what: LocalizedText)? {
        let graph = context.graph
        let norms = context.norms
        if graph.isDivisionOfDepartment(index), let posts = graph.civilServantQuota(index) {
            return (norms.divisionDeputies.value.allowed(posts: posts), norms.divisionDeputies.origin,
                    LocalizedText(vi: "phòng thuộc sở có \(posts) biên chế", en: "a division with \(posts) posts"))
        }
        if graph.isDivisionOfSubDepartment(index), let posts = graph.civilServantQuota(index) {
            let allowed = posts >= norms.subDepartmentDivisionSecondDeputyFrom.value ? 2 : 1
            return (allowed, norms.subDepartmentDivisionSecondDeputyFrom.origin,
                    LocalizedText(vi: "phòng thuộc chi cục có \(posts) biên chế",
                                  en: "a division of a sub-department with \(posts) posts"))
        }
        if graph.unit(index).kind == .subDepartment {
            let divisions = graph.children[index].count { graph.unit($0).kind == .division }
            let setting = (1...3).contains(divisions) ? norms.subDepartmentDeputiesFewDivisions
                                                      : norms.subDepartmentDeputiesOtherwise
            return (setting.value, setting.origin,
                    LocalizedText(vi: "chi cục có \(divisions) phòng", en: "a sub-department with \(divisions) divisions"))
        }
        if graph.unit(index).kind == .publicServiceUnit, let staff = graph.publicEmployeeQuota(index) {
            let allowed = staff > norms.publicServiceUnitThirdDeputyAbove.value ? 3 : 2
            return (allowed, norms.publicServiceUnitThirdDeputyAbove.origin,
                    LocalizedText(vi: "đơn vị sự nghiệp có \(staff) viên chức",
                                  en: "a public service unit with \(staff) employees"))
        }
        return nil
    }

    private func finding(_ index: Int, deputies: Int, allowed: Int, basis: String, what: LocalizedText,
                         context: RuleContext) -> Finding {
        let graph = context.graph
        let unit = graph.unit(index)
        var evidence: [String: EvidenceValue] = ["deputies": .int(deputies), "allowed": .int(allowed), "basis": .text(basis)]
        var severity = Self.description.defaultSeverity
        var noteVi = "", noteEn = ""
        if let reorganized = unit.reorganized, let asOf = context.norms.asOf {
            let deadline = ChartDate(year: reorganized.year + context.norms.reorganisationGraceYears.value,
                                     month: reorganized.month, day: min(reorganized.day, 28))
            if asOf < deadline {
                severity = .info
                evidence["reorganized"] = .text(reorganized.description)
                evidence["deadline"] = .text(deadline.description)
                noteVi = "; đơn vị sắp xếp ngày \(reorganized), phải giải quyết số dôi dư trước \(deadline)"
                noteEn = "; reorganised on \(reorganized), the excess must go by \(deadline)"
            }
        }
        return Finding(
            code: Self.code, severity: severity, units: [unit.id],
            message: LocalizedText(
                vi: "\(graph.label(index)) có \(deputies) cấp phó, quá \(allowed) được phép (\(what.vi); \(basis))" + noteVi,
                en: "\(graph.label(index)) has \(deputies) deputies, more than the \(allowed) allowed (\(what.en); \(basis))"
                    + noteEn),
            evidence: evidence, location: unit.location)
    }

    /// One finding per province whose departments average more deputies than allowed.
    private func departmentAverages(_ context: RuleContext) -> [Finding] {
        let graph = context.graph
        let norms = context.norms
        return graph.provinceCommittees.compactMap { committee -> Finding? in
            let departments = graph.children[committee].filter { graph.isDepartmentLevel($0) && graph.deputies($0) != nil }
            guard !departments.isEmpty else { return nil }
            let total = departments.reduce(0) { $0 + (graph.deputies($1) ?? 0) }
            let allowed = Int((norms.departmentDeputiesAverage.value * Double(departments.count)).rounded(.down))
                + norms.departmentDeputiesExtra.value
            guard total > allowed else { return nil }
            let average = Double(total) / Double(departments.count)
            let above = departments.filter { Double(graph.deputies($0) ?? 0) > norms.departmentDeputiesAverage.value }
            let shown = (average * 100).rounded() / 100
            return Finding(
                code: Self.code, severity: Self.description.defaultSeverity, units: [graph.unit(committee).id],
                message: LocalizedText(
                    vi: "Các sở của \(graph.label(committee)) có bình quân \(shown) phó giám đốc/sở (\(total) phó cho "
                        + "\(departments.count) sở), quá mức \(norms.departmentDeputiesAverage.value) "
                        + "(\(norms.departmentDeputiesAverage.origin))",
                    en: "The departments of \(graph.label(committee)) average \(shown) deputy directors (\(total) for "
                        + "\(departments.count) departments), above \(norms.departmentDeputiesAverage.value) "
                        + "(\(norms.departmentDeputiesAverage.origin))"),
                evidence: ["average": .number(average), "deputies": .int(total), "departments": .int(departments.count),
                           "allowedTotal": .int(allowed),
                           "departmentsAboveAverage": .list(above.map { "\(graph.unit($0).id)=\(graph.deputies($0) ?? 0)" })],
                location: graph.unit(committee).location)
        }
    }
}
