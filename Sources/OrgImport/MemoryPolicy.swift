import CLibXML2

/// How a run of orgscope asks the C library to hold memory (the shim module is the one place that
/// speaks to it; OrgImport is its one owner).
public enum MemoryPolicy {
    /// Smallest threshold: blocks below it always come from the heap.
    static let minimumThreshold = 256 << 10
    /// Largest threshold, glibc's own ceiling for it on 64-bit systems.
    static let maximumThreshold = 32 << 20

    /// The size from which a block gets a mapping of its own, for an input of `inputBytes`: a sixteenth
    /// of it, between 256 KiB and 32 MiB.
    static func threshold(inputBytes: Int) -> Int {
        min(max(inputBytes / 16, minimumThreshold), maximumThreshold)
    }

    /// Blocks of a sixteenth of the input and more (``threshold(inputBytes:)``) get mappings of their own,
    /// given back to the system when freed; smaller ones come from the heap, and a block freed there is
    /// reused by the next phase without the system zeroing fresh pages for it.
    ///
    /// Both halves are measured. Mapping every block from 256 KiB up and giving the heap's free pages
    /// back after every phase kept the peak lowest, but the analysis of the 192 MB chart then spent a
    /// sixth of its CPU time in page faults (every array of a phase zeroed anew by the kernel): 4.1-4.6
    /// s against 3.6-3.7 s, peak 432 against 446 MB. A block of a sixteenth of the input is one of the
    /// few per-duty arrays of a phase; mapping those keeps the 19 MB chart's peak at 72 MB (all from
    /// the heap: 77 MB). glibc would otherwise raise its threshold after the first mapped block is freed
    /// and serve even those from the heap. Call at start (nothing known: 256 KiB), and again once the
    /// input's size is known, before it is read.
    public static func mapLargeBlocks(inputBytes: Int = 0) {
        _ = orgscope_map_large_blocks(threshold(inputBytes: inputBytes))
    }
}
