/// Administrative boilerplate that says nothing about *which* duty a statement is: phrases every
/// department writes. Their syllables get no weight when duties are compared, so that "quản lý nhà
/// nước về giá" and "quản lý nhà nước về du lịch" are compared on "giá" and "du lịch" alone. Inverse
/// document frequency over the chart discounts the rest of the frame.
public enum StopPhrases {
    /// The shipped list (matched on diacritic-free keys, so unmarked text is covered too).
    public static let shipped: [String] = [
        "dự thảo quyết định, chỉ thị và các văn bản khác thuộc thẩm quyền ban hành",
        "hướng dẫn chuyên môn, nghiệp vụ",
        "đối với ủy ban nhân dân cấp xã",
        "tham mưu, giúp ủy ban nhân dân tỉnh",
        "tham mưu giúp ủy ban nhân dân tỉnh",
        "tham mưu, giúp giám đốc sở",
        "tham mưu giúp giám đốc sở",
        "tham mưu, giúp chủ tịch ủy ban nhân dân tỉnh",
        "trình ủy ban nhân dân tỉnh",
        "trình chủ tịch ủy ban nhân dân tỉnh",
        "ủy ban nhân dân tỉnh",
        "chủ tịch ủy ban nhân dân tỉnh",
        "giám đốc sở",
        "quản lý nhà nước về",
        "quản lý nhà nước đối với",
        "thực hiện chức năng quản lý nhà nước",
        "trên địa bàn tỉnh",
        "trên địa bàn",
        "theo quy định của pháp luật",
        "theo quy định",
        "theo phân cấp",
        "theo thẩm quyền",
        "thuộc phạm vi quản lý của sở",
        "thuộc phạm vi quản lý",
        "thuộc lĩnh vực quản lý",
        "chủ trì, phối hợp với các cơ quan, đơn vị có liên quan",
        "phối hợp với các cơ quan, đơn vị có liên quan",
        "các cơ quan, đơn vị có liên quan",
        "cơ quan, đơn vị có liên quan",
        "có liên quan",
        "tổ chức thực hiện",
        "sau khi được phê duyệt",
        "sau khi được cấp có thẩm quyền phê duyệt",
        "cấp có thẩm quyền",
        "của tỉnh",
        "và các",
        "và",
        "các",
        "của",
        "về",
        "đối với",
        "việc",
        "những",
    ]
}

/// Recognises the catch-all duty ("Thực hiện các nhiệm vụ khác do ... giao", "... theo quy định của
/// pháp luật"), which takes no part in overlap detection: every unit has it.
public enum CatchAllDuty {
    /// True for a catch-all duty statement.
    public static func matches(_ syllables: [VietnameseText.Syllable]) -> Bool {
        Matcher(id: { $0 }).matches(syllables.map(\.plain))
    }

    /// The test over plain syllables written as any kind of id (strings, or interned numbers).
    struct Matcher<ID: Hashable> {
        private let markers: [[ID]]
        private let giao: ID, quiDinh: [ID]

        /// `id` turns a plain syllable into the ids the matched sequences use.
        init(id: (String) -> ID) {
            markers = [["nhiem", "vu", "khac"], ["nhiem", "vu", "quyen", "han", "khac"], ["cong", "viec", "khac"]]
                .map { $0.map(id) }
            giao = id("giao")
            // Plain keys spell "quy" as "qui".
            quiDinh = ["qui", "dinh"].map(id)
        }

        func matches(_ words: [ID]) -> Bool {
            guard words.count <= 24 else { return false }
            return markers.contains { words.containsRun($0) } && (words.contains(giao) || words.containsRun(quiDinh))
        }
    }
}

/// Recognises a duty about the unit's own housekeeping ("... của Sở", "... của đơn vị", "nội bộ"):
/// the budget, staff, records or work plan of the unit itself. Every department's office has such
/// duties, each for its own department, so they take no part in overlap detection, and no mandate is
/// inferred for them (housekeeping is not state management).
public enum SelfAdministrationDuty {
    /// True for a duty about the unit's own administration.
    public static func matches(_ syllables: [VietnameseText.Syllable]) -> Bool {
        plainMatcher.matches(syllables.map(\.plain))
    }

    private static let plainMatcher = Matcher<String>(id: { $0 })

    /// ``matches(_:)`` on the plain keys as bytes, each between spaces (" a b c ", as
    /// ``VietnameseText/SyllableCache/paddedPlain(_:into:)`` writes them): the same answer, with no
    /// `String` compared.
    static func matches(padded plain: [UInt8]) -> Bool { padded.groups(in: plain) != 0 }

    // "của cơ quan", "của đơn vị" are left out on purpose: "của các cơ quan nhà nước" is public work.
    // Besides, the clauses every body's decision repeats about itself, from the ministries' model
    // circulars (found in real decisions: orgdata/decisions): its own organisation and staff ("tổ chức bộ
    // máy, vị trí việc làm"), the finances and assets given to it, its periodic reports, complaints and
    // anti-corruption within its own remit, and the drafts it proposes in its own sector ("dự thảo quyết
    // định, chỉ thị và các văn bản khác thuộc thẩm quyền ban hành … trong lĩnh vực …").
    static let markers = [["cua", "so"], ["cua", "chi", "cuc"], ["cua", "trung", "tam"], ["noi", "bo"], ["thuoc", "so"],
                          ["to", "chuc", "bo", "may", "vi", "tri", "viec", "lam"], ["tai", "chinh", "tai", "san", "duoc", "giao"],
                          ["bao", "cao", "dinh", "ki"], ["khieu", "nai", "to", "cao", "phong", "chong", "tham", "nhung"],
                          ["van", "ban", "khac", "thuoc", "tham", "quyen", "ban", "hanh"]]

    /// The markers, as one group of phrases that does not count before "huu" ("sở hữu").
    private static let padded = PaddedPhrases([markers.map { $0.joined(separator: " ") }], notBefore: [0: "huu"])

    /// The test over plain syllables written as any kind of id (strings, or interned numbers).
    struct Matcher<ID: Hashable & Sendable>: Sendable {
        private let markers: [[ID]]
        private let huu: ID

        /// `id` turns a plain syllable into the ids the matched sequences use.
        init(id: (String) -> ID) {
            markers = SelfAdministrationDuty.markers.map { $0.map(id) }
            huu = id("huu")
        }

        func matches(_ words: [ID]) -> Bool {
            // "sở hữu" (ownership) is not "Sở" (the department): "đất thuộc sở hữu nhà nước" is public work.
            markers.contains { marker in
                words.containsRun(marker) { end in end >= words.count || words[end] != huu }
            }
        }
    }
}

extension Array where Element: Equatable {
    /// True when `run` occurs in the array as consecutive elements and `accept` takes the index just after
    /// that occurrence (by default, any occurrence). Nothing is allocated.
    func containsRun(_ run: [Element], where accept: (Int) -> Bool = { _ in true }) -> Bool {
        guard let head = run.first, run.count <= count else { return run.isEmpty }
        for start in 0...(count - run.count) where self[start] == head {
            var offset = 1
            while offset < run.count, self[start + offset] == run[offset] { offset += 1 }
            if offset == run.count, accept(start + run.count) { return true }
        }
        return false
    }
}
