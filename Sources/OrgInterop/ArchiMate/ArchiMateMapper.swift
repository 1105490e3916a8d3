import OrgImport
import OrgModel

/// Maps an ``ArchiMateModel`` onto an ``OrgChart`` (the mapping is documented in the README section
/// "Interoperability"):
///
/// - `BusinessActor` → unit (id = the element's identifier); its documentation → the unit's function;
/// - `Composition`/`Aggregation` between two actors → the target is a sub-unit of the source (the first
///   such relationship in the file wins; one that would close a cycle is ignored);
/// - `BusinessFunction`/`BusinessProcess` assigned to an actor (`Assignment` actor → behaviour, or
///   actor → `BusinessRole` → behaviour) → a duty of that actor;
/// - properties → unit attributes, leadership and staffing (see ``ArchiMateMapper+Properties``);
/// - the model's name → the chart's name, its identifier → the chart's id, the `xml:lang` of its name →
///   the chart's language.
///
/// Whatever has no counterpart yields one warning at its own line, never silence.
struct ArchiMateMapper {
    let model: ArchiMateModel
    let diagnostics = DiagnosticCollector()
    /// The chart language: `xml:lang` of the model's name (else of the first element name with one), else `vi`.
    let language: String

    private var elements: [String: ModelElement] = [:]

    init(model: ArchiMateModel) {
        self.model = model
        language = model.names.first?.language ?? model.elements.lazy.flatMap(\.names).compactMap(\.language).first ?? "vi"
        for element in model.elements { elements[element.identifier] = element }
    }

    private enum Part { case actor, role, behaviour, other }

    private func part(_ identifier: String) -> Part {
        switch elements[identifier]?.type {
        case "BusinessActor": .actor
        case "BusinessRole": .role
        case "BusinessFunction", "BusinessProcess": .behaviour
        default: .other
        }
    }

    /// The chart, or nil when nothing maps to a unit (then an error says so).
    mutating func map() -> OrgChart? {
        let actors = model.elements.filter { $0.type == "BusinessActor" }
        let links = collectLinks()
        let duties = assignDuties(links)
        guard !actors.isEmpty else {
            diagnostics.error(model.location, "the model has no BusinessActor, so nothing becomes a unit (an org chart "
                + "needs at least one; model each organisational unit as a BusinessActor)")
            warnUnmappedElements()
            return nil
        }
        var chart = OrgChart(id: model.identifier, name: pick(model.names) ?? model.identifier, language: language)
        if pick(model.names) == nil {
            diagnostics.warning(model.location, "the model has no name; the chart is named after its identifier")
        }
        readModelProperties(into: &chart)
        let parents = hierarchy(links.hierarchy)
        for actor in actors {
            var unit = Unit(id: UnitID(actor.identifier), name: pick(actor.names) ?? actor.identifier, kind: .other,
                            parent: parents[actor.identifier].map { UnitID($0) }, location: actor.location)
            if pick(actor.names) == nil {
                diagnostics.warning(actor.location, "BusinessActor '\(actor.identifier)' has no name; the unit is named "
                    + "after its identifier")
            }
            if let documentation = pick(actor.documentation) { unit.functions = [documentation] }
            readUnitProperties(actor, into: &unit)
            unit.duties = duties[actor.identifier] ?? []
            chart.units.append(unit)
        }
        warnUnmappedElements()
        return chart
    }

    /// The text in the chart language, else the first one.
    func pick(_ texts: [LocalizedText]) -> String? {
        (texts.first { $0.language == language } ?? texts.first)?.text
    }

    // MARK: Relationships

    private struct Links {
        var hierarchy: [ModelRelationship] = []
        /// Behaviour identifier → what is assigned to it (actors and roles), in file order.
        var assigned: [String: [String]] = [:]
        /// Role identifier → the actors assigned to it, in file order.
        var roleActors: [String: [String]] = [:]
    }

    /// Sorts the relationships into the ones the mapping reads; warns about every other one.
    private mutating func collectLinks() -> Links {
        var links = Links()
        for relation in model.relationships {
            let source = part(relation.source), target = part(relation.target)
            switch (relation.type, source, target) {
            case ("Composition", .actor, .actor), ("Aggregation", .actor, .actor):
                links.hierarchy.append(relation)
            case ("Assignment", .actor, .behaviour), ("Assignment", .role, .behaviour):
                links.assigned[relation.target, default: []].append(relation.source)
            case ("Assignment", .actor, .role):
                links.roleActors[relation.target, default: []].append(relation.source)
            default:
                diagnostics.warning(relation.location, "\(relation.type) relationship '\(relation.identifier)' from "
                    + "\(describe(relation.source)) to \(describe(relation.target)) is not mapped: orgscope reads "
                    + "Composition/Aggregation between BusinessActors (sub-units) and Assignment from an actor "
                    + "(or its BusinessRole) to a BusinessFunction/BusinessProcess (duties); ignored")
            }
        }
        return links
    }

    /// Child → parent; the first relationship for a child wins, one that would close a cycle is dropped.
    private mutating func hierarchy(_ relations: [ModelRelationship]) -> [String: String] {
        var parent: [String: String] = [:]
        var via: [String: String] = [:]
        for relation in relations {
            let child = relation.target, candidate = relation.source
            if let existing = parent[child] {
                diagnostics.warning(relation.location, "\(relation.type) relationship '\(relation.identifier)' would "
                    + "give \(describe(child)) a second parent, \(describe(candidate)); it already has "
                    + "\(describe(existing)) (relationship '\(via[child] ?? "")'), which is kept; ignored")
                continue
            }
            var chain = [candidate]
            var step = candidate
            while step != child, let up = parent[step] {
                chain.append(up)
                step = up
            }
            if step == child {
                let path = (chain.reversed() + [child]).map { "'\($0)'" }.joined(separator: " → ")
                diagnostics.warning(relation.location, "\(relation.type) relationship '\(relation.identifier)' would "
                    + "make a cycle of sub-units (\(path)); ignored")
                continue
            }
            parent[child] = candidate
            via[child] = relation.identifier
        }
        return parent
    }

    // MARK: Duties

    private var mappedRoles: Set<String> = []
    private var mappedBehaviours: Set<String> = []

    /// Actor identifier → its duties, in the file order of the functions and processes.
    private mutating func assignDuties(_ links: Links) -> [String: [Duty]] {
        var duties: [String: [Duty]] = [:]
        rolesWithActors = Set(links.roleActors.keys)
        for element in model.elements where part(element.identifier) == .behaviour {
            var seen: Set<String> = []
            var actors: [String] = []
            for holder in links.assigned[element.identifier] ?? [] {
                if part(holder) == .role {
                    rolesWithBehaviours.insert(holder)
                    if links.roleActors[holder] != nil { mappedRoles.insert(holder) }
                }
                let reached = part(holder) == .actor ? [holder] : links.roleActors[holder] ?? []
                actors.append(contentsOf: reached.filter { seen.insert($0).inserted })
            }
            guard !actors.isEmpty else { continue }
            mappedBehaviours.insert(element.identifier)
            let attributes = dutyAttributes(element)
            for actor in actors {
                let id = actors.count == 1 ? element.identifier : "\(element.identifier)@\(actor)"
                duties[actor, default: []].append(Duty(
                    id: DutyID(id), unit: UnitID(actor), text: dutyText(element), mandate: attributes.mandate,
                    role: attributes.role, location: element.location))
            }
        }
        return duties
    }

    private var rolesWithActors: Set<String> = []
    private var rolesWithBehaviours: Set<String> = []

    /// The duty text: the name, then the documentation when there is one.
    private mutating func dutyText(_ element: ModelElement) -> String {
        switch (pick(element.names), pick(element.documentation)) {
        case let (name?, documentation?) where documentation != name: return "\(name): \(documentation)"
        case let (name?, _): return name
        case let (nil, documentation?): return documentation
        case (nil, nil):
            diagnostics.warning(element.location, "\(element.type) '\(element.identifier)' has neither a name nor "
                + "documentation; the duty's text is its identifier")
            return element.identifier
        }
    }

    // MARK: What is left over

    private mutating func warnUnmappedElements() {
        for part in model.presentation {
            let message = part.part == "views"
                ? "\(part.count) view\(part.count == 1 ? "" : "s") (diagrams) not imported: orgscope reads the model's "
                    + "elements and relationships, not how they are drawn; ignored"
                : "\(part.count) folder item\(part.count == 1 ? "" : "s") (<\(part.part)>) not read as structure: "
                    + "sub-units come from Composition/Aggregation between BusinessActors; ignored"
            diagnostics.warning(part.location, message)
        }
        for element in model.elements {
            switch part(element.identifier) {
            case .actor: continue
            case .behaviour:
                guard !mappedBehaviours.contains(element.identifier) else { continue }
                diagnostics.warning(element.location, "\(describe(element.identifier)) is assigned to no BusinessActor, "
                    + "directly or through a BusinessRole, so it is no unit's duty; ignored")
            case .role:
                guard !mappedRoles.contains(element.identifier) else {
                    warnProperties(element, reads: [])
                    continue
                }
                let reason = switch (rolesWithActors.contains(element.identifier),
                                     rolesWithBehaviours.contains(element.identifier)) {
                case (true, _): "is assigned to a BusinessActor but to no BusinessFunction or BusinessProcess"
                case (false, true): "carries functions or processes but is assigned to no BusinessActor"
                case (false, false): "is linked by Assignment to no BusinessActor and no BusinessFunction/BusinessProcess"
                }
                diagnostics.warning(element.location, "\(describe(element.identifier)) \(reason): nothing to map; ignored")
            case .other:
                let behaviours: Set<String> = ["BusinessInteraction", "BusinessEvent", "BusinessService",
                                               "BusinessCollaboration", "ApplicationFunction", "ApplicationProcess"]
                let hint = behaviours.contains(element.type)
                    ? "only BusinessFunction and BusinessProcess become duties"
                    : "it has no counterpart in an org chart"
                diagnostics.warning(element.location, "\(describe(element.identifier)) is not mapped: \(hint); ignored")
            }
        }
    }

    /// `BusinessActor 'Sở Nội vụ' (id-12)`.
    func describe(_ identifier: String) -> String {
        guard let element = elements[identifier] else { return "'\(identifier)'" }
        if let name = pick(element.names) { return "\(element.type) '\(name)' (\(identifier))" }
        return "\(element.type) '\(identifier)'"
    }
}
