import OrgAnalysis
import OrgModel

/// The report of `orgscope propose`: before against after, and the annex tables of a tờ trình (duties
/// transferred, people transferred, units created and removed). Text, Markdown and JSON; pure functions.
public enum ProposalReporter {
    /// The report in `format` (CSV gives the annex table of duty transfers), with the time it was made
    /// when `timestamp` is given.
    public static func render(_ review: ProposalReview, language: Language, format: OutputFormat,
                              timestamp: String? = nil) -> String {
        func document(markdown: Bool) -> String {
            Timestamp.stamp(Self.document(review, language: language, markdown: markdown), timestamp, language)
        }
        return switch format {
        case .json: Timestamp.stamp(json(review, language: language), timestamp).serialized()
        case .markdown: document(markdown: true)
        case .html:
            HTMLDocument.render(markdown: document(markdown: true),
                                title: language.text(vi: "Đề án ", en: "Proposal ")
                                    + "\(review.proposal.id): \(review.proposal.title)",
                                language: language)
        case .csv: CSVReporter.table(transferRows(review, language: language))
        case .text, .docx: document(markdown: false)
        }
    }

    private static func document(_ review: ProposalReview, language: Language, markdown: Bool) -> String {
        let proposal = review.proposal
        var out: [String] = []
        func heading(_ text: String, _ level: Int) {
            out.append(markdown ? String(repeating: "#", count: level) + " " + text : (level == 1 ? text : text.uppercased()))
        }
        heading(language.text(vi: "Đề án ", en: "Proposal ") + "\(proposal.id): \(proposal.title)", 1)
        out.append(language.text(vi: "Sơ đồ: ", en: "Chart: ") + review.before.graph.chart.name
            + (proposal.effective.map { language.text(vi: "; hiệu lực từ ngày ", en: "; effective ") + language.date($0) } ?? ""))
        if let rationale = proposal.rationale { out.append(language.text(vi: "Lý do: ", en: "Rationale: ") + rationale) }
        out.append("")
        heading(language.text(vi: "Phát hiện trước và sau", en: "Findings before and after"), 2)
        // Counts are of confirmed current findings, as every report counts; the lists below mark the others.
        let beforeCount = review.before.findings.count(where: \.isCountable)
        let afterCount = review.after.findings.count(where: \.isCountable)
        out.append(language.text(vi: "Trước: \(beforeCount), sau: \(afterCount) nội dung đã xác định; ",
                                 en: "Before: \(beforeCount), after: \(afterCount) confirmed findings; ")
            + language.text(
                vi: "đã khắc phục \(review.resolved.count), phát sinh \(review.introduced.count), giữ nguyên \(review.unchanged.count)",
                en: "resolved \(review.resolved.count), introduced \(review.introduced.count), unchanged \(review.unchanged.count)"))
        for (title, list, always) in [
            (language.text(vi: "Đã khắc phục", en: "Resolved"), review.resolved, true),
            (language.text(vi: "Hợp thức hóa, không phải khắc phục", en: "Legitimised, not resolved"), review.legitimised, false),
            (language.text(vi: "Nội dung đề án cần rà soát", en: "Proposal review"), review.reviewFindings, false),
            (language.text(vi: "Phát sinh", en: "Introduced"), review.introduced, true),
        ] where always || !list.isEmpty {
            out.append("")
            out.append(title + " (\(list.count))" + (markdown ? "" : ":"))
            for finding in list { out.append("- " + finding.line(language)) }
        }
        out.append("")
        heading(language.text(vi: "Biên chế và số lượng người làm việc", en: "Staffing"), 2)
        for change in review.staffing where change.unit == nil {
            out.append("- " + SummaryReporter.categoryName(change.category, language) + ": "
                + language.text(
                    vi: "giao \(change.before.quota) → \(change.after.quota), có mặt \(change.before.actual) → \(change.after.actual)",
                    en: "quota \(change.before.quota) → \(change.after.quota), in post \(change.before.actual) → \(change.after.actual)")
                + (change.quotaChangePercent.map { " (\(percent($0, language)))" } ?? ""))
        }
        if let target = review.reductionTarget {
            let met = review.meetsReductionTarget ?? false
            out.append(language.text(vi: "Mục tiêu tinh giản biên chế công chức (Kết luận 40-KL/TW): giảm ít nhất ",
                                     en: "Civil-servant reduction target (Conclusion 40-KL/TW): at least ")
                + percent(target, language, signed: false)
                + (met ? language.text(vi: ": đạt", en: ": met") : language.text(vi: ": chưa đạt", en: ": not met")))
        }
        let departments = review.staffing.filter { $0.unit != nil && ($0.before != $0.after) }
        if !departments.isEmpty {
            out.append("")
            out.append(language.text(vi: "Thay đổi theo sở", en: "Changes by department") + (markdown ? "" : ":"))
            for change in departments {
                out.append("- \(change.unit?.rawValue ?? "") " + SummaryReporter.categoryName(change.category, language)
                    + ": \(change.before.quota) → \(change.after.quota) / \(change.before.actual) → \(change.after.actual)")
            }
        }
        out.append("")
        heading(language.text(vi: "Phụ lục", en: "Annex"), 2)
        out.append(contentsOf: annex(review, language: language, markdown: markdown))
        return out.joined(separator: "\n") + "\n"
    }

    private static func annex(_ review: ProposalReview, language: Language, markdown: Bool) -> [String] {
        let outcome = review.outcome
        var out: [String] = []
        let rows = transferRows(review, language: language)
        out.append(language.text(vi: "1. Nhiệm vụ chuyển giao", en: "1. Duties transferred") + " (\(rows.count - 1))")
        out.append(contentsOf: table(rows, markdown: markdown))
        out.append("")
        var people = [[language.text(vi: "Từ đơn vị", en: "From"), language.text(vi: "Đến đơn vị", en: "To"),
                       language.text(vi: "Loại", en: "Category"), language.text(vi: "Số người", en: "People"),
                       language.text(vi: "Biên chế", en: "Quota")]]
        for move in outcome.peopleTransfers {
            people.append([move.from.rawValue, move.to.rawValue, SummaryReporter.categoryName(move.category, language),
                           String(move.people), String(move.quota)])
        }
        out.append(language.text(vi: "2. Người chuyển giao", en: "2. People transferred") + " (\(people.count - 1))")
        out.append(contentsOf: table(people, markdown: markdown))
        out.append("")
        var units = [[language.text(vi: "Đơn vị", en: "Unit"), language.text(vi: "Tên", en: "Name"),
                      language.text(vi: "Thay đổi", en: "Change")]]
        for (id, name) in outcome.created {
            units.append([id.rawValue, name, language.text(vi: "thành lập", en: "created")])
        }
        for (id, name) in outcome.removed {
            units.append([id.rawValue, name, language.text(vi: "giải thể, sáp nhập", en: "removed")])
        }
        out.append(language.text(vi: "3. Đơn vị thành lập và giải thể", en: "3. Units created and removed")
            + " (\(units.count - 1))")
        out.append(contentsOf: table(units, markdown: markdown))
        if !outcome.roleChanges.isEmpty {
            out.append("")
            var roles = [[language.text(vi: "Nhiệm vụ", en: "Duty"), language.text(vi: "Đơn vị", en: "Unit"),
                          language.text(vi: "Vai trò mới", en: "New role")]]
            for change in outcome.roleChanges {
                let role = language.text(vi: change.role == .lead ? "chủ trì" : "phối hợp", en: change.role.rawValue)
                roles.append([change.duty.rawValue, change.unit.rawValue, role])
            }
            out.append(language.text(vi: "Nhiệm vụ đổi vai trò (chủ trì, phối hợp)", en: "Duties whose role changed")
                + " (\(roles.count - 1))")
            out.append(contentsOf: table(roles, markdown: markdown))
        }
        if !outcome.dropped.isEmpty {
            out.append("")
            var dropped = [[language.text(vi: "Nhiệm vụ", en: "Duty"), language.text(vi: "Đơn vị", en: "Unit"),
                            language.text(vi: "Nội dung", en: "Text"), language.text(vi: "Lý do", en: "Reason")]]
            for drop in outcome.dropped { dropped.append([drop.duty.rawValue, drop.unit.rawValue, drop.text, drop.reason]) }
            out.append(language.text(vi: "4. Nhiệm vụ bãi bỏ", en: "4. Duties dropped") + " (\(dropped.count - 1))")
            out.append(contentsOf: table(dropped, markdown: markdown))
        }
        return out
    }

    static func transferRows(_ review: ProposalReview, language: Language) -> [[String]] {
        var rows = [[language.text(vi: "Nhiệm vụ", en: "Duty"), language.text(vi: "Từ đơn vị", en: "From"),
                     language.text(vi: "Đến đơn vị", en: "To"), language.text(vi: "Nội dung", en: "Text")]]
        for move in review.outcome.dutyTransfers { rows.append([move.duty.rawValue, move.from.rawValue, move.to.rawValue, move.text]) }
        return rows
    }

    private static func table(_ rows: [[String]], markdown: Bool) -> [String] {
        guard rows.count > 1 else { return [] }
        if markdown {
            return ["", "| " + rows[0].joined(separator: " | ") + " |", "|" + rows[0].map { _ in " --- |" }.joined()]
                + rows.dropFirst().map { "| " + $0.map(MarkdownReporter.escape).joined(separator: " | ") + " |" }
        }
        return rows.dropFirst().map { "  - " + $0.joined(separator: " | ") }
    }

    private static func percent(_ value: Double, _ language: Language, signed: Bool = true) -> String {
        let text = JSONValue.format((value * 10).rounded() / 10)
        let sign = signed && value > 0 ? "+" : ""
        return sign + language.localizedNumber(text) + "%"
    }

    private static func json(_ review: ProposalReview, language: Language) -> JSONValue {
        let outcome = review.outcome
        let header: JSONValue = .object([
            ("id", .string(review.proposal.id)), ("chart", .string(review.proposal.chart)),
            ("title", .string(review.proposal.title)),
            ("effective", review.proposal.effective.map { .string($0.description) } ?? .null),
        ])
        let findings: JSONValue = .object([
            ("before", .int(review.before.findings.count)), ("after", .int(review.after.findings.count)),
            ("resolved", list(review.resolved, language)), ("legitimised", list(review.legitimised, language)),
            ("introduced", list(review.introduced, language)), ("unchanged", list(review.unchanged, language)),
            ("review", list(review.reviewFindings, language)),
        ])
        let staffing: [JSONValue] = review.staffing.map(change)
        let duties: [JSONValue] = outcome.dutyTransfers.map { move in
            .object([("duty", .string(move.duty.rawValue)), ("from", .string(move.from.rawValue)),
                     ("to", .string(move.to.rawValue)), ("text", .string(move.text))])
        }
        let people: [JSONValue] = outcome.peopleTransfers.map { move in
            .object([("from", .string(move.from.rawValue)), ("to", .string(move.to.rawValue)),
                     ("category", .string(move.category.rawValue)), ("people", .int(move.people)), ("quota", .int(move.quota))])
        }
        let created: [JSONValue] = outcome.created.map { .object([("unit", .string($0.unit.rawValue)), ("name", .string($0.name))]) }
        let removed: [JSONValue] = outcome.removed.map { .object([("unit", .string($0.unit.rawValue)), ("name", .string($0.name))]) }
        let dropped: [JSONValue] = outcome.dropped.map { drop in
            .object([("duty", .string(drop.duty.rawValue)), ("unit", .string(drop.unit.rawValue)), ("reason", .string(drop.reason))])
        }
        let target: JSONValue = review.reductionTarget.map(JSONValue.number) ?? .null
        let met: JSONValue = review.meetsReductionTarget.map(JSONValue.bool) ?? .null
        return .object([
            ("schemaVersion", .int(1)), ("proposal", header), ("findings", findings), ("staffing", .array(staffing)),
            ("reductionTarget", target), ("meetsReductionTarget", met), ("dutiesTransferred", .array(duties)),
            ("peopleTransferred", .array(people)), ("unitsCreated", .array(created)), ("unitsRemoved", .array(removed)),
            ("dutiesDropped", .array(dropped)), ("dutiesAdded", .array(outcome.added.map { .string($0.rawValue) })),
            ("roleChanges", .array(outcome.roleChanges.map { change in
                .object([("duty", .string(change.duty.rawValue)), ("unit", .string(change.unit.rawValue)),
                         ("role", .string(change.role.rawValue))])
            })),
        ])
    }

    private static func list(_ findings: [Finding], _ language: Language) -> JSONValue {
        .array(findings.map { finding in
            .object([("code", .string(finding.code)), ("severity", .string(finding.severity.rawValue)),
                     ("units", .array(finding.units.map { .string($0.rawValue) }))] + finding.apartMembers
                     + [("message", .string(finding.message.text(language)))])
        })
    }

    private static func change(_ change: ProposalReview.StaffingChange) -> JSONValue {
        let unit: JSONValue = change.unit.map { .string($0.rawValue) } ?? .null
        let percent: JSONValue = change.quotaChangePercent.map(JSONValue.number) ?? .null
        return .object([
            ("unit", unit), ("category", .string(change.category.rawValue)),
            ("quotaBefore", .int(change.before.quota)), ("quotaAfter", .int(change.after.quota)),
            ("actualBefore", .int(change.before.actual)), ("actualAfter", .int(change.after.actual)),
            ("quotaChangePercent", percent),
        ])
    }
}

extension ProposalReporter {
    /// The report to write: one file per format, rendered when written.
    public static func report(_ review: ProposalReview, language: Language, timestamp: String? = nil) -> OneFileReport {
        OneFileReport { format in render(review, language: language, format: format, timestamp: timestamp) }
    }
}
