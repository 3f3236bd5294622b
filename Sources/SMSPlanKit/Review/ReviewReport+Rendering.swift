extension ReviewReport {
    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: JSONOutput.render(self, kind: .review)
        case .markdown: markdown
        case .text: TerminalText.lines(text)
        }
    }

    /// "2 documents revised, 1 record added, coverage: 1 clause lost; 1 error, 0 warnings".
    var headline: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var parts = Dictionary(grouping: documents, by: \.change).sorted { $0.key < $1.key }
            .map { "\(count($0.value.count, "document")) \($0.key)" }
        if !recordsAdded.isEmpty { parts.append("\(count(recordsAdded.count, "record")) added") }
        let gained = coverage.filter(\.gained).count, lost = coverage.count - gained
        if gained > 0 { parts.append("coverage gained on \(count(gained, "clause"))") }
        if lost > 0 { parts.append("coverage lost on \(count(lost, "clause"))") }
        if parts.isEmpty { parts.append("no change to the SMS documents") }
        return parts.joined(separator: ", ") + "; \(count(errors, "error")), \(count(warnings, "warning"))"
    }

    private func version(_ change: DocumentChange) -> String {
        switch (change.fromVersion, change.toVersion) {
        case let (from?, to?) where from != to: "\(from) → \(to)"
        case let (_, to?): to
        case let (from?, nil): from
        default: ""
        }
    }

    private var markdown: String {
        let md = MarkdownText.inline
        var text = "## smsplan review of \(md(range))\n\n**\(headline).**\n"
        if !documents.isEmpty {
            text += "\n### Documents\n\n" + MarkdownTable.renderMarkup(["Change", "Document", "Version", "Status", "History"], documents.map {
                [md($0.change), md("\($0.id) \($0.title)"), md(version($0)), md($0.status), $0.history.map(md).joined(separator: "<br>")]
            })
        }
        if !recordsAdded.isEmpty {
            text += "\n### Records added\n\n" + MarkdownTable.render(["Record", "Path"], recordsAdded.map { ["\($0.id) \($0.title)", $0.path] })
        }
        if !coverage.isEmpty {
            text += "\n### Coverage\n\n" + MarkdownTable.render(["Clause", "Title", "Before", "After"], coverage.map {
                [$0.id, $0.title, $0.before, $0.after + ($0.gained ? "" : " (lost)")]
            })
        }
        if !reviewsDue.isEmpty {
            text += "\n### Reviews now due\n\n" + reviewsDue.map { "- \(md($0))\n" }.joined()
        }
        text += "\n### Findings\n\n"
        if findings.isEmpty { return text + "None.\n" }
        for (path, group) in Dictionary(grouping: findings, by: \.path).sorted(by: { $0.key < $1.key }) {
            text += "**\(md(path))**\(group.first?.document.map { " (\(md($0)))" } ?? "")\n\n"
            text += group.map { "- line \($0.line): \($0.severity.rawValue): \(md($0.message)) \(MarkdownReporter.code($0.rule.rawValue))\n" }.joined() + "\n"
        }
        return text
    }

    private var text: String {
        var text = "review of \(range): \(headline)\n"
        for change in documents {
            let state = change.status.contains("(in force)") ? ": \(change.status)" : ""
            text += "  \(change.change) \(change.id) \(change.title) \(version(change))\(state)\(change.history.isEmpty ? "" : " (\(change.history.joined(separator: "; ")))")\n"
        }
        for record in recordsAdded { text += "  record added \(record.id) \(record.title)\n" }
        for change in coverage { text += "  coverage of \(change.id) \(change.before) -> \(change.after)\n" }
        for due in reviewsDue { text += "  review \(due)\n" }
        for finding in findings {
            text += "\(finding.path):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]\n"
        }
        return text
    }
}
