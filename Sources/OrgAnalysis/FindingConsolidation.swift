import OrgModel

/// One problem, one finding: after every rule has run, findings that rest on the same (non-empty) set of
/// duties become one finding, so that a reviewer never reads the same overlap twice under two codes.
///
/// - OVL001 with OVL002 or OVL003 on the same duties (a shared lead whose texts are also near-duplicates):
///   a confirmed OVL001 is kept and takes the text evidence (similarity, pairs, texts); an OVL001 that is
///   only to verify gives way to the observed text duplicate, which is kept, confirmed, with the mandate
///   and the lead evidence (`mandate`, `leadUnits`, `inferredDuties`). The message says both.
/// - Any other findings on equal duty sets: the confirmed (then more severe, then smaller code) is kept;
///   the others' evidence is merged without clobbering a key (a clashing key is prefixed with the absorbed
///   code), their units joined, and their messages appended.
/// Every merged finding records `alsoCodes`: the codes it absorbed. Deterministic: groups are formed and
/// merged in report order.
public enum FindingConsolidation {
    /// `findings` with every group on one duty set made one finding; the order of the others is kept.
    public static func consolidate(_ findings: [Finding]) -> [Finding] {
        var groups: [[DutyID]: [Int]] = [:]
        for (index, finding) in findings.enumerated() where !finding.duties.isEmpty && finding.effectiveFrom == nil {
            groups[finding.duties, default: []].append(index)
        }
        guard groups.values.contains(where: { $0.count > 1 }) else { return findings }
        var replaced: [Int: Finding] = [:]
        var dropped = Set<Int>()
        for (_, members) in groups where members.count > 1 {
            let ordered = members.sorted { rank(findings[$0]) < rank(findings[$1]) }
            var kept = findings[ordered[0]]
            for index in ordered.dropFirst() { kept = merge(kept, findings[index]) }
            replaced[ordered[0]] = kept
            dropped.formUnion(ordered.dropFirst())
        }
        return findings.indices.compactMap { index in
            dropped.contains(index) ? nil : (replaced[index] ?? findings[index])
        }
    }

    private static let leadConflict = LeadConflictRule.id
    private static let textOverlaps: Set<RuleID> = [DuplicateDutyRule.id, MergeCandidateRule.id]

    /// Which finding of a group is kept: a confirmed OVL001 first, then a text overlap (OVL002, OVL003:
    /// an OVL001 only to verify gives way to the observed duplicate); otherwise the confirmed, then the
    /// more severe, then the smaller code, then the message.
    private static func rank(_ finding: Finding) -> (Int, Int, Int, String, String) {
        let overlapRank = finding.rule == leadConflict && finding.confidence == .confirmed ? 0
            : textOverlaps.contains(finding.rule) ? 1 : 2
        let severityRank = Severity.allCases.firstIndex(of: finding.severity) ?? 0
        return (overlapRank, finding.confidence == .confirmed ? 0 : 1, severityRank, finding.code, finding.message.en)
    }

    /// `kept` with `absorbed` folded in.
    static func merge(_ kept: Finding, _ absorbed: Finding) -> Finding {
        var result = kept
        result.units = Array(Set(kept.units + absorbed.units)).sorted()
        if result.mandate == nil { result.mandate = absorbed.mandate }
        if absorbed.confidence == .confirmed || kept.confidence == .confirmed { result.confidence = .confirmed }
        if absorbed.severity < result.severity, absorbed.confidence == .confirmed { result.severity = absorbed.severity }
        if result.location == nil { result.location = absorbed.location }
        let prefix = absorbed.code
        for (key, value) in absorbed.evidence.sorted(by: { $0.key < $1.key }) {
            if key == "alsoCodes" { continue }
            if let existing = result.evidence[key] {
                if existing != value { result.evidence[prefix + "." + key] = value }
            } else {
                result.evidence[key] = value
            }
        }
        if absorbed.rule == leadConflict, let mandate = absorbed.mandate {
            result.evidence["mandate"] = .text(mandate.rawValue)
        }
        var codes: [String] = []
        if case .list(let earlier) = kept.evidence["alsoCodes"] { codes = earlier }
        if case .list(let nested) = absorbed.evidence["alsoCodes"] { codes += nested }
        codes.append(absorbed.code)
        result.evidence["alsoCodes"] = .list(Array(Set(codes)).sorted())
        result.message = LocalizedText(
            vi: kept.message.vi + ". Đồng thời: " + lowerFirst(absorbed.message.vi),
            en: kept.message.en + ". Also: " + lowerFirst(absorbed.message.en))
        return result
    }

    /// The text with its first letter in lower case, unless it starts a proper name (a capitalised
    /// second word, as in "Phòng Quản lý …", "Sở Y tế"): then unchanged.
    private static func lowerFirst(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 2)
        if words.count >= 2, let first = words[1].first, first.isUppercase { return text }
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
