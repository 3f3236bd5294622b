/// The page: head, masthead with the key figures, navigation, the sections, footer.
extension Dashboard {
    var page: Markup {
        let organization = status.organization ?? "SMS plan"
        let sections: [Markup] = [phaseSection, coverageSection, dueSection, documentSection, recordSection, findingSection, evidenceSection]
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="\(generator)"/>
            <title>\(organization): SMS dashboard, \(status.date)</title>
            <link rel="stylesheet" href="\(Self.styleSheetName)"/>
            </head>
            <body>
            \(masthead)
            <nav aria-label="Sections"><ul>\
            <li><a href="#phases">Phases</a></li><li><a href="#coverage">Coverage</a></li><li><a href="#due">Coming due</a></li>\
            <li><a href="#documents">Documents</a></li><li><a href="#records">Records</a></li><li><a href="#findings">Findings</a></li>\
            <li><a href="#evidence">Evidence by clause</a></li></ul></nav>
            <main>
            \(sections.joined(separator: "\n"))
            </main>
            <footer><p>Made by \(generator) from the \(revision), judged as of \(status.date). A static page: no script, \
            nothing fetched from elsewhere; the folder can be archived as it is.</p></footer>
            </body>
            </html>

            """
    }

    private var masthead: Markup {
        let leaves = coverage.map { report in report.totals.filter { $0.key != "excluded" }.values.reduce(0, +) } ?? 0
        let covered = coverage?.totals["covered"] ?? 0
        let approved = status.documents["approved"] ?? 0
        let unapproved = (status.documents["draft"] ?? 0) + (status.documents["review"] ?? 0)
        let due = status.reviewsDue.count + status.recordsDue.count
        let overdue = (status.reviewsDue + status.recordsDue).filter(\.overdue).count
        let figures: [(String, String, String, Markup)] = [
            ("phase", "Current phase", "\(status.currentPhase) of \(status.phases.count)", "data-current-phase=\"\(status.currentPhase)\""),
            ("coverage", "Clauses covered", "\(covered) of \(leaves)", "data-covered=\"\(covered)\" data-applicable=\"\(leaves)\""),
            ("documents", "Approved documents", "\(approved)", "data-approved=\"\(approved)\" data-unapproved=\"\(unapproved)\""),
            ("records", "Records", "\(records.records.count)", "data-records=\"\(records.records.count)\""),
            ("due", "Coming due in \(StatusReport.horizonDays) days", overdue > 0 ? "\(due) (\(overdue) overdue)" : "\(due)", "data-due=\"\(due)\""),
            ("findings", "Findings", "\(status.errors) \(status.errors == 1 ? "error" : "errors")",
             "data-errors=\"\(status.errors)\" data-warnings=\"\(status.warnings)\""),
        ]
        let notes: [String: String] = [
            "coverage": "clauses without sub-clauses, exclusions apart",
            "documents": unapproved > 0 ? "\(unapproved) in draft or review" : "none in draft or review",
            "findings": "\(status.warnings) \(status.warnings == 1 ? "warning" : "warnings")",
            "records": records.forDisposalCount > 0 ? "\(records.forDisposalCount) past retention" : "none past retention",
        ]
        let tiles: [Markup] = figures.map { key, label, value, data in
            let note: Markup = notes[key].map { "<span class=\"note\">\($0)</span>" } ?? ""
            // The errors tile stands out while there are errors, in colour and in print.
            let alert = key == "findings" && status.errors > 0 ? " alert" : ""
            return "<li class=\"figure figure-\(key)\(alert)\" \(data)><span class=\"label\">\(label)</span><span class=\"value\">\(value)</span>\(note)</li>"
        }
        let schema = [schemaTitle, status.schema.map { "(\(EditionLabel.schema($0, edition: status.edition)))" },
                      EditionLabel.mismatch(claims: status.claimsEdition, edition: status.edition).map { "\u{00b7} \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
        return """
            <header class="masthead">
            <h1>\(status.organization ?? "SMS plan") <span class="kind">service management system</span></h1>
            <p class="subtitle">\(schema.isEmpty ? "No usable requirement schema" : schema) \u{00b7} as of \(status.date) \
            \u{00b7} \(revision)</p>
            <ul class="figures">\(tiles)</ul>
            </header>
            """
    }
}
