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
    /// Cells are made safe for a terminal (`TerminalText.line`) before they are aligned; a
    /// column is as wide as its longest cell in characters, and lines carry no trailing spaces.
    static func render(_ rows: [[String]], indent: String = "  ") -> String {
        let rows = rows.map { $0.map(TerminalText.line) }
        let lengths = rows.map { $0.map(\.count) }
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in lengths {
            for (column, length) in row.enumerated() { widths[column] = max(widths[column], length) }
        }
        var text = ""
        for (row, length) in zip(rows, lengths) {
            var line = indent
            for (column, cell) in row.enumerated() {
                if column > 0 { line += "  " }
                line += cell
                if column < row.count - 1 { line += String(repeating: " ", count: widths[column] - length[column]) }
            }
            while line.last == " " { line.removeLast() }
            text += line
            text += "\n"
        }
        return text
    }
}
