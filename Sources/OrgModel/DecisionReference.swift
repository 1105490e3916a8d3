/// A legal document by its number and date: the decision that founded or last defined a unit
/// ("Quyết định số 12/2025/QĐ-UBND ngày 01/03/2025"), a directive, a baseline's source.
public struct DecisionReference: Hashable, Sendable, Codable {
    /// The number and symbol as written ("12/2025/QĐ-UBND").
    public var number: String
    /// The day it was signed, when known.
    public var date: ChartDate?

    /// A reference.
    public init(number: String, date: ChartDate? = nil) {
        self.number = number
        self.date = date
    }
}
