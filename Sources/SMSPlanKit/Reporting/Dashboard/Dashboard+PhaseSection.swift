/// Phases: the timeline with the baselines taken, and a row of progress per phase.
extension Dashboard {
    /// How many uncovered requirements a phase's row names.
    static let uncoveredShown = 12

    var phaseSection: Markup {
        guard !status.phases.isEmpty else {
            return "<section id=\"phases\"><h2>Phases</h2><p>No phases: the requirement schema could not be loaded.</p></section>"
        }
        let rows: [Markup] = status.phases.map(phaseRow)
        return """
            <section id="phases">
            <h2>Phases</h2>
            <p class="lead">Current phase: \(status.currentPhase). A phase is complete when every activity of its plan is \
            done with approved evidence and every requirement due in it is covered.</p>
            <figure class="chart">\(DashboardCharts.timeline(status.phases, titles: phaseTitles, baselines: baselines))\
            <figcaption>Phase timeline; \u{25c6} marks the baseline tag taken at the end of a phase.</figcaption></figure>
            <table class="phases">
            <thead><tr><th scope="col">Phase</th><th scope="col">State</th><th scope="col">Activities done</th>\
            <th scope="col">Requirements covered</th><th scope="col">Open</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            \(baselineTable)
            </section>
            """
    }

    private func phaseRow(_ phase: StatusReport.Phase) -> Markup {
        let colours = Palette.phase(phase.state)
        let activities = DashboardCharts.progressBar(done: phase.activitiesDone, total: phase.activitiesTotal, colour: Palette.activities,
                                                     label: "\(phase.activitiesDone) of \(phase.activitiesTotal) activities done")
        let requirements = DashboardCharts.progressBar(done: phase.requirementsCovered, total: phase.requirementsDue, colour: Palette.requirements,
                                                       label: "\(phase.requirementsCovered) of \(phase.requirementsDue) requirements covered")
        var open: [Markup] = []
        if !phase.openActivities.isEmpty {
            let ids: [Markup] = phase.openActivities.map { "<span class=\"id\">\($0)</span>" }
            open.append("<p><span class=\"what\">activities</span> \(ids.joined(separator: ", "))</p>")
        }
        if !phase.uncoveredRequirements.isEmpty {
            // The heat map shows them all; a long list would only stretch the row.
            let shown = phase.uncoveredRequirements.prefix(Self.uncoveredShown)
            let links: [Markup] = shown.map { id in
                let partial: Markup = phase.partialRequirements.contains(id) ? " (partial)" : ""
                return "<a class=\"id\" href=\"#\(Markup.anchor("clause", id))\">\(id)</a>\(partial)"
            }
            let more = phase.uncoveredRequirements.count - shown.count
            let rest: Markup = more > 0 ? " and \(more) more (see the heat map)" : ""
            open.append("<p><span class=\"what\">not covered yet</span> \(links.joined(separator: ", "))\(rest)</p>")
        }
        let title: Markup = phaseTitles[phase.phase].map { "<span class=\"plan\">\($0)</span>" } ?? ""
        return """
            <tr data-phase="\(phase.phase)" data-state="\(phase.state)" data-activities-done="\(phase.activitiesDone)" \
            data-activities-total="\(phase.activitiesTotal)" data-requirements-due="\(phase.requirementsDue)" \
            data-requirements-covered="\(phase.requirementsCovered)">\
            <th scope="row">Phase \(phase.phase)\(title)</th>\
            <td><span class="state" style="background:\(colours.fill);color:\(colours.text)">\(phase.state)</span></td>\
            <td class="progress"><span class="figure-text">\(phase.activitiesDone) of \(phase.activitiesTotal) done\
            \(Self.percent(phase.activitiesDone, phase.activitiesTotal))</span>\(activities)</td>\
            <td class="progress"><span class="figure-text">\(phase.requirementsCovered) of \(phase.requirementsDue) due covered\
            \(Self.percent(phase.requirementsCovered, phase.requirementsDue))</span>\(requirements)</td>\
            <td class="open">\(open.isEmpty ? "none" : open.joined(separator: ""))</td></tr>
            """
    }

    /// " (79%)", or nothing when there is nothing to count.
    static func percent(_ part: Int, _ whole: Int) -> String {
        whole > 0 ? " (\(part * 100 / whole)%)" : ""
    }

    private var baselineTable: Markup {
        guard !baselines.isEmpty else {
            return "<p class=\"baselines none\">No phase baseline tag in this history yet.</p>"
        }
        let rows: [Markup] = baselines.map { tag in
            "<tr data-baseline=\"\(tag.name)\"><td>\(tag.name)</td><td>\(tag.phase)</td><td>\(tag.date?.description ?? "")</td><td><code>\(tag.commit)</code></td></tr>"
        }
        return """
            <h3>Baselines taken</h3>
            <table class="baselines"><thead><tr><th scope="col">Tag</th><th scope="col">Phase</th><th scope="col">Date</th>\
            <th scope="col">Commit</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }
}
