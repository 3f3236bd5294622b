/// The formats of `smsplan register`.
public enum RegisterFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case csv
    case json
}

extension DocumentRegister {
    /// Column names, in the order of CSV and Markdown.
    public static let header = ["ID", "Title", "Type", "Version", "Status", "Owner", "Approved by", "Approved on",
                                "Next review", "Classification", "Path"]

    /// One row per document, cells in the order of `header`.
    public var rows: [[String]] {
        documents.map { entry in
            [entry.id, entry.title ?? "", entry.type ?? "", entry.version ?? "", entry.revision ?? entry.status ?? "", entry.owner ?? "",
             entry.approvedBy ?? "", entry.approvedOn ?? "", entry.nextReview ?? "", entry.classification ?? "", entry.path]
        }
    }

    /// In CSV, a version is written `v1.10`: a spreadsheet or CSV reader (Excel, pandas)
    /// takes a bare 1.10 for the number 1.1.
    static func csvRows(_ rows: [[String]]) -> [[String]] {
        let column = header.firstIndex(of: "Version") ?? 3
        return rows.map { row in
            var row = row
            if column < row.count, let first = row[column].first, first.isNumber { row[column] = "v" + row[column] }
            return row
        }
    }

    public func render(_ format: RegisterFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(self, kind: .register)
        case .csv: return CSVTable.render(Self.header, Self.csvRows(rows))
        case .markdown:
            return "# \(MarkdownText.inline(organization ?? "SMS plan")): master list of controlled documents\n\nAs of \(date); \(documents.count) documents. "
                + "Next review: next-review, else approved-on + \(reviewInterval).\n\n" + MarkdownTable.render(Self.header, rows)
        case .text:
            // The title last, so the short columns stay aligned on a terminal.
            let order = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1]
            let table = [order.map { Self.header[$0] }] + rows.map { row in order.map { row[$0].isEmpty ? "-" : row[$0] } }
            return TerminalText.lines("Master list of controlled documents as of \(date): \(documents.count) documents "
                + "(next review: next-review, else approved-on + \(reviewInterval))\n\n" + TextTable.render(table, indent: ""))
        }
    }
}

extension RecordsRegister {
    /// Column names, in the order of CSV and Markdown.
    public static let header = ["ID", "Title", "Kind", "Recorded on", "Retention", "Disposal due", "For disposal", "Corrections", "Path"]

    /// One row per record, cells in the order of `header`.
    public var rows: [[String]] {
        records.map { entry in
            [entry.id, entry.title ?? "", entry.kind ?? "", entry.recordedOn ?? "", entry.retention ?? "", entry.disposalDue ?? "",
             entry.forDisposal ? "yes" : "no", Self.corrections(entry), entry.path]
        }
    }

    /// "corrects REC-006", "corrected by REC-016", both, or nothing.
    public static func corrections(_ entry: Entry) -> String {
        var parts: [String] = []
        if let corrects = entry.corrects { parts.append("corrects \(corrects)") }
        if !entry.correctedBy.isEmpty { parts.append("corrected by \(entry.correctedBy.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }

    private var disposalLine: String {
        let count = forDisposalCount
        return count == 0 ? "none past retention" : "\(count) past retention, marked for disposal"
    }

    public func render(_ format: RegisterFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(self, kind: .register)
        case .csv: return CSVTable.render(Self.header, rows)
        case .markdown:
            return "# \(MarkdownText.inline(organization ?? "SMS plan")): records register\n\nAs of \(date); \(records.count) records, \(disposalLine).\n\n"
                + MarkdownTable.render(Self.header, rows)
        case .text:
            let order = [0, 2, 3, 4, 5, 6, 7, 8, 1]
            let table = [order.map { Self.header[$0] }] + rows.map { row in order.map { row[$0].isEmpty ? "-" : row[$0] } }
            return TerminalText.lines("Records register as of \(date): \(records.count) records, \(disposalLine)\n\n" + TextTable.render(table, indent: ""))
        }
    }
}

/// Comma-separated values as RFC 4180 writes them: a field holding a comma, a double quote,
/// a carriage return or a line feed is quoted, its quotes doubled; every line ends in CRLF.
public enum CSVTable {
    public static func render(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A cell that a spreadsheet would run as a formula (its first character `=`, `+`, `-`,
    /// `@`, a tab or a carriage return, OWASP's list, or their full-width forms) starts
    /// with a `'` instead, and is quoted: it shows as the text it is.
    static func field(_ value: String) -> String {
        let formula = value.unicodeScalars.first.map { ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"].contains($0) } ?? false
        let value = formula ? "'" + value : value
        guard formula || value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
