import OrgAnalysis

/// A self-contained HTML page from the Markdown that orgscope itself writes (headings to level 4,
/// paragraphs, italic notes, lists, tables, inline code): the HTML form of the proposal and comparison
/// reports, with the same
/// style and print stylesheet as the analysis report. Only that subset is understood; it is not a
/// general Markdown converter.
enum HTMLDocument {
    /// The line of Markdown that stands for the `index`th of the figures given to ``render(markdown:title:language:figures:)``.
    static func figureMarker(_ index: Int) -> String { "<!--figure:\(index)-->" }

    static func render(markdown: String, title: String, language: Language, figures: [String] = []) -> String {
        var body: [String] = []
        var list: [String] = []
        var table: [[String]] = []
        func flush() {
            if !list.isEmpty { body.append("<ul>" + list.map { "<li>\($0)</li>" }.joined() + "</ul>"); list = [] }
            if !table.isEmpty {
                let head = table[0].map { "<th>\($0)</th>" }.joined()
                let rows = table.dropFirst().map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined()
                body.append("<table class=\"data\"><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>")
                table = []
            }
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") {
                let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                    .map { inline($0.trimmingSpaces()) }
                if !cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" } }) { table.append(cells) }
                continue
            }
            if line.hasPrefix("- ") {
                list.append(inline(String(line.dropFirst(2))))
                continue
            }
            flush()
            if line.hasPrefix("<!--figure:"), let index = Int(line.dropFirst(11).dropLast(3)), figures.indices.contains(index) {
                body.append(figures[index])
            } else if let level = (2...4).first(where: { line.hasPrefix(String(repeating: "#", count: $0) + " ") }) {
                body.append("<h\(level)>" + inline(String(line.dropFirst(level + 1))) + "</h\(level)>")
            } else if line.count > 2, line.hasPrefix("*"), line.hasSuffix("*"), !line.hasSuffix("\\*") {
                body.append("<p class=\"note\"><em>" + inline(String(line.dropFirst().dropLast())) + "</em></p>")
            } else if line.hasPrefix("# ") {
                continue  // the title is in the header band
            } else if !line.isEmpty {
                body.append("<p>" + inline(line) + "</p>")
            }
        }
        flush()
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="orgscope">
            <title>\(HTMLReporter.escape(title))</title>
            <style>
            \(HTMLReporter.style)
            </style>
            </head>
            <body>
            <header class="band"><div class="band-inner"><p class="band-kicker">orgscope</p>
            <h1>\(HTMLReporter.escape(title))</h1></div></header>
            <main><section id="report">
            \(body.joined(separator: "\n"))
            </section></main>
            </body>
            </html>

            """
    }

    /// One line: Markdown escapes undone, HTML escaped, `code` kept.
    private static func inline(_ text: String) -> String {
        var output = ""
        var escaped = false
        var inCode = false
        for character in text {
            if escaped {
                output += HTMLReporter.escape(String(character))
                escaped = false
            } else if character == "\\" && !inCode {
                escaped = true
            } else if character == "`" {
                output += inCode ? "</code>" : "<code>"
                inCode.toggle()
            } else {
                output += HTMLReporter.escape(String(character))
            }
        }
        if inCode { output += "</code>" }
        return output.replacingOccurrences("&lt;br&gt;", with: "<br>")
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }

    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String { String(self).trimmingSpaces() }
}
