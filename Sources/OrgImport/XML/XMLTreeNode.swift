import OrgModel

/// One element of a document read whole (``TreeDocumentParser``), detached from libxml2: no C pointer
/// leaves the parse.
package struct XMLTreeNode: Sendable {
    /// The namespace URI of the element, nil when it has none.
    package var namespace: String?
    /// The local name.
    package var name: String
    /// Attributes in document order.
    package var attributes: [XMLAttribute]
    /// Child elements in document order.
    package var children: [XMLTreeNode]
    /// The element's own text (text and CDATA children), as written.
    package var text: String
    /// Where the start tag's `<` is.
    package var location: SourceLocation

    /// An element.
    package init(namespace: String?, name: String, attributes: [XMLAttribute], children: [XMLTreeNode], text: String,
                 location: SourceLocation) {
        self.namespace = namespace
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.location = location
    }

    /// The namespace of `xml:lang`.
    package static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    /// The namespace of `xsi:type`.
    package static let schemaInstance = "http://www.w3.org/2001/XMLSchema-instance"

    /// The unprefixed attribute `name`.
    package func attribute(_ name: String) -> String? {
        attributes.first { $0.namespace == nil && $0.name == name }?.value
    }

    /// The attribute `name` in `namespace`.
    package func attribute(_ name: String, namespace: String) -> String? {
        attributes.first { $0.namespace == namespace && $0.name == name }?.value
    }

    /// `xml:lang` of this element itself.
    package var language: String? { attribute("lang", namespace: Self.xmlNamespace) }

    /// `xsi:type` without a prefix (`archimate:BusinessActor` gives `BusinessActor`).
    package var schemaType: String? {
        guard let value = attribute("type", namespace: Self.schemaInstance) else { return nil }
        return value.split(separator: ":").last.map(String.init) ?? value
    }

    /// The child elements named `name` (in any namespace; the root's namespace was checked once).
    package func children(_ name: String) -> [XMLTreeNode] { children.filter { $0.name == name } }

    /// The first child element named `name`.
    package func child(_ name: String) -> XMLTreeNode? { children.first { $0.name == name } }

    /// Every element named `name` below this one (in any namespace), depth first, in document order.
    package func all(_ name: String) -> [XMLTreeNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }
}
