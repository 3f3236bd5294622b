import Foundation

/// `{"version": 1, "summary": {...}, "diagnostics": [...]}`, paths relative to the
/// repository's top level, keys sorted so output is stable.
public struct JSONReporter: Reporter {
    /// The JSON report's format version.
    public static let formatVersion = 1

    public init() {}

    private struct Report: Encodable {
        var version: Int
        var summary: Summary
        var diagnostics: [Diagnostic]
    }

    private struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var documents: Int
        var files: Int
        var schema: String?
        var date: String
    }

    public func render(_ result: CheckResult) -> String {
        let report = Report(
            version: Self.formatVersion,
            summary: Summary(errors: result.errorCount, warnings: result.warningCount, documents: result.documentCount,
                             files: result.fileCount, schema: result.schemaID, date: result.revisionDate.description),
            diagnostics: result.diagnostics)
        return JSONOutput.encode(report)
    }
}
