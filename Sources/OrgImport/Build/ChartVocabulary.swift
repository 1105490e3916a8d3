import Glibc
import OrgModel

/// The element names the chart builder acts on, recognised from the parser's bytes without a `String`.
enum ChartElement {
    case orgChart, mandateCatalog, mandates, mandate, unit, leadership, staffing, function, duty, power, other

    init(_ tag: XMLStartTag) {
        let first = tag.localName.pointee
        switch first {
        case UInt8(ascii: "u"): self = tag.hasName("unit") ? .unit : .other
        case UInt8(ascii: "d"): self = tag.hasName("duty") ? .duty : .other
        case UInt8(ascii: "f"): self = tag.hasName("function") ? .function : .other
        case UInt8(ascii: "p"): self = tag.hasName("power") ? .power : .other
        case UInt8(ascii: "s"): self = tag.hasName("staffing") ? .staffing : .other
        case UInt8(ascii: "l"): self = tag.hasName("leadership") ? .leadership : .other
        case UInt8(ascii: "o"): self = tag.hasName("orgChart") ? .orgChart : .other
        case UInt8(ascii: "m"):
            if tag.hasName("mandate") {
                self = .mandate
            } else if tag.hasName("mandates") {
                self = .mandates
            } else {
                self = tag.hasName("mandateCatalog") ? .mandateCatalog : .other
            }
        default: self = .other
        }
    }
}

/// Matches an attribute's bytes against the raw values of a `String` enum, as `init(rawValue:)` would,
/// without making a `String` when the bytes are plain ASCII (the usual case).
struct ByteEnum<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    private let table: [(bytes: [UInt8], value: Value)]

    init() {
        table = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func match(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        // Non-ASCII text may still equal a raw value under Unicode canonical equivalence: ask String.
        guard ascii else { return Value(rawValue: String(decoding: bytes, as: UTF8.self)) }
        guard let base = bytes.baseAddress else { return table.first { $0.bytes.isEmpty }?.value }
        for entry in table where entry.bytes.count == bytes.count && memcmp(entry.bytes, base, bytes.count) == 0 {
            return entry.value
        }
        return nil
    }
}

/// The enums the builder reads from attributes. Each builder has its own tables, so that builders on
/// different threads never share (and count references on) the same arrays.
struct ChartVocabulary {
    let kinds = ByteEnum<UnitKind>()
    let levels = ByteEnum<GovernmentLevel>()
    let roles = ByteEnum<DutyRole>()
    let categories = ByteEnum<StaffCategory>()
}

extension OrgDocumentBuilder {
    /// A count attribute's value; nil when it is not a count (the schema reports that). The rule is the
    /// one of `Int(String)` after trimming spaces and one leading `+`: an optional sign, then one or more
    /// ASCII digits, no overflow; and not negative (so "-0" is 0).
    static func count(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        var low = 0, high = value.count
        while low < high, value[low] == 0x20 { low += 1 }
        while high > low, value[high - 1] == 0x20 { high -= 1 }
        if low < high, value[low] == UInt8(ascii: "+") { low += 1 }
        var negative = false
        if low < high, value[low] == UInt8(ascii: "+") || value[low] == UInt8(ascii: "-") {
            negative = value[low] == UInt8(ascii: "-")
            low += 1
        }
        guard low < high else { return nil }
        var number = 0
        for index in low..<high {
            let digit = Int(value[index]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            let (shifted, overflowed) = number.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = shifted.addingReportingOverflow(digit)
            // A negative number's magnitude one past Int.max is Int.min: negative either way.
            if overflowed || overflowedAgain { return nil }
            number = sum
        }
        if negative { return number == 0 ? 0 : nil }
        return number
    }
}
