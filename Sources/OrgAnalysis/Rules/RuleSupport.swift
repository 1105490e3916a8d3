import OrgModel

extension DutyGraph {
    /// "Name (id)", the way findings name a unit.
    func label(_ unit: Int) -> String {
        "\(chart.units[unit].name) (\(chart.units[unit].id))"
    }

    /// The units of `units` that no other unit of the set contains: the ones that really conflict,
    /// once delegation to one's own sub-units is set aside. Sorted by index.
    func topmost(_ units: Set<Int>) -> [Int] {
        units.filter { unit in !units.contains { $0 != unit && contains($0, unit) } }.sorted()
    }

    /// `assignments` grouped by the jurisdiction of their duty's unit, jurisdictions in index order.
    func byJurisdiction(_ assignments: [MandateAssignment]) -> [(jurisdiction: Int, assignments: [MandateAssignment])] {
        var groups: [Int: [MandateAssignment]] = [:]
        for assignment in assignments { groups[jurisdiction[duties[assignment.duty].unit], default: []].append(assignment) }
        return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
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
        return "«\(clipped)»"
    }

    /// A score with two decimals (for messages; evidence keeps four).
    static func score(_ value: Double, _ language: Language) -> String {
        let hundredths = Int((value * 100).rounded())
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        return language.localizedNumber(text)
    }
}

/// Citations shared by the overlap and gap rules.
enum Citations {
    static let directive1d = LegalCitation(
        reference: "Chỉ thị của Chủ tịch UBND tỉnh Cao Bằng về tăng cường kỷ luật, kỷ cương và đẩy mạnh cải cách "
            + "hành chính (2022), khoản 1.d",
        quote: "Rà soát, điều chỉnh và quy định rõ chức năng, nhiệm vụ, quyền hạn của các phòng, ban, đơn vị trực "
            + "thuộc, đảm bảo không chồng chéo, không bỏ sót nhiệm vụ")
    static let decree158 = LegalCitation(
        reference: "Nghị định 158/2018/NĐ-CP, Điều 5 khoản 1 điểm d (tổ chức hành chính chỉ được thành lập khi "
            + "chức năng, nhiệm vụ, quyền hạn không chồng chéo với tổ chức hành chính khác)")
    static let decree24 = LegalCitation(
        reference: "Nghị định 24/2014/NĐ-CP (sửa đổi bởi Nghị định 107/2020/NĐ-CP), Điều 2 (các cơ quan chuyên "
            + "môn cùng thực hiện đầy đủ chức năng quản lý nhà nước của Ủy ban nhân dân cấp tỉnh, không bỏ sót)")
    static let directive1dDecentralisation = LegalCitation(
        reference: "Chỉ thị của Chủ tịch UBND tỉnh Cao Bằng (2022), khoản 1.d",
        quote: "Chấp hành nghiêm quy định về phân công, phân cấp quản lý tổ chức bộ máy")
}
