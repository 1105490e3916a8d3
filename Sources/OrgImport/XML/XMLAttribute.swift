/// One attribute of an element as read: local name, namespace URI (nil for an unprefixed attribute)
/// and value.
package struct XMLAttribute: Sendable {
    /// The local name.
    package var name: String
    /// The namespace URI, nil for an unprefixed attribute.
    package var namespace: String?
    /// The value.
    package var value: String

    /// An attribute.
    package init(name: String, namespace: String?, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}

extension [XMLAttribute] {
    /// The value of the unqualified attribute `name`.
    subscript(_ name: String) -> String? {
        first { $0.name == name && $0.namespace == nil }?.value
    }
}
