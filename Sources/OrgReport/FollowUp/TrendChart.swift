/// A trend as an SVG bar chart for the HTML report: one bar per point, its value above it and its label
/// (a date) under it, the scale from zero so that bars compare honestly. Figures are written as integers:
/// the same trend gives the same bytes.
enum TrendChart {
    static func svg(_ trend: ReportTrend) -> String {
        let count = max(trend.points.count, 1)
        // Dates fit under their bar up to 8 bars; beyond, narrower bars with their dates slanted.
        let slot = count <= 8 ? 96 : 40, bar = slot * 5 / 8, slanted = slot < 96
        let (left, top, plot) = (16, 24, 160)
        let width = left * 2 + slot * count, height = top + plot + (slanted ? 76 : 40)
        let highest = max(trend.points.map(\.value).max() ?? 0, 1)
        var parts = ["<figure class=\"trend\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-label=\"\(HTMLReporter.escape(trend.caption))\">",
                     "<line x1=\"\(left)\" y1=\"\(top + plot)\" x2=\"\(width - left)\" y2=\"\(top + plot)\" stroke=\"#6b7280\"/>"]
        for (offset, point) in trend.points.enumerated() {
            let size = point.value * plot / highest
            let x = left + offset * slot + (slot - bar) / 2, centre = left + offset * slot + slot / 2
            parts.append("<rect x=\"\(x)\" y=\"\(top + plot - size)\" width=\"\(bar)\" height=\"\(size)\" fill=\"#1d4ed8\">"
                + "<title>\(HTMLReporter.escape(point.label)): \(point.value)</title></rect>")
            parts.append("<text x=\"\(centre)\" y=\"\(top + plot - size - 6)\" text-anchor=\"middle\" font-size=\"12\">\(point.value)</text>")
            let label = slanted
                ? "<text x=\"\(centre)\" y=\"\(top + plot + 14)\" text-anchor=\"end\" font-size=\"11\" "
                    + "transform=\"rotate(-45 \(centre) \(top + plot + 14))\">"
                : "<text x=\"\(centre)\" y=\"\(top + plot + 18)\" text-anchor=\"middle\" font-size=\"11\">"
            parts.append(label + HTMLReporter.escape(point.label) + "</text>")
        }
        parts.append("</svg><figcaption>\(HTMLReporter.escape(trend.caption))</figcaption></figure>")
        return parts.joined(separator: "\n")
    }
}
