import Foundation
@testable import OrgAnalysis
import Testing

@Suite("Byte search before Foundation's")
struct ByteSearchTests {
    @Test("containsBytes never says no where Foundation says yes (so the pair answers as Foundation alone)")
    func agreesWithFoundation() {
        let names = ["Văn phòng Sở Nội vụ", "Sở Nội vụ", "Phòng Trồng trọt thuộc Chi cục Trồng trọt và Bảo vệ thực vật",
                     "Chi cục Trồng trọt và Bảo vệ thực vật", "Sở Y tế", "Ủy ban nhân dân tỉnh", "ệ", "ê", "e", "", "quan ly nha nuoc"]
        var needles = names
        for name in names where name.count > 2 {
            needles.append(String(name.dropFirst()))
            needles.append(String(name.dropLast()))
            needles.append(String(name.prefix(3)))
        }
        for haystack in names {
            for needle in needles {
                let foundation = haystack.contains(needle)
                #expect(haystack.containsBytes(of: needle) || !foundation, "\(haystack) / \(needle)")
                #expect((haystack.containsBytes(of: needle) && foundation) == foundation)
                if !needle.isEmpty { #expect(haystack.containsBytes(of: needle) == foundation, "\(haystack) / \(needle)") }
            }
        }
    }
}
