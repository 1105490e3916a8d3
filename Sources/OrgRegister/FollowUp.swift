import OrgAnalysis
import OrgModel

/// The register read for follow-up (clauses 3.a and 3.c of the directive): every review, and the
/// findings open in the latest one or resolved since the one before, each with its status, how long it
/// has been open, its deadline and its waiver. Computed on a given day (`asOf`).
public struct FollowUp: Sendable {
    /// One recorded review.
    public struct Review: Sendable, Hashable {
        /// Its number in the register.
        public var number: Int64
        /// The chart's id and name.
        public var chartID: String
        public var chartName: String?
        /// The chart's date, else the day it was recorded.
        public var date: ChartDate?
        /// What the user called it.
        public var label: String?
        /// Whether the chart's figures are illustrative.
        public var illustrative: Bool
        /// The files it read.
        public var files: [RegisterStore.InputFile]
        /// Confirmed findings in force it recorded; to verify; under a regime to come.
        public var counted: Int
        public var toVerify: Int
        public var upcoming: Int
    }

    /// Where a finding stands at the latest review.
    public enum Status: String, Sendable, CaseIterable {
        /// First seen in the latest review.
        case new
        /// Also in the review before.
        case persisting
        /// Seen before, then gone, back in the latest review.
        case reopened
        /// In the review before, gone in the latest.
        case resolved
    }

    /// Where a finding's waiver stands on the day of the report.
    public enum WaiverState: String, Sendable {
        /// It holds: the finding is shown apart and does not count as open.
        case active
        /// Its last day has passed: the finding is open again.
        case expired
        /// The finding's evidence is not what was waived: open again.
        case evidenceChanged = "evidence-changed"
    }

    /// Who set a deadline.
    public enum DeadlineSource: String, Sendable {
        /// The legal norm (the five-year grace for excess deputies).
        case norm
        /// A user, with `track deadline`.
        case user
    }

    /// One finding.
    public struct Entry: Sendable {
        public var fingerprint: FindingFingerprint
        public var code: String
        public var status: Status
        /// counted, to-verify or upcoming (in the latest review that saw it).
        public var kind: String
        public var severity: Severity
        /// Its department's name; nil for the province as a whole.
        public var department: String?
        public var message: LocalizedText
        /// The review that first saw it.
        public var firstSeen: Int64
        /// The first review of its current run (for a resolved finding, of the run that ended).
        public var since: Int64
        /// Reviews of that run.
        public var reviews: Int
        public var deadline: ChartDate?
        public var deadlineSource: DeadlineSource?
        /// The document that set a user's deadline.
        public var deadlineDocument: String?
        /// Days past the deadline on the day of the report; nil when not overdue.
        public var daysOverdue: Int?
        public var waiver: RegisterStore.Waiver?
        public var waiverState: WaiverState?

        /// Open and counted: confirmed, in force, not resolved and not waived.
        public var isOpen: Bool { status != .resolved && kind == "counted" && waiverState != .active }
    }

    /// The day statuses, ages and deadlines are reckoned on.
    public var asOf: ChartDate?
    /// Every review, in order.
    public var reviews: [Review]
    /// Findings of the latest review and those resolved since the one before, overdue first, then by
    /// department, code and fingerprint.
    public var entries: [Entry]

    /// The departments of `entries`, each once, in report order: by name, the province as a whole last.
    public static func departments(of entries: [Entry]) -> [String?] {
        var seen = Set<String?>(), list: [String?] = []
        for entry in entries where seen.insert(entry.department).inserted { list.append(entry.department) }
        return list.sorted(by: departmentOrder)
    }

    /// Report order of departments: by name, nil (the province as a whole) last.
    public static func departmentOrder(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case let (lhs?, rhs?): lhs < rhs
        case (_?, nil): true
        default: false
        }
    }

    /// The review numbered `number`.
    public func review(_ number: Int64) -> Review? { reviews.first { $0.number == number } }

    /// Days from `review`'s date to the day of the report.
    public func age(since review: Int64) -> Int? {
        guard let from = self.review(review)?.date, let asOf else { return nil }
        return asOf.dayNumber - from.dayNumber
    }
}
