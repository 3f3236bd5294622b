import Foundation

/// The formats of the overview commands (`status`, `coverage`, `schema`).
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case markdown
}

/// The kind of a JSON output: the second key of its envelope, and the name
/// `smsplan schema --output KIND` prints the JSON Schema of.
public enum JSONOutputKind: String, Sendable, CaseIterable {
    case check
    case status
    case coverage
    case register
    case review
    case baselineList = "baseline-list"
    case baselineVerify = "baseline-verify"
    case baselineDiff = "baseline-diff"
    case rules
    case schema
    case migrate
}

/// JSON as every smsplan report writes it: an envelope whose first keys are
/// `"version": 1` and `"kind"`, then the payload's keys sorted; pretty, slashes unescaped.
public enum JSONOutput {
    /// The version of every JSON output's envelope.
    public static let formatVersion = 1

    /// `value`'s keys after `"version"` and `"kind"`; `value` must encode as an object.
    public static func render(_ value: some Encodable, kind: JSONOutputKind) -> String {
        let head = "{\n  \"version\" : \(formatVersion),\n  \"kind\" : \"\(kind.rawValue)\""
        let body = encode(value)
        guard body.hasPrefix("{") else { return head + "\n}\n" }
        let rest = body.dropFirst().drop { $0 == "\n" }
        return rest.hasPrefix("}") ? head + "\n}\n" : head + ",\n" + rest
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// A Markdown table from a header and rows; pipes in cells are escaped.
public enum MarkdownTable {
    /// A table of plain text: every cell is escaped (`MarkdownText.inline`).
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        renderMarkup(header, rows.map { $0.map(MarkdownText.inline) })
    }

    /// A table whose cells are Markdown already (escaped by the caller); pipes and line
    /// breaks are still made safe.
    public static func renderMarkup(_ header: [String], _ rows: [[String]]) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { TerminalText.line($0).replacingOccurrences(of: "|", with: "\\|") }
                .joined(separator: " | ") + " |"
        }
        return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

/// Aligned columns for terminal output.
enum TextTable {
    /// Cells are made safe for a terminal (`TerminalText.line`) before they are aligned.
    static func render(_ rows: [[String]], indent: String = "  ") -> String {
        let rows = rows.map { $0.map(TerminalText.line) }
        guard let columns = rows.map(\.count).max() else { return "" }
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let line = indent + row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }.joined(separator: "\n") + "\n"
    }
}
