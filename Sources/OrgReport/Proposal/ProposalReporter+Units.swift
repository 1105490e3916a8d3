import OrgAnalysis
import OrgModel

extension ProposalReporter {
    /// What the proposal does to units, in the order of its operations: one sentence each for section I,
    /// and the rows of Annex I (unit, change, before, after), every unit by name.
    static func unitChanges(_ review: ProposalReview, names: UnitNames) -> (sentences: [String], rows: [[String]]) {
        let language = names.language
        let old = Dictionary(review.before.graph.chart.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(review.outcome.chart.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func state(_ unit: Unit?) -> String {
            guard let unit else { return "–" }
            return Figures.staffing(unit, language) + "; " + Figures.leadership(unit, language)
        }
        var sentences: [String] = [], rows: [[String]] = []
        for operation in review.proposal.operations {
            switch operation.action {
            case .merge(let into, let units, let name, _, _, _):
                let survives = units.contains(into) && old[into] != nil
                let sources = units.filter { !survives || $0 != into }
                let target = names.after(into)
                if survives {
                    let renamed = name.map { $0 != old[into]?.name } ?? false
                    sentences.append(language.text(vi: "Sáp nhập ", en: "Merge ") + names.list(sources.map(names.before))
                        + language.text(vi: " vào ", en: " into ") + names.before(into)
                        + (renamed ? language.text(vi: ", đổi tên thành ", en: ", renamed ") + (name ?? "") : "") + ".")
                } else {
                    sentences.append(language.text(vi: "Hợp nhất ", en: "Merge ") + names.list(sources.map(names.before))
                        + language.text(vi: " thành ", en: " into a new unit, ") + target + ".")
                }
                let kind = survives ? language.text(vi: "Sáp nhập", en: "Merged") : language.text(vi: "Hợp nhất", en: "Merged")
                for source in sources {
                    rows.append([names.before(source), kind, state(old[source]),
                                 language.text(vi: "Nhập vào ", en: "Into ") + target])
                }
                rows.append([target, survives ? language.text(vi: "Tiếp nhận đơn vị sáp nhập", en: "Takes in the merged units")
                                              : language.text(vi: "Thành lập trên cơ sở hợp nhất", en: "Created by the merger"),
                             survives ? state(old[into]) : "–", state(new[into])])
            case .split(let unit, let parts):
                let partNames = parts.map { names.after($0.id) }
                sentences.append(language.text(vi: "Chia tách ", en: "Split ") + names.before(unit)
                    + language.text(vi: " thành ", en: " into ") + names.list(partNames) + ".")
                rows.append([names.before(unit), language.text(vi: "Chia tách", en: "Split"), state(old[unit]),
                             language.text(vi: "Thành ", en: "Into ") + names.list(partNames)])
                for part in parts {
                    rows.append([names.after(part.id), language.text(vi: "Thành lập trên cơ sở chia tách", en: "Created by the split"),
                                 "–", state(new[part.id])])
                }
            case .move(let unit, let parent):
                let from = old[unit]?.parent
                sentences.append(language.text(vi: "Chuyển ", en: "Move ") + names.before(unit)
                    + language.text(vi: " về trực thuộc ", en: " under ") + names.after(parent)
                    + (from.map { language.text(vi: " (trước đây trực thuộc ", en: " (formerly under ") + names.before($0) + ")" } ?? "")
                    + ".")
                rows.append([names.before(unit), language.text(vi: "Chuyển trực thuộc", en: "Moved"),
                             language.text(vi: "Trực thuộc ", en: "Under ") + names.before(from),
                             language.text(vi: "Trực thuộc ", en: "Under ") + names.after(parent)])
            case .rename(let unit, let name):
                sentences.append(language.text(vi: "Đổi tên ", en: "Rename ") + names.before(unit)
                    + language.text(vi: " thành ", en: " to ") + name + ".")
                rows.append([names.before(unit), language.text(vi: "Đổi tên", en: "Renamed"), old[unit]?.name ?? "–", name])
            case .abolish(let unit, let dutiesTo, let staffTo):
                var sentence = language.text(vi: "Giải thể ", en: "Abolish ") + names.before(unit)
                var after: [String] = []
                if let dutiesTo {
                    after.append(language.text(vi: "nhiệm vụ chuyển về ", en: "duties to ") + names.after(dutiesTo))
                }
                if let staffTo {
                    after.append(language.text(vi: "người làm việc và biên chế chuyển về ", en: "staff and quota to ")
                        + names.after(staffTo))
                } else if let figures = old[unit]?.staffing, figures.contains(where: { ($0.quota ?? 0) > 0 }) {
                    after.append(language.text(vi: "thu hồi biên chế được giao", en: "quota released"))
                }
                if !after.isEmpty { sentence += "; " + after.joined(separator: "; ") }
                sentences.append(sentence + ".")
                rows.append([names.before(unit), language.text(vi: "Giải thể", en: "Abolished"), state(old[unit]),
                             after.isEmpty ? "–" : Figures.capitalized(after.joined(separator: "; "))])
            case .transferDuty, .setStaffing, .setLeadership, .addDuty, .dropDuty:
                continue
            }
        }
        return (sentences, rows)
    }
}
