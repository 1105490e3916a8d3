import Foundation
@testable import OrgModel
import Testing

@Suite("Text arena and compact duties")
struct TextArenaTests {
    private let here = OrgModel.SourceLocation(file: "a.xml", line: 3, column: 5)

    @Test("Strings come back byte for byte: empty, Vietnamese, at a chunk's edge, larger than a chunk")
    func roundTrip() {
        let arena = TextArena()
        let big = String(repeating: "Quản lý nhà nước về nội vụ; ", count: 60_000)  // > 1 MiB: a chunk of its own
        var strings = ["", "Tổ chức thực hiện", "x", big, ""]
        // Fill the first chunks nearly to the brim so that appends cross into new chunks, and the empty
        // string lands where a full chunk ends.
        let filler = String(repeating: "đ", count: 65_000)  // 130,000 bytes: under an eighth of a chunk
        for _ in 0..<20 { strings.append(filler) }
        strings.append("")
        strings.append("cuối")
        let slices = strings.map { arena.append($0) }
        for (string, slice) in zip(strings, slices) {
            #expect(arena.string(slice) == string)
            #expect(Int(slice.count) == string.utf8.count)
        }
    }

    @Test("Equal strings in different arenas are equal and hash alike; different ones are not")
    func equality() {
        let one = Duty(id: "d1", unit: "u", text: "Thẩm định dự án", location: here)
        let arena = TextArena()
        _ = arena.append("something before it")
        let two = Duty(appendingTo: arena, id: "d1", isIDDerived: false, unit: "u", text: "Thẩm định dự án",
                       mandate: nil, role: .lead, source: nil, isCatchAll: false, location: here)
        #expect(one == two)
        #expect(one.hashValue == two.hashValue)
        #expect(Set([one, two]).count == 1)
        var three = two
        three.text = "Thẩm định dự án đầu tư"
        #expect(three != two)
        var four = two
        four.source = ""
        #expect(four != two, "an empty source is not an absent one")
        #expect(four.source == "")
        #expect(two.source == nil)
    }

    @Test("Writing a property leaves the other duties of the arena alone")
    func valueSemantics() {
        let arena = TextArena()
        let first = Duty(appendingTo: arena, id: "a.1", isIDDerived: false, unit: "a", text: "Một",
                         mandate: "NV.1", role: .support, source: "khoản 1 Điều 2", isCatchAll: true, location: here)
        let second = Duty(appendingTo: arena, id: "a.2", isIDDerived: true, unit: "a", text: "Hai",
                          mandate: nil, role: .lead, source: nil, isCatchAll: false, location: here)
        var changed = first
        changed.id = "a.9"
        changed.text = "Chín"
        #expect(first.id == "a.1" && first.text == "Một" && first.source == "khoản 1 Điều 2")
        #expect(changed.id == "a.9" && changed.text == "Chín" && changed.source == "khoản 1 Điều 2")
        #expect(changed.mandate == "NV.1" && changed.role == .support && changed.isCatchAll)
        #expect(second.id == "a.2" && second.text == "Hai" && second.isIDDerived)
        #expect(changed.textByteCount == "Chín".utf8.count)
        #expect(second.withTextBytes { Array($0) } == Array("Hai".utf8))
    }

    @Test("A duty encodes and decodes with the same keys as before (absent members left out)")
    func codable() throws {
        let duty = Duty(id: "d", unit: "u", text: "Văn bản", mandate: "M1", location: here)
        let data = try JSONEncoder().encode(duty)
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["id", "isIDDerived", "unit", "text", "mandate", "role", "isCatchAll", "location"])
        #expect(try JSONDecoder().decode(Duty.self, from: data) == duty)
        let location = try #require(object["location"] as? [String: Any])
        #expect(location["line"] as? Int == 3 && location["column"] as? Int == 5 && location["file"] as? String == "a.xml")
    }

    @Test("Locations keep 32-bit lines and columns, clamped; they print and order as before")
    func locations() {
        var location = OrgModel.SourceLocation(file: "f.xml", line: 12, column: 0)
        #expect(location.description == "f.xml:12")
        location.column += 7
        #expect(location.description == "f.xml:12:7")
        #expect(OrgModel.SourceLocation(file: "f", line: -4, column: 1).line == 0)
        #expect(OrgModel.SourceLocation(file: "f", line: Int(UInt32.max) + 10, column: 1).line == Int(UInt32.max))
        #expect(OrgModel.SourceLocation(file: "f", line: 2, column: 9) < OrgModel.SourceLocation(file: "f", line: 10, column: 1))
        #expect(MemoryLayout<OrgModel.SourceLocation>.stride == 24)
    }

    @Test("A duty takes less room than its strings did")
    func layout() {
        // id, text, source as slices of one arena (8 + 3 × 8) instead of three `String`s (3 × 16), and the
        // location as line, column and the position of its file in the arena (12 bytes, not 24): 80 bytes
        // against 136 before, with no heap buffer per text.
        #expect(MemoryLayout<Duty>.stride <= 80)
    }

    @Test("A duty's location comes back whole, whichever file its arena was given first")
    func locationsInTheArena() {
        let arena = TextArena()
        let elsewhere = OrgModel.SourceLocation(file: "b.xml", line: 9, column: 2)
        let make = { (id: String, location: OrgModel.SourceLocation) in
            Duty(appendingTo: arena, id: id, isIDDerived: false, unit: "u", text: "Văn bản", mandate: nil, role: .lead,
                 source: nil, isCatchAll: false, location: location)
        }
        let first = make("d1", here)
        let second = make("d2", elsewhere)
        let third = make("d3", here)
        #expect(first.location == here && second.location == elsewhere && third.location == here)
        #expect(first.location.description == "a.xml:3:5")
        var moved = first
        moved.location = OrgModel.SourceLocation(file: "c.xml", line: 4_000_000_000, column: 1)
        #expect(moved.location.file == "c.xml" && moved.location.line == 4_000_000_000 && moved.text == "Văn bản")
        #expect(first.location == here, "the other duties of the arena keep theirs")
        #expect(moved != first)
        var back = moved
        back.location = here
        #expect(back == first && back.hashValue == first.hashValue)
        var sameArena = first
        sameArena.location = elsewhere  // a file the arena knows: only the numbers change
        #expect(sameArena.location == elsewhere && sameArena.id == "d1" && sameArena.text == "Văn bản")
        sameArena.location = here
        #expect(sameArena == first)
        let copy = Duty(id: "d2", unit: "u", text: "Văn bản", location: elsewhere)
        #expect(copy == second, "the same location in another arena, at another position among its files")
        #expect(copy != Duty(id: "d2", unit: "u", text: "Văn bản", location: here))
    }

    @Test("Trimming gives back the slack of doubling, and leaves a large array whose slack is under a page")
    func trimming() {
        // Slack made on purpose: how `append` grows an array is the standard library's business (a run
        // once saw 1,030 appends end at a capacity of 1,030).
        var small = [Int32]()
        small.reserveCapacity(2048)
        for value in 0..<1030 { small.append(Int32(value)) }
        #expect(small.capacity >= 2048)
        small.trimCapacity()
        #expect(small.capacity < 1100 && small == (0..<1030).map(Int32.init))
        var large = [Int32](repeating: 7, count: 1 << 17)
        large.reserveCapacity(large.count + 10)
        let before = large.withUnsafeBufferPointer { $0.baseAddress }
        large.trimCapacity()
        #expect(large.withUnsafeBufferPointer { $0.baseAddress } == before, "not copied for less than a page")
        var doubled = [Int32](repeating: 7, count: 1 << 17)
        doubled.append(8)
        doubled.trimCapacity()
        #expect(doubled.capacity < (1 << 17) + 2048 && doubled.count == (1 << 17) + 1 && doubled.last == 8)
    }
}
