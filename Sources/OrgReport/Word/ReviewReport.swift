import OrgAnalysis
import OrgModel
import OrgOffice

/// The review report (báo cáo kết quả rà soát) as the Department of Home Affairs files it: căn cứ, kết quả
/// by kind, đánh giá, kiến nghị for every confirmed finding, the findings to verify and those of a regime
/// to come in their own sections, then the annexes (overlaps, omissions, level, staffing, deputies, counts).
struct ReviewReport {
    let input: ReportInput

    var language: Language { input.language }
    var result: AnalysisResult { input.result }
    var graph: DutyGraph { input.result.graph }
    var profile: DocumentProfile { input.profile }

    /// The kinds of problem a review reports on, in the order of the report.
    enum Kind: CaseIterable {
        case overlap, omission, level, staffing, deputies, heads

        /// The rules of the kind.
        var rules: [any Rule.Type] {
            switch self {
            case .overlap: [LeadConflictRule.self, DuplicateDutyRule.self, MergeCandidateRule.self]
            case .omission: [UncoveredMandateRule.self, UnledMandateRule.self, UnitWithoutDutiesRule.self]
            case .level: [LevelMismatchRule.self]
            case .staffing: [OverQuotaRule.self, SubUnitQuotaRule.self, MinimumStaffRule.self, DepartmentCountRule.self]
            case .deputies: [DeputyCapRule.self]
            case .heads: [UnitWithoutHeadRule.self, VacantHeadRule.self]
            }
        }

        func title(_ language: Language) -> String {
            switch self {
            case .overlap: language.text(vi: "Chồng chéo chức năng, nhiệm vụ", en: "Overlapping functions and duties")
            case .omission: language.text(vi: "Bỏ sót nhiệm vụ", en: "Duties left out")
            case .level: language.text(vi: "Nhiệm vụ chưa đúng phân cấp", en: "Duties at the wrong level of government")
            case .staffing: language.text(vi: "Biên chế và số lượng người làm việc", en: "Staff quotas")
            case .deputies: language.text(vi: "Số lượng cấp phó", en: "Deputy posts")
            case .heads: language.text(vi: "Người đứng đầu", en: "Heads of units")
            }
        }

        /// The kind of a finding.
        static func of(_ finding: Finding) -> Kind {
            allCases.first { kind in kind.rules.contains { $0.id == finding.rule } } ?? .overlap
        }
    }

    /// The Word document.
    func document() -> OfficialDocument {
        let chartName = graph.chart.name
        let subject = language.text(
            vi: "Kết quả rà soát chức năng, nhiệm vụ, quyền hạn, tổ chức bộ máy và biên chế của các cơ quan, đơn vị thuộc \(chartName)",
            en: "Review of the functions, duties, powers, structure and staffing of the bodies of \(chartName)")
        var annexes = annexTables()
        let document = OfficialDocument(profile: profile, language: language, type: language.text(vi: "BÁO CÁO", en: "REPORT"),
                                        typeName: language.text(vi: "Báo cáo", en: "Report"), subject: subject,
                                        body: [], annexes: [], illustrative: graph.chart.illustrative || profile.illustrative,
                                        timestamp: input.timestamp)
        for index in annexes.indices { annexes[index].attachedTo = document.attachment }
        var full = document
        full.body = body(annexNumbers: Dictionary(uniqueKeysWithValues: annexes.map { ($0.title, $0.number) }))
        full.annexes = annexes
        return full
    }

    /// The findings of `kind` counted today.
    func current(_ kind: Kind) -> [Finding] {
        result.findings.filter { $0.isCountable && Kind.of($0) == kind }
    }

    /// Unit names for prose: the finding's units, each placed in its department.
    func names(_ ids: [UnitID]) -> [String] {
        ids.compactMap { graph.index[$0] }.map { graph.name($0, language) }
    }

    /// The date the chart describes, for the scope sentence.
    var asOfText: String {
        graph.chart.asOf.map(longDate) ?? language.text(vi: "ngày rà soát", en: "the review date")
    }

    /// A date in running text: "ngày 05 tháng 3 năm 2025" (days below 10 and months below 3 with a leading
    /// zero, Decree 30/2020); ISO in English.
    func longDate(_ date: ChartDate) -> String { OfficialWording.longDate(date).text(language) }

    // MARK: - Body

    private func body(annexNumbers: [String: String]) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks.append(.paragraph(opening))
        blocks.append(.heading(language.text(vi: "I. Căn cứ rà soát", en: "I. Legal bases"), level: 1))
        blocks.append(.bullets(legalBases()))
        blocks.append(.heading(language.text(vi: "II. Kết quả rà soát", en: "II. Findings"), level: 1))
        blocks.append(.paragraph(scope))
        for (offset, kind) in Kind.allCases.enumerated() {
            blocks.append(.heading("\(offset + 1). " + kind.title(language), level: 2))
            let findings = current(kind)
            if kind == .staffing { blocks.append(.paragraph(staffingTotals)) }
            if findings.isEmpty {
                blocks.append(.paragraph(language.text(vi: "Không phát hiện nội dung chưa phù hợp.", en: "Nothing found.")))
            } else {
                blocks.append(.paragraph(language.text(
                    vi: "Phát hiện \(OfficialWording.count(findings.count)) nội dung:",
                    en: "\(findings.count) finding\(findings.count == 1 ? "" : "s"):")))
                blocks.append(.bullets(findings.map { $0.message.text(language) }))
            }
            if kind != .heads, let number = annexNumbers[annexTitle(kind)] {
                blocks.append(.note(language.text(vi: "(Chi tiết tại Phụ lục \(number))", en: "(Details in Annex \(number))")))
            }
        }
        blocks.append(contentsOf: apartSections(from: Kind.allCases.count + 1))
        blocks.append(contentsOf: assessment())
        blocks.append(contentsOf: recommendations())
        blocks.append(.paragraph(language.text(
            vi: "Trên đây là báo cáo kết quả rà soát chức năng, nhiệm vụ, quyền hạn, tổ chức bộ máy và biên chế; "
                + "\(profile.issuingBodyName) kính báo cáo Ủy ban nhân dân tỉnh xem xét, chỉ đạo./.",
            en: "This is the report of the review; \(profile.issuingBodyName) submits it to the provincial People's "
                + "Committee for its consideration and direction.")))
        return blocks
    }

    /// The directive, with its number and date when the profile gives them.
    var directiveName: String { Self.directiveName(profile: profile, language: language) }

    /// The directive, with its number and date when `profile` gives them.
    static func directiveName(profile: DocumentProfile, language: Language) -> String {
        func longDate(_ date: ChartDate) -> String { OfficialWording.longDate(date).text(language) }
        let title = "của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng năm 2022 về tăng cường kỷ luật, kỷ cương và đẩy mạnh cải cách hành chính"
        guard let directive = profile.directive else {
            return language.text(vi: "Chỉ thị " + title, en: "the 2022 directive of the Chairman of Cao Bằng on discipline and administrative reform")
        }
        let date = directive.date.map { " " + longDate($0) } ?? ""
        return language.text(vi: "Chỉ thị số \(directive.number)\(date) \(title.replacingOccurrences(of: " năm 2022", with: ""))",
                             en: "Directive No. \(directive.number) of the Chairman of the provincial People's Committee")
    }

    private var opening: String {
        language.text(
            vi: "Thực hiện điểm d khoản 1 và điểm b khoản 3 \(directiveName), \(profile.issuingBodyName) đã rà soát chức năng, "
                + "nhiệm vụ, quyền hạn, tổ chức bộ máy và biên chế của các cơ quan, đơn vị thuộc \(graph.chart.name); kết quả như sau:",
            en: "Under clauses 1.d and 3.b of \(directiveName), \(profile.issuingBodyName) has reviewed the functions, duties, "
                + "powers, structure and staffing of the bodies of \(graph.chart.name), with the following results:")
    }

    /// The directive first, then every norm the current findings applied (their basis, else their rule's
    /// citations still in force), each once, a citation inside a more precise one dropped ("Nghị định số
    /// 62/2020/NĐ-CP" under "Điều 18 Nghị định số 62/2020/NĐ-CP"); laws, then decrees, then circulars.
    private func legalBases() -> [String] {
        var bases: [String] = []
        func add(_ text: String) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.contains("Chỉ thị"), !bases.contains(trimmed) else { return }
            bases.append(trimmed)
        }
        for finding in result.findings where !finding.isToVerify && !finding.isUpcoming {
            if case .text(let basis)? = finding.evidence["basis"] {
                basis.components(separatedBy: "; ").forEach(add)
            } else if let rule = RuleCatalog.rule(finding.rule) {
                for citation in rule.description.citations where !citation.reference.contains("hết hiệu lực") {
                    add(citation.text(language))
                }
            }
        }
        let precise = bases.filter { base in !bases.contains { $0 != base && $0.contains(base) } }
        // By legal force (laws, decrees, circulars, the rest), then by year and number, as a căn cứ lists them.
        func key(_ text: String) -> (Int, Int, Int, String) {
            let kinds = ["Luật", "Nghị định", "Thông tư"]
            let rank = kinds.firstIndex { kind in
                guard let range = text.range(of: kind) else { return false }
                let before = text[..<range.lowerBound]
                return !kinds.contains { before.contains($0) }
            } ?? kinds.count
            var year = 0, number = 0
            if let match = text.firstMatch(of: /số (\d+)\/(\d{4})/) {
                number = Int(match.1) ?? 0
                year = Int(match.2) ?? 0
            } else if let match = text.firstMatch(of: /(\d{4})/) {
                year = Int(match.1) ?? 0
            }
            return (rank, year, number, text)
        }
        let lines: [String] = [directiveName] + precise.sorted { key($0) < key($1) }
        // Each line of a căn cứ list starts with a capital and ends with ";", the last with ".".
        var out: [String] = []
        for (offset, text) in lines.enumerated() {
            let end = offset == lines.count - 1 ? "." : ";"
            out.append(text.prefix(1).uppercased() + String(text.dropFirst()) + end)
        }
        return out
    }

    private var scope: String {
        let chart = graph.chart
        let departments = result.staffing.departments.count
        return language.text(
            vi: "Phạm vi rà soát: \(OfficialWording.count(chart.units.count)) cơ quan, đơn vị (trong đó \(OfficialWording.count(departments)) "
                + "sở, cơ quan tương đương) với \(chart.dutyCount) nhiệm vụ, đối chiếu với \(graph.mandates.count) nhiệm vụ theo quy định; "
                + "số liệu đến \(asOfText).",
            en: "Scope: \(chart.units.count) bodies (\(departments) departments or equivalent) with \(chart.dutyCount) duties, "
                + "checked against \(graph.mandates.count) mandates; figures as of \(asOfText).")
    }

    private var staffingTotals: String {
        result.staffing.categories.filter { $0.category == .civilServant || $0.category == .publicEmployee }.map { category, figures in
            let name = category == .civilServant ? language.text(vi: "Biên chế công chức", en: "Civil-service quota")
                                                 : language.text(vi: "Số lượng người làm việc", en: "Public-employee posts")
            let people = category.peopleNames.text(language)
            return language.text(vi: "\(name) được giao \(figures.quota), số \(people) hiện có \(figures.actual)",
                                 en: "\(name): \(figures.quota) assigned, \(figures.actual) \(people) in post")
        }.joined(separator: "; ") + "."
    }

    private func assessment() -> [ReportBlock] {
        let counts = result.counts
        let errors = counts[.error] ?? 0, warnings = counts[.warning] ?? 0
        var blocks: [ReportBlock] = [.heading(language.text(vi: "III. Đánh giá", en: "III. Assessment"), level: 1)]
        blocks.append(.paragraph(language.text(
            vi: "Qua rà soát, có \(OfficialWording.count(errors)) nội dung chưa đúng quy định và \(OfficialWording.count(warnings)) "
                + "nội dung cần rà soát, làm rõ; \(OfficialWording.count(result.toVerifyCount)) nội dung cần xác minh thêm và "
                + "\(OfficialWording.count(result.upcomingCount)) nội dung sẽ phát sinh khi quy định mới có hiệu lực (không tính vào tổng số).",
            en: "The review found \(errors) breaches and \(warnings) points to review; \(result.toVerifyCount) more need "
                + "verification and \(result.upcomingCount) arise under a regime to come (not counted).")))
        let ranked = departmentTally().filter { $0.count > 0 }.sorted { $0.count > $1.count || ($0.count == $1.count && $0.name < $1.name) }
        if !ranked.isEmpty {
            let top = ranked.prefix(3).map { "\($0.name) (\(OfficialWording.count($0.count)))" }.joined(separator: "; ")
            blocks.append(.paragraph(language.text(
                vi: "Các cơ quan có nhiều nội dung cần xử lý nhất: \(top).",
                en: "Bodies with the most findings: \(top).")))
        }
        let kinds = Kind.allCases.map { ($0, current($0).count) }.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }
        if let first = kinds.first {
            blocks.append(.paragraph(language.text(
                vi: "Nội dung chiếm nhiều nhất là \(first.0.title(language).lowercased()) (\(OfficialWording.count(first.1)) nội dung).",
                en: "The largest group: \(first.0.title(language).lowercased()) (\(first.1)).")))
        }
        return blocks
    }

    /// Confirmed findings charged to each department (by its units and the units responsible), in document order.
    func departmentTally() -> [(name: String, index: Int, count: Int, kinds: [Kind: Int])] {
        var tally: [Int: [Kind: Int]] = [:]
        for finding in result.findings where finding.isCountable {
            let departments = Set((finding.units + finding.responsibleUnits).compactMap { graph.index[$0] }
                .compactMap { graph.department(of: $0) })
            for department in departments { tally[department, default: [:]][Kind.of(finding), default: 0] += 1 }
        }
        return graph.chart.units.indices.filter { graph.isDepartmentLevel($0) }.map { index in
            let kinds = tally[index] ?? [:]
            return (graph.unit(index).name, index, kinds.values.reduce(0, +), kinds)
        }
    }
}
