import OrgAnalysis
import OrgModel

/// Names of units across two charts (before and after a proposal, or an old and a new chart), as prose
/// writes them: the name placed in its department ("Phòng Bổ trợ tư pháp thuộc Sở Tư pháp"), never the id.
/// A unit is named as it was before when it existed then, else as it is after.
struct UnitNames {
    let before: DutyGraph
    let after: DutyGraph
    let language: Language

    /// The unit as it was before (else as it is after); the id only when neither chart holds it.
    func before(_ id: UnitID) -> String {
        if let index = before.index[id] { return before.name(index, language) }
        if let index = after.index[id] { return after.name(index, language) }
        return id.rawValue
    }

    /// The unit as it is after (else as it was before).
    func after(_ id: UnitID) -> String {
        if let index = after.index[id] { return after.name(index, language) }
        return before(id)
    }

    /// `before` or `after` for a unit that may be absent: "–".
    func before(_ id: UnitID?) -> String { id.map { before($0) } ?? "–" }

    /// Several units, joined as a sentence lists them ("A, B và C").
    func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + language.text(vi: " và ", en: " and ") + last
    }
}

/// Figures as officials write them (the wording of `OfficialWording`, reached from reports).
enum Figures {
    /// A count of people or posts: "03", "12" in Vietnamese; as is in English.
    static func count(_ value: Int, _ language: Language = .vi) -> String {
        language == .vi ? OfficialWording.count(value) : String(value)
    }

    /// A signed difference in a table: "+3", "-2", "0".
    static func change(_ value: Int) -> String {
        value == 0 ? "0" : (value > 0 ? "+" : "-") + String(abs(value))
    }

    /// `text` with its first letter in capitals, for a table cell or a sentence.
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A percentage with one decimal, decimal comma in Vietnamese: "-2,5%".
    static func percent(_ value: Double, _ language: Language, signed: Bool = true) -> String {
        let text = JSONValue.format((value * 10).rounded() / 10)
        return (signed && value > 0 ? "+" : "") + language.localizedNumber(text) + "%"
    }

    /// The heads and deputies of `unit`: "01 Trưởng phòng, 02 Phó Trưởng phòng (khuyết 01 Trưởng phòng)".
    static func leadership(_ unit: Unit?, _ language: Language) -> String {
        guard let unit else { return "–" }
        guard let leadership = unit.leadership else { return language.text(vi: "chưa ghi", en: "not recorded") }
        let head = OfficialWording.headPost(unit).text(language)
        var parts: [String] = []
        if let heads = leadership.heads { parts.append(count(heads, language) + " " + head) }
        if let deputies = leadership.deputies {
            let deputy = language == .en && deputies != 1 ? OfficialWording.deputyPostsEn(unit)
                : OfficialWording.deputyPost(unit).text(language)
            parts.append(count(deputies, language) + " " + deputy)
        }
        var text = parts.isEmpty ? language.text(vi: "chưa ghi", en: "not recorded") : parts.joined(separator: ", ")
        if let vacant = leadership.vacantHeads, vacant > 0 {
            text += language.text(vi: " (khuyết ", en: " (vacant: ") + count(vacant, language) + " " + head + ")"
        }
        return text
    }

    /// The staffing of `unit` in one line: "biên chế công chức 04, hiện có 04; số lượng người làm việc …".
    static func staffing(_ unit: Unit?, _ language: Language) -> String {
        guard let unit else { return "–" }
        let parts = unit.staffing.compactMap { entry -> String? in
            guard entry.quota != nil || entry.actual != nil else { return nil }
            return entry.category.quotaNames.text(language) + " " + (entry.quota.map { count($0, language) } ?? "–")
                + language.text(vi: ", hiện có ", en: ", in post ") + (entry.actual.map { count($0, language) } ?? "–")
        }
        return parts.isEmpty ? language.text(vi: "không ghi biên chế", en: "no staffing recorded") : parts.joined(separator: "; ")
    }
}
