import OrgAnalysis
import OrgModel

extension ReviewReport {
    /// Who leads the fix of a finding, who cooperates, which decisions to amend and by when.
    struct Recommendation {
        /// The leading body's name ("Sở Công Thương", "Sở Nội vụ").
        var lead: String
        /// Where the lead sorts: the Department of Home Affairs first, then departments in document order.
        var leadOrder: Int
        /// The other bodies concerned.
        var cooperating: [String]
        /// What must change, after the units.
        var action: String
        /// "Quyết định số … ngày … (Sở Công Thương)" for each decision that defines a unit concerned.
        var decisions: [String]
        /// The deadline, when the norm gives one.
        var deadline: ChartDate?
    }

    /// The recommendation for `finding`, from its rule's ``Remedy``.
    func recommendation(_ finding: Finding) -> Recommendation {
        let rule = RuleCatalog.rule(finding.rule)
        let remedy = rule?.remedy ?? Remedy(lead: .homeAffairs, action: LocalizedText(vi: "rà soát, xử lý", en: "review"),
                                            amendsDecision: false)
        let indices = concerned(finding)
        var departments: [Int] = []
        for index in indices {
            if let department = graph.department(of: index), !departments.contains(department) { departments.append(department) }
        }
        departments.sort()
        let homeAffairs = profile.issuingBodyName
        var lead = homeAffairs, order = -1
        var cooperating = departments.map { graph.unit($0).name }
        if remedy.lead == .department, departments.count == 1, indices.allSatisfy({ graph.department(of: $0) != nil }) {
            lead = graph.unit(departments[0]).name
            order = departments[0]
            cooperating = []
        }
        cooperating.removeAll { $0 == lead }
        // The provisions that hold the duties concerned, when the chart records them (a chart read from the
        // decisions does), say exactly what to amend; else the decisions that define the units.
        var decisions: [String] = remedy.amendsDecision ? provisions(finding) : []
        if remedy.amendsDecision, decisions.isEmpty {
            for index in indices.sorted() {
                let text = decision(for: index)
                if !decisions.contains(text) { decisions.append(text) }
            }
        }
        var deadline: ChartDate?
        if case .text(let text)? = finding.evidence["deadline"] { deadline = ChartDate(iso: text) }
        if deadline == nil { deadline = finding.effectiveFrom }
        return Recommendation(lead: lead, leadOrder: order, cooperating: cooperating, action: remedy.action.text(language),
                              decisions: decisions, deadline: deadline)
    }

    /// Where the finding's duties are written ("điểm b khoản 5 Điều 2 Quyết định số …"), each once.
    func provisions(_ finding: Finding) -> [String] {
        guard !finding.duties.isEmpty else { return [] }
        let wanted = Set(finding.duties)
        var out: [String] = []
        for reference in graph.duties {
            let duty = graph.duty(reference)
            if wanted.contains(duty.id), let source = duty.source, !out.contains(source) { out.append(source) }
        }
        return out
    }

    /// The units a fix concerns: those the evidence holds responsible, else the finding's own, a territorial
    /// unit (the province itself) only when nothing else is named.
    func concerned(_ finding: Finding) -> [Int] {
        let named = (finding.responsibleUnits.isEmpty ? finding.units : finding.responsibleUnits).compactMap { graph.index[$0] }
        let bodies = named.filter { !DutyGraph.isTerritorial(graph.unit($0).kind) }
        return bodies.isEmpty ? named : bodies
    }

    /// The decision that defines the unit (or its nearest ancestor that records one), or what to amend
    /// when the chart records none.
    func decision(for index: Int) -> String {
        recordedDecision(for: index) ?? language.text(
            vi: "văn bản quy định chức năng, nhiệm vụ, quyền hạn của \(graph.name(index, language)) (sơ đồ chưa ghi số, ngày văn bản)",
            en: "the decision defining \(graph.name(index, language)) (its number and date are not in the chart)")
    }

    /// The decision recorded for the unit or its nearest ancestor below the committee, if any.
    func recordedDecision(for index: Int, short: Bool = false) -> String? {
        var current: Int? = index
        while let position = current {
            let unit = graph.unit(position)
            if let decision = unit.foundingDecision {
                let date = decision.date.map { language.text(vi: " ngày ", en: " of ") + OfficialWording.date($0).text(language) } ?? ""
                let longDate = decision.date.map { language.text(vi: " ", en: " of ") + self.longDate($0) } ?? ""
                if short {
                    return language.text(vi: "Quyết định số \(decision.number)\(date) (\(unit.name))",
                                         en: "Decision No. \(decision.number)\(date) (\(unit.name))")
                }
                return language.text(vi: "Quyết định số \(decision.number)\(longDate) quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của \(graph.name(position, language))",
                                     en: "Decision No. \(decision.number)\(date) on the functions, duties and structure of \(graph.name(position, language))")
            }
            current = graph.parent[position].flatMap { DutyGraph.isTerritorial(graph.unit($0).kind) ? nil : $0 }
        }
        return nil
    }

    /// One recommendation as a sentence.
    func sentence(_ finding: Finding, _ recommendation: Recommendation) -> String {
        // The bodies cooperating are those named here; the annexes list them in their own column.
        let units = concerned(finding).map { graph.name($0, language) }.joined(separator: "; ")
        var parts = [recommendation.action.prefix(1).uppercased() + recommendation.action.dropFirst()
            + language.text(vi: " (\(units))", en: " (\(units))")]
        if !recommendation.decisions.isEmpty {
            parts.append(language.text(vi: "sửa đổi, bổ sung ", en: "amend ") + recommendation.decisions.joined(separator: "; "))
        }
        if let deadline = recommendation.deadline {
            parts.append(language.text(vi: "hoàn thành trước ", en: "by ") + longDate(deadline))
        }
        // The finding itself is stated in full in Part II; here its place, not a clipped copy.
        let kind = Kind.of(finding)
        let index = (Kind.allCases.firstIndex(of: kind) ?? 0) + 1
        return parts.joined(separator: "; ") + language.text(vi: " (nội dung tại mục \(index) Phần II).", en: " (see item \(index) of Part II).")
    }

    /// "IV. Kiến nghị": every confirmed finding, grouped by the body that leads its fix.
    func recommendations() -> [ReportBlock] {
        var blocks: [ReportBlock] = [.heading(language.text(vi: "IV. Kiến nghị", en: "IV. Recommendations"), level: 1)]
        let findings = result.findings.filter(\.isCountable)
        guard !findings.isEmpty else {
            return blocks + [.paragraph(language.text(vi: "Không có nội dung cần kiến nghị xử lý.", en: "Nothing to recommend."))]
        }
        blocks.append(.paragraph(language.text(
            vi: "Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các cơ quan, đơn vị thực hiện các nội dung sau; người đứng đầu cơ quan, "
                + "đơn vị chịu trách nhiệm về kết quả khắc phục tại cơ quan, đơn vị mình (điểm c khoản 1 \(directiveName)):",
            en: "The provincial People's Committee is asked to direct the bodies below; the head of each body answers for "
                + "the fixes in it (clause 1.c of \(directiveName)):")))
        let items = findings.map { ($0, recommendation($0)) }
        let leads = Dictionary(grouping: items, by: \.1.lead)
            .sorted { ($0.value[0].1.leadOrder, $0.key) < ($1.value[0].1.leadOrder, $1.key) }
        for (offset, group) in leads.enumerated() {
            let advises = group.key == profile.issuingBodyName
                ? language.text(vi: ", phối hợp với các cơ quan liên quan tham mưu Ủy ban nhân dân tỉnh",
                                en: ", advising the provincial People's Committee with the bodies concerned") : ""
            blocks.append(.heading("\(offset + 1). " + language.text(vi: "\(group.key) chủ trì", en: "Led by \(group.key)") + advises,
                                   level: 2))
            blocks.append(.bullets(group.value.map { sentence($0.0, $0.1) }))
        }
        return blocks
    }

    /// The findings to verify and those of each regime to come, as the last items of Part II (numbered from
    /// `first`), so that the recommendations close the report. A regime's deputy findings are summed up and
    /// detailed in the deputies' annex rather than listed one by one.
    func apartSections(from first: Int) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var number = first
        let sections = FindingSection.sections(result)
        for section in sections where section.kind == .toVerify {
            blocks.append(.heading("\(number). " + language.text(vi: "Nội dung cần xác minh", en: "To verify"), level: 2))
            number += 1
            if let note = section.note(language) { blocks.append(.paragraph(note)) }
            blocks.append(.bullets(section.findings.map { $0.message.text(language) }))
        }
        let upcoming = sections.filter { if case .upcoming = $0.kind { true } else { false } }
        guard !upcoming.isEmpty else { return blocks }
        blocks.append(.heading("\(number). " + language.text(vi: "Nội dung phát sinh khi quy định mới có hiệu lực",
                                                             en: "Under the regime to come"), level: 2))
        for section in upcoming {
            let regime = section.heading(language, regime: result.upcomingSettings?.norms.regime)
            blocks.append(.paragraph(regime + ": " + (section.note(language) ?? "")))
            let deputies = section.findings.filter { $0.rule == DeputyCapRule.id }
            if !deputies.isEmpty {
                blocks.append(.paragraph(language.text(
                    vi: "\(OfficialWording.count(deputies.count)) cơ quan, đơn vị bố trí số cấp phó vượt số lượng tối đa theo quy định "
                        + "sắp có hiệu lực; chi tiết và lộ trình giải quyết tại Phụ lục V.",
                    en: "\(deputies.count) bodies have more deputies than the regime to come allows; details and timetable in Annex V.")))
            }
            let others = section.findings.filter { $0.rule != DeputyCapRule.id }
            if !others.isEmpty { blocks.append(.bullets(others.map { $0.message.text(language) })) }
        }
        return blocks
    }
}
