/// What comes due (document reviews and periodic records), and the findings of the check.
extension Dashboard {
    var dueSection: Markup {
        let anchors = documentAnchors
        func rows(_ due: [StatusReport.Due]) -> [Markup] {
            due.map { item in
                let when: Markup = item.overdue ? "\(item.due) <strong class=\"overdue\">overdue</strong>" : "\(item.due)"
                return "<tr\(item.overdue ? " class=\"overdue\"" : "")><td>\(item.what)</td><td>\(documentLink(item.id, anchors: anchors))</td>"
                    + "<td>\(when)</td><td>\(item.path)</td></tr>"
            }
        }
        let header = ["What", "Document", "Due", "Path"]
        return """
            <section id="due">
            <h2>Coming due within \(StatusReport.horizonDays) days</h2>
            <div class="columns">
            <div><h3>Document reviews</h3>\(Self.table(header, rows(status.reviewsDue), class: "due reviews"))</div>
            <div><h3>Periodic records</h3>\(Self.table(["What", "Last record", "Next due", "Path"], rows(status.recordsDue), class: "due records"))</div>
            </div>
            </section>
            """
    }

    var findingSection: Markup {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let rows: [Markup] = diagnostics.map { diagnostic in
            let severity = diagnostic.severity.rawValue
            return """
                <tr class="\(severity)"><td><span class="severity severity-\(severity)">\(severity)</span></td><td>\(diagnostic.rule.rawValue)</td>\
                <td><code>\(diagnostic.path):\(diagnostic.line):\(diagnostic.column)</code></td><td>\(diagnostic.message)</td></tr>
                """
        }
        let summary = diagnostics.isEmpty ? "No findings: the plan passes every rule."
            : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings"), as smsplan check reports them."
        return """
            <section id="findings" data-errors="\(errors)" data-warnings="\(warnings)">
            <h2>Findings of the check</h2>
            <p class="lead">\(summary)</p>
            \(diagnostics.isEmpty ? "" : Self.table(["Severity", "Rule", "Where", "Message"], rows, class: "findings"))
            </section>
            """
    }
}
