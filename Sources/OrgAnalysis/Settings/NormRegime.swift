import OrgModel

/// The legal regime on provincial organisation and staffing in force on a date.
public enum NormRegime: String, CaseIterable, Sendable, Codable {
    /// Decree 24/2014/NĐ-CP as amended by Decree 107/2020/NĐ-CP, until 2025-02-28.
    case decree24of2014 = "nd-24-2014"
    /// Decree 45/2025/NĐ-CP (from 2025-07-01 Decree 150/2025/NĐ-CP, same figures), 2025-03-01 to 2025-12-31.
    case decree45of2025 = "nd-45-2025"
    /// Decree 150/2025/NĐ-CP as amended by Decree 370/2025/NĐ-CP, from 2026-01-01.
    case decree370of2025 = "nd-370-2025"

    /// The regime in force on `date`; the latest regime when the chart has no date.
    public static func inForce(on date: ChartDate?) -> NormRegime {
        guard let date else { return .decree370of2025 }
        if date < ChartDate(year: 2025, month: 3, day: 1) { return .decree24of2014 }
        if date < ChartDate(year: 2026, month: 1, day: 1) { return .decree45of2025 }
        return .decree370of2025
    }

    /// First day in force (nil: before the range orgscope knows).
    public var effectiveFrom: ChartDate? {
        switch self {
        case .decree24of2014: nil
        case .decree45of2025: ChartDate(year: 2025, month: 3, day: 1)
        case .decree370of2025: ChartDate(year: 2026, month: 1, day: 1)
        }
    }

    /// Its name in reports.
    public var title: LocalizedText {
        switch self {
        case .decree24of2014:
            LocalizedText(vi: "Nghị định 24/2014/NĐ-CP, sửa đổi bởi Nghị định 107/2020/NĐ-CP (đến 28/02/2025)",
                          en: "Decree 24/2014/NĐ-CP as amended by Decree 107/2020/NĐ-CP (until 2025-02-28)")
        case .decree45of2025:
            LocalizedText(vi: "Nghị định 45/2025/NĐ-CP, nay là Nghị định 150/2025/NĐ-CP (01/03/2025 – 31/12/2025)",
                          en: "Decree 45/2025/NĐ-CP, now Decree 150/2025/NĐ-CP (2025-03-01 to 2025-12-31)")
        case .decree370of2025:
            LocalizedText(vi: "Nghị định 150/2025/NĐ-CP, sửa đổi bởi Nghị định 370/2025/NĐ-CP (từ 01/01/2026)",
                          en: "Decree 150/2025/NĐ-CP as amended by Decree 370/2025/NĐ-CP (from 2026-01-01)")
        }
    }

    /// Short reference for citations and headings (the instrument, without its dates).
    public var decree: String {
        switch self {
        case .decree24of2014: "Nghị định 107/2020/NĐ-CP sửa đổi Nghị định 24/2014/NĐ-CP"
        case .decree45of2025: "Nghị định 45/2025/NĐ-CP"
        case .decree370of2025: "Nghị định 370/2025/NĐ-CP sửa đổi Nghị định 150/2025/NĐ-CP"
        }
    }
}
