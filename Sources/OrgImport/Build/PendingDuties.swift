import OrgModel

/// The duties of the unit being read, gathered outside the model and moved into it at their exact size
/// once the unit's duties are done.
///
/// Appending to the unit's own array would grow it by doubling (copying the duties at every step, a
/// reference counted per string and arena each time) and then trim it to size (copying them all again):
/// a fifth of the builder's work on duties. Here they are moved twice at most (into this buffer, then
/// into an array of their count), and the buffer is reused for every unit.
///
/// The schema puts a unit's duties before its sub-units, so the duties of one unit arrive together; a
/// file that breaks the order (reported by the schema) still gets every duty, appended to its unit when
/// another unit's duties start.
final class PendingDuties {
    private var storage: UnsafeMutablePointer<Duty>
    private var capacity: Int
    private var count = 0
    /// The unit (position in the document's units) the gathered duties belong to; nil while none are.
    private var owner: Int?

    init(capacity: Int = 64) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// How many duties the unit at `index` has, counting those gathered here.
    func count(of index: Int, in units: [OrgModel.Unit]) -> Int {
        units[index].duties.count + (owner == index ? count : 0)
    }

    /// Gathers `duty` for the unit at `index` (first moving another unit's gathered duties into it).
    func append(_ duty: consuming Duty, to index: Int, units: inout [OrgModel.Unit]) {
        if owner != index {
            flush(into: &units)
            owner = index
        }
        if count == capacity {
            let grown = UnsafeMutablePointer<Duty>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: consume duty)
        count += 1
    }

    /// Moves the gathered duties into their unit's array (an array of exactly their count when the unit
    /// had none yet, the usual case).
    func flush(into units: inout [OrgModel.Unit]) {
        guard let unit = owner else { return }
        let moving = count
        let source = storage
        let moved = [Duty](unsafeUninitializedCapacity: moving) { buffer, initialized in
            if let target = buffer.baseAddress { target.moveInitialize(from: source, count: moving) }
            initialized = moving
        }
        count = 0
        owner = nil
        if units[unit].duties.isEmpty {
            units[unit].duties = moved
        } else {
            units[unit].duties.append(contentsOf: moved)
        }
    }
}
