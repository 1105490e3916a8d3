import Foundation
import OrgModel

/// What the reference checks need from every unit and duty, gathered by the builders as they read (on
/// every core for a split file), so that the single-threaded checks after the merge need not hash a
/// million ids again: the hash of each unit's and duty's id, and the set of mandate ids that duties
/// name.
struct ReferenceDigest {
    /// Stands for an empty id (not checked for uniqueness).
    static let emptyID = Int.min

    /// For every unit in document order: its id's ``hash(of:)``, or ``emptyID``.
    var unitIDHashes: [Int] = []

    /// For every duty in document order (units in order, each unit's duties in order): its id's
    /// ``hash(of:)``, or ``emptyID``.
    var dutyIDHashes: [Int] = []
    /// Whether ``dutyIDHashes`` stayed in document order (a duty written after its unit's sub-units is
    /// appended out of that order; the checks then hash the ids themselves).
    var dutyIDHashesInOrder = true
    /// Every mandate id that a duty names.
    var mandateReferences: Set<MandateID> { citedMandates.ids }
    private var citedMandates = DistinctIDs<Mandate>()

    /// The entry for `id` in ``unitIDHashes`` or ``dutyIDHashes``.
    static func hash<Tag>(of id: Identifier<Tag>) -> Int {
        var text = id.rawValue
        return text.withUTF8 { hash(ofID: $0) }
    }

    /// The entry for an id given by its UTF-8 bytes: equal to ``hash(of:)`` of the id they spell.
    ///
    /// Ids are compared as Swift compares strings (canonical equivalence), so the hash is taken over the
    /// id's NFC form: ASCII is its own NFC form and is hashed as it is (every id, in practice); other ids
    /// are normalised first (U+212A KELVIN SIGN and "K" are one id, and hash alike). The hash itself is
    /// a multiply-and-fold over eight bytes at a time, keyed by a seed drawn once per process (so that
    /// a crafted file cannot aim at collisions): a tenth of the cost of `Hasher`'s SipHash for an id.
    static func hash(ofID bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard !bytes.isEmpty else { return emptyID }
        let hash = isASCII(bytes) ? Self.fold(bytes) : Self.foldNFC(bytes)
        return hash == emptyID ? emptyID + 1 : hash  // equal ids still agree
    }

    private static func foldNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var normalized = String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping
        return normalized.withUTF8 { fold($0) }
    }

    /// The process's seed (random: ids hash differently from run to run, as with `Hasher`; nothing that
    /// is written out depends on hash order).
    private static let seed = UInt64.random(in: .min ... .max)

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    private static func fold(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let count = bytes.count
        var state = seed ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            state = mix(state ^ word, 0xA076_1D64_78BD_642F)
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        state = mix(state ^ tail, 0xE703_7ED1_A0B4_28DB)
        return Int(truncatingIfNeeded: mix(state, 0x8EBC_6AF0_9C88_C6E3 ^ seed))
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(base[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Records a duty of the unit being read, by its id's ``hash(ofID:)``; `inOrder` is false when the
    /// duty's unit is not the last unit read.
    mutating func addDuty(idHash: Int, mandate: MandateID?, inOrder: Bool) {
        if inOrder { dutyIDHashes.append(idHash) } else { dutyIDHashesInOrder = false }
        if let mandate { citedMandates.insert(mandate) }
    }

    /// Appends `other`'s entries from its `skippingUnits`-th unit and `skippingDuties`-th duty on (a part of
    /// a split file after its synthetic elements).
    mutating func append(_ other: ReferenceDigest, skippingUnits: Int = 0, skippingDuties: Int = 0) {
        unitIDHashes.append(contentsOf: other.unitIDHashes.dropFirst(skippingUnits))
        dutyIDHashes.append(contentsOf: other.dutyIDHashes.dropFirst(skippingDuties))
        dutyIDHashesInOrder = dutyIDHashesInOrder && other.dutyIDHashesInOrder
        for mandate in other.mandateReferences { citedMandates.insert(mandate) }
    }
}
