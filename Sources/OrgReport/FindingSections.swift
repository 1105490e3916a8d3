import OrgAnalysis
import OrgModel

/// The parts every report shows findings in, in this order: today's confirmed findings by severity (the
/// only ones counted), then those that rest only on inference ("Cần xác minh"), then each upcoming regime's
/// ("Từ ngày 01/01/2026"). One place decides the split, so that every format shows the same sections.
struct FindingSection {
    /// What the section holds.
    enum Kind: Hashable {
        /// Confirmed, under the regime in force, of one severity.
        case current(Severity)
        /// Current, resting only on inferred mandate assignments.
        case toVerify
        /// Under a regime that takes effect on the date.
        case upcoming(ChartDate)
    }

    let kind: Kind
    /// The findings, in report order.
    let findings: [Finding]

    /// A stable name for anchors and CSS (`error`, `to-verify`, `upcoming-2026-01-01`).
    var slug: String {
        switch kind {
        case .current(let severity): severity.rawValue
        case .toVerify: "to-verify"
        case .upcoming(let date): "upcoming-\(date)"
        }
    }

    /// The heading, in sentence case (the text report capitalises it).
    func heading(_ language: Language, regime: NormRegime?) -> String {
        switch kind {
        case .current(.error):
            language.text(vi: "Nội dung chưa đúng quy định", en: "Not in line with the norms")
        case .current(.warning):
            language.text(vi: "Nội dung cần rà soát, làm rõ", en: "To be reviewed and clarified")
        case .current(.info):
            language.text(vi: "Thông tin", en: "For information")
        case .toVerify:
            language.text(vi: "Cần xác minh", en: "To verify")
        case .upcoming(let date):
            language.text(vi: "Từ ngày \(language.date(date))", en: "From \(language.date(date))")
                + (regime.map { " (" + $0.decree + ")" } ?? "")
        }
    }

    /// What the section means, for a reader who did not write the tool.
    func note(_ language: Language) -> String? {
        switch kind {
        case .current: nil
        case .toVerify:
            language.text(
                vi: "Các nội dung dưới đây chỉ dựa trên việc đối chiếu văn bản nhiệm vụ với danh mục nhiệm vụ theo "
                    + "quy định, sơ đồ không ghi rõ; cần cơ quan, đơn vị xác minh trước khi kết luận và không tính "
                    + "vào tổng số.",
                en: "These rest only on matching duty texts to the catalogue of mandates, which the chart does not "
                    + "state; they must be checked by the units before any conclusion and are not counted in the totals.")
        case .upcoming:
            language.text(
                vi: "Các nội dung dưới đây chưa vi phạm tại ngày áp dụng nhưng sẽ không phù hợp khi quy định mới có "
                    + "hiệu lực; cần xây dựng lộ trình giải quyết. Không tính vào tổng số hiện nay.",
                en: "These do not breach the norms on the date applied but will once the new regime takes effect; "
                    + "units should plan for them. They are not counted in today's totals.")
        }
    }

    /// The sections of `result` that hold findings.
    static func sections(_ result: AnalysisResult) -> [FindingSection] {
        var sections: [FindingSection] = []
        for severity in Severity.allCases {
            let group = result.findings.filter { $0.isCountable && $0.severity == severity }
            if !group.isEmpty { sections.append(FindingSection(kind: .current(severity), findings: group)) }
        }
        let toVerify = result.findings.filter(\.isToVerify)
        if !toVerify.isEmpty { sections.append(FindingSection(kind: .toVerify, findings: toVerify)) }
        let dates = Set(result.findings.compactMap(\.effectiveFrom)).sorted()
        for date in dates {
            sections.append(FindingSection(kind: .upcoming(date), findings: result.findings.filter { $0.effectiveFrom == date }))
        }
        return sections
    }
}

extension Finding {
    /// One line for lists of findings (proposals, comparisons): the code, then what sets the finding apart
    /// ("[cần xác minh]", "[từ ngày 01/01/2026]"), then the message.
    func line(_ language: Language) -> String {
        var marks: [String] = []
        if confidence == .toVerify { marks.append(language.text(vi: "[cần xác minh]", en: "[to verify]")) }
        if let date = effectiveFrom {
            marks.append(language.text(vi: "[từ ngày \(language.date(date))]", en: "[from \(language.date(date))]"))
        }
        return ([code] + marks + [message.text(language)]).joined(separator: " ")
    }

    /// The members lists of findings carry in JSON besides code, units and message.
    var apartMembers: [(String, JSONValue)] {
        [("confidence", .string(confidence.rawValue))]
            + (effectiveFrom.map { [("effectiveFrom", JSONValue.string($0.description))] } ?? [])
    }
}

extension LegalCitation {
    /// The citation as every report and `orgscope explain` print it: the reference, marked
    /// "(điều khoản chưa xác nhận)" when the clause was not checked against the text.
    func text(_ language: Language) -> String {
        reference + (unconfirmed ? language.text(vi: " (điều khoản chưa xác nhận)", en: " (clause unconfirmed)") : "")
    }
}
