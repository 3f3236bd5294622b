extension StatusReport {
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: JSONOutput.render(self, kind: .status)
        case .text: TerminalText.lines(text)
        case .markdown: markdown
        }
    }

    private var documentCounts: String {
        ["draft", "review", "approved", "obsolete", "final", "template"].compactMap { key in
            documents[key].map { "\($0) \(key == "final" ? "records" : key == "template" ? "templates" : key)" }
        }.joined(separator: ", ")
    }

    private var text: String {
        var text = "\(organization ?? "SMS plan") - \(schema ?? "no schema"), phase \(currentPhase), as of \(date)\n\nPhases:\n"
        text += TextTable.render(phases.map { phase in
            ["phase \(phase.phase)", phase.state, "activities \(phase.activitiesDone)/\(phase.activitiesTotal) done",
             "requirements \(phase.requirementsCovered)/\(phase.requirementsDue) covered",
             phase.openActivities.isEmpty ? "" : "open: \(phase.openActivities.joined(separator: ", "))"]
        })
        for phase in phases where phase.phase <= currentPhase && !phase.uncoveredRequirements.isEmpty {
            text += "  phase \(phase.phase) uncovered: \(phase.uncoveredRequirements.joined(separator: ", "))\n"
        }
        text += "\nDocuments: \(documentCounts)\n"
        text += "\nReviews due within \(Self.horizonDays) days: \(reviewsDue.isEmpty ? "none" : "")\n"
        text += TextTable.render(reviewsDue.map { [$0.id, $0.due + ($0.overdue ? " (overdue)" : ""), $0.path] })
        text += "Records due within \(Self.horizonDays) days: \(recordsDue.isEmpty ? "none" : "")\n"
        text += TextTable.render(recordsDue.map { [$0.what, $0.due + ($0.overdue ? " (overdue)" : ""), "last: \($0.id)"] })
        text += "\nFindings: \(errors) errors, \(warnings) warnings (smsplan check lists them)\n"
        return text
    }

    private var markdown: String {
        var text = "# \(MarkdownText.inline(organization ?? "SMS plan")): status\n\n\(MarkdownText.inline(schema ?? "no schema")), current phase \(currentPhase), as of \(date).\n\n## Phases\n\n"
        text += MarkdownTable.render(["Phase", "State", "Activities done", "Requirements covered", "Open activities"], phases.map {
            ["\($0.phase)", $0.state, "\($0.activitiesDone)/\($0.activitiesTotal)", "\($0.requirementsCovered)/\($0.requirementsDue)",
             $0.openActivities.joined(separator: ", ")]
        })
        text += "\n## Documents\n\n\(documentCounts)\n\n## Coming due within \(Self.horizonDays) days\n\n"
        let due = reviewsDue + recordsDue
        text += due.isEmpty ? "Nothing.\n" : MarkdownTable.render(["What", "Document", "Due"], due.map {
            [$0.what, "\($0.id) (\($0.path))", $0.due + ($0.overdue ? " **overdue**" : "")]
        })
        text += "\n## Findings\n\n\(errors) errors, \(warnings) warnings.\n"
        return text
    }
}
