import OrgAnalysis
import OrgModel

extension HTMLReporter {
    /// Who carries one mandate within one department: lead or support, written in the file or inferred.
    private struct Cell {
        var lead = false, leadExplicit = false
        var support = false, supportExplicit = false
        /// True when a unit of this department is one of the conflicting leads of an OVL001 finding.
        var conflicting = false
    }

    /// One row of the matrix.
    private struct MatrixRow {
        var mandate: Mandate
        var cells: [Int: Cell]
        var conflict: Bool
        var gap: Bool
        var supportOnly: Bool
        var hasProblem: Bool { conflict || gap || supportOnly }
    }

    /// Section 3: mandates (rows) × departments (columns), marking lead and support, conflicts and gaps.
    static func matrix(_ page: Page) -> String {
        let labels = page.labels
        let departments = page.result.staffing.departments
        let column = departmentColumns(page)
        let rows = matrixRows(page, column: column)
        let hasOther = rows.contains { $0.cells[departments.count] != nil }
        let columns = departments.count + (hasOther ? 1 : 0)
        var head = departments.map { id in
            "<th class=\"col\" scope=\"col\" title=\"\(escape(page.name(id) + " (" + id.rawValue + ")"))\">"
                + "<span>\(escape(truncate(page.name(id), 34)))</span></th>"
        }
        if hasOther { head.append("<th class=\"col other\" scope=\"col\"><span>\(escape(labels.otherUnits))</span></th>") }
        let body = rows.map { matrixRow($0, columns: columns, page: page) }
        return [
            sectionStart("matrix", labels.matrix),
            "<p class=\"intro\">" + escape(labels.matrixIntro(mandates: rows.count, departments: departments.count)) + "</p>",
            matrixLegend(labels),
            "<form class=\"tools\" id=\"matrix-tools\" hidden><label><input type=\"checkbox\" id=\"matrix-problems\"> "
                + escape(labels.problemsOnly) + "</label></form>",
            "<div class=\"matrix-wrap\">",
            "<table class=\"matrix\">",
            "<thead><tr><th class=\"mh\" scope=\"col\">\(escape(labels.mandate))</th>" + head.joined()
                + "<th class=\"st\" scope=\"col\">\(escape(labels.status))</th></tr></thead>",
            "<tbody>",
            body.joined(separator: "\n"),
            "</tbody>",
            "</table>",
            "</div>",
            "</section>",
        ].joined(separator: "\n")
    }

    private static func matrixLegend(_ labels: Labels) -> String {
        "<ul class=\"legend\">"
            + "<li><b class=\"role\">\(escape(labels.lead))</b> \(escape(labels.leadName))</li>"
            + "<li><b class=\"role\">\(escape(labels.support))</b> \(escape(labels.supportName))</li>"
            + "<li><i class=\"role inferred\">\(escape(labels.lead))</i> \(escape(labels.inferredOnly))</li>"
            + "<li><span class=\"swatch row-conflict\"></span>\(escape(labels.conflict)) (\(LeadConflictRule.code))</li>"
            + "<li><span class=\"swatch row-gap\"></span>\(escape(labels.gap)) (\(UncoveredMandateRule.code))</li>"
            + "<li><span class=\"swatch row-support\"></span>\(escape(labels.supportOnly)) (\(UnledMandateRule.code))</li>"
            + "</ul>"
    }

    /// The column of each unit: the department it belongs to (itself included), else the "other" column
    /// (`departments.count`), found by walking up the parents.
    private static func departmentColumns(_ page: Page) -> [Int] {
        let graph = page.graph
        let departments = page.result.staffing.departments
        var position: [Int: Int] = [:]
        for (offset, id) in departments.enumerated() {
            if let index = graph.index[id], position[index] == nil { position[index] = offset }
        }
        return graph.chart.units.indices.map { unit in
            var current: Int? = unit
            var steps = 0
            while let node = current, steps <= graph.chart.units.count {
                if let column = position[node] { return column }
                current = graph.parent[node]
                steps += 1
            }
            return departments.count
        }
    }

    private static func matrixRows(_ page: Page, column: [Int]) -> [MatrixRow] {
        let graph = page.graph
        var byMandate: [MandateID: Set<RuleID>] = [:]
        var conflictUnits: [MandateID: Set<Int>] = [:]
        for finding in page.result.findings where finding.isCountable {
            guard let mandate = finding.mandate else { continue }
            byMandate[mandate, default: []].insert(finding.rule)
            if finding.rule == LeadConflictRule.id {
                for id in finding.units { if let index = graph.index[id] { conflictUnits[mandate, default: []].insert(column[index]) } }
            }
        }
        var seen = Set<MandateID>()
        var rows: [MatrixRow] = []
        for mandate in graph.chart.mandates where seen.insert(mandate.id).inserted {
            let assignments = page.result.text.assignments[mandate.id] ?? []
            let codes = byMandate[mandate.id] ?? []
            let gap = codes.contains(UncoveredMandateRule.id), supportOnly = codes.contains(UnledMandateRule.id)
            guard !assignments.isEmpty || gap || supportOnly else { continue }
            var cells: [Int: Cell] = [:]
            for assignment in assignments {
                let target = column[graph.duties[assignment.duty].unit]
                var cell = cells[target] ?? Cell()
                switch assignment.role {
                case .lead: cell.lead = true; cell.leadExplicit = cell.leadExplicit || !assignment.isInferred
                case .support: cell.support = true; cell.supportExplicit = cell.supportExplicit || !assignment.isInferred
                }
                cells[target] = cell
            }
            for target in conflictUnits[mandate.id] ?? [] { cells[target, default: Cell()].conflicting = true }
            rows.append(MatrixRow(mandate: mandate, cells: cells, conflict: codes.contains(LeadConflictRule.id), gap: gap,
                                  supportOnly: supportOnly))
        }
        return rows
    }

    private static func matrixRow(_ row: MatrixRow, columns: Int, page: Page) -> String {
        let labels = page.labels
        var classes: [String] = []
        var status: [String] = []
        if row.conflict { classes.append("row-conflict"); status.append(labels.conflict) }
        if row.gap { classes.append("row-gap"); status.append(labels.gap) }
        if row.supportOnly { classes.append("row-support"); status.append(labels.supportOnly) }
        let cells = (0..<columns).map { index -> String in
            guard let cell = row.cells[index] else { return "<td></td>" }
            var tokens: [String] = []
            if cell.lead { tokens.append(cell.leadExplicit ? escape(labels.lead) : "<i>\(escape(labels.lead))</i>") }
            if cell.support { tokens.append(cell.supportExplicit ? escape(labels.support) : "<i>\(escape(labels.support))</i>") }
            let inferred = (cell.lead && !cell.leadExplicit) || (cell.support && !cell.supportExplicit)
            var cellClasses = [cell.lead ? "c-lead" : "c-support"]
            if inferred { cellClasses.append("inferred") }
            if cell.conflicting { cellClasses.append("c-conflict") }
            return "<td class=\"\(cellClasses.joined(separator: " "))\">" + tokens.joined(separator: "+") + "</td>"
        }
        let mandate = row.mandate
        let problem = row.hasProblem ? " data-problem=\"1\"" : ""
        let rowClass = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        return "<tr\(rowClass)\(problem) data-mandate=\"\(escape(mandate.id.rawValue))\">"
            + "<th scope=\"row\" title=\"\(escape(mandate.id.rawValue + " – " + mandate.text))\">"
            + "<code>\(escape(mandate.id.rawValue))</code> \(escape(truncate(mandate.text, 58)))</th>"
            + cells.joined() + "<td class=\"st\">\(escape(status.joined(separator: "; ")))</td></tr>"
    }
}
