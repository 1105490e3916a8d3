/// A rules file as read, before it is checked against the rule catalogue: every scalar with the path
/// of keys leading to it and its position, so that a bad value is reported at its line.
public struct RulesFile: Sendable, Hashable {
    /// One scalar value.
    public struct Entry: Sendable, Hashable {
        /// The keys leading to it (`["rules", "STF003", "minimum_division"]`); a list item has its list's path.
        public var path: [String]
        /// The value as written.
        public var value: String
        /// Where the value is (or its key, for a list item).
        public var location: SourceLocation

        /// An entry.
        public init(path: [String], value: String, location: SourceLocation) {
            self.path = path
            self.value = value
            self.location = location
        }
    }

    /// The path as the user gave it.
    public var file: String
    /// Every scalar, in file order.
    public var entries: [Entry]

    /// A rules file.
    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }
}
