import OrgModel

/// The languages of reports and messages. Vietnamese is the default: the users read it first.
public enum Language: String, CaseIterable, Sendable, Codable {
    /// Tiếng Việt.
    case vi
    /// English.
    case en
}

/// A text in both report languages.
public struct LocalizedText: Hashable, Sendable, Codable {
    /// Vietnamese.
    public var vi: String
    /// English.
    public var en: String

    /// Both texts.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}

extension Language {
    /// The one way to write a bilingual phrase inline: `language.text(vi: "Biên chế", en: "Staffing")`.
    /// A bilingual value that is stored or passed around is a ``LocalizedText``.
    public func text(vi: String, en: String) -> String {
        LocalizedText(vi: vi, en: en).text(self)
    }

    /// `number`, as `JSONValue.format(_:)` writes it, with the decimal separator of this language (a
    /// comma in Vietnamese).
    public func localizedNumber(_ number: String) -> String {
        switch self {
        case .vi: String(number.map { $0 == "." ? "," : $0 })
        case .en: number
        }
    }

    /// `date` as this language writes it: dd/mm/yyyy in Vietnamese, YYYY-MM-DD in English.
    public func date(_ date: ChartDate) -> String {
        switch self {
        case .vi:
            let iso = date.description
            return "\(iso.dropFirst(8))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4))"
        case .en: return date.description
        }
    }
}
