import Foundation

/// `{"version": 1, "kind": "check", "summary": {...}, "diagnostics": [...]}`, paths relative
/// to the repository's top level, keys sorted so output is stable.
public struct JSONReporter: Reporter {
    /// The JSON report's format version.
    public static let formatVersion = JSONOutput.formatVersion

    public init() {}

    private struct Report: Encodable {
        var summary: Summary
        var diagnostics: [Diagnostic]
    }

    private struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var documentCount: Int
        var fileCount: Int
        var schema: String?
        var date: String
    }

    public func render(_ result: CheckResult) -> String {
        let report = Report(
            summary: Summary(errors: result.errorCount, warnings: result.warningCount, documentCount: result.documentCount,
                             fileCount: result.fileCount, schema: result.schemaID, date: result.revisionDate.description),
            diagnostics: result.diagnostics)
        return JSONOutput.render(report, kind: .check)
    }
}
