import Foundation
import Dispatch
import OrgModel

/// The result of an analysis.
public struct AnalysisResult: Sendable {
    /// The graph the rules ran on.
    public var graph: DutyGraph
    /// Every finding, in report order.
    public var findings: [Finding]
    /// The codes of the rules that ran.
    public var rulesRun: [String]
    /// What the text engine found (near-duplicates, inferred mandates).
    public var text: TextAnalysis
    /// Every parameter's value the rules used, with the regime and category they were chosen for.
    public var settings: RuleSettings
    /// Staffing figures: per unit, department, category, total; deputies; span of control.
    public var staffing: StaffingSummary
    /// Compliance scores 0–100.
    public var scores: ComplianceScores
    /// How long each phase took, in order (for `--timings`; never part of a report).
    public var timings: [(phase: String, seconds: Double)] = []
    /// The process's resident and peak memory at the end of each phase, in KiB (for `--timings`).
    public var memory: [(phase: String, residentKiB: Int, peakKiB: Int)] = []
    /// Each rule's own seconds on the worker that ran it (the rules run side by side within the phase
    /// "rules"), in catalogue order (for `--timings`).
    public var ruleTimings: [(code: String, seconds: Double)] = []

    /// The settings of the regime looked ahead to, when there is one (see ``LookAhead``).
    public var upcomingSettings: RuleSettings?

    /// The regime and province category the chart was judged under.
    public var norms: NormContext { settings.norms }

    /// Confirmed current findings per severity: what `summary` counts and `--fail-on` looks at.
    public var counts: [Severity: Int] {
        var counts: [Severity: Int] = [:]
        for finding in findings where finding.isCountable { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// Current findings that rest only on inference.
    public var toVerifyCount: Int { findings.count { $0.isToVerify } }

    /// Findings under a regime not yet in force.
    public var upcomingCount: Int { findings.count { $0.isUpcoming } }
}

/// Runs the rule catalogue over a chart.
public struct Analyzer: Sendable {
    /// The configuration in force.
    public var configuration: AnalysisConfiguration
    /// The rules to run (the whole catalogue by default).
    public var rules: [any Rule.Type]

    /// An analyzer.
    public init(configuration: AnalysisConfiguration = AnalysisConfiguration(),
                rules: [any Rule.Type] = RuleCatalog.all) {
        self.configuration = configuration
        self.rules = rules
    }

    /// Builds the graph and runs every enabled rule.
    public func analyze(_ chart: OrgChart) -> AnalysisResult {
        analyze(DutyGraph(chart: chart))
    }

    /// Runs every enabled rule on a graph already built.
    public func analyze(_ graph: DutyGraph) -> AnalysisResult {
        var clock = PhaseClock()
        let settings = configuration.settings(for: graph.chart)
        let text = TextAnalysis(graph: graph, settings: TextSettings(settings, configuration))
        clock.timings.append(contentsOf: text.timings)
        clock.memory.append(contentsOf: text.memory)
        clock.restart()
        let context = RuleContext(graph: graph, configuration: configuration, text: text, settings: settings)
        // A chart without mandates has no gap to charge to anyone.
        if !graph.chart.mandates.isEmpty,
           rules.contains(where: { $0.readsGapResponsibility && !configuration.disabled.contains($0.id) }) {
            context.beginGapResponsibility()
        }
        // Today's rules, and those whose parameters change under the regime ahead (if one is known) run
        // again with its settings, all in one pool of workers.
        let ahead = configuration.lookAheadNorms(for: graph.chart)
        let future = ahead.map { RuleSettings(norms: $0.norms, overrides: configuration.overrides) }
        var batches = [RuleBatch(context: context, include: { _ in true })]
        if let future {
            batches.append(RuleBatch(context: RuleContext(graph: graph, configuration: configuration, text: text, settings: future),
                                     include: { rule in Self.changes(rule, from: settings, to: future) }))
        }
        let runs = runRules(batches)
        let run = runs[0]
        clock.lap("rules")
        var findings = FindingConsolidation.consolidate(run.findings)
        var upcomingSettings: RuleSettings?
        if let ahead, let future {
            upcomingSettings = future
            findings += Self.upcoming(runs[1].findings, today: findings, from: ahead.from)
            clock.lap("look-ahead")
        }
        // The staffing summary (the graph's alone) is made on one core while the findings are sorted and
        // scored on another.
        let unsorted = findings
        let (staffing, (sorted, scores)) = concurrently({ StaffingSummary(graph: graph) }, {
            let sorted = Self.sortedForReport(unsorted)
            return (sorted, ComplianceScores(graph: graph, findings: sorted))
        })
        findings = sorted
        clock.lap("staffing and scores")
        var result = AnalysisResult(graph: graph, findings: findings, rulesRun: run.ran, text: text, settings: settings,
                                    staffing: staffing, scores: scores)
        result.upcomingSettings = upcomingSettings
        result.timings = clock.timings
        result.memory = clock.memory
        result.ruleTimings = run.timings
        return result
    }
}

extension Analyzer {
    /// The rules one run covers: those enabled that `include` accepts, on `context`.
    private struct RuleBatch {
        let context: RuleContext
        let include: (any Rule.Type) -> Bool
    }

    /// What one batch found: the findings, the codes of the rules run, and each rule's own seconds.
    private typealias RuleRun = (findings: [Finding], ran: [String], timings: [(code: String, seconds: Double)])

    /// Runs every enabled rule that each batch's `include` accepts, on the batch's context. The rules read
    /// the graph and never change it: they run on every core, each whole on one worker, all batches in one
    /// pool (today's rules and the look-ahead's share the cores, so that neither waits for the other's last
    /// rule). Each batch's findings are gathered in catalogue order, as one rule after the other would give
    /// them, with the codes of the rules run and each rule's own seconds.
    private func runRules(_ batches: [RuleBatch]) -> [RuleRun] {
        // The look-ahead's few rules first: they start while today's many run, rather than make the tail.
        let jobs = batches.indices.reversed().flatMap { batch in
            rules.filter { !configuration.disabled.contains($0.id) && batches[batch].include($0) }
                .map { (batch: batch, rule: $0, severity: configuration.severities[$0.id]) }
        }
        let produced = UnsafeMutableBufferPointer<(findings: [Finding], seconds: Double)>.allocate(capacity: jobs.count)
        produced.initialize(repeating: ([], 0))
        defer {
            _ = produced.deinitialize()
            produced.deallocate()
        }
        nonisolated(unsafe) let results = produced
        let contexts = batches.map(\.context)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let start = ContinuousClock.now
            let found = Self.run(jobs[index].rule, context: contexts[jobs[index].batch], severity: jobs[index].severity)
            results[index] = (found, PhaseClock.seconds(ContinuousClock.now - start))
        }
        return batches.indices.map { batch in
            let mine = jobs.indices.filter { jobs[$0].batch == batch }
            var findings: [Finding] = []
            findings.reserveCapacity(mine.reduce(0) { $0 + produced[$1].findings.count })
            for index in mine {
                findings.append(contentsOf: produced[index].findings)
                produced[index].findings = []
            }
            return (findings, mine.map { jobs[$0].rule.code }, mine.map { (code: jobs[$0].rule.code, seconds: produced[$0].seconds) })
        }
    }

    /// What `rule` finds in `context`, at `severity` when one is configured.
    private static func run(_ rule: any Rule.Type, context: RuleContext, severity: Severity?) -> [Finding] {
        var found = rule.init().check(context)
        if let severity {
            for index in found.indices { found[index].severity = severity }
        }
        return found
    }

    /// `findings` in ``Finding/reportOrder(_:_:)``: positions sorted, then the findings moved once (sorting
    /// the findings themselves copied each one, every string and array it holds retained and released, at
    /// every step of the merge).
    static func sortedForReport(_ findings: [Finding]) -> [Finding] {
        findings.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            nonisolated(unsafe) let (unsorted, first) = (buffer, base)
            return unsorted.indices.stablySorted { Finding.reportOrder(first + $0, first + $1) }.map { unsorted[$0] }
        }
    }

    /// The findings that appear or worsen under the regime ahead: of the findings of the rules run again
    /// with its settings (``changes(_:from:to:)``), each one that today's run lacks, or that is worse than
    /// today's on the same units (a lower cap, a higher minimum, a larger excess, a higher severity), is
    /// kept with `effectiveFrom`.
    static func upcoming(_ changed: [Finding], today: [Finding], from date: ChartDate) -> [Finding] {
        // Today's findings by position (a dictionary of copies retained every string and array of 20,000
        // findings at L), only those of the rules run again.
        let rules = Set(changed.map(\.rule))
        var todayByKey: [FindingKey: Int] = [:]
        for index in today.indices where rules.contains(today[index].rule) { todayByKey[FindingKey(today[index])] = index }
        var upcoming: [Finding] = []
        for var finding in changed {
            if let now = todayByKey[FindingKey(finding)], !Self.isWorse(finding, than: today[now]) { continue }
            finding.effectiveFrom = date
            upcoming.append(finding)
        }
        return upcoming
    }

    /// True for a rule one of whose parameters takes another value under `future` than under `current`:
    /// the rules the look-ahead runs again.
    static func changes(_ rule: any Rule.Type, from current: RuleSettings, to future: RuleSettings) -> Bool {
        rule.parameters.contains { current.stored($0).value != future.stored($0).value }
    }

    /// Worse: more severe, or a figure that moved against the unit (a lower `allowed`, a higher `minimum`,
    /// a larger `excess`).
    public static func isWorse(_ finding: Finding, than now: Finding) -> Bool {
        if finding.severity < now.severity { return true }
        func int(_ finding: Finding, _ key: String) -> Int? {
            if case .int(let value) = finding.evidence[key] { return value }
            return nil
        }
        if let later = int(finding, "allowed"), let earlier = int(now, "allowed"), later < earlier { return true }
        if let later = int(finding, "maximum"), let earlier = int(now, "maximum"), later < earlier { return true }
        if let later = int(finding, "minimum"), let earlier = int(now, "minimum"), later > earlier { return true }
        if let later = int(finding, "excess"), let earlier = int(now, "excess"), later > earlier { return true }
        return false
    }

    /// What makes two findings the same problem: rule, units, duties, mandate.
    struct FindingKey: Hashable {
        let rule: RuleID, units: [UnitID], duties: [DutyID], mandate: MandateID?
        init(_ finding: Finding) {
            rule = finding.rule
            units = finding.units
            duties = finding.duties
            mandate = finding.mandate
        }
    }
}

/// Measures consecutive phases.
public struct PhaseClock {
    private var start = ContinuousClock.now
    /// Each phase and its seconds, in order.
    public var timings: [(phase: String, seconds: Double)] = []
    /// Each phase and the resident and peak memory (KiB) at its end, from /proc/self/status.
    public var memory: [(phase: String, residentKiB: Int, peakKiB: Int)] = []

    /// A clock whose first phase starts now.
    public init() {}

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        timings.append((name, Self.seconds(now - start)))
        let status = Self.memoryStatus()
        memory.append((name, status.resident, status.peak))
        start = now
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Starts the next phase now.
    public mutating func restart() { start = ContinuousClock.now }

    /// VmRSS and VmHWM in KiB (zero where /proc is missing).
    private static func memoryStatus() -> (resident: Int, peak: Int) {
        // /proc files report a size of zero: read until the end rather than by size.
        let descriptor = open("/proc/self/status", O_RDONLY)
        guard descriptor >= 0 else { return (0, 0) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        let status = String(decoding: bytes, as: UTF8.self)
        var resident = 0, peak = 0
        for line in status.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count >= 2, let value = Int(fields[1]) else { continue }
            if fields[0] == "VmRSS:" { resident = value } else if fields[0] == "VmHWM:" { peak = value }
        }
        return (resident, peak)
    }
}
