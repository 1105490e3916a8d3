import Foundation
import OrgImport
import OrgModel

/// Puts the readings of several decisions into one chart: the People's Committee at the top, each
/// department under it, the units each decision lists under its body, the sub-departments and public
/// service units their own decisions define (matched by name to the units listed), and the divisions a
/// director's decision defines, matched by name to the department's structure. A unit named in several
/// decisions is one unit. Ids are made from names (``UnitIdentifiers``) unless pinned by `--ids`.
struct DecisionChartBuilder {
    let ids: [String: String]
    let diagnostics: DiagnosticCollector

    private final class Node {
        var name: String
        var kind: UnitKind
        var location: SourceLocation
        var decision: DecisionReference?
        var functions: [String] = []
        var maxDeputies: Int?
        var duties: [(DecisionReading.ReadDuty, String, SourceLocation)] = []
        var children: [Node] = []

        init(name: String, kind: UnitKind, location: SourceLocation) {
            self.name = name
            self.kind = kind
            self.location = location
        }

        func child(named name: String) -> Node? { children.first { UnitNaming.key($0.name) == UnitNaming.key(name) } }
    }

    func build(_ readings: [DecisionReading], chartID: String?, asOf: ChartDate?) -> OrgChart {
        let committeeName = readings.compactMap(\.committee).first ?? "Ủy ban nhân dân tỉnh"
        let first = SourceLocation(file: readings.first?.file ?? "", line: 1, column: 0)
        let committee = Node(name: committeeName, kind: .committee, location: first)
        func department(_ name: String, at location: SourceLocation) -> Node {
            if let found = committee.child(named: name) { return found }
            let node = Node(name: name, kind: .department, location: location)
            committee.children.append(node)
            return node
        }
        // Departments first, so that the decisions of the units under them find them whatever the order.
        let ordered = readings.filter { $0.kind == .department } + readings.filter { $0.kind != .department }
        for reading in ordered {
            let location = SourceLocation(file: reading.file, line: 1, column: 0)
            let reference = reading.number.map { DecisionReference(number: $0, date: reading.date) }
            var body: Node
            switch reading.kind {
            case .department:
                guard let name = reading.unitName else { continue }
                body = department(name, at: location)
            case .subDepartment, .publicServiceUnit:
                guard let name = reading.unitName else { continue }
                let parentName = reading.parentName ?? ""
                var parent = committee.child(named: parentName)
                if parent == nil {
                    diagnostics.warning(location, "the decision on \(name) names \(parentName.isEmpty ? "no department" : parentName), "
                        + "whose own decision was not given: the unit is placed under it as named")
                    parent = department(parentName.isEmpty ? committeeName : parentName, at: location)
                }
                let kind: UnitKind = reading.kind == .subDepartment ? .subDepartment : .publicServiceUnit
                body = parent!.child(named: name) ?? {
                    let node = Node(name: name, kind: kind, location: location)
                    parent!.children.append(node)
                    return node
                }()
            case .divisions:
                let parentName = reading.parentName ?? ""
                guard let parent = committee.child(named: parentName) else {
                    diagnostics.warning(location, "the decision on the divisions of \(parentName) is given without that "
                        + "department's own decision: the divisions are placed under it as named")
                    let parent = department(parentName, at: location)
                    attachDivisions(reading, to: parent, reference: reference)
                    continue
                }
                attachDivisions(reading, to: parent, reference: reference)
                continue
            }
            body.decision = reference ?? body.decision
            body.location = location
            if !reading.functions.isEmpty { body.functions = reading.functions }
            if reading.maxDeputies != nil { body.maxDeputies = reading.maxDeputies }
            for unit in reading.subUnits where body.child(named: unit.name) == nil {
                body.children.append(Node(name: unit.name, kind: unit.kind,
                                          location: SourceLocation(file: reading.file, line: unit.position, column: 0)))
            }
            body.duties += reading.duties.map { ($0, reading.source($0.provision), SourceLocation(file: reading.file, line: $0.position, column: 0)) }
        }
        var units: [OrgModel.Unit] = []
        var identifiers = UnitIdentifiers(pinned: ids)
        func emit(_ node: Node, parent: (id: UnitID, path: String)?) {
            let path = (parent.map { $0.path.isEmpty ? "" : $0.path + " / " } ?? "") + node.name
            let id = identifiers.id(for: node.name, kind: node.kind, path: path, parent: parent?.id)
            let duties = node.duties.enumerated().map { offset, entry in
                Duty(id: DutyID("\(id.rawValue).\(offset + 1)"), unit: id, text: entry.0.text, source: entry.1,
                     isCatchAll: entry.0.catchAll, location: entry.2)
            }
            let leadership: Leadership? = node.kind == .committee ? nil
                : node.decision != nil && node.kind != .division ? Leadership(heads: 1, maxDeputies: node.maxDeputies) : nil
            units.append(OrgModel.Unit(id: id, name: node.name, kind: node.kind,
                              declaredLevel: node.kind == .committee ? .province : nil, parent: parent?.id,
                              foundingDecision: node.decision, leadership: leadership, functions: node.functions,
                              duties: duties, location: node.location))
            // Paths start below the People's Committee: "Sở Tư pháp / Văn phòng Sở".
            for child in node.children { emit(child, parent: (id, node.kind == .committee ? "" : path)) }
        }
        emit(committee, parent: nil)
        let date = asOf ?? readings.compactMap(\.date).max()
        return OrgChart(id: chartID ?? UnitIdentifiers.slug(committeeName.replacingOccurrences(of: "Ủy ban nhân dân ", with: ""), limit: 60),
                        name: committeeName, asOf: date, units: units, sourceFiles: readings.map(\.file))
    }

    private func attachDivisions(_ reading: DecisionReading, to parent: Node, reference: DecisionReference?) {
        var seen: [String] = []
        for duty in reading.duties {
            let key = UnitNaming.key(duty.unit)
            if !seen.contains(key) { seen.append(key) }
            let division: Node
            if let found = parent.child(named: duty.unit) {
                division = found
            } else {
                diagnostics.warning(SourceLocation(file: reading.file, line: duty.position, column: 0),
                                    "\(duty.unit) is not among the units the decision on \(parent.name) lists; added under it")
                division = Node(name: duty.unit, kind: UnitNaming.kind(of: duty.unit) ?? .division,
                                location: SourceLocation(file: reading.file, line: duty.position, column: 0))
                parent.children.append(division)
            }
            division.decision = reference ?? division.decision
            division.duties.append((duty, reading.source(duty.provision),
                                    SourceLocation(file: reading.file, line: duty.position, column: 0)))
        }
    }
}

/// Ids made from names, the same every run: the committee is `ubnd`; a department `s` and the initials of
/// its name after "Sở" (Sở Tư pháp: `stp`); any other unit its parent's id, a dot, a short code of its
/// kind word (Văn phòng `vp`, Thanh tra `tt`, Chi cục `cc`, Trung tâm `tt`, Ban `b`, Phòng nothing) and the
/// initials of the rest, without "và", "của", "thuộc", "Sở" (Phòng Hành chính tư pháp: `stp.hctp`);
/// a clash gets 2, 3, … in order. Duties are the unit's id, a dot and their number. `--ids` pins any id:
/// by the unit's path of names ("Sở Tư pháp / Văn phòng Sở") or by its name alone.
struct UnitIdentifiers {
    let pinned: [String: String]
    private var used = Set<String>()

    init(pinned: [String: String]) { self.pinned = pinned }

    mutating func id(for name: String, kind: UnitKind, path: String, parent: UnitID?) -> UnitID {
        if let id = pinned[UnitNaming.key(path)] ?? pinned[UnitNaming.key(name)], used.insert(id).inserted { return UnitID(id) }
        var base: String
        if kind == .committee {
            base = "ubnd"
        } else {
            var words = Self.fold(name).split(separator: " ").map(String.init)
            var code = ""
            for (prefix, short) in [(["van", "phong"], "vp"), (["thanh", "tra"], "tt"), (["chi", "cuc"], "cc"),
                                    (["trung", "tam"], "tt"), (["phong"], ""), (["ban"], "b"), (["so"], "s")]
                where words.starts(with: prefix) {
                code = short
                words.removeFirst(prefix.count)
                break
            }
            let initials = words.filter { !["va", "cua", "thuoc", "so", "-", "–"].contains($0) }.compactMap(\.first).map(String.init)
            base = String((code + initials.joined()).prefix(14))
            if base.isEmpty { base = "u" }
            if let parent, kind != .department || parent.rawValue != "ubnd" { base = parent.rawValue + "." + base }
        }
        var candidate = base, suffix = 2
        while !used.insert(candidate).inserted {
            candidate = base + String(suffix)
            suffix += 1
        }
        return UnitID(candidate)
    }

    /// Lower case without diacritics, letters and digits only, words separated by one space.
    static func fold(_ text: String) -> String {
        let plain = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).lowercased()
        return String(plain.map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").joined(separator: " ")
    }

    /// A name as an id: folded words joined by "-".
    static func slug(_ text: String, limit: Int) -> String {
        let slug = fold(text).replacingOccurrences(of: " ", with: "-")
        return slug.isEmpty ? "chart" : String(slug.prefix(limit))
    }
}
