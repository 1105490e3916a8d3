import OrgAnalysis
import OrgModel
import OrgOffice

/// An administrative document laid out by Decree 30/2020/NĐ-CP (Appendix I): the issuing body and the
/// national title, number and dateline, the type and subject, the body, recipients and signature, then
/// each annex on its own landscape pages. Reports (review, proposal, comparison) give their content as
/// ``ReportBlock``s; this turns them into a ``WordDocument``.
struct OfficialDocument {
    /// Who issues it and how it is laid out.
    var profile: DocumentProfile
    /// The language of the labels.
    var language: Language
    /// The type in capitals ("BÁO CÁO").
    var type: String
    /// The symbol's type part for the annex line ("Báo cáo").
    var typeName: String
    /// The subject (trích yếu).
    var subject: String
    /// The body, without the annexes.
    var body: [ReportBlock]
    /// The annexes, each on its own pages.
    var annexes: [ReportAnnex]
    /// Says "Số liệu minh họa" under the subject.
    var illustrative: Bool
    /// When the document was made (`--timestamp`).
    var timestamp: String?

    /// The document, ready for ``WordPackage``.
    func wordDocument() -> WordDocument {
        var blocks: [WordBlock] = [.table(masthead())]
        blocks.append(.paragraph(WordParagraph(.documentType, type)))
        blocks.append(.paragraph(WordParagraph(.subject, [WordRun(subject)], underline: 2.5)))
        if illustrative {
            blocks.append(.paragraph(WordParagraph(.note, language.text(vi: "(Số liệu minh họa)", en: "(Illustrative data)"),
                                                   alignment: .center)))
        }
        blocks.append(contentsOf: Self.blocks(body, language: language))
        blocks.append(.table(closing()))
        var sections = [WordSection(blocks: blocks)]
        for annex in annexes {
            var content: [WordBlock] = [
                .paragraph(WordParagraph(.annexNumber, language.text(vi: "Phụ lục ", en: "Annex ") + annex.number)),
                .paragraph(WordParagraph(.annexTitle, annex.title.uppercased())),
            ]
            content.append(.paragraph(WordParagraph(.annexAttachment, "(" + (annex.attachedTo ?? attachment) + ")")))
            content.append(contentsOf: Self.blocks(annex.blocks, language: language))
            sections.append(WordSection(landscape: annex.landscape, blocks: content))
        }
        return WordDocument(sections: sections, layout: profile.layout, title: type.capitalized + ": " + subject,
                            subject: subject, created: timestamp, languageTag: language == .vi ? "vi-VN" : "en-GB")
    }

    /// The annexes' line: "Kèm theo Báo cáo số …/BC-SNV ngày … tháng … năm … của Sở Nội vụ".
    var attachment: String {
        language.text(vi: "Kèm theo \(typeName) số \(numberText) \(dateText(withPlace: false)) của \(profile.issuingBodyName)",
                      en: "Attached to \(typeName) No. \(numberText) of \(dateText(withPlace: false)) by \(profile.issuingBodyName)")
    }

    /// "…/BC-SNV", or "125/BC-SNV" once the clerk has numbered it.
    var numberText: String { (profile.number ?? "…") + "/" + profile.symbol }

    /// "Cao Bằng, ngày 05 tháng 12 năm 2025": days below 10 and months below 3 with a leading zero
    /// (Decree 30/2020); blanks for the clerk when the profile gives no date.
    func dateText(withPlace: Bool) -> String {
        let place = withPlace ? profile.place + ", " : ""
        guard let date = profile.date else {
            return place + language.text(vi: "ngày … tháng … năm …", en: "… (date)")
        }
        return place + OfficialWording.longDate(date).text(language)
    }

    /// Issuing body (left) and national title (right), number (left) and dateline (right).
    private func masthead() -> WordTable {
        let left = [
            WordParagraph(.masthead, [WordRun(profile.superiorBody)]),
            WordParagraph(.masthead, [WordRun(profile.issuingBody, bold: true)], underline: 2),
        ]
        let right = [
            WordParagraph(.masthead, [WordRun(language.text(vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                            en: "SOCIALIST REPUBLIC OF VIETNAM"), bold: true, size: 12.5)]),
            WordParagraph(.masthead, [WordRun(language.text(vi: "Độc lập - Tự do - Hạnh phúc",
                                                            en: "Independence - Freedom - Happiness"), bold: true, size: 14)],
                          underline: 6.2),
        ]
        let number = WordParagraph(.masthead, [WordRun(language.text(vi: "Số: ", en: "No. ") + numberText)])
        let dateline = WordParagraph(.masthead, [WordRun(dateText(withPlace: true), italic: true, size: 14)])
        return WordTable(widths: [38, 62], rows: [
            [WordTable.Cell(left), WordTable.Cell(right)],
            [WordTable.Cell([number]), WordTable.Cell([dateline])],
        ], headerRows: 0, borders: false)
    }

    /// Recipients (left) and the signature block (right).
    private func closing() -> WordTable {
        var recipients = [WordParagraph(.recipientsLabel, language.text(vi: "Nơi nhận:", en: "Recipients:"))]
        recipients += profile.recipients.map { WordParagraph(.recipients, "- " + $0 + ";") }
        recipients.append(WordParagraph(.recipients, "- " + language.text(vi: "Lưu: ", en: "Filed: ") + profile.archive + "."))
        var signature: [WordParagraph] = []
        if let authority = profile.signer.authority { signature.append(WordParagraph(.signature, authority)) }
        signature.append(WordParagraph(.signature, profile.signer.title))
        signature += Array(repeating: WordParagraph(.signature, []), count: 4)
        signature.append(WordParagraph(.signature, profile.signer.name))
        return WordTable(widths: [50, 50], rows: [[WordTable.Cell(recipients), WordTable.Cell(signature)]],
                         headerRows: 0, borders: false)
    }

    /// Report blocks as Word blocks: headings in their styles, tables with an STT column and a repeated
    /// header row, figures right-aligned.
    static func blocks(_ blocks: [ReportBlock], language: Language) -> [WordBlock] {
        var out: [WordBlock] = []
        for block in blocks {
            switch block {
            case .heading(let text, let level):
                let style: WordStyle = level <= 1 ? .heading1 : level == 2 ? .heading2 : .heading3
                out.append(.paragraph(WordParagraph(style, level <= 1 ? text.uppercased() : text)))
            case .paragraph(let text): out.append(.paragraph(WordParagraph(.body, text)))
            case .note(let text): out.append(.paragraph(WordParagraph(.note, text)))
            case .bullets(let items): out.append(contentsOf: items.map { .paragraph(WordParagraph(.bullet, $0)) })
            case .table(let table): out.append(contentsOf: self.table(table, language: language))
            case .annex(let annex):
                // An annex inside the body (not expected): its heading, then its content in place.
                out.append(.paragraph(WordParagraph(.heading2, language.text(vi: "Phụ lục ", en: "Annex ") + annex.number
                    + ". " + annex.title)))
                out.append(contentsOf: self.blocks(annex.blocks, language: language))
            case .trend(let trend): out.append(contentsOf: self.table(trend.table, language: language))
            }
        }
        return out
    }

    private static func table(_ table: ReportTable, language: Language) -> [WordBlock] {
        if table.rows.isEmpty {
            return table.emptyText.map { [.paragraph(WordParagraph(.body, $0))] } ?? []
        }
        // "STT" takes about 5% of the width, whatever the other columns' weights add up to.
        let number = ReportTable.Column(language.text(vi: "STT", en: "No."), alignment: .center,
                                        weight: max(0.45, table.columns.map(\.weight).reduce(0, +) * 0.055))
        let columns = (table.numbered ? [number] : []) + table.columns
        let header = columns.map { WordTable.Cell([WordParagraph(.tableHeader, $0.title)]) }
        let rows = table.rows.enumerated().map { offset, row in
            let cells = (table.numbered ? [String(offset + 1)] : []) + row
            return zip(columns, cells).map { column, text in
                let alignment: WordParagraph.Alignment = switch column.alignment {
                case .left: .left
                case .center: .center
                case .right: .right
                }
                return WordTable.Cell([WordParagraph(.tableText, text, alignment: alignment)])
            }
        }
        return [.table(WordTable(widths: columns.map(\.weight), rows: [header] + rows, headerRows: 1)),
                .paragraph(WordParagraph(.tableText, []))]
    }
}

extension OfficialDocument {
    /// A report made of blocks (a proposal's, a comparison's) as a document: its title heading (level 0)
    /// and its "Số liệu minh họa" note are dropped (the layout has its own), annexes go to their own pages,
    /// each with the line that attaches it to this document.
    init(blocks: [ReportBlock], subject: String, profile: DocumentProfile, language: Language, illustrative: Bool,
         timestamp: String?) {
        let illustrativeNotes = ["Số liệu minh họa.", "Illustrative figures."]
        var body: [ReportBlock] = [], annexes: [ReportAnnex] = []
        for block in blocks {
            switch block {
            case .heading(_, let level) where level < 1: continue
            case .note(let text) where illustrativeNotes.contains(text): continue
            case .annex(let annex): annexes.append(annex)
            default: body.append(block)
            }
        }
        self.init(profile: profile, language: language, type: language.text(vi: "BÁO CÁO", en: "REPORT"),
                  typeName: language.text(vi: "Báo cáo", en: "Report"), subject: subject, body: body, annexes: [],
                  illustrative: illustrative || profile.illustrative, timestamp: timestamp)
        let line = attachment
        self.annexes = annexes.map { annex in
            var annex = annex
            if annex.attachedTo == nil { annex.attachedTo = line }
            return annex
        }
    }

    /// The .docx bytes.
    func bytes() throws(ReportFile.Failure) -> [UInt8] {
        do {
            return Array(try WordPackage.data(wordDocument()))
        } catch {
            throw ReportFile.Failure(error.description)
        }
    }
}
