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
