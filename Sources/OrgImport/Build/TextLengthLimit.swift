/// The messages of ``ImportOptions/maxTextLength``, which bounds every text and attribute value.
enum TextLengthLimit {
    /// An attribute value over the limit.
    static func message(_ long: (name: String, characters: Int), limit: Int) -> String {
        "attribute '\(long.name)' is \(long.characters) characters long, over the limit of \(limit) "
            + "(raise --max-text-length if it is meant to be that long)"
    }

    /// An element's text over the limit.
    static func textMessage(characters: Int, limit: Int) -> String {
        "this text is \(characters) characters long, over the limit of \(limit) "
            + "(raise --max-text-length if it is meant to be that long)"
    }
}
