import OrgModel

/// What a duty does to its object: the administrative action its leading verbs name. Two duties on the
/// same object are the same duty only when their actions agree: "cấp giấy phép hoạt động điện lực" and
/// "kiểm tra hoạt động điện lực" share every noun and are two duties (licensing, inspection).
///
/// A duty's actions are read from the verb group that opens each of its clauses (split at ";"): the
/// leading syllables that are action cues, with "," and "và" between them ("Hướng dẫn, kiểm tra hoạt
/// động ..." → guidance, inspection). The words after the verb group are the duty's object
/// (``ActionClass/object(of:)``). Cues are matched on plain syllables (no marks), whole syllables only, so
/// that old and new tone placement and text typed without marks read alike.
public enum ActionClass: String, CaseIterable, Sendable, Hashable {
    /// Cấp, cấp phép, cho phép, chấp thuận, thẩm định, phê duyệt, công nhận, thu hồi, giao, cho thuê.
    case decision
    /// Kiểm tra, thanh tra, giám sát, theo dõi, xử lý vi phạm, xử phạt, kiểm soát.
    case inspection
    /// Xây dựng, đề xuất, dự thảo, trình, lập, quy hoạch.
    case planning
    /// Tổ chức thực hiện, triển khai, thực hiện, tổ chức.
    case implementation
    /// Hướng dẫn, tuyên truyền, phổ biến, bồi dưỡng, tập huấn.
    case guidance
    /// Cung cấp, hỗ trợ, tư vấn, trợ giúp.
    case service
    /// Tổng hợp, báo cáo, thống kê.
    case reporting
    /// Quản lý: every action on the object; agrees with any other.
    case management

    /// The action's name in a report.
    public var label: LocalizedText {
        switch self {
        case .decision: LocalizedText(vi: "cấp phép, thẩm định, quyết định", en: "licensing, appraisal, decision")
        case .inspection: LocalizedText(vi: "kiểm tra, thanh tra, giám sát", en: "inspection, supervision")
        case .planning: LocalizedText(vi: "xây dựng, đề xuất", en: "planning, drafting")
        case .implementation: LocalizedText(vi: "tổ chức thực hiện", en: "implementation")
        case .guidance: LocalizedText(vi: "hướng dẫn, tuyên truyền, bồi dưỡng", en: "guidance, training, outreach")
        case .service: LocalizedText(vi: "cung cấp, hỗ trợ", en: "service, support")
        case .reporting: LocalizedText(vi: "tổng hợp, báo cáo", en: "reporting")
        case .management: LocalizedText(vi: "quản lý", en: "management")
        }
    }

    /// Cues, as a reader writes them; the longest cue at a position wins.
    static let cues: [(ActionClass, [String])] = [
        (.decision, ["cấp", "cấp phép", "cấp giấy phép", "cấp mới", "cấp lại", "cấp đổi", "đổi", "cho phép", "chấp thuận",
                     "thẩm định", "phê duyệt", "duyệt", "xem xét", "quyết định", "công nhận", "thu hồi", "giao",
                     "cho thuê", "điều chỉnh", "gia hạn", "đình chỉ", "sửa đổi", "bổ sung", "đăng ký", "xếp hạng",
                     "cấp chứng chỉ", "xác nhận", "thành lập", "giải thể", "sát hạch"]),
        (.inspection, ["kiểm tra", "thanh tra", "giám sát", "theo dõi", "xử lý", "xử phạt", "kiểm soát",
                       "đánh giá", "phát hiện", "giải quyết khiếu nại", "tiếp công dân", "kiểm định"]),
        (.planning, ["xây dựng", "đề xuất", "dự thảo", "trình", "lập", "quy hoạch", "ban hành", "đề nghị",
                     "nghiên cứu", "định hướng"]),
        (.implementation, ["tổ chức thực hiện", "triển khai", "thực hiện", "tổ chức", "chủ trì", "điều phối",
                           "tiến hành", "phát triển", "vận hành", "bảo đảm", "đảm bảo"]),
        (.guidance, ["hướng dẫn", "tuyên truyền", "phổ biến", "bồi dưỡng", "tập huấn", "đào tạo", "quảng bá",
                     "xúc tiến", "vận động", "chỉ đạo"]),
        (.service, ["cung cấp", "hỗ trợ", "tư vấn", "trợ giúp", "khuyến khích", "phục vụ"]),
        (.reporting, ["tổng hợp", "báo cáo", "thống kê", "cập nhật"]),
        (.management, ["quản lý", "quản lý nhà nước", "tham mưu quản lý nhà nước"]),
    ]

    /// Words that open a clause without being an action: skipped ("tham mưu, giúp ... ", "phối hợp").
    static let neutral: [String] = ["tham mưu", "giúp", "tham mưu giúp", "cho", "và", "chịu trách nhiệm",
                                      "phối hợp", "có trách nhiệm", "thực hiện việc", "các", "việc", "công tác",
                                      "ủy ban nhân dân tỉnh", "ủy ban nhân dân", "chủ tịch ủy ban nhân dân tỉnh",
                                      "giám đốc sở"]

    /// Cues and neutral words by their syllable keys (tone-aware), and by their plain keys for text typed
    /// without marks; the longest first.
    private typealias Row = (keys: [String], action: ActionClass?)

    private static let tables: (marked: [String: [Row]], plain: [String: [Row]]) = {
        var rows: [(text: String, action: ActionClass?)] = []
        for (action, words) in cues { for word in words { rows.append((word, action)) } }
        for word in neutral { rows.append((word, nil)) }
        // By first syllable, the longest first within each.
        func table(_ key: (VietnameseText.Syllable) -> String) -> [String: [Row]] {
            var result: [String: [Row]] = [:]
            for row in rows {
                let keys = VietnameseText.syllables(row.text).map(key)
                guard let first = keys.first else { continue }
                result[first, default: []].append((keys, row.action))
            }
            return result.mapValues { list in list.sorted { (left: Row, right: Row) in left.keys.count > right.keys.count } }
        }
        return (table(\.key), table(\.plain))
    }()

    /// The actions `text` names, and its object: the words after each clause's verb group.
    public static func read(_ text: String) -> (actions: Set<ActionClass>, object: String) {
        var reader = Reader()
        return reader.read(text)
    }

    /// Reads many texts, remembering the syllables of each word it has seen (the verbs that open duties
    /// are few and recur).
    public struct Reader {
        private var words: [Substring: [VietnameseText.Syllable]] = [:]

        /// A reader with nothing remembered.
        public init() {}

        /// ``ActionClass/read(_:)``.
        public mutating func read(_ text: String) -> (actions: Set<ActionClass>, object: String) {
            let reading = parts(text)
            return (reading.actions, reading.objects.joined(separator: " "))
        }

        /// The actions of `text` and where its object lies: the UTF-8 byte ranges of `text` that
        /// ``read(_:)`` joins with single spaces, or nil when the text had to be composed first (its object
        /// is then not a part of it). A million objects kept as ranges take a few bytes each, not a string.
        mutating func objectRanges(_ text: String) -> (actions: Set<ActionClass>, ranges: [Range<Int>]?) {
            let reading = parts(text)
            guard reading.composed == nil else { return (reading.actions, nil) }
            let utf8 = text.utf8
            return (reading.actions, reading.objects.map { object in
                utf8.distance(from: utf8.startIndex, to: object.startIndex)..<utf8.distance(from: utf8.startIndex, to: object.endIndex)
            })
        }

        /// The actions and the object's pieces (substrings of `text`, or of its composed form when it had to
        /// be composed: `composed` is then that form).
        private mutating func parts(_ text: String) -> (actions: Set<ActionClass>, objects: [Substring], composed: String?) {
            // U+0300–U+036F (combining marks) are encoded CC 80 – CD AF: decomposed input is composed first.
            let needsComposing = text.utf8.contains { $0 == 0xCC || $0 == 0xCD }
            let composed = needsComposing ? text.precomposedStringWithCanonicalMapping : text
            var actions: Set<ActionClass> = []
            var objects: [Substring] = []
            var clauseStart = composed.startIndex
            var clauses: [Substring] = []
            for index in composed.utf8.indices where composed.utf8[index] == 0x3B {
                clauses.append(composed[clauseStart..<index])
                clauseStart = composed.utf8.index(after: index)
            }
            clauses.append(composed[clauseStart...])
            for clause in clauses where !clause.isEmpty {
                // Marked text is read by tone-aware keys ("tình" is not "tỉnh"); text without marks, plainly.
                let unmarked = clause.utf8.allSatisfy { $0 < 0x80 } && clause.utf8.count { $0 == 0x20 } >= 3
                let table = unmarked ? tables.plain : tables.marked
                // Words are read only as far as the verb group goes: the rest of the clause is the object.
                let scalars = clause.unicodeScalars
                var index = scalars.startIndex
                var keys: [String] = []
                var wordOf: [Int] = []
                var wordStarts: [String.Index] = []
                func readWord() -> Bool {
                    while index < scalars.endIndex, !VietnameseText.isLetterOrDigit(scalars[index]) { index = scalars.index(after: index) }
                    guard index < scalars.endIndex else { return false }
                    let start = index
                    while index < scalars.endIndex, VietnameseText.isLetterOrDigit(scalars[index]) { index = scalars.index(after: index) }
                    // An abbreviation ("UBND") gives several syllables, all of one word.
                    let word = Substring(scalars[start..<index])
                    let syllables = words[word] ?? VietnameseText.syllables(ofWord: String(word))
                    if words.count < 4096 { words[word] = syllables }
                    for syllable in syllables {
                        keys.append(unmarked ? syllable.plain : syllable.key)
                        wordOf.append(wordStarts.count)
                    }
                    wordStarts.append(start)
                    return true
                }
                func has(_ position: Int) -> Bool {
                    while keys.count <= position { if !readWord() { return false } }
                    return true
                }
                var position = 0
                scan: while has(position) {
                    for row in table[keys[position]] ?? [] where has(position + row.keys.count - 1)
                        && row.keys.indices.allSatisfy({ keys[position + $0] == row.keys[$0] }) {
                        if let action = row.action { actions.insert(action) }
                        position += row.keys.count
                        continue scan
                    }
                    break
                }
                guard has(position) else { continue }
                // The object starts at the first word not wholly read as the verb group.
                var word = wordOf[position]
                if position > 0, wordOf[position - 1] == word {
                    word += 1
                    guard has(keys.count), word < wordStarts.count || readWord() else { continue }
                }
                if word < wordStarts.count { objects.append(clause[wordStarts[word]...]) }
            }
            return (actions, objects, needsComposing ? composed : nil)
        }
    }

    /// How far the actions of two duties agree: 1 when they share a concrete action, or neither names one
    /// (only "quản lý", or nothing); ½ when one names only management of the object and the other a concrete
    /// action on it (a general statement beside a specific one: often delegation, not duplication); 0 when
    /// their concrete actions differ.
    public static func agreement(_ a: Set<ActionClass>, _ b: Set<ActionClass>) -> Double {
        agreement(mask(a), mask(b))
    }

    /// ``agreement(_:_:)`` on masks (``mask(_:)``): one byte per duty instead of a set.
    static func agreement(_ a: UInt8, _ b: UInt8) -> Double {
        let management = bit(.management)
        let concreteA = a & ~management, concreteB = b & ~management
        let eitherManages = (a | b) & management != 0
        if concreteA == 0 && concreteB == 0 { return 1 }
        if concreteA == 0 || concreteB == 0 { return eitherManages ? 0.5 : 1 }
        if concreteA & concreteB != 0 { return 1 }
        return eitherManages ? 0.5 : 0
    }

    /// The classes of `set` as bits (one per case, in declaration order).
    static func mask(_ set: Set<ActionClass>) -> UInt8 { set.reduce(0) { $0 | bit($1) } }

    private static func bit(_ action: ActionClass) -> UInt8 {
        UInt8(1) << UInt8(allCases.firstIndex(of: action) ?? 0)
    }
}
