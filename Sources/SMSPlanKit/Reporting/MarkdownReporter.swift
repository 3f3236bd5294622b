/// GitHub-flavoured Markdown for a pull-request comment or a job summary: a headline
/// with the counts, then one table of findings grouped by file (the path on the first
/// row of its group), in the order of the text report. Paths are relative to the
/// repository's top level.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ result: CheckResult) -> String {
        var text = "### smsplan check: \(headline(result))\n\n"
        text += "\(count(result.documentCount, "document")) checked"
        text += result.schemaID.map { " against \(Self.code($0))" } ?? ""
        text += ", as of \(result.revisionDate.description).\n"
        guard !result.diagnostics.isEmpty else { return text }
        var previousPath: String?
        let rows = result.diagnostics.map { diagnostic in
            let path = diagnostic.path == previousPath ? "" : Self.code(diagnostic.path)
            previousPath = diagnostic.path
            return [path, "\(diagnostic.line):\(diagnostic.column)", diagnostic.severity.rawValue, Self.code(diagnostic.rule.rawValue),
                    Self.escape(diagnostic.message)]
        }
        return text + "\n" + MarkdownTable.renderMarkup(["File", "Line", "Severity", "Rule", "Message"], rows)
    }

    private func headline(_ result: CheckResult) -> String {
        result.diagnostics.isEmpty
            ? "no findings"
            : "\(count(result.errorCount, "error")), \(count(result.warningCount, "warning"))"
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A code span, its delimiter longer than any run of backticks inside.
    static func code(_ text: String) -> String {
        let text = TerminalText.line(text)
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = longest > 0 ? " " : ""
        return fence + padding + text + padding + fence
    }

    /// Text whose Markdown punctuation reads literally: a quoted value such as `*` or
    /// `<br>` stays what the user wrote (`MarkdownText.inline`).
    static func escape(_ text: String) -> String {
        MarkdownText.inline(text)
    }
}
