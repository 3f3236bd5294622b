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
    case junitGitLab = "junit-gitlab"
    case github
    case markdown

    /// One line on what the format is for, as `--help` lists it.
    public var summary: String {
        switch self {
        case .text: "path:line:column: severity: message [rule-id], then a summary line"
        case .json: "{\"version\": 1, \"kind\": \"check\", \"summary\": ..., \"diagnostics\": [...]}"
        case .sarif: "SARIF 2.1.0, for code scanning and SARIF viewers"
        case .junit: "JUnit XML valid against Jenkins' junit-10.xsd, a test suite per file and a test case per finding, for CI test reports"
        case .junitGitLab: "JUnit XML as GitLab reads it: junit, with a file attribute on every test case"
        case .github: "GitHub Actions workflow commands (::error, ::warning): annotations on a pull request"
        case .markdown: "a headline and a table of findings grouped by file, for a pull-request comment or job summary"
        }
    }

    /// The reporter for this format. `displayPath` turns repository-relative paths into
    /// the paths a person types (relative to their folder); every format but text ignores
    /// it. `toolVersion` is the version SARIF names its driver with, `rulesURI` the address
    /// of docs/rules.md its rules link to; `strict` makes JUnit fail test cases on warnings.
    public func reporter(color: Bool, toolVersion: String? = nil, rulesURI: String? = nil, strict: Bool = false,
                         displayPath: @escaping @Sendable (String) -> String = { $0 }) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, displayPath: displayPath)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(toolVersion: toolVersion, rulesURI: rulesURI)
        case .junit: JUnitReporter(strict: strict)
        case .junitGitLab: JUnitReporter(strict: strict, fileOnTestCases: true)
        case .github: GitHubReporter()
        case .markdown: MarkdownReporter()
        }
    }
}
