/// The coverage heat map: one cell for every clause of the schema, grouped in rows by
/// top-level clause, coloured by status and labelled with the clause number and the status
/// in words. Each cell links to the clause's evidence further down the page. The drawing
/// is a labelled graphic, not an image (role="img" hides what it holds), so that screen
/// readers reach its links; each link is named by its clause, title and status.
struct CoverageHeatMap {
    static let labelWidth = 230.0
    static let cellWidth = 86.0
    static let cellHeight = 50.0
    static let gap = 6.0

    var rows: [CoverageReport.Row]

    /// The clauses of each top-level clause, in schema order, the top-level clause first.
    var groups: [[CoverageReport.Row]] {
        var groups: [[CoverageReport.Row]] = []
        var topOf: [String: Int] = [:]
        for row in rows {
            if let parent = row.parent, let group = topOf[parent] {
                topOf[row.id] = group
                groups[group].append(row)
            } else {
                topOf[row.id] = groups.count
                groups.append([row])
            }
        }
        return groups
    }

    /// Clauses with sub-clauses, which take their status from them.
    var parents: Set<String> { Set(rows.compactMap(\.parent)) }

    var svg: Markup {
        let width = DashboardCharts.width
        let perLine = max(1, Int((width - Self.labelWidth + Self.gap) / (Self.cellWidth + Self.gap)))
        let parents = self.parents
        var y = 0.0
        var parts: [Markup] = []
        for (index, group) in groups.enumerated() {
            let lines = (group.count + perLine - 1) / perLine
            if index > 0 {
                parts.append("<line x1=\"0\" y1=\"\(y - 7)\" x2=\"\(width)\" y2=\"\(y - 7)\" stroke=\"#c3cad2\" stroke-width=\"1\"/>")
            }
            let head = group[0]
            let titleLines = ChartText.wrap(head.title, width: Self.labelWidth - 16, size: 13, lines: 3)
            let title: [Markup] = titleLines.enumerated().map { number, line in
                "<text x=\"0\" y=\"\(y + 38 + Double(number) * 16)\" font-size=\"13\" fill=\"\(Palette.muted)\">\(line)</text>"
            }
            let height = max(Double(lines) * (Self.cellHeight + Self.gap) - Self.gap, 38 + Double(titleLines.count - 1) * 16 + 6)
            parts.append("<text x=\"0\" y=\"\(y + 18)\" font-size=\"15\" font-weight=\"bold\" fill=\"\(Palette.ink)\">Clause \(head.id)</text>\(title)")
            for (position, row) in group.enumerated() {
                let x = Self.labelWidth + Double(position % perLine) * (Self.cellWidth + Self.gap)
                let cellY = y + Double(position / perLine) * (Self.cellHeight + Self.gap)
                parts.append(cell(row, x: x, y: cellY, isParent: parents.contains(row.id)))
            }
            y += height + 15
        }
        let height = max(0, y - 15)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            aria-label="Coverage of each of the \(rows.count) clauses">\(parts)</svg>
            """
    }

    private func cell(_ row: CoverageReport.Row, x: Double, y: Double, isParent: Bool) -> Markup {
        let colours = Palette.coverage(row.status)
        let centre = x + Self.cellWidth / 2
        let tooltip = "\(row.id) \(row.title): \(row.status)" + (row.applicable ? ", due by phase \(row.duePhase)" : "")
            + (isParent ? " (from its sub-clauses)" : "")
        let bar: Markup = isParent
            ? "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(Self.cellWidth)\" height=\"5\" rx=\"2\" fill=\"\(Palette.ink)\" fill-opacity=\"0.55\"/>" : ""
        let outline: Markup = row.status == "excluded"
            ? " stroke=\"\(Palette.muted)\" stroke-width=\"1\" stroke-dasharray=\"4 3\"" : ""
        return """
            <a href="#\(Markup.anchor("clause", row.id))" data-clause="\(row.id)" data-status="\(row.status)" aria-label="\(tooltip)">\
            <title>\(tooltip)</title>\
            <rect x="\(x)" y="\(y)" width="\(Self.cellWidth)" height="\(Self.cellHeight)" rx="4" fill="\(colours.fill)"\(outline)/>\(bar)\
            <text x="\(centre)" y="\(y + 23)" font-size="15" font-weight="bold" text-anchor="middle" fill="\(colours.text)">\
            \(ChartText.fit(row.id, width: Self.cellWidth - 8, size: 15))</text>\
            <text x="\(centre)" y="\(y + 41)" font-size="12" text-anchor="middle" fill="\(colours.text)">\(row.status)</text></a>
            """
    }
}
