import Foundation
import OrgModel
import Testing

@testable import OrgImport

@Suite("Repeated ids in a chart too large for one table of duty ids")
struct DuplicateIDTests {
    /// 200 units of 100 duties (above ``ReferenceChecker/partitionedDuties``): every 97th duty from the
    /// 500th on takes the id of a duty 4,321 places earlier, and two units take the ids of earlier ones.
    /// Returns the file and, in document order, each repeat's `line:column` and the line of its first
    /// definition.
    private static func chart() throws -> (path: String, repeats: [(at: String, first: Int)]) {
        let units = 200, perUnit = 100
        let unitLine = { (unit: Int) in 3 + unit * (perUnit + 2) }
        let dutyLine = { (flat: Int) in unitLine(flat / perUnit) + 1 + flat % perUnit }
        var ids = (0..<units * perUnit).map { "d.\($0 / perUnit).\($0 % perUnit)" }
        var repeatedFrom: [Int: Int] = [:]
        for flat in stride(from: 500, to: ids.count, by: 97) {
            ids[flat] = ids[flat - 4321 >= 0 ? flat - 4321 : 0]
            repeatedFrom[flat] = max(0, flat - 4321)
        }
        let unitIDs = (0..<units).map { $0 == 50 ? "u3" : $0 == 120 ? "u7" : "u\($0)" }
        var body = ""
        var repeats: [(at: String, first: Int)] = []
        for unit in 0..<units {
            body += "  <unit id=\"\(unitIDs[unit])\" name=\"Đơn vị \(unit)\" kind=\"committee\">\n"
            if unit == 50 { repeats.append(("\(unitLine(unit)):3", unitLine(3))) }
            if unit == 120 { repeats.append(("\(unitLine(unit)):3", unitLine(7))) }
            for offset in 0..<perUnit {
                let flat = unit * perUnit + offset
                body += "    <duty id=\"\(ids[flat])\">Nhiệm vụ \(flat)</duty>\n"
                if let first = repeatedFrom[flat] { repeats.append(("\(dutyLine(flat)):5", dutyLine(first))) }
            }
            body += "  </unit>\n"
        }
        let path = try TestFiles.write(TestFiles.chart(String(body.dropLast())), name: "repeats.xml")
        return (path, repeats)
    }

    @Test("Every repeat is reported at its place with its first definition, in document order")
    func everyRepeat() throws {
        let (path, repeats) = try Self.chart()
        #expect(repeats.count > 150)
        for splitting in [ImportOptions.FileSplitting.off, .forced(parts: 3)] {
            var options = ImportOptions()
            options.fileSplitting = splitting
            let found = diagnostics(files: [path], options: options)
            #expect(positions(found) == repeats.map(\.at))
            #expect(zip(found, repeats).allSatisfy { $0.message.contains("first defined at \(path):\($1.first):") })
        }
    }

    @Test("With a limit on diagnostics, the ones kept are the first repeats in document order")
    func firstRepeatsKept() throws {
        let (path, repeats) = try Self.chart()
        let found = diagnostics(files: [path], options: ImportOptions(maxDiagnostics: 40))
        #expect(positions(found) == repeats.prefix(40).map(\.at))
    }
}
