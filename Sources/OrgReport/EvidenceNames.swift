import OrgAnalysis
import OrgModel

/// The names of evidence figures in each report language, so that a Vietnamese report shows no English
/// key: the labels each rule declares with its evidence keys (``Rule/evidence``). JSON keeps the keys
/// themselves (they are the machine interface).
enum EvidenceNames {
    /// The name of `key` in `language` (the key itself when unknown).
    static func name(_ key: String, _ language: Language) -> String {
        RuleCatalog.evidenceLabels[key]?.text(language) ?? key
    }

    /// A value in `language`: yes/no for flags, decimal comma in Vietnamese, the words of the chart format
    /// (`civil-servant`, `commune`, `division`) in the report's language.
    static func value(_ value: EvidenceValue, _ language: Language) -> String {
        switch value {
        case .bool(let flag): flag ? language.text(vi: "có", en: "yes") : language.text(vi: "không", en: "no")
        case .number(let number): language.localizedNumber(JSONValue.format(number))
        case .text(let text): word(text, language)
        case .list(let items): items.map { word($0, language) }.joined(separator: " ")
        case .int: TextReporter.describe(value)
        }
    }

    /// A token of the chart format in `language`; other text with its decimal numbers localised ("… : 0.63").
    static func word(_ token: String, _ language: Language) -> String {
        if let category = StaffCategory(rawValue: token) {
            return SummaryReporter.categoryName(category, language).lowercased()
        }
        if let level = GovernmentLevel(rawValue: token) {
            switch level {
            case .central: return language.text(vi: "trung ương", en: "central")
            case .province: return language.text(vi: "cấp tỉnh", en: "province")
            case .district: return language.text(vi: "cấp huyện", en: "district")
            case .commune: return language.text(vi: "cấp xã", en: "commune")
            }
        }
        if let kind = UnitKind(rawValue: token) { return SummaryReporter.kindName(kind, language).lowercased() }
        if let phrase = phrases[token] { return phrase.text(language) }
        // "id=word" pairs (a duty's nature, a unit's figure): the word after the sign in the language too.
        if let sign = token.lastIndex(of: "="), sign != token.startIndex {
            let word = String(token[token.index(after: sign)...])
            let translated = Self.word(word, language)
            if translated != word { return token[...sign] + translated }
        }
        guard language == .vi else { return token }
        // Most tokens (ids, names) hold neither a channel name nor a score: nothing to rewrite.
        guard token.utf8.contains(where: { $0 == 0x3A || $0 == 0x28 || $0 == 0x2C }) else { return token }
        var token = token
        // The channels of an overlap score (OVL002's `channels`).
        for (english, vietnamese) in channelWords { token = token.replacing(english, with: vietnamese) }
        // A score after ": " or "(" is a number, never part of an id: write it with a decimal comma.
        return token.replacing(decimal) { match in
            "\(match.output.lead)\(match.output.whole),\(match.output.fraction)"
        }
    }

    /// A score after ": " or "(" (built once: a regex literal is parsed again at every evaluation).
    nonisolated(unsafe) private static let decimal = #/(?<lead>[:(] ?)(?<whole>[0-9]+)\.(?<fraction>[0-9]+)/#

    /// The channel names in OVL002's `channels` evidence, with their Vietnamese.
    private static let channelWords: [(String, String)] = [
        (": cosine: ", ": câu chữ: "), (", object: ", ", đối tượng: "), (", action: ", ", hành động: "),
        (", mandate ", ", cùng nhiệm vụ theo quy định "),
    ]

    /// English phrases rules put in evidence as values, with their Vietnamese.
    private static let phrases: [String: LocalizedText] = [
        "division of a department": LocalizedText(vi: "phòng thuộc sở", en: "division of a department"),
        "division of a sub-department": LocalizedText(vi: "phòng thuộc chi cục", en: "division of a sub-department"),
        "sub-department": LocalizedText(vi: "chi cục thuộc sở", en: "sub-department"),
        "public service unit": LocalizedText(vi: "đơn vị sự nghiệp công lập", en: "public service unit"),
        "state-management": LocalizedText(vi: "quản lý nhà nước", en: "state management"),
        "internal": LocalizedText(vi: "công tác nội bộ", en: "internal work"),
        "public-service": LocalizedText(vi: "dịch vụ sự nghiệp công", en: "public service"),
    ]

    /// `name = value` pairs, sorted by key, in `language`.
    static func list(_ evidence: [String: EvidenceValue], _ language: Language, separator: String) -> String {
        evidence.sorted { $0.key < $1.key }.map { "\(name($0.key, language)) = \(value($0.value, language))" }
            .joined(separator: separator)
    }
}
