import Dispatch
import Foundation

extension Range where Bound == Int {
    /// The positions of the range sorted by `areInIncreasingOrder`, stably (equal elements keep their
    /// order): the two halves sorted on two cores, then merged, the left half first on a tie. The same
    /// order as `sorted(by:)`'s stable sort, in about half the time on a large range.
    func stablySorted(by areInIncreasingOrder: @Sendable (Int, Int) -> Bool) -> [Int] {
        var positions = Array(self)
        positions.stablySort(by: areInIncreasingOrder)
        return positions
    }
}

extension Array {
    /// Sorts the array by `areInIncreasingOrder`, stably: the two halves sorted in place on two cores, then
    /// merged, the left half first on a tie. The same order as `sort(by:)`.
    mutating func stablySort(by areInIncreasingOrder: @Sendable (Element, Element) -> Bool) {
        guard count >= 8192, ProcessInfo.processInfo.activeProcessorCount > 1 else { return sort(by: areInIncreasingOrder) }
        let middle = count / 2
        let merged = withUnsafeMutableBufferPointer { buffer -> [Element] in
            nonisolated(unsafe) let whole = buffer
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                var part = UnsafeMutableBufferPointer(rebasing: half == 0 ? whole[..<middle] : whole[middle...])
                part.sort(by: areInIncreasingOrder)
            }
            var merged: [Element] = []
            merged.reserveCapacity(whole.count)
            var i = 0, j = middle
            while i < middle, j < whole.count {
                // The right element goes first only when strictly smaller: ties keep the left one first.
                if areInIncreasingOrder(whole[j], whole[i]) {
                    merged.append(whole[j])
                    j += 1
                } else {
                    merged.append(whole[i])
                    i += 1
                }
            }
            merged.append(contentsOf: whole[i..<middle])
            merged.append(contentsOf: whole[j...])
            return merged
        }
        self = merged
    }
}
