import OrgAnalysis
import OrgModel

extension HTMLReporter {
    /// Units drawn at most; a national chart would make the page unusable.
    static let treeCap = 1_500

    /// The geometry of a tree drawing, in SVG user units.
    private enum TreeLayout {
        static let width = 600.0
        static let row = 22.0
        static let box = 18.0
        static let indent = 18.0
        /// Average advance of a 12px character of the font stack (DejaVu Sans is the widest).
        static let nameAdvance = 6.9
        static let idAdvance = 6.1
    }

    /// Section 2: the org tree as SVG, every unit coloured by its worst finding. Each root is drawn on its
    /// own, then each of its direct sub-units' subtrees as a block, so that blocks flow into columns on
    /// screen and never break across a printed page.
    static func tree(_ page: Page) -> String {
        let labels = page.labels
        var remaining = treeCap
        var parts = [sectionStart("tree", labels.tree), "<p class=\"intro\">" + escape(labels.treeIntro) + "</p>",
                     treeLegend(page)]
        for root in page.graph.roots where remaining > 0 {
            parts.append("<div class=\"tree-root\">" + treeSVG(page, rows: [(root, 0)], parents: [nil]) + "</div>")
            remaining -= 1
            var blocks: [String] = []
            for child in page.graph.children[root] where remaining > 0 {
                let (rows, parents) = subtreeRows(page.graph, from: child, limit: remaining)
                remaining -= rows.count
                blocks.append("<figure class=\"tree-block\">" + treeSVG(page, rows: rows, parents: parents) + "</figure>")
            }
            if !blocks.isEmpty { parts.append("<div class=\"tree-blocks\">\n" + blocks.joined(separator: "\n") + "\n</div>") }
        }
        let drawn = treeCap - remaining
        if page.graph.chart.units.count > drawn {
            parts.append("<p class=\"note warn\">" + escape(labels.omitted(page.graph.chart.units.count - drawn, treeCap)) + "</p>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// How many units have each worst severity, as a legend.
    private static func treeLegend(_ page: Page) -> String {
        var counts: [String: Int] = [:]
        for unit in page.graph.chart.units { counts[Page.severityClass(page.worst[unit.id]), default: 0] += 1 }
        let entries: [(String, String)] = Severity.allCases.map { (Page.severityClass($0), page.labels.common.severity($0)) }
            + [(Page.severityClass(nil), page.labels.noFinding)]
        return "<ul class=\"legend\">" + entries.map { cls, text in
            "<li><span class=\"swatch \(cls)\"></span>\(escape(text)) (\(counts[cls] ?? 0))</li>"
        }.joined() + "</ul>"
    }

    /// The subtree of `start` in pre-order (at most `limit` units): each unit with its depth below
    /// `start`, and the row of its parent.
    private static func subtreeRows(_ graph: DutyGraph, from start: Int, limit: Int)
        -> (rows: [(unit: Int, depth: Int)], parents: [Int?]) {
        var rows: [(unit: Int, depth: Int)] = []
        var parents: [Int?] = []
        var stack: [(unit: Int, depth: Int, parentRow: Int?)] = [(start, 0, nil)]
        while let next = stack.popLast(), rows.count < limit {
            let row = rows.count
            rows.append((next.unit, next.depth))
            parents.append(next.parentRow)
            for child in graph.children[next.unit].reversed() { stack.append((child, next.depth + 1, row)) }
        }
        return (rows, parents)
    }

    /// One SVG: a box per row, indented by depth, with elbow connectors from each parent.
    private static func treeSVG(_ page: Page, rows: [(unit: Int, depth: Int)], parents: [Int?]) -> String {
        typealias L = TreeLayout
        let height = Double(rows.count) * L.row
        var connectors: [String] = []
        var boxes: [String] = []
        for (position, row) in rows.enumerated() {
            let x = 2 + Double(row.depth) * L.indent
            let y = Double(position) * L.row + 2
            if let parentRow = parents[position] {
                let px = 2 + Double(rows[parentRow].depth) * L.indent + 8
                let py = Double(parentRow) * L.row + 2 + L.box
                connectors.append("M\(coord(px)) \(coord(py))V\(coord(y + L.box / 2))H\(coord(x))")
            }
            boxes.append(unitBox(page, unit: row.unit, x: x, y: y))
        }
        let label = rows.first.map { page.graph.unit($0.unit).name } ?? ""
        return "<svg class=\"tree\" viewBox=\"0 0 \(coord(L.width)) \(coord(height + 2))\" "
            + "width=\"\(coord(L.width))\" height=\"\(coord(height + 2))\" role=\"img\" aria-label=\"\(escape(label))\">\n"
            + (connectors.isEmpty ? "" : "<path class=\"links\" d=\"\(connectors.joined())\"/>\n")
            + boxes.joined(separator: "\n") + "\n</svg>"
    }

    /// One unit: a tinted box with a stripe in its severity colour, the name, the id, the findings count.
    private static func unitBox(_ page: Page, unit index: Int, x: Double, y: Double) -> String {
        typealias L = TreeLayout
        let unit = page.graph.unit(index)
        let severity = page.worst[unit.id]
        let count = page.findingCount[unit.id] ?? 0
        let width = L.width - x - 2
        let badge = count > 0 ? 24.0 : 0
        let idWidth = Double(unit.id.rawValue.count) * L.idAdvance
        let room = width - 14 - badge - min(idWidth, width / 3) - 10
        let name = truncate(unit.name, max(6, Int(room / L.nameAdvance)))
        let shownID = truncate(unit.id.rawValue, max(4, Int(width / 3 / L.idAdvance)))
        let department = page.result.staffing.departments.contains(unit.id) ? " dept" : ""
        let tooltip = unit.name + " (" + unit.id.rawValue + ") – "
            + (count > 0 ? page.labels.findingCount(count) : page.labels.noFinding)
        let right = x + width
        var parts = [
            "<g class=\"unit \(Page.severityClass(severity))\(department)\" data-unit=\"\(escape(unit.id.rawValue))\">",
            "<title>\(escape(tooltip))</title>",
            "<rect class=\"box\" x=\"\(coord(x))\" y=\"\(coord(y))\" width=\"\(coord(width))\" height=\"\(coord(L.box))\" rx=\"2\"/>",
            "<rect class=\"stripe\" x=\"\(coord(x))\" y=\"\(coord(y))\" width=\"4\" height=\"\(coord(L.box))\"/>",
            "<text class=\"name\" x=\"\(coord(x + 9))\" y=\"\(coord(y + 13))\">\(escape(name))</text>",
            "<text class=\"uid\" x=\"\(coord(right - 6 - badge))\" y=\"\(coord(y + 13))\" text-anchor=\"end\">\(escape(shownID))</text>",
        ]
        if count > 0 {
            parts.append("<rect class=\"badge\" x=\"\(coord(right - 24))\" y=\"\(coord(y + 3))\" width=\"20\" height=\"12\" rx=\"6\"/>")
            parts.append("<text class=\"count\" x=\"\(coord(right - 14))\" y=\"\(coord(y + 12.5))\" text-anchor=\"middle\">\(count)</text>")
        }
        parts.append("</g>")
        return parts.joined()
    }

    /// A coordinate with at most one decimal, so that the bytes never depend on floating-point noise.
    static func coord(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : (tenths < 0 && tenths > -10 ? "-" : "") + "\(tenths / 10).\(abs(tenths % 10))"
    }
}
