import OrgModel

/// Writes a chart as OrgChart XML v1 (valid against `orgchart-1.xsd`), so that a proposal's result can
/// be imported again: import → write → import gives the same units, duties, mandates and figures.
/// Units are written nested (no `parent` attributes); duty ids are always written; mandates are
/// written when they belong to the chart itself (catalogue mandates stay in their catalogue).
public enum ChartXMLWriter {
    /// The XML text.
    public static func write(_ chart: OrgChart) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<orgChart xmlns=\"urn:orgscope:orgchart:1\"" + attribute("id", chart.id) + attribute("name", chart.name)
            + (chart.asOf.map { attribute("asOf", $0.description) } ?? "") + attribute("lang", chart.language)
            + (chart.provinceCategory.map { attribute("provinceCategory", $0.rawValue) } ?? "")
            + (chart.illustrative ? attribute("illustrative", "true") : "") + ">\n"
        let own = chart.mandates.filter { $0.catalog == chart.id }
        if !own.isEmpty {
            out += "  <mandates>\n"
            for mandate in own {
                out += "    <mandate" + attribute("id", mandate.id.rawValue) + (mandate.sector.map { attribute("sector", $0) } ?? "")
                    + (mandate.level.map { attribute("level", $0.rawValue) } ?? "")
                    + (mandate.source.map { attribute("source", $0) } ?? "") + ">" + escape(mandate.text) + "</mandate>\n"
            }
            out += "  </mandates>\n"
        }
        var children: [UnitID: [Unit]] = [:]
        var roots: [Unit] = []
        let ids = Set(chart.units.map(\.id))
        for unit in chart.units {
            if let parent = unit.parent, ids.contains(parent) { children[parent, default: []].append(unit) } else { roots.append(unit) }
        }
        // Depth-first with an explicit stack: open a unit, write its content, then its children, then close.
        enum Step { case open(Unit, Int), close(Int) }
        var stack: [Step] = roots.reversed().map { .open($0, 1) }
        while let step = stack.popLast() {
            switch step {
            case .close(let depth):
                out += indent(depth) + "</unit>\n"
            case .open(let unit, let depth):
                out += unitContent(unit, depth: depth)
                stack.append(.close(depth))
                stack.append(contentsOf: (children[unit.id] ?? []).reversed().map { .open($0, depth + 1) })
            }
        }
        out += "</orgChart>\n"
        return out
    }

    /// `decision` and `decisionDate`; nothing for a decision without a number (the schema wants one, and
    /// a date alone is an import error).
    private static func decisionAttributes(_ decision: DecisionReference?) -> String {
        guard let decision, !decision.number.allSatisfy(\.isWhitespace) else { return "" }
        return attribute("decision", decision.number) + (decision.date.map { attribute("decisionDate", $0.description) } ?? "")
    }

    private static func unitContent(_ unit: Unit, depth: Int) -> String {
        let pad = indent(depth), inner = indent(depth + 1)
        var out = pad + "<unit" + attribute("id", unit.id.rawValue) + attribute("name", unit.name)
            + attribute("kind", unit.kind.rawValue) + (unit.declaredLevel.map { attribute("level", $0.rawValue) } ?? "")
            + (unit.reorganized.map { attribute("reorganized", $0.description) } ?? "")
            + decisionAttributes(unit.foundingDecision) + ">\n"
        if let leadership = unit.leadership {
            out += inner + "<leadership" + (leadership.heads.map { attribute("heads", String($0)) } ?? "")
                + (leadership.deputies.map { attribute("deputies", String($0)) } ?? "")
                + (leadership.vacantHeads.map { attribute("vacantHeads", String($0)) } ?? "")
                + (leadership.maxDeputies.map { attribute("maxDeputies", String($0)) } ?? "") + "/>\n"
        }
        for figures in unit.staffing {
            out += inner + "<staffing" + attribute("category", figures.category.rawValue)
                + (figures.quota.map { attribute("quota", String($0)) } ?? "")
                + (figures.actual.map { attribute("actual", String($0)) } ?? "") + "/>\n"
        }
        for function in unit.functions { out += inner + "<function>" + escape(function) + "</function>\n" }
        for duty in unit.duties {
            out += inner + "<duty" + attribute("id", duty.id.rawValue) + (duty.mandate.map { attribute("mandate", $0.rawValue) } ?? "")
                + attribute("role", duty.role.rawValue) + (duty.source.map { attribute("source", $0) } ?? "")
                + (duty.isCatchAll ? attribute("catchAll", "true") : "") + ">" + escape(duty.text) + "</duty>\n"
        }
        for power in unit.powers { out += inner + "<power>" + escape(power) + "</power>\n" }
        return out
    }

    private static func indent(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

    private static func attribute(_ name: String, _ value: String) -> String { " \(name)=\"\(escape(value))\"" }

    /// Text and attribute values with the five XML specials escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
