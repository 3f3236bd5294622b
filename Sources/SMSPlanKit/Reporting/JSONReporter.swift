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
        var diagnostics: [Entry]
    }

    private struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var documents: Int
        var files: Int
        var schema: String?
        var date: String
    }

    private struct Entry: Encodable {
        var rule: String
        var severity: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var document: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rule, forKey: .rule)
            try container.encode(severity, forKey: .severity)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            try container.encode(document, forKey: .document)
        }

        enum CodingKeys: String, CodingKey { case rule, severity, path, line, column, message, document }
    }

    public func render(_ result: CheckResult) -> String {
        let report = Report(
            version: Self.formatVersion,
            summary: Summary(errors: result.errorCount, warnings: result.warningCount, documents: result.documentCount,
                             files: result.fileCount, schema: result.schemaID, date: result.revisionDate.description),
            diagnostics: result.diagnostics.map {
                Entry(rule: $0.rule.rawValue, severity: $0.severity.rawValue, path: $0.path, line: $0.line,
                      column: $0.column, message: $0.message, document: $0.document)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
