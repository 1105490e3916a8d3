/// Why a file is read in one pass rather than split: the pre-scan found something it does not handle.
/// None of these is an error in the file; the ordinary parse then reports whatever is wrong.
enum SplitRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not UTF-8 (a BOM or a declaration says otherwise), or not XML 1.0.
    case encoding(String)
    /// The file has a DOCTYPE (always an error, which the ordinary parse reports).
    case documentType
    /// Something the pre-scan does not recognise (or a file that is not well-formed).
    case structure(String)
    /// Too small to be worth splitting, or splitting is switched off.
    case notWorthSplitting
    /// The file has no place where it can be cut safely (for example one top-level unit with no
    /// sub-units).
    case noCutPoint
    /// A part reported something whose meaning depends on the rest of the file (a content-model error,
    /// a well-formedness error, a problem on a synthetic tag, too many diagnostics).
    case partsDisagree(String)

    var description: String {
        switch self {
        case .encoding(let detail): "encoding: \(detail)"
        case .documentType: "a DOCTYPE"
        case .structure(let detail): "structure: \(detail)"
        case .notWorthSplitting: "not worth splitting"
        case .noCutPoint: "no safe cut point"
        case .partsDisagree(let detail): "a part needs the whole file: \(detail)"
        }
    }
}
