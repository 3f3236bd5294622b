/// `path:line:column: severity: message [rule-id]`, one finding a line, then a summary line.
/// Control characters in paths and messages are escaped (`TerminalText`), so each finding
/// stays one line and a document cannot drive the terminal.
public struct TextReporter: Reporter {
    public var color: Bool
    public var displayPath: @Sendable (String) -> String

    public init(color: Bool, displayPath: @escaping @Sendable (String) -> String = { $0 }) {
        self.color = color
        self.displayPath = displayPath
    }

    public func render(_ result: CheckResult) -> String {
        var lines = result.diagnostics.map { diagnostic in
            let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : "1;33")
            let path = TerminalText.path(displayPath(diagnostic.path))
            return "\(path):\(diagnostic.line):\(diagnostic.column): \(severity): \(TerminalText.line(diagnostic.message)) \(paint("[\(diagnostic.rule)]", "2"))"
        }
        lines.append(summary(result))
        return lines.joined(separator: "\n") + "\n"
    }

    private func summary(_ result: CheckResult) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let findings = result.diagnostics.isEmpty
            ? "no findings"
            : "\(count(result.errorCount, "error")), \(count(result.warningCount, "warning"))"
        return "\(count(result.documentCount, "document")) checked, \(findings)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
