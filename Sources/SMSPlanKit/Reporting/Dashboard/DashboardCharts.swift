/// The colours of the dashboard. Every colour comes with a text label on the page, so the
/// charts still read when printed in black and white.
enum Palette {
    /// Fill and text colour of a coverage status.
    static func coverage(_ status: String) -> (fill: String, text: String) {
        switch status {
        case "covered": ("#2e7d32", "#ffffff")
        case "partial": ("#f2b01e", "#1b1f24")
        case "uncovered": ("#c62828", "#ffffff")
        default: ("#d5dae0", "#1b1f24")
        }
    }

    /// Fill and text colour of a phase state (complete, current, behind, planned).
    static func phase(_ state: String) -> (fill: String, text: String) {
        switch state {
        case "complete": ("#2e7d32", "#ffffff")
        case "current": ("#1565c0", "#ffffff")
        case "behind": ("#c62828", "#ffffff")
        default: ("#cfd8dc", "#1b1f24")
        }
    }

    static let activities = "#1565c0"
    static let requirements = "#2e7d32"
    static let track = "#e3e7ec"
    static let ink = "#1b1f24"
    static let muted = "#5f6b76"
}

/// The small charts of the dashboard, drawn as inline SVG.
enum DashboardCharts {
    /// The width charts are drawn for: the page's content width at 1280 pixels.
    static let width = 1160.0

    /// A horizontal bar showing `done` of `total`; it stretches to the width of its box.
    static func progressBar(done: Int, total: Int, colour: String, label: String) -> Markup {
        let share = total > 0 ? Double(min(done, total)) / Double(total) : 0
        let filled: Markup = share > 0 ? "<rect x=\"0\" y=\"0\" width=\"\(100 * share)\" height=\"18\" fill=\"\(colour)\"/>" : ""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="bar" width="100%" height="18" viewBox="0 0 100 18" preserveAspectRatio="none" role="img" aria-label="\(label)">\
            <rect x="0" y="0" width="100" height="18" fill="\(Palette.track)"/>\(filled)</svg>
            """
    }

    /// The phases as a row of chevrons coloured by state, each with its plan's title, and
    /// under it the baseline tag taken at its end (name, date, commit).
    static func timeline(_ phases: [StatusReport.Phase], titles: [Int: String], baselines: [BaselineTag]) -> Markup {
        guard !phases.isEmpty else { return "" }
        let step = width / Double(phases.count)
        let height = 56.0, notch = 18.0
        let parts: [Markup] = phases.enumerated().map { index, phase in
            let x = Double(index) * step
            let colours = Palette.phase(phase.state)
            let left = index == 0 ? "\(Markup.number(x)),28" : "\(Markup.number(x + notch)),\(Markup.number(height / 2))"
            let points = "\(Markup.number(x)),0 \(Markup.number(x + step - notch)),0 \(Markup.number(x + step - 2)),\(Markup.number(height / 2)) "
                + "\(Markup.number(x + step - notch)),\(Markup.number(height)) \(Markup.number(x)),\(Markup.number(height)) \(left)"
            let textX = x + (index == 0 ? 14 : notch + 12)
            let room = step - notch * 2 - 16
            let title = ChartText.fit(titles[phase.phase] ?? "", width: room, size: 13)
            var baseline: Markup = "<text x=\"\(textX)\" y=\"80\" font-size=\"13\" fill=\"\(Palette.muted)\">no baseline</text>"
            if let tag = baselines.first(where: { $0.phase == phase.phase }) {
                let when = [tag.date?.description, "commit " + String(tag.commit.prefix(7))].compactMap { $0 }.joined(separator: " \u{00b7} ")
                baseline = """
                    <text x="\(textX)" y="80" font-size="13" font-weight="bold" fill="\(Palette.ink)">\u{25c6} \(ChartText.fit(tag.name, width: room, size: 13))</text>\
                    <text x="\(textX)" y="98" font-size="12.5" fill="\(Palette.muted)">\(when)</text>
                    """
            }
            return """
                <g data-phase="\(phase.phase)"><polygon points="\(points)" fill="\(colours.fill)"/>\
                <text x="\(textX)" y="23" font-size="15" font-weight="bold" fill="\(colours.text)">Phase \(phase.phase) \u{00b7} \(phase.state)</text>\
                <text x="\(textX)" y="43" font-size="13" fill="\(colours.text)">\(title)</text>\(baseline)</g>
                """
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="\(width)" height="106" viewBox="0 0 \(width) 106" role="img" \
            aria-label="Phase timeline: \(phases.map { "phase \($0.phase) \($0.state)" }.joined(separator: ", "))">\(parts)</svg>
            """
    }

    /// One bar split into segments proportional to their counts, each labelled inside when
    /// there is room (the legend beside it always gives the figures).
    static func stackedBar(_ segments: [(label: String, count: Int, colours: (fill: String, text: String))], ariaLabel: String) -> Markup {
        let total = segments.reduce(0) { $0 + $1.count }
        guard total > 0 else { return "" }
        var x = 0.0
        let parts: [Markup] = segments.filter { $0.count > 0 }.map { segment in
            let segmentWidth = width * Double(segment.count) / Double(total)
            defer { x += segmentWidth }
            let text = "\(segment.count) \(segment.label)"
            let label: Markup = Double(text.count) * 13 * ChartText.averageWidth + 12 < segmentWidth
                ? "<text x=\"\(x + 8)\" y=\"20\" font-size=\"13\" font-weight=\"bold\" fill=\"\(segment.colours.text)\">\(text)</text>" : ""
            return "<rect x=\"\(x)\" y=\"0\" width=\"\(segmentWidth)\" height=\"30\" fill=\"\(segment.colours.fill)\"/>\(label)"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"stacked\" width=\"\(width)\" height=\"30\" viewBox=\"0 0 \(width) 30\" role=\"img\" aria-label=\"\(ariaLabel)\">\(parts)</svg>"
    }
}
