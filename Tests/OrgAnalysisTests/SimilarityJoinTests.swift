import OrgAnalysis
import Testing

@Suite("Similarity join")
struct SimilarityJoinTests {
    /// Random duty-like texts from a small vocabulary, so that many pairs share words (a deterministic
    /// generator: the test must not depend on the run).
    static func texts(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let words = ["quản lý", "nhà nước", "giá", "du lịch", "thủy điện", "an toàn", "đập", "hồ chứa", "cấp", "giấy phép",
                     "xây dựng", "thẩm định", "dự toán", "ngân sách", "kiểm tra", "hướng dẫn", "thực phẩm", "chợ",
                     "khoáng sản", "tài nguyên nước", "đất đai", "bảng giá", "công chứng", "hộ tịch", "trường học",
                     "y tế", "học sinh", "thuỷ lợi", "quản lí", "khuyến nông", "khuyến công", "lao động", "việc làm"]
        var texts = (0..<count).map { _ in
            (0..<(3 + Int(next() % 6))).map { _ in words[Int(next() % UInt64(words.count))] }.joined(separator: " ")
        }
        // Near-copies, so that every threshold has pairs to find: one word appended every tenth text.
        for index in stride(from: 0, to: count - 1, by: 10) { texts[index + 1] = texts[index] + " " + words[index % words.count] }
        return texts
    }

    @Test("The prefix filter finds exactly the pairs brute force finds, with fewer comparisons",
          arguments: [0.3, 0.5, 0.7, 0.9])
    func recallAgainstBruteForce(threshold: Double) {
        let texts = Self.texts(count: 400, seed: 7)
        let vectors = TextVectors(texts: texts)
        let join = SimilarityJoin(vectors: vectors, threshold: threshold)
        let groups = [Array(0..<200), Array(200..<400)]
        let fast = join.pairs(groups: groups, mode: .prefixFilter)
        let brute = join.pairs(groups: groups, mode: .bruteForce)
        #expect(!brute.pairs.isEmpty)
        #expect(fast.pairs.map { [$0.a, $0.b] } == brute.pairs.map { [$0.a, $0.b] })
        for (a, b) in zip(fast.pairs, brute.pairs) { #expect(abs(a.score - b.score) < 1e-5) }
        #expect(fast.statistics.candidates < brute.statistics.candidates)
        #expect(brute.statistics.allPairs == 2 * (200 * 199 / 2))
    }

    @Test("Pairs never cross groups; catch-all duties take no part")
    func groups() {
        let texts = ["Quản lý nhà nước về giá", "Quản lý nhà nước về giá", "Quản lý nhà nước về giá",
                     "Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao",
                     "Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao"]
        let join = SimilarityJoin(vectors: TextVectors(texts: texts), threshold: 0.5)
        let result = join.pairs(groups: [[0, 1, 3, 4], [2]])
        #expect(result.pairs.map { [$0.a, $0.b] } == [[0, 1]])
    }

    @Test("The same pairs whatever the order of the groups (both cores, one answer)")
    func orderIndependent() {
        let texts = Self.texts(count: 300, seed: 11)
        let join = SimilarityJoin(vectors: TextVectors(texts: texts), threshold: 0.5)
        let groups = stride(from: 0, to: 300, by: 50).map { Array($0..<($0 + 50)) }
        let forward = join.pairs(groups: groups).pairs.map { [$0.a, $0.b] }
        let backward = join.pairs(groups: groups.reversed()).pairs.map { [$0.a, $0.b] }
        #expect(forward == backward)
        #expect(!forward.isEmpty)
    }

    @Test("Vectors built in chunks on several cores are the vectors one core builds")
    func chunkedVectors() {
        let texts = Self.texts(count: 500, seed: 3) + ["Quan ly nha nuoc ve gia tren dia ban", "Quản lý nhà nước về giá",
                                                       "Thực hiện các nhiệm vụ khác do Giám đốc Sở giao"]
        let one = TextVectors(texts: texts, workers: 1)
        for workers in [2, 3, 7] {
            let many = TextVectors(texts: texts, workers: workers)
            #expect(many.documentFrequency == one.documentFrequency)
            for index in texts.indices {
                #expect(many.info(index) == one.info(index))
                let (a, b) = (many.vector(index, plain: false), one.vector(index, plain: false))
                #expect(a.features == b.features && a.weights == b.weights)
                let (c, d) = (many.vector(index, plain: true), one.vector(index, plain: true))
                #expect(c.features == d.features && c.weights == d.weights)
            }
        }
        #expect(one.isUnmarked(500) && one.info(502).catchAll)
    }

    @Test("A join past its candidate limit says so, in both modes")
    func candidateLimit() {
        let texts = Array(repeating: "Quản lý nhà nước về giá trên địa bàn tỉnh", count: 60)
        for mode in SimilarityJoin.Mode.allCases {
            let limited = SimilarityJoin(vectors: TextVectors(texts: texts), threshold: 0.5, maxCandidates: 100)
            #expect(limited.pairs(groups: [Array(0..<60)], mode: mode).statistics.exceeded)
            let free = SimilarityJoin(vectors: TextVectors(texts: texts), threshold: 0.5)
            let result = free.pairs(groups: [Array(0..<60)], mode: mode)
            #expect(!result.statistics.exceeded && result.pairs.count == 60 * 59 / 2)
        }
    }

    @Test("The limit counts every worker's candidates together: groups each under it, together over it, stop the join",
          arguments: SimilarityJoin.Mode.allCases)
    func candidateLimitOverAllGroups(mode: SimilarityJoin.Mode) {
        // Eight groups of ten copies: 45 candidate pairs each, 360 in all.
        let texts = Array(repeating: "Quản lý nhà nước về giá trên địa bàn tỉnh", count: 80)
        let groups = (0..<8).map { Array(($0 * 10)..<($0 * 10 + 10)) }
        let vectors = TextVectors(texts: texts)
        let under = SimilarityJoin(vectors: vectors, threshold: 0.5, maxCandidates: 360).pairs(groups: groups, mode: mode)
        #expect(!under.statistics.exceeded && under.pairs.count == 360 && under.statistics.candidates == 360)
        for _ in 0..<20 {
            #expect(SimilarityJoin(vectors: vectors, threshold: 0.5, maxCandidates: 359).pairs(groups: groups, mode: mode)
                .statistics.exceeded)
        }
    }

    @Test("Every group's pairs, whichever worker takes it: the pairs and counts of groups joined one at a time")
    func groupsTakenInAnyOrder() {
        let texts = Self.texts(count: 600, seed: 3)
        let vectors = TextVectors(texts: texts)
        // Groups of very different sizes.
        let groups = [Array(0..<300), Array(300..<310), Array(310..<500), [500], Array(501..<600)]
        let join = SimilarityJoin(vectors: vectors, threshold: 0.35)
        let together = join.pairs(groups: groups)
        var pairs: [SimilarityJoin.Pair] = [], candidates = 0
        for group in groups {
            let alone = join.pairs(groups: [group])
            pairs += alone.pairs
            candidates += alone.statistics.candidates
        }
        #expect(!together.pairs.isEmpty)
        #expect(together.pairs == pairs.sorted())
        #expect(together.statistics.candidates == candidates)
    }
}
