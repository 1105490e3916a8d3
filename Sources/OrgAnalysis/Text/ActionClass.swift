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

    /// Cues and neutral words as rows of syllable-key ids, by the id of their first key, the longest
    /// first: by tone-aware keys, and by plain keys for text typed without marks. Every key of a cue has
    /// an id; a syllable no cue holds reads as -1 and matches nothing.
    private typealias Row = (keys: [Int32], action: ActionClass?)

    private struct Cues {
        var ids: [String: Int32] = [:]
        var marked: [[Row]] = []
        var plain: [[Row]] = []

        init() {
            var rows: [(text: String, action: ActionClass?)] = []
            for (action, words) in cues { for word in words { rows.append((word, action)) } }
            for word in neutral { rows.append((word, nil)) }
            var marked: [(first: Int32, row: Row)] = [], plain: [(first: Int32, row: Row)] = []
            for row in rows {
                let syllables = VietnameseText.syllables(row.text)
                guard !syllables.isEmpty else { continue }
                let markedKeys = syllables.map { id(of: $0.key) }, plainKeys = syllables.map { id(of: $0.plain) }
                marked.append((markedKeys[0], (markedKeys, row.action)))
                plain.append((plainKeys[0], (plainKeys, row.action)))
            }
            func table(_ rows: [(first: Int32, row: Row)]) -> [[Row]] {
                var result = [[Row]](repeating: [], count: ids.count)
                for entry in rows { result[Int(entry.first)].append(entry.row) }
                return result.map { list in list.sorted { (left: Row, right: Row) in left.keys.count > right.keys.count } }
            }
            self.marked = table(marked)
            self.plain = table(plain)
        }

        private mutating func id(of key: String) -> Int32 {
            if let known = ids[key] { return known }
            let id = Int32(ids.count)
            ids[key] = id
            return id
        }
    }

    private static let table = Cues()

    /// The actions `text` names, and its object: the words after each clause's verb group.
    public static func read(_ text: String) -> (actions: Set<ActionClass>, object: String) {
        var reader = Reader()
        return reader.read(text)
    }

    /// Reads many texts, remembering the cue keys of each word it has seen (the verbs that open duties
    /// are few and recur), looked up by the word's bytes.
    public struct Reader {
        /// One syllable of a word: the ids of its tone-aware and plain keys (-1 when no cue holds it).
        private typealias Keys = (marked: Int32, plain: Int32)
        private var words = ByteInterner()
        private var known: [[Keys]] = []
        // Scratch for one clause, kept between texts.
        private var keys: [Int32] = []
        private var wordOf: [Int] = []
        private var wordStarts: [Int] = []

        /// A reader with nothing remembered.
        public init() {}

        /// ``ActionClass/read(_:)``.
        public mutating func read(_ text: String) -> (actions: Set<ActionClass>, object: String) {
            var reading = parts(text)
            let object = reading.source.withUTF8 { bytes in
                reading.objects.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
                    .joined(separator: " ")
            }
            return (ActionClass.set(reading.actions), object)
        }

        /// The actions of `text` and where its object lies: the UTF-8 byte ranges of `text` that
        /// ``read(_:)`` joins with single spaces, or nil when the text had to be composed first (its object
        /// is then not a part of it). A million objects kept as ranges take a few bytes each, not a string.
        mutating func objectRanges(_ text: String) -> (actions: Set<ActionClass>, ranges: [Range<Int>]?) {
            let reading = objectMask(text)
            return (ActionClass.set(reading.actions), reading.ranges)
        }

        /// ``objectRanges(_:)`` with the actions as a mask (``ActionClass/mask(_:)``).
        mutating func objectMask(_ text: String) -> (actions: UInt8, ranges: [Range<Int>]?) {
            let reading = parts(text)
            return (reading.actions, reading.composed ? nil : reading.objects)
        }

        /// The actions (a mask) and the object's pieces: byte ranges of `source`, which is `text`, or its
        /// composed form when it had to be composed (`composed` is then true).
        private mutating func parts(_ text: String) -> (actions: UInt8, objects: [Range<Int>], source: String, composed: Bool) {
            // U+0300–U+036F (combining marks) are encoded CC 80 – CD AF: decomposed input is composed first.
            let needsComposing = text.utf8.contains { $0 == 0xCC || $0 == 0xCD }
            var source = needsComposing ? text.precomposedStringWithCanonicalMapping : text
            var actions: UInt8 = 0
            var objects: [Range<Int>] = []
            source.withUTF8 { bytes in
                var clauseStart = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x3B {
                    if index > clauseStart {
                        read(clause: clauseStart..<index, of: bytes, actions: &actions, objects: &objects)
                    }
                    clauseStart = index + 1
                }
            }
            return (actions, objects, source, needsComposing)
        }

        /// Reads the verb group that opens one clause (a byte range of `text`): its actions go to `actions`,
        /// and the rest of the clause, from the first word not wholly read as the verb group, to `objects`.
        private mutating func read(clause: Range<Int>, of text: UnsafeBufferPointer<UInt8>,
                                   actions: inout UInt8, objects: inout [Range<Int>]) {
            let bytes = UnsafeBufferPointer(rebasing: text[clause])
            // Marked text is read by tone-aware keys ("tình" is not "tỉnh"); text without marks, plainly.
            let unmarked = bytes.allSatisfy { $0 < 0x80 } && bytes.count { $0 == 0x20 } >= 3
            let table = unmarked ? ActionClass.table.plain : ActionClass.table.marked
            // Words are read only as far as the verb group goes: the rest of the clause is the object.
            keys.removeAll(keepingCapacity: true)
            wordOf.removeAll(keepingCapacity: true)
            wordStarts.removeAll(keepingCapacity: true)
            var index = 0
            func readWord() -> Bool {
                guard let word = VietnameseText.nextWord(in: bytes, from: &index) else { return false }
                let piece = UnsafeBufferPointer(rebasing: bytes[word])
                let id = words.find(piece)
                // An abbreviation ("UBND") gives several syllables, all of one word.
                let syllables: [Keys]
                if id >= 0 {
                    syllables = known[Int(id)]
                } else {
                    syllables = VietnameseText.syllables(ofWord: String(decoding: piece, as: UTF8.self)).map {
                        (ActionClass.table.ids[$0.key] ?? -1, ActionClass.table.ids[$0.plain] ?? -1)
                    }
                    if known.count < 4096 {
                        _ = words.insert(piece)
                        known.append(syllables)
                    }
                }
                for syllable in syllables {
                    keys.append(unmarked ? syllable.plain : syllable.marked)
                    wordOf.append(wordStarts.count)
                }
                wordStarts.append(clause.lowerBound + word.lowerBound)
                return true
            }
            func has(_ position: Int) -> Bool {
                while keys.count <= position { if !readWord() { return false } }
                return true
            }
            var position = 0
            scan: while has(position), keys[position] >= 0 {
                for row in table[Int(keys[position])] where has(position + row.keys.count - 1)
                    && row.keys.indices.allSatisfy({ keys[position + $0] == row.keys[$0] }) {
                    if let action = row.action { actions |= ActionClass.bit(action) }
                    position += row.keys.count
                    continue scan
                }
                break
            }
            guard has(position) else { return }
            // The object starts at the first word not wholly read as the verb group.
            var word = wordOf[position]
            if position > 0, wordOf[position - 1] == word {
                word += 1
                guard has(keys.count), word < wordStarts.count || readWord() else { return }
            }
            if word < wordStarts.count { objects.append(wordStarts[word]..<clause.upperBound) }
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

    /// The classes a mask holds.
    static func set(_ mask: UInt8) -> Set<ActionClass> { Set(allCases.filter { mask & bit($0) != 0 }) }

    private static func bit(_ action: ActionClass) -> UInt8 {
        UInt8(1) << UInt8(allCases.firstIndex(of: action) ?? 0)
    }
}
