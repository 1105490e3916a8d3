import Foundation
import OrgImport
import OrgModel

/// Staffing figures from a spreadsheet, merged into a chart (`--staffing FILE.csv`).
///
/// The header row names the columns, in any order, without regard to case: `unit` and `category`
/// (required), `quota`, `actual`, `deputies` (at least one of them), and `name` (optional, for people
/// reading the sheet; not read). Each further row gives one unit's figures in one staff category:
/// `category` is `civil-servant`, `public-employee`, `contract` or `other`; figures are whole numbers
/// from 0 to 10 000 000; a blank cell leaves the chart's figure as it is. `deputies` is a figure of the
/// unit, not of the category: give it on one of the unit's rows (or the same value on each).
///
/// Merging: a figure in the sheet replaces the chart's figure for that unit and category (quota and
/// people in post; deputy posts for the unit); a category the unit did not record is added. Errors
/// (every one, in one run): a unit id that is not in the chart, a (unit, category) given twice, an
/// unknown category, a bad number, a wrong number of fields, a malformed quote, text that is not UTF-8.
public struct StaffingSheet: Sendable {
    /// One row of figures.
    public struct Row: Sendable {
        /// The unit.
        public var unit: UnitID
        /// The staff category.
        public var category: StaffCategory
        /// Approved posts, when the cell is not blank.
        public var quota: Int?
        /// People in post, when the cell is not blank.
        public var actual: Int?
        /// Deputy posts of the unit, when the cell is not blank.
        public var deputies: Int?
        /// Where the row's `unit` cell is.
        public var location: SourceLocation
    }

    /// The rows, in file order.
    public var rows: [Row]
    /// Warnings (rows that give no figure).
    public var warnings: [Diagnostic]

    /// The columns a sheet may have.
    public static let columns = ["unit", "category", "quota", "actual", "deputies", "name"]

    /// Reads and checks `path` (without a chart: unit ids are checked by ``merge(into:)``).
    public static func read(path: String, options: InteropOptions = InteropOptions()) throws(InteropError) -> StaffingSheet {
        let (sheet, diagnostics) = parse(path: path, options: options)
        if diagnostics.hasErrors { throw .rejected(diagnostics: diagnostics.sorted) }
        return sheet
    }

    /// Reads `path` and merges it into `chart`, with every problem of the file and every unknown unit
    /// reported together; returns the merged chart and the warnings.
    public static func merge(path: String, into chart: OrgChart,
                             options: InteropOptions = InteropOptions()) throws(InteropError) -> InteropResult {
        let (sheet, diagnostics) = parse(path: path, options: options)
        let merged: OrgChart?
        do {
            merged = try sheet.merge(into: chart)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            merged = nil
        }
        guard let merged, !diagnostics.hasErrors else { throw .rejected(diagnostics: diagnostics.sorted) }
        return InteropResult(chart: merged, warnings: sheet.warnings)
    }

    /// The rows that could be read (bad ones left out) and every diagnostic.
    private static func parse(path: String, options: InteropOptions) -> (StaffingSheet, DiagnosticCollector) {
        let at = { (line: Int, column: Int) in SourceLocation(file: path, line: line, column: column) }
        let diagnostics = DiagnosticCollector()
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR,
              let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(at(1, 1), "cannot read the staffing file")
            return (StaffingSheet(rows: [], warnings: []), diagnostics)
        }
        guard data.count <= options.maxFileSize else {
            diagnostics.error(at(1, 1), "the file is \(data.count) bytes, over the limit of \(options.maxFileSize) "
                + "bytes (--max-file-size)")
            return (StaffingSheet(rows: [], warnings: []), diagnostics)
        }
        var reader = CSVReader(file: path)
        let records = reader.read(Array(data))
        var parser = SheetParser(file: path)
        parser.diagnostics.append(contentsOf: reader.diagnostics.items)
        let rows = reader.diagnostics.hasErrors && records.isEmpty ? [] : parser.parse(records)
        let warnings = parser.diagnostics.sorted.filter { $0.severity == .warning }
        return (StaffingSheet(rows: rows, warnings: warnings), parser.diagnostics)
    }

    /// The chart with the sheet's figures merged; an error for every row whose unit is not in the chart.
    public func merge(into chart: OrgChart) throws(InteropError) -> OrgChart {
        var chart = chart
        var index: [UnitID: Int] = [:]
        for (position, unit) in chart.units.enumerated() where index[unit.id] == nil { index[unit.id] = position }
        var problems: [Diagnostic] = []
        for row in rows {
            guard let position = index[row.unit] else {
                problems.append(Diagnostic(.error, at: row.location, "unit '\(row.unit)' is not in the chart "
                    + "(staffing rows must name units of the chart by id)"))
                continue
            }
            var unit = chart.units[position]
            if row.quota != nil || row.actual != nil {
                if let existing = unit.staffing.firstIndex(where: { $0.category == row.category }) {
                    if let quota = row.quota { unit.staffing[existing].quota = quota }
                    if let actual = row.actual { unit.staffing[existing].actual = actual }
                } else {
                    unit.staffing.append(Staffing(category: row.category, quota: row.quota, actual: row.actual,
                                                  location: row.location))
                }
            }
            if let deputies = row.deputies {
                var leadership = unit.leadership ?? Leadership()
                leadership.deputies = deputies
                unit.leadership = leadership
            }
            chart.units[position] = unit
        }
        guard problems.isEmpty else { throw .rejected(diagnostics: problems) }
        return chart
    }
}

/// The header and rows of a staffing sheet, checked.
private struct SheetParser {
    let file: String
    let diagnostics = DiagnosticCollector()

    init(file: String) { self.file = file }

    mutating func parse(_ records: [CSVRecord]) -> [StaffingSheet.Row] {
        let records = records.filter { !$0.fields.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let header = records.first else {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "the staffing file is empty; its first "
                + "row must be the header: unit,category,quota,actual,deputies")
            return []
        }
        guard let columns = columns(header) else { return [] }
        var rows: [StaffingSheet.Row] = []
        var seen: [String: Int] = [:]
        var deputies: [UnitID: (value: Int, line: Int)] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                let last = record.fields.last
                diagnostics.error(SourceLocation(file: file, line: record.line, column: last?.column ?? 1),
                                  "this row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s") and "
                                    + "the header \(header.fields.count)")
                continue
            }
            let (parsed, key) = row(record, columns: columns)
            if let key {
                if let first = seen[key.text] {
                    diagnostics.error(key.location, "unit '\(key.unit)' has a second \(key.category) row (first on line "
                        + "\(first)); give each unit and category once")
                    continue
                }
                seen[key.text] = record.line
            }
            guard let row = parsed else { continue }
            if let value = row.deputies {
                if let earlier = deputies[row.unit], earlier.value != value {
                    let cell = columns["deputies"].map { record.fields[$0] }
                    diagnostics.error(SourceLocation(file: file, line: cell?.line ?? record.line, column: cell?.column ?? 1),
                                      "unit '\(row.unit)' has \(value) deputies here and \(earlier.value) on line "
                                        + "\(earlier.line); deputy posts belong to the unit: give one value")
                    continue
                }
                deputies[row.unit] = (value, record.line)
            }
            if row.quota == nil && row.actual == nil && row.deputies == nil {
                diagnostics.warning(row.location, "this row gives no figure (quota, actual and deputies are blank)")
            }
            rows.append(row)
        }
        return rows
    }

    /// Column name → field index; nil (with errors) when the header is unusable.
    private mutating func columns(_ header: CSVRecord) -> [String: Int]? {
        var columns: [String: Int] = [:]
        var usable = true
        for (index, field) in header.fields.enumerated() {
            let name = field.text.trimmingCharacters(in: .whitespaces).lowercased()
            let location = SourceLocation(file: file, line: field.line, column: field.column)
            if !StaffingSheet.columns.contains(name) {
                diagnostics.error(location, "unknown column '\(field.text)'; the columns are "
                    + StaffingSheet.columns.joined(separator: ", ") + " (unit and category required)")
                usable = false
            } else if columns[name] != nil {
                diagnostics.error(location, "the column '\(name)' appears twice in the header")
                usable = false
            } else {
                columns[name] = index
            }
        }
        let start = SourceLocation(file: file, line: header.line, column: 1)
        for required in ["unit", "category"] where columns[required] == nil && usable {
            diagnostics.error(start, "the header has no '\(required)' column; expected e.g. unit,category,quota,actual,deputies")
            usable = false
        }
        if usable, columns["quota"] == nil, columns["actual"] == nil, columns["deputies"] == nil {
            diagnostics.error(start, "the header has none of the columns quota, actual, deputies: there is nothing to merge")
            usable = false
        }
        return usable ? columns : nil
    }

    /// The row when every cell is valid, and its (unit, category) key when those two are.
    private mutating func row(_ record: CSVRecord, columns: [String: Int])
        -> (StaffingSheet.Row?, (text: String, unit: String, category: String, location: SourceLocation)?) {
        func cell(_ name: String) -> CSVField? { columns[name].map { record.fields[$0] } }
        func location(_ field: CSVField) -> SourceLocation { SourceLocation(file: file, line: field.line, column: field.column) }
        guard let unitField = cell("unit"), let categoryField = cell("category") else { return (nil, nil) }
        var valid = true
        let unit = unitField.text.trimmingCharacters(in: .whitespaces)
        if unit.isEmpty || unit.contains(where: \.isWhitespace) {
            diagnostics.error(location(unitField), unit.isEmpty ? "the unit id is blank" : "unit id '\(unit)' contains white space")
            valid = false
        }
        let categoryText = categoryField.text.trimmingCharacters(in: .whitespaces)
        let category = StaffCategory(rawValue: categoryText)
        if category == nil {
            diagnostics.error(location(categoryField), "unknown staff category '\(categoryText)'; use "
                + StaffCategory.allCases.map(\.rawValue).joined(separator: ", "))
            valid = false
        }
        var figures: [String: Int] = [:]
        for name in ["quota", "actual", "deputies"] {
            guard let field = cell(name) else { continue }
            let text = field.text.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard text.allSatisfy(\.isASCII), let value = Int(text), (0...10_000_000).contains(value) else {
                diagnostics.error(location(field), "\(name) '\(text)' is not a whole number from 0 to 10000000")
                valid = false
                continue
            }
            figures[name] = value
        }
        let unitValid = !unit.isEmpty && !unit.contains(where: \.isWhitespace)
        let key = unitValid && category != nil
            ? (unit + "\u{0}" + categoryText, unit, categoryText, location(unitField)) : nil
        guard valid, let category else { return (nil, key) }
        return (StaffingSheet.Row(unit: UnitID(unit), category: category, quota: figures["quota"], actual: figures["actual"],
                                  deputies: figures["deputies"], location: location(unitField)), key)
    }
}
