/// Deterministic mutations of a small valid chart (and catalogue) for ``SchemaEquivalenceTests``: every
/// attribute dropped and given values at and past the edges of its type, elements out of order, doubled,
/// foreign or misplaced, text where none belongs, comments, processing instructions and CDATA in odd
/// places, `xsi:` attributes.
enum SchemaMutations {
    struct Mutation {
        var label: String
        var text: String
    }

    static let base = """
        <?xml version="1.0" encoding="UTF-8"?>
        <orgChart xmlns="urn:orgscope:orgchart:1" xmlns:x="urn:example:other" xmlns:o="urn:orgscope:orgchart:1" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
        id="c1" name="Tỉnh Thử" asOf="2025-07-01" lang="vi" provinceCategory="II" illustrative="true">
          <mandates>
            <mandate id="m1" sector="giáo dục" level="province" source="Luật">Quản lý giáo dục</mandate>
          </mandates>
          <unit id="u1" name="Sở Nội vụ" kind="department" level="province" reorganized="2025-03-01" \
        decision="12/2025/QĐ-UBND" decisionDate="2025-02-20">
            <leadership heads="1" deputies="2" maxDeputies="3" vacantHeads="0"/>
            <staffing category="civil-servant" quota="40" actual="38"/>
            <function>Tham mưu về nội vụ</function>
            <duty id="d1" mandate="m1" role="lead" source="khoản 1 Điều 2" catchAll="false">Quản lý biên chế</duty>
            <power>Ban hành văn bản</power>
            <unit id="u2" name="Phòng Tổ chức" kind="office">
              <duty id="d2">Thẩm định tổ chức</duty>
            </unit>
          </unit>
        </orgChart>

        """

    static let catalog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <mandateCatalog xmlns="urn:orgscope:orgchart:1" id="cat" name="Danh mục" source="Luật">
          <mandate id="m1" sector="giáo dục" level="province">Quản lý giáo dục</mandate>
          <mandate id="m2">Quản lý y tế</mandate>
        </mandateCatalog>

        """

    /// Every attribute of the base chart, as `name="value"` exactly as written.
    static let attributes = [
        "id=\"c1\"", "name=\"Tỉnh Thử\"", "asOf=\"2025-07-01\"", "lang=\"vi\"", "provinceCategory=\"II\"",
        "illustrative=\"true\"", "id=\"m1\" sector", "sector=\"giáo dục\"", "level=\"province\" source",
        "source=\"Luật\"", "id=\"u1\"", "name=\"Sở Nội vụ\"", "kind=\"department\"", "level=\"province\" reorganized",
        "reorganized=\"2025-03-01\"", "decision=\"12/2025/QĐ-UBND\"", "decisionDate=\"2025-02-20\"", "heads=\"1\"",
        "deputies=\"2\"", "maxDeputies=\"3\"", "vacantHeads=\"0\"", "category=\"civil-servant\"", "quota=\"40\"",
        "actual=\"38\"", "id=\"d1\"", "mandate=\"m1\"", "role=\"lead\"", "source=\"khoản 1 Điều 2\"",
        "catchAll=\"false\"", "id=\"u2\"", "kind=\"office\"", "id=\"d2\"",
    ]

    /// Values tried in every attribute: edges of every type, white space, entities.
    static let values = [
        "", " ", "-1", "+5", " 7 ", "1e3", "10000001", "10000000", "007", "-0", "1.0", "0x10", "٣",
        "2025-13-01", "2025-02-30", " 2025-01-01 ", "2025-01-01 ", " 2025-01-01", "+2025-01-01", "2025-01-01z",
        "2025-01-01T00:00:00", " 7", "7 ", "true ", " vi", "vi ", " 1", "+0", "-00", "0000000000000000000000000000007", "2024-02-29", "2025-02-29", "1900-02-29", "2000-02-29",
        "0000-01-01", "12025-01-01", "02025-01-01", "2025-1-01", "2025-01-01Z", "2025-01-01+07:00",
        "2025-01-01+14:00", "2025-01-01+14:01", "2025-01-01-13:59", "2025-01-01+7:00", "-2025-01-01", "2025-01",
        "TRUE", " true ", "1", "0", "yes", "lead", " lead ", "le ad", "support", "en-US", "vi", "en-", "toolonglang",
        "a b", "x&amp;y", "&amp;", "a&#9;b", "a&#10;b", "&#32;x", "department", "Department", " other ",
        "I", "IV", "special", "commune", "civil-servant", "central", String(repeating: "i", count: 200),
        String(repeating: "i", count: 201), String(repeating: "ệ", count: 200), String(repeating: "ệ", count: 201),
        String(repeating: "i", count: 199) + "&amp;", String(repeating: "i", count: 197) + "&amp;",
        String(repeating: "n", count: 1000), String(repeating: "n", count: 1001),
        String(repeating: "n ", count: 500), "   " + String(repeating: "n", count: 999) + "   ",
        String(repeating: "n", count: 500) + "          " + String(repeating: "n", count: 499),
    ]

    /// Structural changes: (label, what to find, what to put instead).
    static let edits: [(String, String, String)] = [
        ("function after duty", "<function>Tham mưu về nội vụ</function>\n", ""),
        ("duty before function", "<function>Tham mưu về nội vụ</function>",
         "<duty>Trước</duty><function>Tham mưu về nội vụ</function>"),
        ("two leaderships", "<staffing ", "<leadership/><staffing "),
        ("leadership after staffing", "<function>", "<leadership/><function>"),
        ("duty after unit", "</unit>\n  </unit>", "</unit>\n<duty>Sau</duty>\n  </unit>"),
        ("two mandates blocks", "<unit id=\"u1\"", "<mandates/><unit id=\"u1\""),
        ("mandates after unit", "</orgChart>", "<mandates/></orgChart>"),
        ("no unit in orgChart", "<unit id=\"u1\"", "<x:unit id=\"u1\""),
        ("unknown element in unit", "<power>", "<foo/><power>"),
        ("foreign element in unit", "<power>", "<x:foo/><power>"),
        ("foreign element at end of unit", "</unit>\n  </unit>", "</unit>\n<x:foo/>\n  </unit>"),
        ("element in another namespace with our name", "<power>", "<x:duty>a</x:duty><power>"),
        ("unit in no namespace", "<unit id=\"u2\" name=\"Phòng Tổ chức\" kind=\"office\">",
         "<unit xmlns=\"\" id=\"u2\" name=\"Phòng Tổ chức\" kind=\"office\">"),
        ("text inside unit", "<power>", "abc<power>"),
        ("entity text inside unit", "<power>", "&amp;<power>"),
        ("whitespace char refs inside unit", "<power>", "&#9;&#10;&#32;<power>"),
        ("whitespace-only text in unit", "<power>", "   \n\t <power>"),
        ("CDATA blank in unit", "<power>", "<![CDATA[ ]]><power>"),
        ("CDATA empty in unit", "<power>", "<![CDATA[]]><power>"),
        ("CDATA text in unit", "<power>", "<![CDATA[x]]><power>"),
        ("whitespace in leadership", "vacantHeads=\"0\"/>", "vacantHeads=\"0\"> </leadership>"),
        ("text in leadership", "vacantHeads=\"0\"/>", "vacantHeads=\"0\">3</leadership>"),
        ("comment in leadership", "vacantHeads=\"0\"/>", "vacantHeads=\"0\"><!-- c --></leadership>"),
        ("PI in leadership", "vacantHeads=\"0\"/>", "vacantHeads=\"0\"><?pi x?></leadership>"),
        ("empty CDATA in staffing", "actual=\"38\"/>", "actual=\"38\"><![CDATA[]]></staffing>"),
        ("child in leadership", "vacantHeads=\"0\"/>", "vacantHeads=\"0\"><unit id=\"z\" name=\"z\" kind=\"other\"/></leadership>"),
        ("foreign child in staffing", "actual=\"38\"/>", "actual=\"38\"><x:a/></staffing>"),
        ("child in duty", "Quản lý biên chế</duty>", "Quản lý biên chế<power>x</power></duty>"),
        ("foreign child in duty", "Quản lý biên chế</duty>", "Quản lý biên chế<x:b/></duty>"),
        ("comment in duty", "Quản lý biên chế</duty>", "Quản lý <!-- c -->biên chế</duty>"),
        ("PI in duty", "Quản lý biên chế</duty>", "Quản lý <?pi x?>biên chế</duty>"),
        ("CDATA duty", "Quản lý biên chế</duty>", "<![CDATA[Quản lý & biên chế]]></duty>"),
        ("CDATA blank duty", "Quản lý biên chế</duty>", "<![CDATA[  ]]></duty>"),
        ("empty duty", "Quản lý biên chế</duty>", "</duty>"),
        ("self-closed function", "<function>Tham mưu về nội vụ</function>", "<function/>"),
        ("blank power", "<power>Ban hành văn bản</power>", "<power> \n\t</power>"),
        ("char-ref blank power", "<power>Ban hành văn bản</power>", "<power>&#9;&#32;</power>"),
        ("comment-only mandate", ">Quản lý giáo dục</mandate>", "><!-- x --></mandate>"),
        ("entity-only duty", "Quản lý biên chế</duty>", "&amp;</duty>"),
        ("comment between elements", "<power>", "<!-- c --><?pi y?><power>"),
        ("comment before root", "<orgChart", "<!-- c --><?pi z?><orgChart"),
        ("comment in root", "<mandates>", "<!-- c --><mandates>"),
        ("text in root", "<mandates>", "t<mandates>"),
        ("text in mandates", "<mandate id", "t<mandate id"),
        ("unit in mandates", "</mandates>", "<unit id=\"q\" name=\"q\" kind=\"other\"/></mandates>"),
        ("unknown attribute", "<unit id=\"u2\"", "<unit foo=\"1\" id=\"u2\""),
        ("foreign attribute", "<unit id=\"u2\"", "<unit x:foo=\"1\" id=\"u2\""),
        ("attribute in our namespace", "<unit id=\"u2\"", "<unit o:foo=\"1\" id=\"u2\""),
        ("declared attribute in our namespace", "kind=\"office\"", "kind=\"office\" o:level=\"province\""),
        ("xml:lang attribute", "<unit id=\"u2\"", "<unit xml:lang=\"vi\" id=\"u2\""),
        ("xsi:type own type", "<unit id=\"u2\"", "<unit xsi:type=\"o:UnitType\" id=\"u2\""),
        ("xsi:type other type", "<unit id=\"u2\"", "<unit xsi:type=\"o:DutyType\" id=\"u2\""),
        ("xsi:type xs:string", "<duty id=\"d2\"", "<duty xsi:type=\"xs:string\" id=\"d2\""),
        ("xsi:type unknown", "<duty id=\"d2\"", "<duty xsi:type=\"o:Nope\" id=\"d2\""),
        ("xsi:type on root", "id=\"c1\"", "xsi:type=\"o:UnitType\" id=\"c1\""),
        ("xsi:nil true", "<duty id=\"d2\"", "<duty xsi:nil=\"true\" id=\"d2\""),
        ("xsi:nil false", "<duty id=\"d2\"", "<duty xsi:nil=\"false\" id=\"d2\""),
        ("xsi:schemaLocation", "id=\"c1\"", "xsi:schemaLocation=\"urn:orgscope:orgchart:1 x.xsd\" id=\"c1\""),
        ("xsi:noNamespaceSchemaLocation", "id=\"c1\"", "xsi:noNamespaceSchemaLocation=\"x.xsd\" id=\"c1\""),
        ("xsi:other", "<unit id=\"u2\"", "<unit xsi:other=\"1\" id=\"u2\""),
        ("unknown root", "<orgChart ", "<orgChartX "),
        ("unknown root end", "</orgChart>", "</orgChartX>"),
        ("unit as root", "<orgChart xmlns", "<unit kind=\"office\" xmlns"),
        ("many staffings", "<function>", "<staffing category=\"contract\"/><staffing category=\"other\"/><function>"),
        ("many units", "</unit>\n  </unit>",
         "</unit>\n<unit id=\"u3\" name=\"c\" kind=\"other\"/><unit id=\"u4\" name=\"d\" kind=\"other\"/>\n  </unit>"),
    ]

    static func all() -> [Mutation] {
        var mutations = [Mutation(label: "base", text: base), Mutation(label: "catalog", text: catalog)]
        for attribute in attributes {
            guard let range = base.range(of: attribute) else { continue }
            let name = String(attribute.prefix { $0 != "=" })
            let (before, after) = (base[..<range.lowerBound], base[range.upperBound...])
            let rest = attribute.split(separator: "\"", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\"")
            mutations.append(Mutation(label: "drop \(attribute)", text: before + rest + after))
            for value in values {
                mutations.append(Mutation(label: "\(attribute) -> \(name)=\"\(value.prefix(40))\"",
                                          text: before + "\(name)=\"\(value)\"" + rest + after))
            }
        }
        for (label, find, replace) in edits {
            guard let range = base.range(of: find) else { continue }
            mutations.append(Mutation(label: label, text: base.replacingCharacters(in: range, with: replace)))
        }
        let catalogEdits: [(String, String, String)] = [
            ("catalog: unit", "</mandateCatalog>", "<unit id=\"u\" name=\"u\" kind=\"other\"/></mandateCatalog>"),
            ("catalog: mandates wrapper", "<mandate id=\"m2\">Quản lý y tế</mandate>",
             "<mandates><mandate id=\"m2\">Quản lý y tế</mandate></mandates>"),
            ("catalog: no mandate", "<mandate id=\"m2\">Quản lý y tế</mandate>", ""),
            ("catalog: mandate without id", "<mandate id=\"m2\">", "<mandate>"),
            ("catalog: empty mandate", "Quản lý y tế</mandate>", "</mandate>"),
            ("catalog: bad level", "level=\"province\"", "level=\"ward\""),
            ("catalog: no name", " name=\"Danh mục\"", ""),
            ("catalog: blank name", "name=\"Danh mục\"", "name=\"  \""),
            ("catalog: source with entities", "source=\"Luật\"", "source=\" &amp; &lt; \""),
            ("catalog: text", "<mandate id=\"m2\">", "x<mandate id=\"m2\">"),
        ]
        for (label, find, replace) in catalogEdits {
            guard let range = catalog.range(of: find) else { continue }
            mutations.append(Mutation(label: label, text: catalog.replacingCharacters(in: range, with: replace)))
        }
        return mutations
    }

    /// SplitMix64: the same numbers on every machine.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One or two of a fuzzer's moves on `bytes`: swap two lines, duplicate or drop a line, drop or copy a
    /// span, put an interesting byte somewhere.
    static func byteMutation(of bytes: [UInt8], using random: inout SeededRandom) -> (String, [UInt8]) {
        var bytes = bytes
        var moves: [String] = []
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let a = Int.random(in: 1..<max(2, lines.count), using: &random)
            let b = Int.random(in: 1..<max(2, lines.count), using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                lines.swapAt(min(a, lines.count - 1), min(b, lines.count - 1))
                moves.append("swap lines \(a + 1) and \(b + 1)")
                bytes = Array(lines.joined(separator: [0x0A]))
            case 1:
                lines.insert(lines[min(a, lines.count - 1)], at: min(b, lines.count - 1))
                moves.append("copy line \(a + 1) before line \(b + 1)")
                bytes = Array(lines.joined(separator: [0x0A]))
            case 2:
                lines.remove(at: min(a, lines.count - 1))
                moves.append("drop line \(a + 1)")
                bytes = Array(lines.joined(separator: [0x0A]))
            case 3:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...12, using: &random))
                moves.append("drop bytes \(start)..<\(end)")
                bytes.removeSubrange(start..<end)
            case 4:
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = min(bytes.count, start + Int.random(in: 1...40, using: &random))
                let at = Int.random(in: 0...bytes.count, using: &random)
                moves.append("copy bytes \(start)..<\(end) to \(at)")
                bytes.insert(contentsOf: bytes[start..<end], at: at)
            default:
                let interesting = Array(" \t\n-+0159aZ\"=/&;<>:x".utf8)
                let at = Int.random(in: 0..<bytes.count, using: &random)
                let byte = interesting[Int.random(in: 0..<interesting.count, using: &random)]
                moves.append("byte \(at) to \(byte)")
                bytes[at] = byte
            }
        }
        return (moves.joined(separator: ", "), bytes)
    }
}
