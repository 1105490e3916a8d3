import OrgModel

/// `word/document.xml`: the body of a ``WordDocument``, section by section. Lengths are in twentieths of a
/// point (twips), sizes in half-points, as WordprocessingML counts them.
struct WordBodyXML {
    let document: WordDocument

    /// A4, in twips.
    static let pageShort = 11_906, pageLong = 16_838
    /// From the page's edge to the header (the page number), in twips (10 mm).
    static let headerDistance = 567

    /// Millimetres in twips.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1_440 / 25.4).rounded()) }

    /// The width text may take in a section, in twips.
    func textWidth(landscape: Bool) -> Int {
        let layout = document.layout
        return (landscape ? Self.pageLong : Self.pageShort) - Self.twips(millimetres: layout.marginLeft)
            - Self.twips(millimetres: layout.marginRight)
    }

    /// The whole part.
    func xml() -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<w:document xmlns:w="\#(WordNamespace.main)" xmlns:r="\#(WordNamespace.relationships)"><w:body>"#
        for (index, section) in document.sections.enumerated() {
            let last = index == document.sections.count - 1
            let width = textWidth(landscape: section.landscape)
            var blocks = section.blocks
            // A section ends with the paragraph that carries its properties; the last section's are the body's.
            var closing: WordParagraph?
            if !last {
                if case .paragraph(let paragraph)? = blocks.last, paragraph.underline == nil {
                    closing = paragraph
                    blocks.removeLast()
                } else {
                    closing = WordParagraph(.body, [])
                }
            }
            for block in blocks { out += self.block(block, width: width) }
            if let closing { out += paragraph(closing, width: width, sectionProperties: sectionProperties(section)) }
            if last { out += sectionProperties(section) }
        }
        out += "</w:body></w:document>\n"
        return out
    }

    private func block(_ block: WordBlock, width: Int) -> String {
        switch block {
        case .paragraph(let paragraph): self.paragraph(paragraph, width: width)
        case .table(let table): self.table(table, width: width)
        }
    }

    /// Page size and orientation, margins, headers (no number on the first page), numbering from 1.
    func sectionProperties(_ section: WordSection) -> String {
        let layout = document.layout
        let (width, height) = section.landscape ? (Self.pageLong, Self.pageShort) : (Self.pageShort, Self.pageLong)
        let orientation = section.landscape ? #" w:orient="landscape""# : ""
        return "<w:sectPr>"
            + #"<w:headerReference w:type="default" r:id="\#(WordPackage.headerID)"/>"#
            + #"<w:headerReference w:type="first" r:id="\#(WordPackage.firstHeaderID)"/>"#
            + #"<w:footerReference w:type="default" r:id="\#(WordPackage.footerID)"/>"#
            + #"<w:footerReference w:type="first" r:id="\#(WordPackage.footerID)"/>"#
            + #"<w:type w:val="nextPage"/><w:pgSz w:w="\#(width)" w:h="\#(height)"\#(orientation)/>"#
            + #"<w:pgMar w:top="\#(Self.twips(millimetres: layout.marginTop))" w:right="\#(Self.twips(millimetres: layout.marginRight))""#
            + #" w:bottom="\#(Self.twips(millimetres: layout.marginBottom))" w:left="\#(Self.twips(millimetres: layout.marginLeft))""#
            + #" w:header="\#(Self.headerDistance)" w:footer="\#(Self.headerDistance)" w:gutter="0"/>"#
            + #"<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>"#
    }

    /// A paragraph; `sectionProperties` ends a section with it. An underlined paragraph is followed by a
    /// hairline paragraph whose bottom border is the short centred line.
    func paragraph(_ paragraph: WordParagraph, width: Int, sectionProperties: String = "") -> String {
        var properties = #"<w:pStyle w:val="\#(paragraph.style.rawValue)"/>"#
        if paragraph.keepWithNext || paragraph.underline != nil { properties += "<w:keepNext/>" }
        if let alignment = paragraph.alignment { properties += #"<w:jc w:val="\#(alignment.rawValue)"/>"# }
        var out = "<w:p><w:pPr>" + properties + sectionProperties + "</w:pPr>"
        for run in paragraph.runs { out += self.run(run) }
        out += "</w:p>"
        if let length = paragraph.underline {
            let line = min(width, Int((length * 1_440 / 2.54).rounded()))
            let indent = max(0, (width - line) / 2)
            out += #"<w:p><w:pPr><w:pStyle w:val="\#(paragraph.style.rawValue)"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#
                + #"<w:spacing w:before="40" w:after="120" w:line="40" w:lineRule="exact"/><w:ind w:left="\#(indent)" w:right="\#(indent)" w:firstLine="0"/>"#
                + #"<w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>"#
        }
        return out
    }

    private func run(_ run: WordRun) -> String {
        var properties = ""
        if run.bold { properties += "<w:b/><w:bCs/>" }
        if run.italic { properties += "<w:i/><w:iCs/>" }
        if let size = run.size {
            let half = Int((size * 2).rounded())
            properties += #"<w:sz w:val="\#(half)"/><w:szCs w:val="\#(half)"/>"#
        }
        var out = "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>" + properties + "</w:rPr>")
        var first = true
        for line in run.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { out += "<w:br/>" }
            first = false
            var firstPiece = true
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                if !firstPiece { out += "<w:tab/>" }
                firstPiece = false
                if !piece.isEmpty { out += #"<w:t xml:space="preserve">"# + WordXML.escape(String(piece)) + "</w:t>" }
            }
        }
        return out + "</w:r>"
    }

    private func table(_ table: WordTable, width: Int) -> String {
        let columns = max(1, table.widths.count)
        let total = table.widths.reduce(0, +)
        var grid = table.widths.map { total > 0 ? Int((Double(width) * $0 / total).rounded(.down)) : width / columns }
        if let last = grid.indices.last { grid[last] += width - grid.reduce(0, +) }
        let border = table.borders ? "single" : "nil"
        var out = "<w:tbl><w:tblPr>" + #"<w:tblW w:w="\#(width)" w:type="dxa"/><w:jc w:val="center"/>"#
        out += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            table.borders ? #"<w:\#($0) w:val="\#(border)" w:sz="4" w:space="0" w:color="000000"/>"# : #"<w:\#($0) w:val="nil"/>"#
        }.joined() + "</w:tblBorders>"
        out += #"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#
        out += #"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#
        out += "</w:tblPr><w:tblGrid>" + grid.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        for (rowIndex, row) in table.rows.enumerated() {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (rowIndex < table.headerRows ? "<w:tblHeader/>" : "") + "</w:trPr>"
            var column = 0
            for cell in row {
                let span = max(1, min(cell.span, grid.count - column))
                let cellWidth = grid[min(column, grid.count - 1)..<min(column + span, grid.count)].reduce(0, +)
                column += span
                out += "<w:tc><w:tcPr>" + #"<w:tcW w:w="\#(cellWidth)" w:type="dxa"/>"#
                    + (span > 1 ? #"<w:gridSpan w:val="\#(span)"/>"# : "")
                    + (table.borders ? #"<w:vAlign w:val="center"/>"# : "") + "</w:tcPr>"
                let paragraphs = cell.paragraphs.isEmpty ? [WordParagraph(.tableText, [])] : cell.paragraphs
                for paragraph in paragraphs { out += self.paragraph(paragraph, width: cellWidth - 170) }
                out += "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }
}

/// The namespaces and escaping every part shares.
enum WordXML {
    /// `text` safe inside an element or a double-quoted attribute; characters XML 1.0 cannot carry
    /// (controls other than tab and newline) are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The namespaces of WordprocessingML and the package.
enum WordNamespace {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
}
