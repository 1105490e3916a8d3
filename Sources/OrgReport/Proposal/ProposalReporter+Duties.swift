import OrgAnalysis
import OrgModel

extension ProposalReporter {
    /// A duty added, as the chart after holds it.
    struct AddedDuty {
        var text: String
        var unit: UnitID
        var role: DutyRole
        var mandate: String?
    }

    static func addedDuties(_ review: ProposalReview) -> [AddedDuty] {
        let duties = Dictionary(review.outcome.chart.units.flatMap(\.duties).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let mandates = review.after.graph.mandates
        return review.outcome.added.compactMap { id in
            duties[id].map { duty in
                AddedDuty(text: duty.text, unit: duty.unit, role: duty.role,
                          mandate: duty.mandate.map { mandates[$0]?.text ?? $0.rawValue })
            }
        }
    }

    static func roleName(_ role: DutyRole, _ language: Language) -> String {
        switch role {
        case .lead: language.text(vi: "chủ trì", en: "lead")
        case .support: language.text(vi: "phối hợp", en: "support")
        }
    }

    /// Section II: duties transferred (grouped by the units they leave and join), added, dropped, role changes.
    static func duties(_ review: ProposalReview, names: UnitNames) -> [ReportBlock] {
        let language = names.language, outcome = review.outcome
        func count(_ value: Int) -> String { Figures.count(value, language) }
        var blocks: [ReportBlock] = [.heading(language.text(vi: "II. Chức năng, nhiệm vụ", en: "II. Functions and duties"), level: 1)]
        var groups: [(from: UnitID, to: UnitID, count: Int)] = []
        for move in outcome.dutyTransfers {
            if let index = groups.firstIndex(where: { $0.from == move.from && $0.to == move.to }) {
                groups[index].count += 1
            } else {
                groups.append((move.from, move.to, 1))
            }
        }
        var items: [String] = []
        for group in groups {
            let what: String = language.text(vi: "Chuyển giao \(count(group.count)) nhiệm vụ từ ",
                                             en: "\(group.count) \(group.count == 1 ? "duty" : "duties") transferred from ")
            let to: String = language.text(vi: " sang ", en: " to ") + names.after(group.to)
            items.append(what + names.before(group.from) + to + ".")
        }
        for duty in addedDuties(review) {
            let what: String = language.text(vi: "Bổ sung nhiệm vụ “", en: "Duty added: “") + duty.text
            let role: String = language.text(vi: " " + roleName(duty.role, language), en: " (" + duty.role.rawValue + ")")
            items.append(what + language.text(vi: "”, giao ", en: "”, to ") + names.after(duty.unit) + role + ".")
        }
        for drop in outcome.dropped {
            let what: String = language.text(vi: "Bãi bỏ nhiệm vụ “", en: "Duty dropped: “") + drop.text
            let unit: String = language.text(vi: "” của ", en: "” of ") + names.before(drop.unit)
            items.append(what + unit + language.text(vi: ". Lý do: ", en: ". Reason: ") + drop.reason + ".")
        }
        let texts = Dictionary(review.before.graph.chart.units.flatMap(\.duties).map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
        for change in outcome.roleChanges {
            let who: String = names.after(change.unit) + language.text(vi: " chuyển sang ", en: " now has the ")
            let what: String = language.text(vi: " thực hiện nhiệm vụ “", en: " role for “") + (texts[change.duty] ?? "")
            items.append(who + roleName(change.role, language) + what + "”.")
        }
        if items.isEmpty {
            blocks.append(.paragraph(language.text(vi: "Đề án không điều chỉnh chức năng, nhiệm vụ của đơn vị nào.",
                                                   en: "The proposal changes no duty.")))
        } else {
            blocks.append(.bullets(items))
            blocks.append(.note(language.text(vi: "Chi tiết tại Phụ lục II.", en: "Details in Annex II.")))
        }
        return blocks
    }

    /// Annex II: one table each for duties transferred, added, dropped and whose role changed.
    static func dutyAnnex(_ review: ProposalReview, names: UnitNames) -> [ReportBlock] {
        let language = names.language, outcome = review.outcome
        let none = language.text(vi: "Không có.", en: "None.")
        let duty = ReportTable.Column(language.text(vi: "Nội dung nhiệm vụ", en: "Duty"), weight: 4)
        func unit(_ vi: String, _ en: String) -> ReportTable.Column { .init(language.text(vi: vi, en: en), weight: 2.5) }
        let beforeRoles = Dictionary(review.before.graph.chart.units.flatMap(\.duties).map { ($0.id, $0) },
                                     uniquingKeysWith: { a, _ in a })
        return [
            .heading(language.text(vi: "1. Nhiệm vụ chuyển giao", en: "1. Duties transferred"), level: 2),
            .table(ReportTable(columns: [duty, unit("Từ đơn vị", "From"), unit("Đến đơn vị", "To")],
                               rows: outcome.dutyTransfers.map { [$0.text, names.before($0.from), names.after($0.to)] },
                               emptyText: none)),
            .heading(language.text(vi: "2. Nhiệm vụ bổ sung", en: "2. Duties added"), level: 2),
            .table(ReportTable(columns: [duty, unit("Đơn vị được giao", "Unit"),
                                         .init(language.text(vi: "Vai trò", en: "Role")),
                                         unit("Nhiệm vụ theo quy định", "Mandate")],
                               rows: addedDuties(review).map { [$0.text, names.after($0.unit), roleName($0.role, language),
                                                                 $0.mandate ?? "–"] },
                               emptyText: none)),
            .heading(language.text(vi: "3. Nhiệm vụ bãi bỏ", en: "3. Duties dropped"), level: 2),
            .table(ReportTable(columns: [duty, unit("Đơn vị", "Unit"), unit("Lý do", "Reason")],
                               rows: outcome.dropped.map { [$0.text, names.before($0.unit), $0.reason] }, emptyText: none)),
            .heading(language.text(vi: "4. Nhiệm vụ điều chỉnh vai trò chủ trì, phối hợp", en: "4. Duties whose role changed"),
                     level: 2),
            .table(ReportTable(columns: [duty, unit("Đơn vị", "Unit"),
                                         .init(language.text(vi: "Trước", en: "Before")),
                                         .init(language.text(vi: "Sau", en: "After"))],
                               rows: outcome.roleChanges.map { change in
                                   [beforeRoles[change.duty]?.text ?? "", names.after(change.unit),
                                    beforeRoles[change.duty].map { roleName($0.role, language) } ?? "–",
                                    roleName(change.role, language)]
                               }, emptyText: none)),
        ]
    }
}
