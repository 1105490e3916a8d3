import OrgModel

/// One attribute of an element: local name, namespace URI (nil for unqualified) and value.
struct XMLAttribute {
    var name: String
    var namespace: String?
    var value: String
}

/// What a parser driver (SAX2 or text reader) reports to the code that builds the model.
/// Both drivers produce the same sequence of calls for the same file.
protocol XMLEventHandler: AnyObject {
    /// An element starts at `location` (the `<` of its start tag).
    func startElement(name: String, namespace: String?, attributes: [XMLAttribute], location: SourceLocation)
    /// The current element ends.
    func endElement()
    /// Character data (UTF-8) inside the current element, possibly in several pieces.
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Whether `characters` is wanted at all now (saves copying white space between elements).
    var wantsCharacters: Bool { get }
}
