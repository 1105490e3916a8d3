import OrgModel

extension DutyGraph {
    /// "Name (id)", the way findings name a unit.
    func label(_ unit: Int) -> String {
        "\(chart.units[unit].name) (\(chart.units[unit].id))"
    }

    /// The unit's name as prose writes it: the name alone, never the id; a unit inside a department is
    /// placed in it ("Văn phòng Sở Giáo dục và Đào tạo", "Phòng Quản lý đất đai thuộc Sở Nông nghiệp và Môi
    /// trường") so that the name is unambiguous across the chart.
    public func name(_ unit: Int, _ language: Language) -> String {
        let own = chart.units[unit].name
        guard let department = department(of: unit), department != unit else { return own }
        // A unit of a sub-department or a centre is placed in it, not in the department above it ("Phòng Trồng
        // trọt thuộc Chi cục Trồng trọt và Bảo vệ thực vật").
        if let parent = parent[unit], parent != department,
           [.subDepartment, .publicServiceUnit].contains(chart.units[parent].kind) {
            let parentName = chart.units[parent].name
            return own.containsBytes(of: parentName) && own.contains(parentName)
                ? own : own + language.text(vi: " thuộc ", en: " of ") + parentName
        }
        let departmentName = chart.units[department].name
        if own.containsBytes(of: departmentName) && own.contains(departmentName) { return own }
        if own.hasSuffix(" Sở"), departmentName.hasPrefix("Sở ") { return own + departmentName.dropFirst(2) }
        return own + language.text(vi: " thuộc ", en: " of ") + departmentName
    }

    /// The unit's name placed in its department, in both languages: how a finding's message names it.
    func placedName(_ unit: Int) -> LocalizedText {
        LocalizedText(vi: name(unit, .vi), en: name(unit, .en))
    }

    /// True for a chart read from the province's decisions (`orgscope extract`: its duties cite their
    /// provisions): a unit such a chart only lists, with no decision of its own among those read, has no
    /// duties or head recorded because that decision was not given, not because it has none.
    var isReadFromDecisions: Bool { someDutyCitesSource }

    /// The department (or office) a unit belongs to: its topmost ancestor-or-self below a territorial
    /// unit; nil for a territorial unit.
    public func department(of unit: Int) -> Int? {
        guard !DutyGraph.isTerritorial(chart.units[unit].kind) else { return nil }
        var current = unit
        while let up = parent[current], !DutyGraph.isTerritorial(chart.units[up].kind) { current = up }
        return current
    }

    /// The names of `units` for a message.
    func names(_ units: [Int], _ language: Language) -> String {
        units.map { name($0, language) }.joined(separator: language.text(vi: "; ", en: "; "))
    }

    /// The units of `units` that no other unit of the set contains: the ones that really conflict,
    /// once delegation to one's own sub-units is set aside. Sorted by index.
    ///
    /// In document order a unit's subtree is one interval (``contains(_:_:)``), and two intervals are
    /// nested or apart: a unit is inside some unit of the set exactly when it is inside the last one kept
    /// before it. O(n log n); the pairwise test it replaces took half a second on a national chart's
    /// mandates led by hundreds of units.
    func topmost(_ units: Set<Int>) -> [Int] {
        // Read through a local array: a closure over `self` copied the whole graph at every comparison.
        let enter = self.enter
        var kept: [Int] = []
        for unit in units.sorted(by: { enter[$0] < enter[$1] }) {
            if let last = kept.last, contains(last, unit) { continue }
            kept.append(unit)
        }
        return kept.sorted()
    }

    /// `assignments` grouped by the jurisdiction of their duty's unit, jurisdictions in index order.
    /// Each group keeps the assignments' order. By a stable sort of the jurisdictions (a mandate's assignments
    /// mostly come in document order, i.e. a jurisdiction at a time, so the sort finds one run) rather than a
    /// dictionary of arrays, which three rules made for every mandate.
    func byJurisdiction(_ assignments: [MandateAssignment]) -> [(jurisdiction: Int, assignments: [MandateAssignment])] {
        guard !assignments.isEmpty else { return [] }
        let keys = assignments.map { jurisdiction[duties[$0.duty].unit] }
        var order = Array(keys.indices)
        if zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) {
            order.sort { (keys[$0], $0) < (keys[$1], $1) }
        }
        var groups: [(jurisdiction: Int, assignments: [MandateAssignment])] = []
        var start = 0
        while start < order.count {
            let key = keys[order[start]]
            var end = start + 1
            while end < order.count, keys[order[end]] == key { end += 1 }
            groups.append((key, order[start..<end].map { assignments[$0] }))
            start = end
        }
        return groups
    }

    /// The roots of the jurisdictions where a mandate of `level` is due: territorial units of that
    /// level; for a mandate with no level, the jurisdictions at the top of each tree.
    func jurisdictions(for level: GovernmentLevel?) -> [Int] {
        guard let level else { return Array(Set(roots.map { jurisdiction[$0] })).sorted() }
        return chart.units.indices.filter { jurisdiction[$0] == $0 && self.level[$0] == level }
    }
}

/// Disjoint sets over 0..<count, for clustering pairs into one finding.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let rootA = find(a), rootB = find(b)
        if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
}

enum Quote {
    /// A text shortened for a message, with the Vietnamese quotation marks reports use.
    static func short(_ text: String, limit: Int = 90) -> String {
        let clipped = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "“\(clipped)”"
    }

    /// A ratio as a whole percentage ("63%").
    static func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// A level of government named in prose: "cấp xã" / "commune level".
    static func level(_ level: GovernmentLevel, _ language: Language) -> String {
        switch level {
        case .central: language.text(vi: "cấp trung ương", en: "central level")
        case .province: language.text(vi: "cấp tỉnh", en: "provincial level")
        case .district: language.text(vi: "cấp huyện", en: "district level")
        case .commune: language.text(vi: "cấp xã", en: "commune level")
        }
    }

    /// A score with two decimals (for messages; evidence keeps four).
    static func score(_ value: Double, _ language: Language) -> String {
        let hundredths = Int((value * 100).rounded())
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        return language.localizedNumber(text)
    }
}

/// Citations shared by the overlap, gap and level rules, written in Vietnamese order from the smallest
/// part up ("điểm d khoản 1 Điều 5 Nghị định số 158/2018/NĐ-CP"), and only of texts in force.
enum Citations {
    /// The provincial directive, by the name the style guide gives it.
    static let directiveName = "Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng năm 2022 về tăng cường kỷ luật, "
        + "kỷ cương và đẩy mạnh cải cách hành chính"
    static let directive1d = LegalCitation(
        reference: "điểm d khoản 1 " + directiveName,
        quote: "Rà soát, điều chỉnh và quy định rõ chức năng, nhiệm vụ, quyền hạn của các phòng, ban, đơn vị trực "
            + "thuộc, đảm bảo không chồng chéo, không bỏ sót nhiệm vụ")
    static let directive3b = LegalCitation(
        reference: "điểm b khoản 3 " + directiveName,
        quote: "rà soát, đề xuất điều chỉnh chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của các cơ quan "
            + "chuyên môn, đơn vị sự nghiệp công lập trực thuộc UBND tỉnh")
    static let decree158 = LegalCitation(
        reference: "điểm d khoản 1 Điều 5 Nghị định số 158/2018/NĐ-CP (tổ chức hành chính chỉ được thành lập khi "
            + "chức năng, nhiệm vụ, quyền hạn không chồng chéo với tổ chức hành chính khác)")
    /// The decree in force on the specialised agencies of the provincial committee, which replaced Decree
    /// 24/2014/NĐ-CP (no longer in force): the agencies together carry out every state-management function
    /// of the committee. The article was not checked against the text.
    static let decree150 = LegalCitation(
        reference: "Nghị định số 150/2025/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp "
            + "tỉnh (các cơ quan chuyên môn cùng thực hiện đầy đủ chức năng quản lý nhà nước của Ủy ban nhân dân "
            + "cấp tỉnh, không bỏ sót)",
        unconfirmed: true)
    /// The division of competence between the levels of local government. The article was not checked.
    static let localGovernmentLaw2025 = LegalCitation(
        reference: "Luật Tổ chức chính quyền địa phương năm 2025 (phân định thẩm quyền giữa chính quyền địa phương "
            + "cấp tỉnh và cấp xã)",
        unconfirmed: true)
}
