/// A strict RFC 4180 reader, for tests that check CSV output opens as a table: records end
/// in CRLF, a field is either plain (no comma, quote, CR or LF) or quoted with its quotes
/// doubled. Anything else is an error naming the record and the problem.
public enum CSVParser {
    public struct Malformed: Error, CustomStringConvertible {
        public let record: Int
        public let problem: String
        public var description: String { "CSV record \(record): \(problem)" }
    }

    /// The records of `text`, each a list of fields.
    public static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        func fail(_ problem: String) -> Malformed { Malformed(record: records.count + 1, problem: problem) }
        func endOfRecord() throws {
            guard scalars.first == "\r" else { throw fail("a line ends without CR (RFC 4180 wants CRLF)") }
            scalars = scalars.dropFirst()
            guard scalars.first == "\n" else { throw fail("CR not followed by LF") }
            scalars = scalars.dropFirst()
        }
        while !scalars.isEmpty {
            if scalars.first == "\"" {
                scalars = scalars.dropFirst()
                while true {
                    guard let scalar = scalars.first else { throw fail("a quoted field is not closed") }
                    scalars = scalars.dropFirst()
                    if scalar == "\"" {
                        if scalars.first == "\"" {
                            field.unicodeScalars.append("\"")
                            scalars = scalars.dropFirst()
                        } else {
                            break
                        }
                    } else {
                        field.unicodeScalars.append(scalar)
                    }
                }
            } else {
                while let scalar = scalars.first, scalar != ",", scalar != "\r", scalar != "\n" {
                    if scalar == "\"" { throw fail("a quote inside an unquoted field") }
                    field.unicodeScalars.append(scalar)
                    scalars = scalars.dropFirst()
                }
            }
            fields.append(field)
            field = ""
            if scalars.first == "," {
                scalars = scalars.dropFirst()
                if scalars.isEmpty { throw fail("the text ends after a comma") }
                continue
            }
            if scalars.isEmpty { throw fail("the last record does not end in CRLF") }
            try endOfRecord()
            records.append(fields)
            fields = []
        }
        return records
    }

    /// The records as dictionaries keyed by the header row's names; every record must have
    /// as many fields as the header.
    public static func table(_ text: String) throws -> (header: [String], rows: [[String: String]]) {
        let records = try parse(text)
        guard let header = records.first else { throw Malformed(record: 1, problem: "no header row") }
        var rows: [[String: String]] = []
        for (index, record) in records.dropFirst().enumerated() {
            guard record.count == header.count else {
                throw Malformed(record: index + 2, problem: "\(record.count) fields where the header has \(header.count)")
            }
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record)))
        }
        return (header, rows)
    }
}
