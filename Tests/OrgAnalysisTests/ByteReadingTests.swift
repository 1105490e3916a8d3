import Foundation
@testable import OrgAnalysis
import Testing

/// The readers that work on a text's bytes (for speed on a national chart) give what the readers on
/// syllables and strings give, on every line of the real decisions shipped in `orgdata/decisions` and on
/// the cases that trip byte matching: decomposed marks, text without marks, abbreviations, "sở hữu".
@Suite("Byte-level readers agree with the syllable readers")
struct ByteReadingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let cases = [
        "", ";", "  ", "Quản lý tài chính, tài sản của Sở", "Quản lý đất thuộc sở hữu nhà nước tại địa phương",
        "Quản lý các phòng thuộc Sở", "Quản lý tài sản của Sở hữu", "Báo cáo của Sở", "báo cáo định kỳ",
        "Quan ly tai chinh, tai san cua So", "Công tác nội bộ; văn thư, lưu trữ của cơ quan",
        "Tho\u{302}\u{301}ng ke\u{302} so\u{302}\u{301} lie\u{323}\u{302}u của Sở", "UBND tỉnh giao; khiếu nại, tố cáo, phòng, chống tham nhũng",
        "Tổ chức bộ máy, vị trí việc làm của Chi cục", "Kiểm định, hiệu chuẩn phương tiện đo của Trung tâm",
    ]

    /// Every line of the shipped decisions' texts, and the cases above.
    static func corpus() throws -> [String] {
        let folder = root.appendingPathComponent("orgdata/decisions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        var lines = cases
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            lines += text.split(whereSeparator: \.isNewline).map(String.init)
        }
        return lines
    }

    @Test("The padded plain bytes are the plain syllables joined, and the self-administration test agrees")
    func paddedPlain() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count > 200)
        var cache = VietnameseText.SyllableCache()
        var plain: [UInt8] = []
        var housekeeping = 0
        for _ in 0..<2 {  // the second pass reads every word from the cache
            for text in corpus {
                let syllables = VietnameseText.syllables(text)
                cache.paddedPlain(text, into: &plain)
                let expected = syllables.isEmpty ? "  " : " " + syllables.map(\.plain).joined(separator: " ") + " "
                #expect(String(decoding: plain, as: UTF8.self) == expected, "\(text)")
                #expect(cache.syllables(text) == syllables, "\(text)")
                let matches = SelfAdministrationDuty.matches(syllables)
                #expect(SelfAdministrationDuty.matches(padded: plain) == matches, "\(text)")
                if matches { housekeeping += 1 }
            }
        }
        #expect(housekeeping >= 2 * 6)  // the corpus holds both answers
    }

    @Test("The action reader's object ranges give back the object it reads, on the whole corpus")
    func objects() throws {
        var reader = ActionClass.Reader()
        for text in try Self.corpus() {
            let reading = reader.read(text)
            let masked = reader.objectMask(text)
            #expect(ActionClass.set(masked.actions) == reading.actions, "\(text)")
            #expect(masked.actions == ActionClass.mask(reading.actions), "\(text)")
            guard let ranges = masked.ranges else { continue }
            let bytes = Array(text.utf8)
            #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ") == reading.object, "\(text)")
        }
    }

    @Test("One pass finds each group of phrases exactly where a search for \" phrase \" does, and 'notBefore' holds")
    func phrases() throws {
        let groups = [DutyNature.stateManagementCues, DutyNature.serviceCues, DutyNature.ownBodyMarkers,
                      DutyNature.clauseEndMarkers, DutyNature.sectorMarkers, DutyNature.internalSubjects,
                      DutyNature.sectorInternalSubjects, DutyNature.outwardCues, ["cua so"]]
        let phrases = PaddedPhrases(groups, notBefore: [8: "huu"])
        var cache = VietnameseText.SyllableCache()
        var plain: [UInt8] = []
        var seen: UInt64 = 0
        for text in try Self.corpus() + ["đất thuộc sở hữu của Sở hữu", "của Sở hữu; của Sở", "Quản lý các dự án do Sở làm chủ đầu tư"] {
            cache.paddedPlain(text, into: &plain)
            let padded = String(decoding: plain, as: UTF8.self)
            var expected: UInt64 = 0
            for (group, list) in groups.enumerated() where list.contains(where: { phrase in
                padded.ranges(of: " \(phrase) ").contains { group != 8 || !padded[$0.upperBound...].hasPrefix("huu ") }
            }) { expected |= 1 << UInt64(group) }
            #expect(phrases.groups(in: plain) == expected, "\(text)")
            seen |= expected
        }
        #expect(seen == (1 << 9) - 1)  // every group is found somewhere
        cache.paddedPlain("Quản lý đất thuộc sở hữu của Sở hữu", into: &plain)
        #expect(phrases.groups(in: plain) & (1 << 8) == 0)
    }
}
