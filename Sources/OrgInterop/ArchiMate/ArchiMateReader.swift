import OrgImport
import OrgModel

/// Turns the XML tree of an exchange file into an ``ArchiMateModel``, validating structurally in code
/// what orgscope relies on (The Open Group's schemas are not shipped and never fetched): the root is
/// `model` in a known namespace; every `element`, `relationship` and property definition has an
/// `identifier`; elements and relationships have an `xsi:type`; relationships have `source` and
/// `target`; identifiers are unique in the file; and every reference resolves (`identifierRef`,
/// `elementRef`, `relationshipRef`, `propertyDefinitionRef`, `viewRef`, the 2.1 lower-case spellings,
/// and `source`/`target` of relationships and view connections).
struct ArchiMateReader {
    let file: String
    let diagnostics = DiagnosticCollector()

    /// The tag names of the two versions that differ.
    private struct Vocabulary {
        let name: String                // 3.x `name`, 2.1 `label`
        let definitions: String         // `propertyDefinitions` / `propertydefs`
        let definition: String          // `propertyDefinition` / `propertydef`
        let propertyReference: String   // `propertyDefinitionRef` / `identifierref`
    }

    init(file: String) { self.file = file }

    mutating func read(_ root: XMLTreeNode) -> ArchiMateModel? {
        let format = root.namespace.map(ModelFormat.of(namespace:)) ?? .other
        guard root.name == "model", format.isArchiMate else {
            diagnostics.error(root.location, "the root element is <\(root.name)>\(root.namespace.map { " in \($0)" } ?? "")"
                + "; an ArchiMate Model Exchange File has <model> in \(ModelFormat.namespace3) (3.x) or "
                + "\(ModelFormat.namespace21) (2.1)")
            return nil
        }
        let words = format == .archiMate3
            ? Vocabulary(name: "name", definitions: "propertyDefinitions", definition: "propertyDefinition",
                         propertyReference: "propertyDefinitionRef")
            : Vocabulary(name: "label", definitions: "propertydefs", definition: "propertydef",
                         propertyReference: "identifierref")
        let index = checkIdentifiers(root)
        let definitions = propertyDefinitions(root, words: words)
        var model = ArchiMateModel(
            format: format, identifier: required("identifier", of: root) ?? "",
            names: texts(root.children(words.name)), documentation: texts(root.children("documentation")),
            properties: properties(of: root, words: words, definitions: definitions),
            elements: [], relationships: [], presentation: [], location: root.location)
        for element in root.child("elements")?.children("element") ?? [] {
            guard let identifier = required("identifier", of: element), let type = requiredType(of: element) else { continue }
            model.elements.append(ModelElement(
                identifier: identifier, type: type, names: texts(element.children(words.name)),
                documentation: texts(element.children("documentation")),
                properties: properties(of: element, words: words, definitions: definitions), location: element.location))
        }
        for relation in root.child("relationships")?.children("relationship") ?? [] {
            guard let identifier = required("identifier", of: relation), let type = requiredType(of: relation),
                  let source = required("source", of: relation), let target = required("target", of: relation)
            else { continue }
            var kind = type
            if kind.hasSuffix("Relationship"), kind != "Relationship" { kind.removeLast("Relationship".count) }
            model.relationships.append(ModelRelationship(identifier: identifier, type: kind, source: source, target: target,
                                                         location: relation.location))
            for end in [source, target] where index[end] != nil && !["element", "relationship"].contains(index[end]!) {
                diagnostics.error(relation.location, "relationship '\(identifier)' connects '\(end)', which is a "
                    + "<\(index[end]!)>, not an element or a relationship")
            }
        }
        checkReferences(root, index: index, words: words)
        for part in ["views", "organizations", "organization"] {
            guard let node = root.child(part) else { continue }
            let count = part == "views" ? (node.child("diagrams")?.children.count ?? node.children("view").count)
                : node.children.count
            if count > 0 { model.presentation.append((part, count, node.location)) }
        }
        return model
    }

    // MARK: Identifiers and references

    /// Every `identifier` in the file, with the tag that carries it; duplicates are errors.
    private mutating func checkIdentifiers(_ root: XMLTreeNode) -> [String: String] {
        var index: [String: String] = [:]
        var first: [String: SourceLocation] = [:]
        Self.visit(root) { node in
            guard let identifier = node.attribute("identifier") else { return }
            if let earlier = first[identifier] {
                diagnostics.error(node.location, "duplicate identifier '\(identifier)' (first at line \(earlier.line)); "
                    + "identifiers must be unique in the file")
            } else {
                first[identifier] = node.location
                index[identifier] = node.name
            }
        }
        return index
    }

    private mutating func checkReferences(_ root: XMLTreeNode, index: [String: String], words: Vocabulary) {
        let references: Set<String> = ["identifierRef", "elementRef", "relationshipRef", "propertyDefinitionRef", "viewRef",
                                       "identifierref", "elementref", "relationshipref", "viewref"]
        Self.visit(root) { node in
            for attribute in node.attributes where attribute.namespace == nil {
                let isEnd = (attribute.name == "source" || attribute.name == "target")
                    && (node.name == "relationship" || node.name == "connection")
                guard isEnd || references.contains(attribute.name) else { continue }
                let target = attribute.value
                guard let kind = index[target] else {
                    diagnostics.error(node.location, "<\(node.name)> \(attribute.name)=\"\(target)\" names no identifier "
                        + "in this file (an IDREF that does not resolve)")
                    continue
                }
                if attribute.name == words.propertyReference, node.name == "property", kind != words.definition {
                    diagnostics.error(node.location, "<property> \(attribute.name)=\"\(target)\" names a <\(kind)>, "
                        + "not a <\(words.definition)>")
                }
            }
        }
    }

    private static func visit(_ node: XMLTreeNode, _ body: (XMLTreeNode) -> Void) {
        body(node)
        for child in node.children { visit(child, body) }
    }

    // MARK: Properties

    /// Property definition identifier → name (3.x: `<name>` child; 2.1: `name` attribute).
    private mutating func propertyDefinitions(_ root: XMLTreeNode, words: Vocabulary) -> [String: String] {
        var names: [String: String] = [:]
        for definition in root.child(words.definitions)?.children(words.definition) ?? [] {
            guard let identifier = required("identifier", of: definition) else { continue }
            let name = definition.attribute("name") ?? definition.child("name").map(\.text) ?? ""
            names[identifier] = TextCleaner.clean(name)
        }
        return names
    }

    /// The properties of `owner`: 3.x `propertyDefinitionRef`, 2.1 `identifierref`, or a `key`
    /// attribute (as some 2.x exporters write); the value from `<value>` or a `value` attribute.
    private mutating func properties(of owner: XMLTreeNode, words: Vocabulary,
                                     definitions: [String: String]) -> [ModelProperty] {
        var result: [ModelProperty] = []
        for property in owner.child("properties")?.children("property") ?? [] {
            let reference = property.attribute(words.propertyReference) ?? property.attribute("propertyDefinitionRef")
                ?? property.attribute("identifierref")
            let value = property.children("value").map(\.text).first { !$0.isEmpty } ?? property.attribute("value") ?? ""
            if let reference {
                // An unresolved reference is reported by checkReferences.
                guard let name = definitions[reference] else { continue }
                result.append(ModelProperty(name: name, value: TextCleaner.clean(value), location: property.location))
            } else if let key = property.attribute("key") {
                result.append(ModelProperty(name: TextCleaner.clean(key), value: TextCleaner.clean(value),
                                            location: property.location))
            } else {
                diagnostics.error(property.location, "<property> names no property definition "
                    + "(\(words.propertyReference)=\"...\") and has no key")
            }
        }
        return result
    }

    // MARK: Small helpers

    private func texts(_ nodes: [XMLTreeNode]) -> [LocalizedText] {
        nodes.map { LocalizedText(language: $0.language, text: TextCleaner.clean($0.text)) }.filter { !$0.text.isEmpty }
    }

    private mutating func required(_ attribute: String, of node: XMLTreeNode) -> String? {
        if let value = node.attribute(attribute), !value.isEmpty { return value }
        diagnostics.error(node.location, "<\(node.name)> has no \(attribute) attribute, which the exchange format requires")
        return nil
    }

    private mutating func requiredType(of node: XMLTreeNode) -> String? {
        if let type = node.schemaType, !type.isEmpty { return type }
        diagnostics.error(node.location, "<\(node.name)> has no xsi:type attribute, which says what kind of "
            + "\(node.name) it is")
        return nil
    }
}
