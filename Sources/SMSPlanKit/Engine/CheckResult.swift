import Foundation

/// What a check found, ready for a reporter.
public struct CheckResult: Sendable {
    /// Every finding, sorted by path, line, column and rule.
    public var diagnostics: [Diagnostic]
    /// How many documents were read (files with front matter that could be decoded).
    public var documentCount: Int
    /// How many Markdown files were examined.
    public var fileCount: Int
    /// Every Markdown file examined, relative to the repository's top level, sorted.
    public var checkedPaths: [String]
    /// The requirement schema in use, when it could be loaded.
    public var schemaID: String?
    /// The date date-based rules judged by.
    public var revisionDate: PlanDate
    /// The repository's top level, which diagnostic paths are relative to (nil in memory).
    public var repositoryRoot: URL?
    /// What could not be checked and why (`Plan.notes`); never findings, never in a report.
    public var notes: [String] = []

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}
