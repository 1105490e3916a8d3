import OrgModel

/// A text in one language (`<name xml:lang="vi">`, `<label>`, `<documentation>`).
struct LocalizedText: Sendable {
    var language: String?
    var text: String
}

/// A property as read: its name (resolved from the property definition), its value, where it is.
struct ModelProperty: Sendable {
    var name: String
    var value: String
    var location: SourceLocation
}

/// An ArchiMate element (`<element xsi:type="BusinessActor">`).
struct ModelElement: Sendable {
    var identifier: String
    var type: String
    var names: [LocalizedText]
    var documentation: [LocalizedText]
    var properties: [ModelProperty]
    var location: SourceLocation
}

/// An ArchiMate relationship; `type` without the 2.1 `Relationship` suffix (`Composition`, `Assignment`).
struct ModelRelationship: Sendable {
    var identifier: String
    var type: String
    var source: String
    var target: String
    var location: SourceLocation
}

/// What orgscope reads of an ArchiMate Model Exchange File: the model's identity and properties, its
/// elements and relationships. Views, folders (`organizations`) and metadata are presentation: their
/// references are checked, their content is not mapped.
struct ArchiMateModel: Sendable {
    var format: ModelFormat
    var identifier: String
    var names: [LocalizedText]
    var documentation: [LocalizedText]
    var properties: [ModelProperty]
    var elements: [ModelElement]
    var relationships: [ModelRelationship]
    /// Parts of the model that are read for references only, with how many items each holds:
    /// `views` (diagrams) and `organizations` (folders).
    var presentation: [(part: String, count: Int, location: SourceLocation)]
    var location: SourceLocation
}
