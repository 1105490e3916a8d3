import Foundation

/// A JSON value decoded without Foundation's number/boolean ambiguity.
indirect enum AnyJSON: Decodable, Equatable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AnyJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: AnyJSON].self)) }
    }

    static func parse(_ text: String) throws -> AnyJSON { try JSONDecoder().decode(AnyJSON.self, from: Data(text.utf8)) }

    subscript(_ key: String) -> AnyJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

/// The subset of JSON Schema (2020-12) that `orgdata/schema/report-1.schema.json` uses: type, const,
/// enum, required, properties, additionalProperties, items, minItems, minimum, maximum, minLength,
/// pattern and local `$ref`s. Returns every violation with its JSON path.
struct JSONSchemaValidator {
    let root: AnyJSON

    func validate(_ value: AnyJSON) -> [String] {
        var problems: [String] = []
        check(value, against: root, path: "$", problems: &problems)
        return problems
    }

    private func resolve(_ schema: AnyJSON) -> AnyJSON {
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/") else { return schema }
        var node = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node[String(part)] ?? .null }
        return node
    }

    private func typeName(_ value: AnyJSON) -> [String] {
        switch value {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .int: ["integer", "number"]
        case .number: ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    private func check(_ value: AnyJSON, against rawSchema: AnyJSON, path: String, problems: inout [String]) {
        let schema = resolve(rawSchema)
        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let one): [one]
            case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: []
            }
            if !typeName(value).contains(where: allowed.contains) {
                problems.append("\(path): expected \(allowed), found \(typeName(value)[0])")
                return
            }
        }
        if let constant = schema["const"], constant != value { problems.append("\(path): expected \(constant)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) { problems.append("\(path): \(value) not in enum") }
        numericChecks(value, schema, path, &problems)
        if case .string(let text) = value {
            if case .int(let minimum)? = schema["minLength"], text.count < minimum { problems.append("\(path): too short") }
            if case .string(let pattern)? = schema["pattern"], let regex = try? Regex(pattern), (try? regex.firstMatch(in: text)) == nil {
                problems.append("\(path): '\(text)' does not match \(pattern)")
            }
        }
        if case .array(let items) = value {
            if case .int(let minimum)? = schema["minItems"], items.count < minimum { problems.append("\(path): too few items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { check(item, against: itemSchema, path: "\(path)[\(index)]", problems: &problems) }
            }
        }
        if case .object(let members) = value { objectChecks(members, schema, path, &problems) }
    }

    private func numericChecks(_ value: AnyJSON, _ schema: AnyJSON, _ path: String, _ problems: inout [String]) {
        let number: Double? = switch value {
        case .int(let integer): Double(integer)
        case .number(let double): double
        default: nil
        }
        guard let number else { return }
        for (key, isMinimum) in [("minimum", true), ("maximum", false)] {
            let bound: Double? = switch schema[key] {
            case .int(let integer)?: Double(integer)
            case .number(let double)?: double
            default: nil
            }
            if let bound, isMinimum ? number < bound : number > bound { problems.append("\(path): \(number) out of \(key) \(bound)") }
        }
    }

    private func objectChecks(_ members: [String: AnyJSON], _ schema: AnyJSON, _ path: String, _ problems: inout [String]) {
        if case .array(let required)? = schema["required"] {
            for case .string(let key) in required where members[key] == nil { problems.append("\(path): missing \(key)") }
        }
        let properties: [String: AnyJSON] = if case .object(let map)? = schema["properties"] { map } else { [:] }
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            if let propertySchema = properties[key] {
                check(member, against: propertySchema, path: "\(path).\(key)", problems: &problems)
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) { problems.append("\(path): unexpected key \(key)") }
                else if case .object = additional { check(member, against: additional, path: "\(path).\(key)", problems: &problems) }
            }
        }
    }
}
