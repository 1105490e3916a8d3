import OrgAnalysis
import OrgModel

extension ReviewReport {
    /// The annex a kind's details are in.
    func annexTitle(_ kind: Kind) -> String {
        switch kind {
        case .overlap: language.text(vi: "Tổng hợp nội dung chồng chéo chức năng, nhiệm vụ", en: "Overlapping duties")
        case .omission: language.text(vi: "Tổng hợp nhiệm vụ bị bỏ sót", en: "Duties left out")
        case .level: language.text(vi: "Tổng hợp nhiệm vụ chưa đúng phân cấp", en: "Duties at the wrong level")
        case .staffing: language.text(vi: "Biên chế công chức và số lượng người làm việc theo cơ quan, đơn vị",
                                      en: "Staff quotas by body")
        case .deputies: language.text(vi: "Số lượng cấp phó của các cơ quan, đơn vị", en: "Deputy posts by body")
        case .heads: language.text(vi: "Tổng hợp kết quả rà soát theo cơ quan và lĩnh vực", en: "Findings by body and sector")
        }
    }

    /// The six annexes, numbered I to VI.
    func annexTables() -> [ReportAnnex] {
        let none = language.text(vi: "Không có nội dung.", en: "None.")
        let tables: [(Kind, [ReportBlock])] = [
            (.overlap, [.table(overlapTable(none))]), (.omission, [.table(omissionTable(none))]),
            (.level, [.table(levelTable(none))]), (.staffing, [.table(staffingTable(none))]),
            (.deputies, deputyTable(none)), (.heads, countTables(none)),
        ]
        let numerals = ["I", "II", "III", "IV", "V", "VI"]
        return tables.enumerated().map { offset, item in
            ReportAnnex(number: numerals[offset], title: annexTitle(item.0), blocks: item.1)
        }
    }

    private func column(_ vi: String, _ en: String, _ alignment: ReportTable.Column.Alignment = .left,
                        _ weight: Double = 1) -> ReportTable.Column {
        ReportTable.Column(language.text(vi: vi, en: en), alignment: alignment, weight: weight)
    }

    /// The duty a finding is about: the texts of its duties, else its mandate's text, else its message.
    private func subject(_ finding: Finding) -> String {
        if case .list(let texts)? = finding.evidence["texts"], let first = texts.first {
            let text = first.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? first
            return TextReporter.clip(text, 300)
        }
        if case .text(let text)? = finding.evidence["mandateText"] { return text }
        if let mandate = finding.mandate, let text = graph.mandates[mandate]?.text { return text }
        if let duty = finding.duties.first, let reference = graph.duties.first(where: { graph[duty: $0].id == duty }) {
            return graph[duty: reference].text
        }
        return TextReporter.clip(finding.message.text(language), 300)
    }

    /// Who should lead the task itself: the department when one is concerned; across departments the tool
    /// cannot say, and Sở Nội vụ proposes it once the departments agree.
    private func proposedLead(_ recommendation: Recommendation) -> String {
        recommendation.lead != profile.issuingBodyName ? recommendation.lead
            : language.text(vi: "\(profile.issuingBodyName) tham mưu, đề xuất sau khi thống nhất với các sở liên quan",
                            en: "\(profile.issuingBodyName) to propose once the departments agree")
    }

    private func overlapTable(_ none: String) -> ReportTable {
        let rows = current(.overlap).map { finding -> [String] in
            let recommendation = recommendation(finding)
            var decisions = provisions(finding)
            if decisions.isEmpty {
                for index in Set(finding.units.compactMap { graph.index[$0] }).sorted() {
                    if let text = recordedDecision(for: index, short: true), !decisions.contains(text) { decisions.append(text) }
                }
            }
            return [subject(finding), names(finding.units).joined(separator: "\n"),
                    decisions.isEmpty ? language.text(vi: "Chưa xác định số, ngày ban hành văn bản", en: "Not recorded in the chart")
                                      : decisions.joined(separator: "\n"), proposedLead(recommendation),
                    recommendation.cooperating.isEmpty ? names(finding.units).joined(separator: "\n")
                                                       : recommendation.cooperating.joined(separator: "\n")]
        }
        return ReportTable(columns: [
            column("Nội dung nhiệm vụ", "Duty", .left, 4), column("Các cơ quan, đơn vị", "Bodies", .left, 3),
            column("Văn bản, điều khoản quy định", "Decision", .left, 3), column("Đề xuất cơ quan chủ trì", "Proposed lead", .left, 1.6),
            column("Cơ quan phối hợp", "Cooperating", .left, 2),
        ], rows: rows, emptyText: none)
    }

    private func omissionTable(_ none: String) -> ReportTable {
        let rows = current(.omission).map { finding -> [String] in
            var basis = ""
            if case .text(let source)? = finding.evidence["mandateSource"] { basis = source }
            if basis.isEmpty, let mandate = finding.mandate, let source = graph.mandates[mandate]?.source { basis = source }
            if basis.isEmpty { basis = RuleCatalog.rule(finding.rule)?.description.citations.first?.text(language) ?? "" }
            let proposed = finding.responsibleUnits.isEmpty ? finding.units : finding.responsibleUnits
            return [subject(finding), basis, names(proposed).joined(separator: "\n")]
        }
        return ReportTable(columns: [
            column("Nhiệm vụ theo quy định", "Mandate", .left, 5), column("Căn cứ", "Basis", .left, 3),
            column("Cơ quan đề xuất giao", "Body to give it to", .left, 3),
        ], rows: rows, emptyText: none)
    }

    private func levelName(_ text: String) -> String {
        switch GovernmentLevel(rawValue: text) {
        case .central: language.text(vi: "trung ương", en: "central")
        case .province: language.text(vi: "tỉnh", en: "province")
        case .district: language.text(vi: "huyện", en: "district")
        case .commune: language.text(vi: "xã", en: "commune")
        case nil: text
        }
    }

    private func levelTable(_ none: String) -> ReportTable {
        let rows = current(.level).map { finding -> [String] in
            var due = ""
            if case .text(let level)? = finding.evidence["mandateLevel"] { due = levelName(level) }
            var actual: [String] = []
            if case .list(let levels)? = finding.evidence["unitLevels"] {
                actual = levels.map { levelName(String($0.split(separator: "=").last ?? Substring($0))) }
            }
            return [subject(finding), names(finding.units).joined(separator: "\n"), Array(Set(actual)).sorted().joined(separator: ", "),
                    due, recommendation(finding).action]
        }
        return ReportTable(columns: [
            column("Nhiệm vụ", "Duty", .left, 4), column("Đơn vị đang thực hiện", "Carried out by", .left, 3),
            column("Cấp của đơn vị", "Its level", .center, 1.2), column("Cấp có thẩm quyền", "Level due", .center, 1.2),
            column("Đề xuất", "Proposal", .left, 3),
        ], rows: rows, emptyText: none)
    }

    private func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    private func staffingTable(_ none: String) -> ReportTable {
        var rows: [[String]] = []
        for row in result.staffing.units {
            guard let index = graph.index[row.unit] else { continue }
            let civil = row.categories.first { $0.category == .civilServant }?.figures
            let employees = row.categories.first { $0.category == .publicEmployee }?.figures
            guard civil != nil || employees != nil else { continue }
            func cells(_ figures: StaffingFigures?) -> [String] {
                guard let figures else { return ["", "", ""] }
                return [String(figures.quota), String(figures.actual), signed(figures.actual - figures.quota)]
            }
            rows.append([graph.name(index, language)] + cells(civil) + cells(employees))
        }
        return ReportTable(columns: [
            column("Cơ quan, đơn vị", "Body", .left, 5),
            column("Biên chế công chức được giao", "Civil-service quota", .right, 1.4),
            column("Công chức hiện có", "Civil servants in post", .right, 1.4),
            column("Chênh lệch", "Difference", .right, 1.2),
            column("Số lượng người làm việc được giao", "Public-employee posts", .right, 1.6),
            column("Viên chức hiện có", "Public employees in post", .right, 1.4),
            column("Chênh lệch", "Difference", .right, 1.2),
        ], rows: rows, emptyText: none)
    }

    /// The day the regime looked ahead to takes effect, when there is one.
    private var upcomingDate: ChartDate? { Set(result.findings.compactMap(\.effectiveFrom)).min() }

    private func deputyTable(_ none: String) -> [ReportBlock] {
        let findings = result.findings.filter { $0.rule == DeputyCapRule.id && !$0.isToVerify }
        var units: [Int] = []
        for finding in findings {
            guard let first = finding.units.first, let index = graph.index[first], graph.deputies(index) != nil,
                  graph.unit(index).kind != .committee, !units.contains(index) else { continue }
            units.append(index)
        }
        let rows = units.sorted().map { index -> [String] in
            let id = graph.unit(index).id
            let now = findings.first { $0.units.first == id && !$0.isUpcoming }
            let later = findings.first { $0.units.first == id && $0.isUpcoming }
            func allowed(_ finding: Finding?) -> Int? {
                if case .int(let value)? = finding?.evidence["allowed"] { return value }
                return nil
            }
            let deputies = graph.deputies(index) ?? 0
            let caps = [allowed(now), allowed(later)].compactMap { $0 }
            let excess = max(0, deputies - (caps.min() ?? deputies))
            var plan = ""
            if case .text(let text)? = now?.evidence["deadline"], let date = ChartDate(iso: text) {
                plan = language.text(vi: "trước ngày ", en: "by ") + OfficialWording.date(date).text(language)
            } else if now != nil {
                plan = language.text(vi: "thực hiện ngay", en: "now")
            } else if let date = later?.effectiveFrom {
                plan = language.text(vi: "trước ngày ", en: "by ") + OfficialWording.date(date).text(language)
            }
            // Without a finding of its own, the unit is within today's maximum; under the regime to come, a
            // finding is reported only when the breach is new or worse, so without one it is no worse than today.
            let within = language.text(vi: "không vượt", en: "within")
            let noWorse = now == nil ? within : "–"
            return [graph.name(index, language), OfficialWording.deputyPost(graph.unit(index)).text(language),
                    OfficialWording.count(deputies), allowed(now).map(OfficialWording.count) ?? within,
                    allowed(later).map(OfficialWording.count) ?? noWorse, OfficialWording.count(excess), plan]
        }
        return [.table(ReportTable(columns: [
            column("Cơ quan, đơn vị", "Body", .left, 4), column("Chức danh cấp phó", "Deputy post", .left, 2),
            column("Hiện có", "In post", .right, 1), column("Tối đa hiện nay", "Maximum now", .right, 1.2),
            column(upcomingDate.map { "Tối đa từ ngày " + OfficialWording.date($0).vi } ?? "Tối đa theo quy định sắp có hiệu lực",
                   upcomingDate.map { "Maximum from " + $0.description } ?? "Maximum under the regime to come", .right, 1.6),
            column("Dôi dư", "Excess", .right, 1), column("Lộ trình giải quyết", "Timetable", .left, 1.8),
        ], rows: rows, emptyText: none)),
            .note(language.text(
                vi: "“Không vượt”: không vượt số lượng tối đa; “–”: quy định sắp có hiệu lực không làm tăng số dôi dư so với hiện nay.",
                en: "“Within”: within the maximum; “–”: the regime to come adds no excess to today's."))]
    }

    private func countTables(_ none: String) -> [ReportBlock] {
        let kinds = Kind.allCases
        let byDepartment = departmentTally().map { row in
            [row.name] + kinds.map { String(row.kinds[$0] ?? 0) } + [String(row.count)]
        }
        var sectors: [String: Int] = [:]
        for finding in result.findings where finding.isCountable {
            let token = finding.mandate.flatMap { graph.mandates[$0]?.sector }
            sectors[SectorNames.name(token, language), default: 0] += 1
        }
        let bySector = sectors.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { [$0.key, String($0.value)] }
        return [
            .heading(language.text(vi: "1. Theo cơ quan", en: "1. By body"), level: 2),
            .table(ReportTable(columns: [column("Cơ quan", "Body", .left, 4)]
                + kinds.map { ReportTable.Column($0.title(language), alignment: .right, weight: 1.2) }
                + [column("Tổng số", "Total", .right, 1)], rows: byDepartment, emptyText: none)),
            .heading(language.text(vi: "2. Theo lĩnh vực", en: "2. By sector"), level: 2),
            .table(ReportTable(columns: [column("Lĩnh vực", "Sector", .left, 5), column("Số nội dung", "Findings", .right, 1.5)],
                               rows: bySector, emptyText: none)),
        ]
    }
}

/// The names of the sector tokens of the shipped catalogue (`noi-vu` is Nội vụ).
enum SectorNames {
    static let names: [String: (vi: String, en: String)] = [
        "noi-vu": ("Nội vụ", "Home affairs"), "tai-chinh": ("Tài chính", "Finance"),
        "cong-thuong": ("Công Thương", "Industry and trade"), "nong-nghiep-moi-truong": ("Nông nghiệp và Môi trường", "Agriculture and environment"),
        "xay-dung": ("Xây dựng", "Construction"), "khoa-hoc-cong-nghe": ("Khoa học và Công nghệ", "Science and technology"),
        "giao-duc-dao-tao": ("Giáo dục và Đào tạo", "Education and training"), "y-te": ("Y tế", "Health"),
        "van-hoa-the-thao-du-lich": ("Văn hóa, Thể thao và Du lịch", "Culture, sports and tourism"),
        "tu-phap": ("Tư pháp", "Justice"), "thanh-tra": ("Thanh tra", "Inspection"), "ngoai-vu": ("Ngoại vụ", "Foreign affairs"),
        "dan-toc-ton-giao": ("Dân tộc và Tôn giáo", "Ethnic minorities and religion"), "van-phong": ("Văn phòng", "Office"),
    ]

    /// The sector's name; findings on no mandate are about the structure and staff.
    static func name(_ token: String?, _ language: Language) -> String {
        guard let token else {
            return language.text(vi: "Tổ chức bộ máy, biên chế (không gắn với lĩnh vực)", en: "Structure and staff (no sector)")
        }
        guard let name = names[token] else { return language.text(vi: "Lĩnh vực khác", en: "Other sector") }
        return language == .vi ? name.vi : name.en
    }
}
