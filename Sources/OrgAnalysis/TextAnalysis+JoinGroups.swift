import OrgModel

extension TextAnalysis {
    /// The duties (by position in `DutyGraph.duties`) of each jurisdiction and level of government, in
    /// duty order, the groups ordered by jurisdiction, then level by name (none first): the groups the
    /// similarity join compares within. Counted, then placed, by a number per group (a dictionary keyed by
    /// jurisdiction and level hashed a national chart's million duties on one core: 0.05 s).
    static func joinGroups(_ graph: DutyGraph) -> [[Int]] {
        let duties = graph.duties
        // A level's place among the levels sorted by name, none first.
        let byName = GovernmentLevel.allCases.sorted { $0.rawValue < $1.rawValue }
        var rank = [Int](repeating: 0, count: GovernmentLevel.allCases.count + 1)
        for level in GovernmentLevel.allCases { rank[levelCode(level)] = 1 + byName.firstIndex(of: level)! }
        let levels = rank.count
        let unitGroup = graph.chart.units.indices.map { unit in
            graph.jurisdiction[unit] * levels + rank[levelCode(graph.level[unit])]
        }
        var start = [Int](repeating: 0, count: graph.chart.units.count * levels + 1)
        for reference in duties { start[unitGroup[reference.unit] + 1] += 1 }
        var groupCount = 0
        for key in 1..<start.count {
            if start[key] > 0 { groupCount += 1 }
            start[key] += start[key - 1]
        }
        var groups = [[Int]]()
        groups.reserveCapacity(groupCount)
        var slotOfKey = [Int32](repeating: -1, count: start.count - 1)
        for key in 0..<(start.count - 1) where start[key + 1] > start[key] {
            slotOfKey[key] = Int32(groups.count)
            groups.append([])
            groups[groups.count - 1].reserveCapacity(start[key + 1] - start[key])
        }
        for (index, reference) in duties.enumerated() { groups[Int(slotOfKey[unitGroup[reference.unit]])].append(index) }
        return groups
    }
}
