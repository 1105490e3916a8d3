import OrgModel

/// Applies a proposal to a chart, operation by operation, with the semantics of proposal XML v1. Every
/// violation is a diagnostic at the operation's line; the whole proposal is rejected when there is one.
/// Duty conservation is checked last: every duty of the original chart must still be there (perhaps
/// moved) or have been dropped with a reason.
public struct ProposalApplier {
    /// The chart before.
    public let chart: OrgChart

    /// An applier for `chart`.
    public init(chart: OrgChart) { self.chart = chart }

    /// The outcome, or every problem found.
    public func apply(_ proposal: Proposal) -> Result<ProposalOutcome, ProposalRejection> {
        var state = WorkingChart(chart: chart)
        var problems: [Diagnostic] = []
        if proposal.chart != chart.id {
            problems.append(Diagnostic(.error, at: proposal.location, "the proposal is for chart '\(proposal.chart)', "
                + "and the chart given is '\(chart.id)'"))
        }
        for operation in proposal.operations {
            problems.append(contentsOf: state.apply(operation).map { Diagnostic(.error, at: operation.location, $0) })
        }
        if problems.isEmpty {
            let present = state.allDutyIDs()
            let dropped = Set(state.dropped.map(\.duty))
            let lost = chart.units.flatMap(\.duties).filter { !present.contains($0.id) && !dropped.contains($0.id) }
            for duty in lost {
                problems.append(Diagnostic(.error, at: proposal.location, "duty conservation: duty '\(duty.id)' of "
                    + "'\(duty.unit)' («\(duty.text)») is lost; send it to a unit or drop it with <dropDuty reason=\"...\">"))
            }
        }
        guard problems.isEmpty else { return .failure(ProposalRejection(diagnostics: problems)) }
        var result = state.chart()
        result.asOf = proposal.effective ?? chart.asOf
        return .success(ProposalOutcome(
            chart: result, dutyTransfers: state.transfers, peopleTransfers: state.people, created: state.created,
            removed: state.removed, dropped: state.dropped, added: state.added, roleChanges: state.roleChanges))
    }
}

/// Why a proposal was rejected: every problem, each at the proposal line of its operation.
public struct ProposalRejection: Error, Sendable {
    /// The problems.
    public var diagnostics: [Diagnostic]
}

/// The chart while a proposal is applied: units by id, with an order for writing them back.
struct WorkingChart {
    private var units: [UnitID: Unit] = [:]
    private var order: [UnitID] = []
    private let original: OrgChart
    private(set) var transfers: [ProposalOutcome.DutyTransfer] = []
    private(set) var people: [ProposalOutcome.PeopleTransfer] = []
    private(set) var created: [(unit: UnitID, name: String)] = []
    private(set) var removed: [(unit: UnitID, name: String)] = []
    private(set) var dropped: [ProposalOutcome.DroppedDuty] = []
    private(set) var added: [DutyID] = []
    private(set) var roleChanges: [(duty: DutyID, unit: UnitID, role: DutyRole)] = []

    init(chart: OrgChart) {
        original = chart
        for unit in chart.units where units[unit.id] == nil {
            units[unit.id] = unit
            order.append(unit.id)
        }
    }

    func allDutyIDs() -> Set<DutyID> { Set(units.values.flatMap { $0.duties.map(\.id) }) }

    /// The chart: units in their order, each after its parent (a depth-first walk).
    func chart() -> OrgChart {
        var children: [UnitID: [UnitID]] = [:]
        var roots: [UnitID] = []
        for id in order {
            if let parent = units[id]?.parent, units[parent] != nil { children[parent, default: []].append(id) } else { roots.append(id) }
        }
        var result: [Unit] = []
        var stack = Array(roots.reversed())
        while let id = stack.popLast() {
            guard var unit = units[id] else { continue }
            if unit.parent.map({ units[$0] == nil }) ?? false { unit.parent = nil }
            result.append(unit)
            stack.append(contentsOf: (children[id] ?? []).reversed())
        }
        var chart = original
        chart.units = result
        return chart
    }

    // MARK: Operations

    mutating func apply(_ operation: ProposalOperation) -> [String] {
        switch operation.action {
        case .merge(let into, let ids, let name, let kind, let parent, let deputies):
            return merge(into: into, ids, name: name, kind: kind, parent: parent, deputies: deputies)
        case .split(let unit, let parts): return split(unit, parts)
        case .transferDuty(let duty, let to, let role): return transfer(duty, to: to, role: role)
        case .abolish(let unit, let dutiesTo, let staffTo): return abolish(unit, dutiesTo: dutiesTo, staffTo: staffTo)
        case .move(let unit, let parent):
            guard units[unit] != nil else { return [missingUnit(unit)] }
            guard units[parent] != nil else { return [missingUnit(parent)] }
            if isWithin(parent, unit) { return ["moving '\(unit)' under '\(parent)' makes a cycle: '\(parent)' is inside '\(unit)'"] }
            let before = ancestors(of: unit)
            units[unit]?.parent = parent
            units[unit]?.parentIsReference = false
            if let figures = units[unit]?.staffing { shift(figures, from: before, to: ancestors(of: unit)) }
            return []
        case .rename(let unit, let name):
            guard units[unit] != nil else { return [missingUnit(unit)] }
            units[unit]?.name = name
            return []
        case .setStaffing(let unit, let category, let quota, let actual):
            guard var current = units[unit] else { return [missingUnit(unit)] }
            if let index = current.staffing.firstIndex(where: { $0.category == category }) {
                if let quota { current.staffing[index].quota = quota }
                if let actual { current.staffing[index].actual = actual }
            } else {
                current.staffing.append(Staffing(category: category, quota: quota, actual: actual, location: current.location))
            }
            units[unit] = current
            return []
        case .setLeadership(let unit, let heads, let deputies, let vacantHeads):
            guard units[unit] != nil else { return [missingUnit(unit)] }
            var leadership = units[unit]?.leadership ?? Leadership()
            if let heads { leadership.heads = heads }
            if let deputies { leadership.deputies = deputies }
            if let vacantHeads { leadership.vacantHeads = vacantHeads }
            if let vacant = leadership.vacantHeads, vacant > (leadership.heads ?? 0) {
                return ["unit '\(unit)' would have vacantHeads=\"\(vacant)\" and only \(leadership.heads ?? 0) head "
                    + "post\(leadership.heads == 1 ? "" : "s"); a vacant post must be one of its head posts"]
            }
            units[unit]?.leadership = leadership
            return []
        case .addDuty(let unit, let duty, let text, let mandate, let role):
            guard units[unit] != nil else { return [missingUnit(unit)] }
            if findDuty(duty) != nil || original.units.contains(where: { $0.duties.contains { $0.id == duty } }) {
                return ["duty id '\(duty)' already exists; a new duty needs a new id"]
            }
            if let mandate, !original.mandates.contains(where: { $0.id == mandate }) {
                return ["mandate '\(mandate)' is not declared in the chart or its catalogues"]
            }
            let location = units[unit]?.location ?? SourceLocation(file: "", line: 0, column: 0)
            units[unit]?.duties.append(Duty(id: duty, unit: unit, text: text, mandate: mandate, role: role, location: location))
            added.append(duty)
            return []
        case .dropDuty(let duty, let reason):
            guard let (unit, index) = findDuty(duty) else { return [missingDuty(duty)] }
            guard !reason.isEmpty else { return ["dropping duty '\(duty)' needs a reason"] }
            let removedDuty = units[unit]?.duties.remove(at: index)
            dropped.append(ProposalOutcome.DroppedDuty(duty: duty, text: removedDuty?.text ?? "", unit: unit, reason: reason))
            return []
        }
    }

    private mutating func merge(into: UnitID, _ ids: [UnitID], name: String?, kind: UnitKind?, parent: UnitID?,
                                deputies: Int?) -> [String] {
        var problems = ids.filter { units[$0] == nil }.map(missingUnit)
        if Set(ids).count != ids.count { problems.append("a unit is listed twice in the merge") }
        let survives = ids.contains(into)
        if !survives {
            if units[into] != nil { problems.append("'\(into)' already exists: merge into one of the merged units or a new id") }
            if name == nil || kind == nil || parent == nil {
                problems.append("merging into the new unit '\(into)' needs name, kind and parent")
            }
        }
        if let parent {
            if units[parent] == nil { problems.append(missingUnit(parent)) }
            if ids.contains(where: { isWithin(parent, $0) }) { problems.append("the merged unit cannot be placed under one of the merged units") }
        }
        guard problems.isEmpty else { return problems }
        let members = ids.compactMap { units[$0] }
        let chains = Dictionary(uniqueKeysWithValues: ids.map { ($0, ancestors(of: $0)) })
        guard let first = survives ? units[into] : members.first else { return [missingUnit(into)] }
        var result = first
        result.id = into
        result.name = name ?? first.name
        result.kind = kind ?? first.kind
        result.parent = parent ?? first.parent
        result.parentIsReference = false
        if !survives { result.foundingDecision = nil }  // a survivor keeps the decision to amend; a new unit needs its own
        result.leadership = Leadership(heads: 1, deputies: deputies ?? members.compactMap { $0.leadership?.deputies }.max())
        result.staffing = StaffCategory.allCases.compactMap { category in
            let entries = members.compactMap { $0.staffing(category) }
            guard !entries.isEmpty else { return nil }
            let quotas = entries.compactMap(\.quota), actuals = entries.compactMap(\.actual)
            return Staffing(category: category, quota: quotas.isEmpty ? nil : quotas.reduce(0, +),
                            actual: actuals.isEmpty ? nil : actuals.reduce(0, +), location: entries[0].location)
        }
        let ordered = survives ? [first] + members.filter { $0.id != into } : members
        result.duties = []
        result.functions = Array(uniqued(ordered.flatMap(\.functions)))
        result.powers = Array(uniqued(ordered.flatMap(\.powers)))
        for member in ordered {
            for var duty in member.duties {
                if member.id != into {
                    transfers.append(.init(duty: duty.id, text: duty.text, from: member.id, to: into))
                }
                duty.unit = into
                result.duties.append(duty)
            }
            if member.id != into {
                for figures in member.staffing where (figures.actual ?? 0) > 0 || (figures.quota ?? 0) > 0 {
                    people.append(.init(from: member.id, to: into, category: figures.category, people: figures.actual ?? 0,
                                        quota: figures.quota ?? 0))
                }
            }
        }
        let position = order.firstIndex { ids.contains($0) } ?? order.count
        for member in members where member.id != into {
            units[member.id] = nil
            removed.append((member.id, member.name))
        }
        order.removeAll { ids.contains($0) && $0 != into }
        if !survives {
            order.insert(into, at: min(position, order.count))
            created.append((into, result.name))
        }
        units[into] = result
        for id in order where id != into {
            if let parent = units[id]?.parent, ids.contains(parent) { units[id]?.parent = into }
        }
        // A unit's figures cover its sub-units: units above a member but no longer above the result lose
        // the member's staff, units newly above the result gain them.
        let resultChain = ancestors(of: into)
        for member in members { shift(member.staffing, from: chains[member.id] ?? [], to: resultChain) }
        return []
    }

    private mutating func split(_ id: UnitID, _ parts: [SplitPart]) -> [String] {
        guard let unit = units[id] else { return [missingUnit(id)] }
        var problems: [String] = []
        let newIDs = parts.map(\.id)
        if Set(newIDs).count != newIDs.count { problems.append("two parts of the split have the same id") }
        for part in parts where units[part.id] != nil && part.id != id { problems.append("'\(part.id)' already exists") }
        var owner: [DutyID: UnitID] = [:]
        let own = Set(unit.duties.map(\.id))
        for part in parts {
            for duty in part.duties {
                if !own.contains(duty) { problems.append("duty '\(duty)' is not a duty of '\(id)'") }
                if let other = owner[duty] { problems.append("duty '\(duty)' is given to two parts: '\(other)' and '\(part.id)'") }
                owner[duty] = part.id
            }
        }
        for duty in unit.duties where owner[duty.id] == nil {
            problems.append("duty '\(duty.id)' of '\(id)' («\(duty.text)») goes to no part of the split")
        }
        let childIDs = order.filter { units[$0]?.parent == id }
        for part in parts {
            for sub in part.subUnits where !childIDs.contains(sub) { problems.append("'\(sub)' is not a sub-unit of '\(id)'") }
        }
        guard problems.isEmpty else { return problems }
        let position = order.firstIndex(of: id) ?? order.count
        units[id] = nil
        order.removeAll { $0 == id }
        removed.append((id, unit.name))
        for (offset, part) in parts.enumerated() {
            var piece = unit
            piece.id = part.id
            piece.name = part.name
            piece.kind = part.kind ?? unit.kind
            if part.id != id { piece.foundingDecision = nil }  // a new unit is founded by a new decision
            piece.staffing = part.staffing
            piece.leadership = part.leadership
            piece.duties = unit.duties.filter { owner[$0.id] == part.id }.map { duty in
                var moved = duty
                moved.unit = part.id
                transfers.append(.init(duty: duty.id, text: duty.text, from: id, to: part.id))
                return moved
            }
            piece.functions = offset == 0 ? unit.functions : []
            piece.powers = offset == 0 ? unit.powers : []
            units[part.id] = piece
            order.insert(part.id, at: min(position + offset, order.count))
            created.append((part.id, part.name))
        }
        let claimed = Dictionary(parts.flatMap { part in part.subUnits.map { ($0, part.id) } }, uniquingKeysWith: { a, _ in a })
        for child in childIDs { units[child]?.parent = claimed[child] ?? parts[0].id }
        return []
    }

    private mutating func transfer(_ duty: DutyID, to: UnitID, role: DutyRole?) -> [String] {
        guard let (from, index) = findDuty(duty) else { return [missingDuty(duty)] }
        guard units[to] != nil else { return [missingUnit(to)] }
        guard var moved = units[from]?.duties.remove(at: index) else { return [missingDuty(duty)] }
        let oldRole = moved.role
        moved.unit = to
        if let role { moved.role = role }
        if from == to {
            units[to]?.duties.insert(moved, at: index)  // a change of role only: the duty keeps its place
        } else {
            units[to]?.duties.append(moved)
            transfers.append(.init(duty: duty, text: moved.text, from: from, to: to))
        }
        if moved.role != oldRole { roleChanges.append((duty, to, moved.role)) }
        return []
    }

    private mutating func abolish(_ id: UnitID, dutiesTo: UnitID?, staffTo: UnitID?) -> [String] {
        guard let unit = units[id] else { return [missingUnit(id)] }
        var problems: [String] = []
        for target in [dutiesTo, staffTo].compactMap({ $0 }) {
            if units[target] == nil { problems.append(missingUnit(target)) } else if isWithin(target, id) {
                problems.append("'\(target)' is inside '\(id)', which is being abolished")
            }
        }
        if dutiesTo == nil {
            for duty in unit.duties {
                problems.append("abolishing '\(id)' loses duty '\(duty.id)' («\(duty.text)»): give dutiesTo=\"...\", "
                    + "transfer it first, or drop it with a reason")
            }
        }
        guard problems.isEmpty else { return problems }
        if let dutiesTo {
            for var duty in unit.duties {
                transfers.append(.init(duty: duty.id, text: duty.text, from: id, to: dutiesTo))
                duty.unit = dutiesTo
                units[dutiesTo]?.duties.append(duty)
            }
        }
        let chain = ancestors(of: id)
        if let staffTo {
            for figures in unit.staffing where (figures.actual ?? 0) > 0 || (figures.quota ?? 0) > 0 {
                people.append(.init(from: id, to: staffTo, category: figures.category, people: figures.actual ?? 0,
                                    quota: figures.quota ?? 0))
            }
            // staffTo takes the people and their posts; units above it that were not above the abolished
            // unit gain them, units above the abolished unit that are not above staffTo lose them.
            shift(unit.staffing, from: chain, to: [staffTo] + ancestors(of: staffTo), createIn: staffTo)
        } else {
            shift(unit.staffing, from: chain, to: [])  // the posts are released
        }
        for child in order where units[child]?.parent == id { units[child]?.parent = unit.parent }
        units[id] = nil
        order.removeAll { $0 == id }
        removed.append((id, unit.name))
        return []
    }

    /// The strict ancestors of `id`, nearest first.
    private func ancestors(of id: UnitID) -> [UnitID] {
        var result: [UnitID] = []
        var current = units[id]?.parent
        while let parent = current, units[parent] != nil, !result.contains(parent) {
            result.append(parent)
            current = units[parent]?.parent
        }
        return result
    }

    /// Moves staffing figures between two chains of units: every unit in `to` but not in `from` gains them,
    /// every unit in `from` but not in `to` loses them. Units that record no entry for a category are left
    /// alone, except `createIn`, which gets one.
    private mutating func shift(_ figures: [Staffing], from: [UnitID], to: [UnitID], createIn: UnitID? = nil) {
        let gaining = to.filter { !from.contains($0) }, losing = from.filter { !to.contains($0) }
        for entry in figures {
            for (ids, sign) in [(gaining, 1), (losing, -1)] {
                for id in ids {
                    guard var unit = units[id] else { continue }
                    if let index = unit.staffing.firstIndex(where: { $0.category == entry.category }) {
                        if let quota = entry.quota { unit.staffing[index].quota = max(0, (unit.staffing[index].quota ?? 0) + sign * quota) }
                        if let actual = entry.actual { unit.staffing[index].actual = max(0, (unit.staffing[index].actual ?? 0) + sign * actual) }
                    } else if id == createIn, sign > 0 {
                        unit.staffing.append(entry)
                    }
                    units[id] = unit
                }
            }
        }
    }

    private func findDuty(_ duty: DutyID) -> (UnitID, Int)? {
        for id in order {
            if let index = units[id]?.duties.firstIndex(where: { $0.id == duty }) { return (id, index) }
        }
        return nil
    }

    /// True when `unit` is `ancestor` or below it.
    private func isWithin(_ unit: UnitID, _ ancestor: UnitID) -> Bool {
        var current: UnitID? = unit
        var steps = 0
        while let id = current, steps <= units.count {
            if id == ancestor { return true }
            current = units[id]?.parent
            steps += 1
        }
        return false
    }

    private func missingUnit(_ id: UnitID) -> String { "there is no unit '\(id)' at this point of the proposal" }
    private func missingDuty(_ id: DutyID) -> String { "there is no duty '\(id)' at this point of the proposal" }
}

/// Removes repeats, keeping the first occurrence.
private func uniqued(_ values: [String]) -> [String] { var seen = Set<String>(); return values.filter { seen.insert($0).inserted } }
