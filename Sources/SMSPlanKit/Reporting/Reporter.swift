/// Turns a check's result into text for a person or a machine.
public protocol Reporter: Sendable {
    func render(_ result: CheckResult) -> String
}

/// The report formats `check` can print.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case github
    case markdown

    /// One line on what the format is for, as `--help` lists it.
    public var summary: String {
        switch self {
        case .text: "path:line:column: severity: message [rule-id], then a summary line"
        case .json: "{\"version\": 1, \"summary\": ..., \"diagnostics\": [...]}"
        case .sarif: "SARIF 2.1.0, for code scanning and SARIF viewers"
        case .junit: "JUnit XML, one test case per file, for CI test reports"
        case .github: "GitHub Actions workflow commands (::error, ::warning): annotations on a pull request"
        case .markdown: "a headline and a table of findings grouped by file, for a pull-request comment or job summary"
        }
    }

    /// The reporter for this format. `displayPath` turns repository-relative paths into
    /// the paths a person types (relative to their folder); every format but text ignores
    /// it. `toolVersion` is the version SARIF names its driver with.
    public func reporter(color: Bool, toolVersion: String? = nil, displayPath: @escaping @Sendable (String) -> String = { $0 }) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, displayPath: displayPath)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(toolVersion: toolVersion)
        case .junit: JUnitReporter()
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        }
    }
}
