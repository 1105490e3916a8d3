import OrgModel

/// The properties orgscope reads, by the element they sit on. Names are matched without regard to case.
///
/// | on | property | becomes |
/// | --- | --- | --- |
/// | model | `asOf` | the chart's date (YYYY-MM-DD) |
/// | model | `provinceCategory` | `special`, `I`, `II`, `III` |
/// | BusinessActor | `kind` | the unit kind (default `other`) |
/// | BusinessActor | `level` | the unit's level of government |
/// | BusinessActor | `heads`, `deputies` | leadership posts |
/// | BusinessActor | `category` | the staff category of `quota`/`actual` (default `civil-servant`) |
/// | BusinessActor | `quota`, `actual` | staffing figures in that category |
/// | BusinessActor | `quota.CATEGORY`, `actual.CATEGORY` | staffing figures in another category |
/// | BusinessFunction/Process | `mandate` | the id of the mandate the duty discharges |
/// | BusinessFunction/Process | `role` | `lead` (default) or `support` |
extension ArchiMateMapper {
    /// Head counts: whole numbers from 0 to 10 000 000, as in OrgChart XML.
    static let countRange = 0...10_000_000

    mutating func readModelProperties(into chart: inout OrgChart) {
        for property in firstOfEach(model.properties, owner: "the model") {
            switch property.name.lowercased() {
            case "asof":
                if let date = ChartDate(iso: property.value) { chart.asOf = date } else {
                    badValue(property, owner: "the model", expected: "a date written YYYY-MM-DD")
                }
            case "provincecategory":
                if let category = ProvinceCategory(rawValue: property.value) { chart.provinceCategory = category } else {
                    badValue(property, owner: "the model", expected: "one of special, I, II, III")
                }
            default:
                unknown(property, owner: "the model", reads: "asOf, provinceCategory")
            }
        }
    }

    mutating func readUnitProperties(_ actor: ModelElement, into unit: inout Unit) {
        let owner = describe(actor.identifier)
        let properties = firstOfEach(actor.properties, owner: owner)
        var defaultCategory = StaffCategory.civilServant
        if let property = properties.first(where: { $0.name.lowercased() == "category" }) {
            if let category = StaffCategory(rawValue: property.value) { defaultCategory = category } else {
                badValue(property, owner: owner, expected: "one of " + StaffCategory.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        var leadership = Leadership()
        var figures: [StaffCategory: Staffing] = [:]
        var categoryOrder: [StaffCategory] = []
        for property in properties {
            let name = property.name.lowercased()
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            switch name {
            case "category": continue
            case "kind":
                if let kind = UnitKind(rawValue: property.value) { unit.kind = kind } else {
                    badValue(property, owner: owner, expected: "one of " + UnitKind.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case "level":
                if let level = GovernmentLevel(rawValue: property.value) { unit.declaredLevel = level } else {
                    badValue(property, owner: owner,
                             expected: "one of " + GovernmentLevel.allCases.map(\.rawValue).joined(separator: ", "))
                }
            case "heads": leadership.heads = count(property, owner: owner) ?? leadership.heads
            case "deputies": leadership.deputies = count(property, owner: owner) ?? leadership.deputies
            default:
                guard let figure = parts.first, figure == "quota" || figure == "actual" else {
                    unknown(property, owner: owner, reads: "kind, level, heads, deputies, category, quota, actual, "
                        + "quota.CATEGORY, actual.CATEGORY")
                    continue
                }
                let category: StaffCategory
                if parts.count == 2 {
                    guard let named = StaffCategory(rawValue: parts[1]) else {
                        unknown(property, owner: owner, reads: "quota and actual suffixed with a staff category: "
                            + StaffCategory.allCases.map { "quota.\($0.rawValue)" }.joined(separator: ", "))
                        continue
                    }
                    category = named
                } else {
                    category = defaultCategory
                }
                guard let value = count(property, owner: owner) else { continue }
                if figures[category] == nil {
                    figures[category] = Staffing(category: category, location: property.location)
                    categoryOrder.append(category)
                }
                if (figure == "quota" ? figures[category]?.quota : figures[category]?.actual) != nil {
                    diagnostics.warning(property.location, "\(owner) already has a \(figure) for \(category.rawValue) "
                        + "(from another property); this one is ignored")
                    continue
                }
                if figure == "quota" { figures[category]?.quota = value } else { figures[category]?.actual = value }
            }
        }
        if leadership.heads != nil || leadership.deputies != nil { unit.leadership = leadership }
        unit.staffing = categoryOrder.compactMap { figures[$0] }
    }

    /// The `mandate` and `role` of a function or process (warnings for anything else).
    mutating func dutyAttributes(_ element: ModelElement) -> (mandate: MandateID?, role: DutyRole) {
        let owner = describe(element.identifier)
        var mandate: MandateID?
        var role = DutyRole.lead
        for property in firstOfEach(element.properties, owner: owner) {
            switch property.name.lowercased() {
            case "mandate":
                if property.value.isEmpty || property.value.contains(where: \.isWhitespace) {
                    badValue(property, owner: owner, expected: "a mandate id (no spaces)")
                } else {
                    mandate = MandateID(property.value)
                }
            case "role":
                if let value = DutyRole(rawValue: property.value) { role = value } else {
                    badValue(property, owner: owner, expected: "lead or support")
                }
            default:
                unknown(property, owner: owner, reads: "mandate, role")
            }
        }
        return (mandate, role)
    }

    /// A warning for every property of an element whose properties are not read (a BusinessRole).
    mutating func warnProperties(_ element: ModelElement, reads: [String]) {
        for property in element.properties {
            unknown(property, owner: describe(element.identifier), reads: reads.isEmpty ? nil : reads.joined(separator: ", "))
        }
    }

    // MARK: Helpers

    /// The properties with a warning for each repeat of a name (the first is kept).
    private mutating func firstOfEach(_ properties: [ModelProperty], owner: String) -> [ModelProperty] {
        var seen: Set<String> = []
        var kept: [ModelProperty] = []
        for property in properties {
            if seen.insert(property.name.lowercased()).inserted {
                kept.append(property)
            } else {
                diagnostics.warning(property.location, "\(owner) has the property '\(property.name)' more than once; "
                    + "the first is kept, this one is ignored")
            }
        }
        return kept
    }

    private mutating func count(_ property: ModelProperty, owner: String) -> Int? {
        if let value = Int(property.value), Self.countRange.contains(value) { return value }
        badValue(property, owner: owner, expected: "a whole number from 0 to 10000000")
        return nil
    }

    private mutating func badValue(_ property: ModelProperty, owner: String, expected: String) {
        diagnostics.warning(property.location, "property '\(property.name)' of \(owner) is '\(property.value)', not "
            + "\(expected); ignored")
    }

    private mutating func unknown(_ property: ModelProperty, owner: String, reads: String?) {
        diagnostics.warning(property.location, "property '\(property.name)' of \(owner) is not mapped"
            + (reads.map { " (orgscope reads \($0) there)" } ?? " (orgscope reads no property there)") + "; ignored")
    }
}
