import OrgImport
import OrgModel

/// Reads the paragraphs of one decision into a ``DecisionReading``: the heading block (number, date,
/// issuer), the subject (which body, of which kind, under which), then the articles — "Vị trí và chức
/// năng" (functions), "Nhiệm vụ và quyền hạn" (one duty per clause, or per point when the clause has
/// points, or per "-"/"+" item under it; a clause or point with items under it only introduces them),
/// "Cơ cấu tổ chức" (the cap on deputies and the units listed) — directly or in the regulation attached
/// by "Điều 1. Ban hành kèm theo …". In a divisions decision each article is a division. Every paragraph
/// of a duty or structure article that is not used is a warning at its place.
struct DecisionParser {
    let file: String
    let diagnostics: DiagnosticCollector

    private enum Role { case functions, duties(String), structure, other }

    func read(_ paragraphs: [DecisionParagraph]) -> DecisionReading {
        var reading = DecisionReading(file: file)
        let lines = paragraphs.map(DecisionLine.init)
        let firstArticle = lines.firstIndex { if case .article = $0 { true } else { false } } ?? lines.count
        readHeading(paragraphs[..<firstArticle], allTexts: paragraphs.map(\.text), into: &reading)
        var role = Role.other
        var article = 0
        var inRegulation = false
        var attachedLayout = false
        var items = ItemTree()
        func flush() {
            if case .duties(let unit) = role { emitDuties(items, unit: unit, article: article, into: &reading) }
            if case .structure = role { emitStructure(items, into: &reading) }
            for unused in items.unused { warn(unused.position, unused.reason) }
            items = ItemTree()
        }
        for (paragraph, line) in zip(paragraphs[firstArticle...], lines[firstArticle...]) {
            switch line {
            case .article(let number, let title):
                flush()
                article = number
                if !inRegulation, title.lowercased().hasPrefix("ban hành kèm theo") {
                    attachedLayout = true
                    role = .other
                    continue
                }
                role = attachedLayout && !inRegulation ? .other : self.role(of: title, reading: reading)
            case .chapter:
                continue
            case .plain(let text) where attachedLayout && !inRegulation && Self.isRegulationTitle(text):
                flush()
                inRegulation = true
                reading.attachment = (text.uppercased().hasPrefix("QUY CHẾ") ? "Quy chế" : "Quy định") + " ban hành kèm theo"
                role = .other
            default:
                switch role {
                case .duties, .structure:
                    reading.paragraphsRead += 1
                    items.add(line, paragraph: paragraph)
                case .functions:
                    if case .clause(_, let text) = line { reading.functions.append(Self.trimmed(text)) } else if case .plain(let text) = line {
                        reading.functions.append(Self.trimmed(text))
                    }
                case .other:
                    continue
                }
            }
        }
        flush()
        // The functions: the clauses that say what the body does (the position and the legal status are not).
        let functions = reading.functions.filter { $0.lowercased().contains("chức năng") }
        reading.functions = functions.isEmpty ? Array(reading.functions.prefix(1)) : functions
        return reading
    }

    // MARK: - Heading block and subject

    private func readHeading(_ paragraphs: ArraySlice<DecisionParagraph>, allTexts: [String], into reading: inout DecisionReading) {
        let texts = paragraphs.map(\.text)
        for text in texts {
            if reading.number == nil, let match = text.firstMatch(of: /(\d{1,5}[a-z]?\/(?:\d{4}\/)?QĐ-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)/) {
                reading.number = String(match.1)
            }
            if reading.date == nil, let match = text.firstMatch(of: /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/),
               let day = Int(match.1), let month = Int(match.2), let year = Int(match.3) {
                reading.date = ChartDate(iso: ChartDate(year: year, month: month, day: day).description)
            }
            if reading.committee == nil, let match = text.firstMatch(of: /(?:ỦY BAN NHÂN DÂN|UBND)\s+TỈNH\s+([A-ZÀ-Ỹ ]+?)(?:\s{2,}|\s+CỘNG|$)/) {
                let province = String(match.1).split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }
                    .joined(separator: " ")
                reading.committee = "Ủy ban nhân dân tỉnh " + province
            }
        }
        // The subject follows the type "QUYẾT ĐỊNH" (not "QUYẾT ĐỊNH:", which opens the articles).
        guard let type = texts.firstIndex(where: { $0.hasPrefix("QUYẾT ĐỊNH") && !$0.hasSuffix(":") }) else { return }
        var subject = texts[(type + 1)...].first { !$0.isEmpty && $0 != $0.uppercased() } ?? ""
        if subject.lowercased().hasPrefix("về việc ") { subject = String(subject.dropFirst(8)) }
        readSubject(subject, into: &reading)
        // A unit under a department whose subject does not say so: "… là đơn vị sự nghiệp công lập thuộc Sở Tư pháp".
        if reading.parentName == nil, reading.kind == .subDepartment || reading.kind == .publicServiceUnit {
            for paragraph in allTexts {
                if let match = paragraph.firstMatch(of: /thuộc\s+(Sở\s.+?)(?:;|\.|,\s+có\s|,\s+chịu\s|\s+tỉnh\s|\s+chịu\s|$)/) {
                    reading.parentName = String(match.1).trimmingCharacters(in: .whitespaces)
                    break
                }
            }
        }
    }

    private func readSubject(_ subject: String, into reading: inout DecisionReading) {
        guard let range = subject.range(of: " của ", options: .backwards) else { return }
        var target = String(subject[range.upperBound...])
        if let province = target.range(of: #" tỉnh [A-ZÀ-ỸĐ][^,]*$"#, options: .regularExpression) { target.removeSubrange(province) }
        var parent: String?
        if let of = target.range(of: " thuộc ", options: .backwards) {
            parent = String(target[of.upperBound...])
            target = String(target[..<of.lowerBound])
        }
        let lower = target.lowercased()
        if lower.hasPrefix("các ") || lower.contains(" các phòng") || lower.contains(" các đơn vị") || lower.hasPrefix("văn phòng và") {
            reading.kind = .divisions
            reading.parentName = parent
            return
        }
        reading.unitName = target
        reading.parentName = parent
        switch UnitNaming.kind(of: target) {
        case .subDepartment?: reading.kind = .subDepartment
        case .publicServiceUnit?: reading.kind = .publicServiceUnit
        default: reading.kind = .department
        }
    }

    private static func isRegulationTitle(_ text: String) -> Bool {
        let upper = text.uppercased()
        return text == upper && (upper.hasPrefix("QUY ĐỊNH") || upper.hasPrefix("QUY CHẾ"))
    }

    private func role(of title: String, reading: DecisionReading) -> Role {
        let lower = title.lowercased()
        if reading.kind == .divisions {
            let name = UnitNaming.complete(title, parentIsDepartment: true)
            return UnitNaming.kind(of: name) != nil ? .duties(name) : .other
        }
        if lower.contains("cơ cấu tổ chức") || lower.contains("tổ chức bộ máy") { return .structure }
        if lower.contains("nhiệm vụ") { return .duties(reading.unitName ?? "") }
        if lower.contains("chức năng") || lower.contains("vị trí") { return .functions }
        return .other
    }

    // MARK: - Duties and structure

    private func emitDuties(_ items: ItemTree, unit: String, article: Int, into reading: inout DecisionReading) {
        for leaf in items.leaves() {
            let text = Self.trimmed(leaf.text)
            let lower = text.lowercased()
            let catchAll = lower.contains("nhiệm vụ khác") && (lower.contains("giao") || lower.contains("quy định"))
            reading.duties.append(DecisionReading.ReadDuty(
                unit: unit, text: text, provision: leaf.provision + " Điều \(article)", catchAll: catchAll, position: leaf.position))
        }
        reading.paragraphsUnused += items.unused.count
    }

    private func emitStructure(_ items: ItemTree, into reading: inout DecisionReading) {
        let parentIsDepartment = reading.kind == .department
        var used = Set<Int>()
        var leadership = Set<Int>()
        for clause in items.roots {
            let lower = clause.text.lowercased()
            let group = [clause] + clause.descendants()
            if let match = group.lazy.compactMap({ $0.text.firstMatch(of: /không quá\s+(\d{1,2})\s+Phó/) }).first {
                reading.maxDeputies = Int(match.1)
                for node in group {
                    if node.text.firstMatch(of: /không quá\s+(\d{1,2})\s+Phó/) != nil || !node.children.isEmpty {
                        used.insert(node.position)
                    } else {
                        leadership.insert(node.position)
                    }
                }
                continue
            }
            let context: UnitKind? = lower.contains("sự nghiệp") ? .publicServiceUnit
                : lower.contains("chi cục") && clause.children.isEmpty == false ? .subDepartment : nil
            var named: [(String, Int)] = []
            for child in clause.descendants() {
                let cells = child.cells
                // A table's header row ("STT | Tên tổ chức") names no unit.
                if let cells, cells.contains(where: { ["stt", "tt", "số tt"].contains($0.lowercased()) }) {
                    used.insert(child.position)
                    continue
                }
                let text = cells.map { $0.filter { !$0.isEmpty && !$0.allSatisfy(\.isNumber) }.max { $0.count < $1.count } ?? "" } ?? child.text
                if UnitNaming.kind(of: text) != nil || context != nil && !text.isEmpty && text.first?.isUppercase == true
                    && !text.lowercased().hasPrefix("stt") {
                    named.append((text, child.position))
                    used.insert(child.position)
                }
            }
            if named.isEmpty {
                // A clause that is itself a unit ("3. Chi cục Trồng trọt và Bảo vệ thực vật."), or lists units after a colon.
                let body = clause.text.split(separator: ":", maxSplits: 1).last.map(String.init) ?? clause.text
                let parts = body.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                for part in parts where UnitNaming.kind(of: part) != nil { named.append((part, clause.position)) }
                if !named.isEmpty { used.insert(clause.position) }
            }
            if !named.isEmpty || !clause.children.isEmpty { used.insert(clause.position) }
            for (name, position) in named {
                let complete = UnitNaming.complete(name, parentIsDepartment: parentIsDepartment)
                // Under the public service units' clause every unit is one, whatever its name ("Văn phòng Đăng ký đất đai").
                let kind = context == .publicServiceUnit ? .publicServiceUnit : UnitNaming.kind(of: complete) ?? context ?? .division
                reading.subUnits.append(DecisionReading.SubUnit(name: complete, kind: kind, position: position))
            }
        }
        for node in items.all() where !used.contains(node.position) {
            warn(node.position, leadership.contains(node.position)
                ? "about the leadership: only the cap on deputies is read, not “\(Self.clip(node.text))”"
                : "not used: no unit named and no cap on deputies in “\(Self.clip(node.text))”")
            reading.paragraphsUnused += 1
        }
        reading.paragraphsUnused += items.unused.count
    }

    /// The text of a duty or a function: a trailing ";" or "." removed.
    static func trimmed(_ text: String) -> String {
        var out = text.trimmingCharacters(in: .whitespaces)
        while let last = out.last, ";.".contains(last) { out.removeLast() }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func clip(_ text: String) -> String { text.count > 80 ? String(text.prefix(80)) + "…" : text }

    private func warn(_ position: Int, _ message: String) {
        diagnostics.warning(SourceLocation(file: file, line: position, column: 0), message)
    }
}
