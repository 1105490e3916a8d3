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
    private static let tables: (marked: [(keys: [String], action: ActionClass?)], plain: [(keys: [String], action: ActionClass?)]) = {
        var rows: [(text: String, action: ActionClass?)] = []
        for (action, words) in cues { for word in words { rows.append((word, action)) } }
        for word in neutral { rows.append((word, nil)) }
        func table(_ key: (VietnameseText.Syllable) -> String) -> [(keys: [String], action: ActionClass?)] {
            let keyed = rows.map { (keys: VietnameseText.syllables($0.text).map(key), action: $0.action) }
            return keyed.sorted { (left: (keys: [String], action: ActionClass?), right: (keys: [String], action: ActionClass?)) in
                left.keys.count > right.keys.count
            }
        }
        return (table(\.key), table(\.plain))
    }()

    /// The actions `text` names, and its object: the words after each clause's verb group.
    public static func read(_ text: String) -> (actions: Set<ActionClass>, object: String) {
        var actions: Set<ActionClass> = []
        var object: [String] = []
        for clause in text.split(separator: ";") {
            // Syllables (an abbreviation such as "UBND" gives several), each with the word it came from.
            var words: [String] = []
            var syllables: [VietnameseText.Syllable] = []
            var wordOf: [Int] = []
            VietnameseText.forEachWord(String(clause)) { word in
                for syllable in VietnameseText.syllables(ofWord: word) {
                    syllables.append(syllable)
                    wordOf.append(words.count)
                }
                words.append(word)
            }
            // Marked text is read by tone-aware keys ("tình" is not "tỉnh"); text without marks, plainly.
            let unmarked = VietnameseText.isUnmarked(syllables)
            let plain = syllables.map { unmarked ? $0.plain : $0.key }
            let table = unmarked ? tables.plain : tables.marked
            var position = 0
            scan: while position < plain.count {
                for row in table where position + row.keys.count <= plain.count
                    && Array(plain[position..<(position + row.keys.count)]) == row.keys {
                    if let action = row.action { actions.insert(action) }
                    position += row.keys.count
                    continue scan
                }
                break
            }
            if position < plain.count {
                // The object starts at the first word not wholly read as the verb group.
                let first = position > 0 && wordOf[position] == wordOf[position - 1] ? wordOf[position] + 1 : wordOf[position]
                if first < words.count { object += words[first...] }
            }
        }
        return (actions, object.joined(separator: " "))
    }

    /// How far the actions of two duties agree: 1 when they share a concrete action, or neither names one
    /// (only "quản lý", or nothing); ½ when one names only management of the object and the other a concrete
    /// action on it (a general statement beside a specific one: often delegation, not duplication); 0 when
    /// their concrete actions differ.
    public static func agreement(_ a: Set<ActionClass>, _ b: Set<ActionClass>) -> Double {
        let concreteA = a.subtracting([.management]), concreteB = b.subtracting([.management])
        if concreteA.isEmpty && concreteB.isEmpty { return 1 }
        if concreteA.isEmpty || concreteB.isEmpty { return a.contains(.management) || b.contains(.management) ? 0.5 : 1 }
        if !concreteA.isDisjoint(with: concreteB) { return 1 }
        return a.contains(.management) || b.contains(.management) ? 0.5 : 0
    }
}
