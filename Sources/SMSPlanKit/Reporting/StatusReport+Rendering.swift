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
        var text = "\(organization ?? "SMS plan") - \(EditionLabel.schema(schema, edition: edition)), phase \(currentPhase), as of \(date)\n"
        text += EditionLabel.mismatch(claims: claimsEdition, edition: edition).map { "\($0)\n" } ?? ""
        text += "\nPhases:\n"
        text += TextTable.render(phases.map { phase in
            ["phase \(phase.phase)", phase.state, "activities \(phase.activitiesDone)/\(phase.activitiesTotal) done",
             "requirements \(phase.requirementsCovered)/\(phase.requirementsDue) covered",
             phase.openActivities.isEmpty ? "" : "open: \(phase.openActivities.joined(separator: ", "))"]
        })
        for phase in phases where phase.phase <= currentPhase && !phase.uncoveredRequirements.isEmpty {
            text += "  phase \(phase.phase) not covered yet: \(phase.openRequirements)\n"
        }
        for plan in proposedPlans {
            text += "  proposed: \(plan.id) for phase \(plan.phase) (\(plan.status), \(plan.activities) activities); it schedules nothing until approved\n"
        }
        text += "\nDocuments: \(documentCounts)\n"
        for revision in underRevision {
            text += "  \(revision.id): \(revision.state)\n"
        }
        text += "\nReviews due within \(Self.horizonDays) days: \(reviewsDue.isEmpty ? "none" : "")\n"
        text += TextTable.render(reviewsDue.map { [$0.id, $0.due + ($0.overdue ? " (overdue)" : ""), $0.path] })
        text += "Records due within \(Self.horizonDays) days: \(recordsDue.isEmpty ? "none" : "")\n"
        text += TextTable.render(recordsDue.map { [$0.what, $0.due + ($0.overdue ? " (overdue)" : ""), "last: \($0.id)"] })
        text += "\nFindings: \(errors) errors, \(warnings) warnings (smsplan check lists them)\n"
        return text
    }

    private var markdown: String {
        var text = "# \(MarkdownText.inline(organization ?? "SMS plan")): status\n\n\(MarkdownText.inline(EditionLabel.schema(schema, edition: edition))), current phase \(currentPhase), as of \(date).\n\n"
        text += EditionLabel.mismatch(claims: claimsEdition, edition: edition).map { "**Editions mixed:** \($0).\n\n" } ?? ""
        text += "## Phases\n\n"
        text += MarkdownTable.render(["Phase", "State", "Activities done", "Requirements covered", "Open activities"], phases.map {
            ["\($0.phase)", $0.state, "\($0.activitiesDone)/\($0.activitiesTotal)", "\($0.requirementsCovered)/\($0.requirementsDue)",
             $0.openActivities.joined(separator: ", ")]
        })
        text += proposedPlans.map { "\nProposed: \($0.id) for phase \($0.phase) (\($0.status)); it schedules nothing until approved.\n" }.joined()
        text += "\n## Documents\n\n\(documentCounts)\n"
        text += underRevision.isEmpty ? "" : "\n" + underRevision.map { "- \($0.id): \($0.state)\n" }.joined()
        text += "\n## Coming due within \(Self.horizonDays) days\n\n"
        let due = reviewsDue + recordsDue
        text += due.isEmpty ? "Nothing.\n" : MarkdownTable.render(["What", "Document", "Due"], due.map {
            [$0.what, "\($0.id) (\($0.path))", $0.due + ($0.overdue ? " **overdue**" : "")]
        })
        text += "\n## Findings\n\n\(errors) errors, \(warnings) warnings.\n"
        return text
    }
}

extension StatusReport.Phase {
    /// `4.5.4.2 (partial), 6.5`: the requirements due and not covered, the partly covered marked.
    var openRequirements: String {
        uncoveredRequirements.map { partialRequirements.contains($0) ? "\($0) (partial)" : $0 }.joined(separator: ", ")
    }
}
