import OrgAnalysis
import OrgModel

/// The report of `orgscope propose`: before against after, and the annex tables of a tờ trình. Text,
/// Markdown and HTML render ``blocks(_:language:profile:)`` (`Proposal/`); JSON and CSV are written here.
/// Pure functions.
public enum ProposalReporter {
    /// The report in `format` (CSV gives the annex table of duty transfers), with the time it was made
    /// when `timestamp` is given. Text, Markdown and HTML are ``blocks(_:language:profile:)`` rendered;
    /// `profile` gives the staffing baseline streamlining is measured against.
    public static func render(_ review: ProposalReview, language: Language, format: OutputFormat,
                              timestamp: String? = nil, profile: DocumentProfile? = nil) -> String {
        func document(markdown: Bool) -> String {
            Timestamp.stamp(ReportBlockText.render(blocks(review, language: language, profile: profile),
                                                   markdown: markdown, language: language), timestamp, language)
        }
        return switch format {
        case .json: Timestamp.stamp(json(review, language: language, profile: profile), timestamp).serialized()
        case .markdown: document(markdown: true)
        case .html:
            HTMLDocument.render(markdown: document(markdown: true), title: title(review, language: language),
                                language: language)
        case .csv: CSVReporter.table(transferRows(review, language: language))
        // The Word document is made by `report` (`word`); asked here, the same content as text.
        case .text, .docx: document(markdown: false)
        }
    }

    static func transferRows(_ review: ProposalReview, language: Language) -> [[String]] {
        let names = UnitNames(before: review.before.graph, after: review.after.graph, language: language)
        var rows = [[language.text(vi: "Nhiệm vụ", en: "Duty"), language.text(vi: "Từ đơn vị", en: "From"),
                     language.text(vi: "Đến đơn vị", en: "To"), language.text(vi: "Nội dung", en: "Text"),
                     language.text(vi: "Tên đơn vị chuyển đi", en: "From (name)"),
                     language.text(vi: "Tên đơn vị tiếp nhận", en: "To (name)")]]
        for move in review.outcome.dutyTransfers {
            rows.append([move.duty.rawValue, move.from.rawValue, move.to.rawValue, move.text,
                         names.before(move.from), names.after(move.to)])
        }
        return rows
    }

    private static func json(_ review: ProposalReview, language: Language, profile: DocumentProfile?) -> JSONValue {
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
        ] + (profile?.baseline.map { [("baseline", baselineJSON($0, review))] } ?? []))
    }

    /// The stated baseline and the civil-servant quota after against it (only when a profile states one).
    private static func baselineJSON(_ baseline: DocumentProfile.StaffingBaseline, _ review: ProposalReview) -> JSONValue {
        let after = review.staffing.first { $0.unit == nil && $0.category == .civilServant }?.after.quota
        let change: JSONValue = {
            guard let base = baseline.civilServants, base > 0, let after else { return .null }
            return .number(Double(after - base) * 100 / Double(base))
        }()
        var met: JSONValue = .null
        if let target = review.reductionTarget, case .number(let percent) = change { met = .bool(-percent >= target) }
        let source: JSONValue = baseline.source.map { source in
            .object([("number", .string(source.number)), ("date", source.date.map { .string($0.description) } ?? .null)])
        } ?? .null
        return .object([
            ("label", .string(baseline.label)), ("source", source),
            ("civilServants", baseline.civilServants.map(JSONValue.int) ?? .null),
            ("publicEmployees", baseline.publicEmployees.map(JSONValue.int) ?? .null),
            ("civilServantQuotaAfter", after.map(JSONValue.int) ?? .null),
            ("civilServantChangePercent", change), ("meetsReductionTarget", met),
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
    public static func report(_ review: ProposalReview, language: Language, timestamp: String? = nil,
                              profile: DocumentProfile? = nil) -> OneFileReport {
        OneFileReport(render: { format in render(review, language: language, format: format, timestamp: timestamp, profile: profile) },
                      word: { () throws(ReportFile.Failure) in try word(review, language: language, timestamp: timestamp,
                                                                      profile: profile ?? DocumentProfile()).bytes() })
    }

    /// The Word report on the proposal, laid out as every administrative document.
    static func word(_ review: ProposalReview, language: Language, timestamp: String?, profile: DocumentProfile) -> OfficialDocument {
        let subject = language.text(vi: "Kết quả rà soát phương án sắp xếp tổ chức bộ máy theo đề án “\(review.proposal.title)”",
                                    en: "Review of the restructuring proposal “\(review.proposal.title)”")
        var document = OfficialDocument(blocks: blocks(review, language: language, profile: profile), subject: subject, profile: profile,
                                        language: language, illustrative: review.before.graph.chart.illustrative, timestamp: timestamp)
        document.body.append(.paragraph(language.text(
            vi: "Trên đây là báo cáo kết quả rà soát phương án sắp xếp tổ chức bộ máy; \(profile.issuingBodyName) kính báo cáo "
                + "Ủy ban nhân dân tỉnh xem xét, quyết định./.",
            en: "This is the review of the restructuring proposal; \(profile.issuingBodyName) submits it to the provincial "
                + "People's Committee for decision.")))
        return document
    }
}
