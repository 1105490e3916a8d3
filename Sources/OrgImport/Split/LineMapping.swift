/// Translates a position in one part of a split file (synthetic start tags, then the part's bytes, then
/// synthetic end tags) to the same position in the file.
///
/// The synthetic start tags end with a newline, so the part's bytes start a line of their own: line
/// `prefixLines + 1` of the part is line `firstLine` of the file. When the cut is not at the start of a
/// line, the file has `firstColumnShift` characters before it on that line, which the part does not.
struct LineMapping: Equatable, Sendable {
    /// The mapping of a whole file: every position stays as it is.
    static let identity = LineMapping(prefixLines: 0, firstLine: 1, firstColumnShift: 0)

    /// Newlines in the synthetic start tags (0 for the first part).
    var prefixLines: Int
    /// Line in the file of the part's first byte.
    var firstLine: Int
    /// Characters before the part's first byte on its line in the file.
    var firstColumnShift: Int

    /// Whether a part line belongs to the synthetic start tags (or is unknown: line 0).
    func isSynthetic(line: Int) -> Bool {
        line <= prefixLines
    }

    /// The file position of a part position (an unknown position stays unknown).
    func map(_ position: TagPosition) -> TagPosition {
        guard position.line > 0, self != .identity else { return position }
        let bodyLine = position.line - prefixLines
        return TagPosition(line: firstLine + bodyLine - 1,
                           column: bodyLine == 1 ? position.column + firstColumnShift : position.column)
    }
}

/// Which schema validation errors concern only the element they are reported on.
///
/// libxml2's validator carries state from one element to the next: after a content-model error in an
/// element it stops validating that element's remaining children, so whether a later child is checked
/// depends on everything before it. A part of a split file starts that state afresh, so a part may keep
/// its diagnostics only when every one of them is of a kind that leaves no such state behind: a bad or
/// missing attribute, or a simple value that breaks a facet. Anything else sends the file back to the
/// single parse.
enum SchemaErrorScope {
    /// Error codes (libxml2's `xmlParserErrors`) that concern only the element's own attributes or
    /// simple value.
    static func isLocal(code: Int32) -> Bool {
        switch code {
        case 1822...1840,  // XML_SCHEMAV_VALUE, _FACET, CVC_DATATYPE_VALID_*, CVC_TYPE_3_1_*, CVC_*_VALID facets
             1861...1868,  // CVC_ATTRIBUTE_1..4, CVC_COMPLEX_TYPE_3_1, 3_2_1, 3_2_2, 4 (attributes)
             1874:  // CVC_AU (attribute value constraint)
            true
        default:
            false
        }
    }
}
