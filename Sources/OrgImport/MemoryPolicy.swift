import CLibXML2

/// How a run of orgscope asks the C library to hold memory (the shim module is the one place that
/// speaks to it; OrgImport is its one owner).
public enum MemoryPolicy {
    /// Blocks of 256 KiB and more get mappings of their own, given back to the system when freed. glibc
    /// would otherwise raise that threshold after the first such block is freed and serve later ones from
    /// its heap, where their pages stay resident: the analysis of a large chart frees arrays of tens of
    /// MiB between phases (measured on the M chart: peak 127 → 116 MiB, same time). Call once, at start.
    public static func mapLargeBlocks() {
        _ = orgscope_map_large_blocks(256 << 10)
    }

    /// Gives the free pages inside the heap back to the system: a phase of the analysis frees many small
    /// blocks (a string per duty id, scratch per text) whose pages would otherwise stay resident, holes
    /// between live blocks. Called between phases (``OrgAnalysis/PhaseClock/betweenPhases``).
    public static func trimHeap() {
        orgscope_trim_heap()
    }
}
