import OrgModel

/// The chart as a graph, built once and then only read: the unit tree, levels resolved by inheritance,
/// containment in O(1), duties by unit, units by mandate with their role, and staffing totals.
public struct DutyGraph: Sendable {
    /// The chart the graph was built from.
    public let chart: OrgChart
    /// Unit id → index into `chart.units`.
    public let index: [UnitID: Int]
    /// Parent index per unit (nil for a root).
    public let parent: [Int?]
    /// Child indices per unit, in document order.
    public let children: [[Int]]
    /// Units without a parent, in document order.
    public let roots: [Int]
    /// Depth per unit (roots are 0).
    public let depth: [Int]
    /// Level of government per unit: declared, else inherited from the nearest ancestor that declares one,
    /// else implied by the kind (commune, district); nil when nothing says.
    public let level: [GovernmentLevel?]
    /// The mandate declarations by id.
    public let mandates: [MandateID: Mandate]
    /// The mandates some duty cites (`mandate=`).
    public let citedMandates: Set<MandateID>
    /// How many duties cite a mandate.
    public let dutiesCitingMandate: Int
    /// The jurisdiction of each unit: the nearest ancestor-or-self that is a territorial government
    /// (committee, district, commune), else the root of its tree. Overlap exists only inside one.
    public let jurisdiction: [Int]
    /// Every duty, in document order: the unit index and the position within the unit.
    public let duties: [DutyReference]
    /// Index in ``duties`` of each unit's first duty (units' duties are contiguous there).
    public let firstDuty: [Int]
    /// Some duty cites its provision (``RuleSupport``'s `isReadFromDecisions`).
    let someDutyCitesSource: Bool

    /// Each unit's pre-order and post-order number: a unit's subtree is `enter...exit` (``contains(_:_:)``).
    let enter: [Int]
    private let exit: [Int]

    /// Builds the graph. The importer guarantees unique ids, resolvable parents and no cycles; should a
    /// hand-built chart break that, a unit with an unknown parent becomes a root and the first unit of
    /// a duplicate id wins.
    public init(chart: OrgChart) {
        self.chart = chart
        // The duties are listed on one core while the tree is walked on another (a national chart's graph
        // was 50 ms on one).
        let ((index, parent, children, roots, depth, level, enter, exit, jurisdiction), listing) = concurrently(
            { Self.tree(of: chart) }, { Self.listDuties(of: chart) })
        var mandates: [MandateID: Mandate] = [:]
        for mandate in chart.mandates where mandates[mandate.id] == nil { mandates[mandate.id] = mandate }
        self.index = index
        self.parent = parent
        self.children = children
        self.roots = roots
        self.depth = depth
        self.level = level
        self.mandates = mandates
        citedMandates = listing.cited.ids
        dutiesCitingMandate = listing.citing
        self.enter = enter
        self.exit = exit
        self.jurisdiction = jurisdiction
        duties = listing.duties
        firstDuty = listing.firstDuty
        someDutyCitesSource = listing.citesSource
    }

    /// Every duty in document order, where each unit's start, and the mandates they cite.
    private static func listDuties(of chart: OrgChart)
        -> (duties: [DutyReference], firstDuty: [Int], cited: DistinctIDs<Mandate>, citing: Int, citesSource: Bool) {
        var cited = DistinctIDs<Mandate>()
        var citing = 0
        var citesSource = false
        var duties: [DutyReference] = []
        duties.reserveCapacity(chart.dutyCount)
        var firstDuty: [Int] = []
        firstDuty.reserveCapacity(chart.units.count)
        for position in chart.units.indices {
            firstDuty.append(duties.count)
            let unitDuties = chart.units[position].duties
            for offset in unitDuties.indices {
                duties.append(DutyReference(unit: position, offset: offset))
                if !citesSource, unitDuties[offset].hasSource { citesSource = true }
                if let mandate = unitDuties[offset].mandate {
                    cited.insert(mandate)
                    citing += 1
                }
            }
        }
        return (duties, firstDuty, cited, citing, citesSource)
    }

    /// The unit tree: index by id, parents, children, roots, depths, levels, pre- and post-order numbers
    /// and jurisdictions.
    private static func tree(of chart: OrgChart) -> (index: [UnitID: Int], parent: [Int?], children: [[Int]], roots: [Int],
        depth: [Int], level: [GovernmentLevel?], enter: [Int], exit: [Int], jurisdiction: [Int]) {
        let count = chart.units.count
        var index: [UnitID: Int] = [:]
        index.reserveCapacity(count)
        // Indices, not `for unit in chart.units`: that copies every unit (a retain per member) to read one field.
        for position in chart.units.indices where index[chart.units[position].id] == nil { index[chart.units[position].id] = position }
        var parent = [Int?](repeating: nil, count: count)
        var children = [[Int]](repeating: [], count: count)
        var roots: [Int] = []
        for position in chart.units.indices {
            if let id = chart.units[position].parent, let parentIndex = index[id], parentIndex != position {
                parent[position] = parentIndex
                children[parentIndex].append(position)
            } else {
                roots.append(position)
            }
        }
        var enter = [Int](repeating: 0, count: count)
        var exit = [Int](repeating: 0, count: count)
        var depth = [Int](repeating: 0, count: count)
        var level = [GovernmentLevel?](repeating: nil, count: count)
        var jurisdiction = Array(0..<count)
        var clock = 0
        var visited = [Bool](repeating: false, count: count)
        // Iterative depth-first walk: pre-order `enter`, post-order `exit`; parents before children,
        // so levels inherit in the same pass.
        for root in roots {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            visited[root] = true
            enter[root] = clock
            clock += 1
            level[root] = Self.ownLevel(chart.units[root], inherited: nil)
            while let top = stack.last {
                if top.next < children[top.node].count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.node][top.next]
                    guard !visited[child] else { continue }
                    visited[child] = true
                    enter[child] = clock
                    clock += 1
                    depth[child] = stack.count
                    level[child] = Self.ownLevel(chart.units[child], inherited: level[top.node])
                    if !Self.isTerritorial(chart.units[child].kind) { jurisdiction[child] = jurisdiction[top.node] }
                    stack.append((child, 0))
                } else {
                    exit[top.node] = clock
                    clock += 1
                    stack.removeLast()
                }
            }
        }
        return (index, parent, children, roots, depth, level, enter, exit, jurisdiction)
    }

    /// The duty a reference points at.
    public func duty(_ reference: DutyReference) -> Duty {
        chart.units[reference.unit].duties[reference.offset]
    }

    /// The duty a reference points at, read in place: `graph[duty: reference].mandate` reads one stored
    /// field where `graph.duty(reference).mandate` copies the whole duty first (a retain and a release per
    /// field, a million times over on a national chart). A computed property or a method of the duty (its
    /// text, `withTextBytes`) is still called on a copy: the optimiser keeps the duty alive that way
    /// (``textSpan(_:)`` and ``withIDBytes(_:_:)`` read the bytes without one).
    public subscript(duty reference: DutyReference) -> Duty {
        _read { yield chart.units[reference.unit].duties[reference.offset] }
    }

    /// Calls `body` with the UTF-8 bytes of the id of the duty `reference` points at, without copying the duty
    /// or making a `String`.
    public func withIDBytes<R>(_ reference: DutyReference, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(bytes(reference, id: true))
    }

    /// The UTF-8 bytes of the text of the duty `reference` points at, where the import's arena holds them:
    /// valid as long as the graph (an arena's chunks never move and the chart keeps its arena). Read without
    /// copying the duty (``subscript(duty:)`` followed by the duty's own `withTextBytes` copies it first:
    /// finding a national chart's copies of texts spent 0.14 s of CPU retaining and releasing duties).
    func textSpan(_ reference: DutyReference) -> UnsafeBufferPointer<UInt8> {
        bytes(reference, id: false)
    }

    /// The bytes of the duty's id or text, through the arrays' buffers (``Duty/bytes(at:id:)``): nothing is
    /// copied or retained.
    private func bytes(_ reference: DutyReference, id: Bool) -> UnsafeBufferPointer<UInt8> {
        chart.units.withUnsafeBufferPointer { units in
            units[reference.unit].duties.withUnsafeBufferPointer { duties in
                Duty.bytes(at: duties.baseAddress! + reference.offset, id: id)
            }
        }
    }

    /// True for the units that govern a territory: their subtree is one jurisdiction.
    public static func isTerritorial(_ kind: UnitKind) -> Bool {
        kind == .committee || kind == .district || kind == .commune
    }

    /// The unit at `position`.
    public func unit(_ position: Int) -> Unit { chart.units[position] }

    /// The unit with `id`, if any.
    public func unit(_ id: UnitID) -> Unit? { index[id].map { chart.units[$0] } }

    /// Who carries out each mandate (duties that cite it), in document order. Made on each call, in one
    /// pass over the duties: the graph does not keep it (half a million entries on a national chart, and
    /// the rules read the text engine's assignments instead).
    public var carriers: [MandateID: [MandateCarrier]] {
        var carriers: [MandateID: [MandateCarrier]] = [:]
        for position in chart.units.indices {
            for duty in chart.units[position].duties {
                guard let mandate = duty.mandate else { continue }
                carriers[mandate, default: []].append(MandateCarrier(unit: position, duty: duty.id, role: duty.role))
            }
        }
        return carriers
    }

    /// True when `ancestor` is `descendant` or contains it (at any depth). O(1).
    public func contains(_ ancestor: Int, _ descendant: Int) -> Bool {
        enter[ancestor] <= enter[descendant] && exit[descendant] <= exit[ancestor]
    }

    /// True when either unit contains the other (delegation, never overlap).
    public func areNested(_ a: Int, _ b: Int) -> Bool { contains(a, b) || contains(b, a) }

    /// Indices of every unit below `position`, in document pre-order.
    public func descendants(of position: Int) -> [Int] {
        var result: [Int] = []
        var stack = children[position].reversed() as [Int]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: children[next].reversed())
        }
        return result
    }

    /// Staffing totals per category over the whole chart, without counting anyone twice: a unit's figures
    /// cover its sub-units, so only units with no ancestor recording the same category are added.
    public func staffingTotals() -> [StaffCategory: StaffingTotal] {
        let categories = StaffCategory.allCases
        precondition(categories.count <= 32, "staffing categories are walked as a 32-bit mask")
        var totals = [StaffingTotal](repeating: StaffingTotal(), count: categories.count)
        // One walk for every category: it carries, as a bit mask, the categories some ancestor records;
        // a unit adds its first figures of each category not in the mask, and passes the mask on with
        // its own categories added (the units below one that records a category add nothing to it).
        var stack: [(node: Int, above: UInt32)] = roots.reversed().map { ($0, 0) }
        while let (node, above) = stack.popLast() {
            var recorded = above
            // Read in place: a `Staffing` holds its location's path, and copying one counts a reference.
            chart.units[node].staffing.withUnsafeBufferPointer { staffing in
                for position in staffing.indices {
                    guard let category = categories.firstIndex(of: staffing[position].category) else { continue }
                    let bit = UInt32(1) << category
                    guard recorded & bit == 0 else { continue }  // an ancestor's, or this unit's earlier figures
                    recorded |= bit
                    totals[category].units += 1
                    totals[category].quota += staffing[position].quota ?? 0
                    totals[category].actual += staffing[position].actual ?? 0
                }
            }
            children[node].withUnsafeBufferPointer { below in
                for index in below.indices.reversed() { stack.append((below[index], recorded)) }
            }
        }
        var result: [StaffCategory: StaffingTotal] = [:]
        for (category, total) in zip(categories, totals) where total.units > 0 { result[category] = total }
        return result
    }

    private static func ownLevel(_ unit: Unit, inherited: GovernmentLevel?) -> GovernmentLevel? {
        if let declared = unit.declaredLevel { return declared }
        switch unit.kind {
        case .commune: return .commune
        case .district: return .district
        default: return inherited
        }
    }
}

/// Where a duty is: the unit's index in the chart and the duty's position in the unit (kept as two 32-bit
/// numbers: the graph holds one per duty).
public struct DutyReference: Hashable, Sendable {
    private var storedUnit: Int32
    private var storedOffset: Int32

    /// Index of the unit.
    public var unit: Int {
        get { Int(storedUnit) }
        set { storedUnit = Int32(newValue) }
    }

    /// Position of the duty within the unit.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Int32(newValue) }
    }

    /// The `offset`-th duty of the unit at `unit`.
    public init(unit: Int, offset: Int) {
        storedUnit = Int32(unit)
        storedOffset = Int32(offset)
    }
}

/// One duty that cites a mandate.
public struct MandateCarrier: Hashable, Sendable {
    /// Index of the unit in the chart.
    public var unit: Int
    /// The duty.
    public var duty: DutyID
    /// Lead or support.
    public var role: DutyRole
}

/// Summed staffing figures of one category.
public struct StaffingTotal: Hashable, Sendable {
    /// Units whose figures were added.
    public var units = 0
    /// Approved posts.
    public var quota = 0
    /// People in post.
    public var actual = 0

    /// Totals as given.
    public init(units: Int = 0, quota: Int = 0, actual: Int = 0) {
        self.units = units
        self.quota = quota
        self.actual = actual
    }
}
