import Foundation

/// A Markdown file split into its front matter (as positioned YAML) and its body.
public struct ParsedFile: Sendable {
    /// The front matter's top-level mapping, when it could be read.
    public var frontMatter: YAMLNode?
    public var body: MarkdownBody
    /// Problems with the file as a whole: missing or unreadable front matter.
    public var findings: [Finding]
}

/// Splits a Markdown file into front matter and body, and composes the front matter.
///
/// Front matter is the block between a first line `---` and the next line `---` (or `...`).
/// Lines and columns of every node are counted from the top of the file.
public enum FrontMatterParser {
    public static func parse(_ data: Data) -> ParsedFile {
        guard var text = String(validatingUTF8Data: data) else {
            if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
                return failed(FrontMatterInvalidRule.id, .fileStart, "file is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8")
            }
            return failed(FrontMatterInvalidRule.id, firstFault(in: data), "file is not valid UTF-8 text")
        }
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        if Self.holdsNUL(text) {
            return failed(FrontMatterInvalidRule.id, firstFault(in: Data(text.utf8)), "file contains NUL bytes; it is not a text document")
        }
        // The lines as byte offsets; a line is made a Substring only where it is read as text.
        let bounds = Self.lineBounds(of: text)
        func line(_ index: Int) -> Substring { text.bytes(bounds[index]) }
        guard !(bounds.count == 1 && bounds[0].isEmpty) else {
            return failed(FrontMatterMissingRule.id, .fileStart, "file is empty; a document starts with front matter between \"---\" lines")
        }
        guard line(0).trimmingSpaces() == "---" else {
            return failed(FrontMatterMissingRule.id, .fileStart, "no front matter: the first line must be \"---\"")
        }
        guard let close = bounds.indices.dropFirst().first(where: { Self.closes(line($0)) }) else {
            return failed(FrontMatterInvalidRule.id, .fileStart,
                          "front matter opened on line 1 is never closed by a line \"---\"")
        }
        let body = MarkdownBody(text: text, bounds: bounds[(close + 1)...], firstLine: close + 2)
        // Each line of front matter ends in a line break, the last one too (a block scalar
        // there keeps its final newline, as it does anywhere else).
        let yaml = Self.frontMatterText((1..<close).map(line), closedAt: line(close))
        do {
            guard let root = try YAMLComposer.compose(yaml, firstLine: 2) else {
                return ParsedFile(frontMatter: nil, body: body, findings: [
                    Finding(FrontMatterInvalidRule.id, at: .fileStart, "front matter is empty"),
                ])
            }
            guard case .mapping = root else {
                return ParsedFile(frontMatter: nil, body: body, findings: [
                    Finding(FrontMatterInvalidRule.id, at: root.location,
                            "front matter must be a mapping of keys to values, found \(root.kindDescription)"),
                ])
            }
            return ParsedFile(frontMatter: root, body: body, findings: [])
        } catch {
            return ParsedFile(frontMatter: nil, body: body, findings: [
                Finding(FrontMatterInvalidRule.id, at: error.location, error.message),
            ])
        }
    }

    /// The file's lines without their line ends (LF, CRLF or CR), split on bytes: far
    /// cheaper than splitting on Characters.
    static func lines(of text: String) -> [Substring] {
        lineBounds(of: text).map(text.bytes)
    }

    /// Where each line of the text starts and ends (line ends left out), as byte offsets.
    static func lineBounds(of text: String) -> [Range<Int>] {
        var text = text
        // Where each line starts and ends, as byte offsets, found in the string's own buffer.
        let bounds: [Range<Int>] = text.withUTF8 { bytes in
            var bounds: [Range<Int>] = []
            var start = 0
            // Most files hold no CR: their lines are found by memchr, LF to LF.
            if let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) == nil {
                while let found = memchr(base + start, 0x0A, bytes.count - start) {
                    let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    bounds.append(start..<end)
                    start = end + 1
                }
                bounds.append(start..<bytes.count)
                return bounds
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    bounds.append(start..<index)
                    index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    start = index
                } else {
                    index += 1
                }
            }
            bounds.append(start..<bytes.count)
            return bounds
        }
        return bounds
    }

    /// Whether a line closes the front matter: `---` or `...`, spaces and tabs around it.
    private static func closes(_ line: Substring) -> Bool {
        // Most lines start with neither "-" nor "." (spaces and tabs aside): told from the bytes.
        guard let first = line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first == 0x2D || first == 0x2E else { return false }
        let trimmed = line.trimmingSpaces()
        return trimmed == "---" || trimmed == "..."
    }

    /// The front matter's lines, each ended by a line break (LF), as YAML text: taken as it
    /// is from the file when its lines already end in LF, else joined anew.
    private static func frontMatterText(_ lines: [Substring], closedAt closing: Substring) -> String {
        guard let first = lines.first else { return "\n" }
        var written = Substring(first.base.utf8[first.startIndex..<closing.startIndex])
        let holdsCR = written.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
        if !holdsCR { return String(written) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether the text holds a NUL byte.
    private static func holdsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
    }

    /// Where the first byte that is not UTF-8, or the first NUL, lies: lines as the parser
    /// counts them (LF, CRLF or CR), columns in characters.
    static func firstFault(in data: Data) -> SourceLocation {
        var line = 1, column = 1
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var previous: Unicode.Scalar?
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\0" { return SourceLocation(line: line, column: column) }
                if scalar == "\n" && previous == "\r" {
                    // The second half of a CRLF: the line was counted at the CR.
                } else if scalar == "\n" || scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previous = scalar
            case .emptyInput:
                return .fileStart
            case .error:
                return SourceLocation(line: line, column: column)
            }
        }
    }

    private static func failed(_ rule: RuleID, _ location: SourceLocation, _ message: String) -> ParsedFile {
        ParsedFile(frontMatter: nil, body: MarkdownBody(), findings: [Finding(rule, at: location, message)])
    }
}

extension String {
    /// The text at the byte offsets `range` (on UTF-8 character boundaries).
    func bytes(_ range: Range<Int>) -> Substring {
        Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// Decodes UTF-8, returning nil for invalid bytes instead of repairing them.
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
