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

/// The decree on the organisation of the provincial specialised agencies in force on a date, as a
/// citation names it ("Nghị định số …", the amending decree after the amended one). The figures of
/// Decree 45/2025 and Decree 150/2025 are the same (one ``NormRegime``), but a citation names the text in
/// force on the date applied: 45/2025 until 2025-06-30, 150/2025 from 2025-07-01.
public enum OrganisationDecree: CaseIterable, Sendable {
    /// Decree 24/2014 as amended by Decree 107/2020, until 2025-02-28.
    case decree24As107
    /// Decree 45/2025, 2025-03-01 to 2025-06-30.
    case decree45
    /// Decree 150/2025, 2025-07-01 to 2025-12-31.
    case decree150
    /// Decree 150/2025 as amended by Decree 370/2025, from 2026-01-01.
    case decree150As370

    /// The text in force on `date`; the latest when there is no date.
    public static func inForce(on date: ChartDate?) -> OrganisationDecree {
        guard let date else { return .decree150As370 }
        if date < ChartDate(year: 2025, month: 3, day: 1) { return .decree24As107 }
        if date < ChartDate(year: 2025, month: 7, day: 1) { return .decree45 }
        if date < ChartDate(year: 2026, month: 1, day: 1) { return .decree150 }
        return .decree150As370
    }

    /// The decree's name in a citation.
    public var name: String {
        switch self {
        case .decree24As107: "Nghị định số 24/2014/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 107/2020/NĐ-CP"
        case .decree45: "Nghị định số 45/2025/NĐ-CP"
        case .decree150: "Nghị định số 150/2025/NĐ-CP"
        case .decree150As370: "Nghị định số 150/2025/NĐ-CP, được sửa đổi, bổ sung bởi Nghị định số 370/2025/NĐ-CP"
        }
    }

    /// True when the text is no longer in force (replaced, not only amended).
    public var expired: Bool { self == .decree24As107 || self == .decree45 }

    /// `part` (in Vietnamese order, from the smallest part: "khoản 1 Điều 10") of the decree; the decree
    /// alone when `part` is nil.
    public func citing(_ part: String?) -> String { part.map { "\($0) \(name)" } ?? name }

    /// A citation of `part` for a rule's description: a replaced text is marked "(đã hết hiệu lực)".
    public func history(_ part: String?) -> String { citing(part) + (expired ? " (đã hết hiệu lực)" : "") }
}

extension NormContext {
    /// The decree on the organisation of specialised agencies in force on the date applied.
    public var organisationDecree: OrganisationDecree { .inForce(on: asOf) }
}

extension NormSetting {
    /// Where the value came from, in a sentence of `language`: the legal reference (marked when its clause
    /// is unconfirmed), or "theo tệp quy tắc
    /// FILE:LINE" / "per rules file FILE:LINE", "theo tùy chọn --x" / "per option --x".
    public func originText(_ language: Language) -> String {
        switch source {
        case .law(let citation, let unconfirmed):
            citation + (unconfirmed ? language.text(vi: " (điều khoản chưa xác nhận)", en: " (clause unconfirmed)") : "")
        case .note(let note): note.text(language)
        case .rulesFile(let line): language.text(vi: "theo tệp quy tắc \(line)", en: "per rules file \(line)")
        case .option(let name): language.text(vi: "theo tùy chọn \(name)", en: "per option \(name)")
        }
    }

    /// ``originText(_:)`` in both languages.
    public var originTexts: LocalizedText { LocalizedText(vi: originText(.vi), en: originText(.en)) }
}
