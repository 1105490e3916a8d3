import OrgModel

/// One attribute as read: namespace URI (nil for an unprefixed attribute), local name, value.
struct XMLAttribute: Sendable {
    var namespace: String?
    var name: String
    var value: String
}

/// One element as read from an interchange file, detached from libxml2: no C pointer leaves the parser.
struct XMLNode: Sendable {
    /// The namespace URI of the element, nil when it has none.
    var namespace: String?
    /// The local name.
    var name: String
    /// Attributes in document order.
    var attributes: [XMLAttribute]
    /// Child elements in document order.
    var children: [XMLNode]
    /// The element's own text (text and CDATA children), as written.
    var text: String
    /// Where the start tag's `<` is.
    var location: SourceLocation

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"

    /// The unprefixed attribute `name`.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.namespace == nil && $0.name == name }?.value
    }

    /// The attribute `name` in `namespace`.
    func attribute(_ name: String, namespace: String) -> String? {
        attributes.first { $0.namespace == namespace && $0.name == name }?.value
    }

    /// `xml:lang` of this element itself.
    var language: String? { attribute("lang", namespace: Self.xmlNamespace) }

    /// `xsi:type` without a prefix (`archimate:BusinessActor` gives `BusinessActor`).
    var schemaType: String? {
        guard let value = attribute("type", namespace: Self.schemaInstance) else { return nil }
        return value.split(separator: ":").last.map(String.init) ?? value
    }

    /// The child elements named `name` (in any namespace; the root's namespace was checked once).
    func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The first child element named `name`.
    func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
}
