import Foundation

/// Edits a document's front matter in place, line by line, so that every byte it does not
/// have to change stays as it was: comments, key order, the quoting of other keys, line
/// ends (CRLF stays CRLF) and the whole body.
///
/// What to edit is found from the positioned YAML nodes (`FrontMatterParser`); after each
/// edit the front matter is parsed again, so positions are always those of the current
/// text. Only a block mapping at the top level can be edited (one key a line).
struct FrontMatterEditor {
    /// One line of the file without its line end, and the line end as written.
    struct Line {
        var text: String
        var ending: String
    }

    /// Where the top-level key sits, and the lines its value takes.
    struct KeySpan {
        var pair: YAMLPair
        /// Index into `lines` of the key's line.
        var keyLine: Int
        /// Index into `lines` of the last line holding its value (comments and blank lines
        /// before the next key are not counted).
        var lastLine: Int
        /// Index into the key line's scalars where the value starts.
        var valueStart: Int?
    }

    let path: String
    private(set) var lines: [Line]
    private let byteOrderMark: Bool
    /// Index into `lines` of the closing `---`.
    private(set) var closingLine = 0
    /// The top-level pairs of the current text.
    private(set) var pairs: [YAMLPair] = []
    /// For each line up to the closing `---`, true when it holds part of a value (not only
    /// spaces or a comment).
    private var contentLines: [Bool] = []

    /// Reads the file; refuses files whose front matter cannot be edited line by line.
    init(_ data: Data, path: String) throws(SMSPlanError) {
        self.path = path
        var text = String(decoding: data, as: UTF8.self)
        guard Data(text.utf8) == data else { throw .refused("\(path) is not valid UTF-8 text; it cannot be edited") }
        byteOrderMark = text.hasPrefix("\u{FEFF}")
        if byteOrderMark { text.removeFirst() }
        lines = Self.split(text)
        try reparse()
    }

    /// The file's bytes as edited.
    var data: Data {
        Data(((byteOrderMark ? "\u{FEFF}" : "") + lines.map { $0.text + $0.ending }.joined()).utf8)
    }

    /// The line end new lines get: the one the opening `---` has.
    var lineEnding: String {
        lines.first.map { $0.ending.isEmpty ? "\n" : $0.ending } ?? "\n"
    }

    /// The value node of a top-level key.
    func value(_ key: String) -> YAMLNode? {
        pairs.first { $0.keyText == key }?.value
    }

    /// Where a top-level key and its value are written.
    func span(_ key: String) -> KeySpan? {
        guard let index = pairs.firstIndex(where: { $0.keyText == key }) else { return nil }
        let pair = pairs[index]
        let keyLine = pair.key.location.line - 1
        let next = pairs.dropFirst(index + 1).map { $0.key.location.line - 1 }.min() ?? closingLine
        var last = keyLine
        for candidate in stride(from: next - 1, to: keyLine, by: -1) where contentLines[candidate] {
            last = candidate
            break
        }
        let scanner = YAMLLineScanner(lines[keyLine].text)
        return KeySpan(pair: pair, keyLine: keyLine, lastLine: last, valueStart: scanner.valueStart(afterKeyAt: pair.key.location.column - 1))
    }

    /// Sets a top-level key to `value` (YAML text as it should be written): on its line when
    /// it has one, keeping `key: ` and a trailing comment; else as a new line placed in the
    /// order of `DocumentField` (after the nearest key that comes before it).
    mutating func set(_ key: String, to value: String) throws(SMSPlanError) {
        guard let span = span(key) else { return try insert(key, value) }
        try Self.checkOneLine(value, path)
        let scanner = YAMLLineScanner(lines[span.keyLine].text)
        guard let start = span.valueStart else { throw cannotEdit("the line of \"\(key)\" has no \"key: value\" form") }
        if span.lastLine == span.keyLine, let end = scanner.valueEnd(from: start) {
            let head = scanner.text(0, start), rest = scanner.text(end, scanner.scalars.count)
            lines[span.keyLine].text = head + (Self.endsInSpace(head) ? "" : " ") + value + (rest.hasPrefix("#") ? " " : "") + rest
        } else {
            // A value over several lines (a block list, a folded text) is replaced whole.
            let prefix = scanner.text(0, start)
            let comment = start < scanner.scalars.count && scanner.scalars[start] == "#" ? " " + scanner.text(start, scanner.scalars.count) : ""
            lines[span.keyLine].text = prefix + (Self.endsInSpace(prefix) ? "" : " ") + value + comment
            lines.removeSubrange((span.keyLine + 1)...span.lastLine)
        }
        try reparse()
    }

    /// The last line of a key's entry counting the comment lines indented under it after its
    /// value: they go with the key when it is removed, and a key inserted after it comes
    /// after them.
    private func lastLineWithComments(_ span: KeySpan) -> Int {
        var last = span.lastLine
        let column = span.pair.key.location.column - 1
        var probe = last + 1
        while probe < closingLine, !contentLines[probe] {
            let line = YAMLLineScanner(lines[probe].text)
            if line.indentation < line.scalars.count {
                guard line.indentation > column else { break }
                last = probe
            }
            probe += 1
        }
        return last
    }

    /// Removes a top-level key and the lines of its value, with the comment lines indented
    /// under it (which would otherwise become text of a block scalar above it).
    mutating func remove(_ key: String) throws(SMSPlanError) {
        guard let span = span(key) else { return }
        var last = lastLineWithComments(span)
        let before = data
        let kept = lines
        lines.removeSubrange(span.keyLine...last)
        try reparse()
        // Blank lines after the key would join a `|+` block scalar above it: they go too.
        guard FrontMatterEditor.changedKeys(from: before, to: data).contains(where: { $0 != key }) else { return }
        lines = kept
        while last + 1 < closingLine, lines[last + 1].text.trimmingSpaces().isEmpty { last += 1 }
        lines.removeSubrange(span.keyLine...last)
        try reparse()
        if FrontMatterEditor.changedKeys(from: before, to: data).contains(where: { $0 != key }) {
            lines = kept
            try reparse()
            throw cannotEdit("removing \"\(key)\" would change the value above it")
        }
    }

    /// Inserts `key: value` after the nearest key that `DocumentField` orders before it, else
    /// before the nearest that comes after it, else before the closing `---`.
    private mutating func insert(_ key: String, _ value: String) throws(SMSPlanError) {
        try insert(lines: ["\(key): \(value)"], forKey: key)
    }

    /// Inserts lines that start a new top-level key, where `insert(_:_:)` would put the key.
    mutating func insert(lines newLines: [String], forKey key: String) throws(SMSPlanError) {
        let order = DocumentField.allCases.map(\.rawValue)
        let position = order.firstIndex(of: key) ?? order.count
        let before = order[..<position].reversed().compactMap { span($0) }.first
        let after = order[min(position + 1, order.count)...].compactMap { span($0) }.first
        let indentation: Int
        let at: Int
        if let before {
            at = lastLineWithComments(before) + 1
            indentation = before.pair.key.location.column - 1
        } else if let after {
            at = after.keyLine
            indentation = after.pair.key.location.column - 1
        } else {
            at = closingLine
            indentation = pairs.first.map { $0.key.location.column - 1 } ?? 0
        }
        let pad = String(repeating: " ", count: indentation)
        try insert(newLines.map { pad + $0 }, at: at)
    }

    /// Inserts lines after line index `index`, with the line end of the lines around them.
    mutating func insert(lines newLines: [String], after index: Int) throws(SMSPlanError) {
        try insert(newLines, at: index + 1)
    }

    private mutating func insert(_ newLines: [String], at index: Int) throws(SMSPlanError) {
        for text in newLines { try Self.checkOneLine(text, path) }
        let ending = endingForNewLine(at: index)
        lines.insert(contentsOf: newLines.map { Line(text: $0, ending: ending) }, at: index)
        try reparse()
    }

    /// The line end a line inserted at `index` gets: that of the line before it (a file with
    /// mixed line ends keeps each part's), or of the line after it, or the file's.
    private func endingForNewLine(at index: Int) -> String {
        let hard = ["\n", "\r\n", "\r"]
        if index > 0, hard.contains(lines[index - 1].ending) { return lines[index - 1].ending }
        if index < lines.count, hard.contains(lines[index].ending) { return lines[index].ending }
        return lineEnding
    }

    /// Replaces the text of the line at `index` (its line end stays).
    mutating func replaceLine(_ index: Int, with text: String) throws(SMSPlanError) {
        try replaceLines(index...index, with: text)
    }

    /// Replaces the lines in `range` by one line of text, with the first line's line end.
    mutating func replaceLines(_ range: ClosedRange<Int>, with text: String) throws(SMSPlanError) {
        try Self.checkOneLine(text, path)
        lines[range.lowerBound].text = text
        lines.removeSubrange((range.lowerBound + 1)..<(range.upperBound + 1))
        try reparse()
    }

    func cannotEdit(_ reason: String) -> SMSPlanError {
        .refused("cannot edit the front matter of \(path) in place: \(reason); edit it by hand")
    }

    /// Parses the current text again; the front matter must still be a block mapping.
    private mutating func reparse() throws(SMSPlanError) {
        let parsed = FrontMatterParser.parse(data)
        guard let root = parsed.frontMatter, let pairs = root.pairs else {
            throw cannotEdit(parsed.findings.first.map { "\($0.location): \($0.message)" } ?? "its front matter cannot be read")
        }
        let close = lines.indices.dropFirst().first {
            ["---", "..."].contains(lines[$0].text.trimmingSpaces()) && endsAFileLine($0 - 1) && endsAFileLine($0)
        }
        guard let close else {
            throw cannotEdit("its front matter is not closed")
        }
        let column = pairs.first?.key.location.column ?? 1
        for pair in pairs {
            let location = pair.key.location
            let line = YAMLLineScanner(lines[location.line - 1].text)
            guard location.column == column, line.indentation == location.column - 1 else {
                throw cannotEdit("the front matter is not one key a line (at line \(location.line))")
            }
        }
        self.pairs = pairs
        closingLine = close
        contentLines = YAMLLineClassifier.contentLines(lines[..<close].map(\.text))
    }

    static func endsInSpace(_ text: String) -> Bool {
        text.hasSuffix(" ") || text.hasSuffix("\t")
    }

    /// Splits text into lines where YAML does (LF, CR, CRLF, U+0085, U+2028, U+2029), so
    /// that the editor's line numbers are the parser's, keeping each line's end as written.
    private static func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard YAMLText.isLineBreak(scalar) else {
                current.append(scalar)
                continue
            }
            var ending = String(scalar)
            if scalar == "\r" && pending == "\n" {
                ending = "\r\n"
                pending = scalars.next()
            }
            lines.append(Line(text: String(current), ending: ending))
            current = String.UnicodeScalarView()
        }
        if !current.isEmpty || lines.isEmpty { lines.append(Line(text: String(current), ending: "")) }
        return lines
    }

    /// True when the line ends where the parser's line table ends one too (LF, CR, CRLF or
    /// the end of the file): only such lines open or close the front matter.
    private func endsAFileLine(_ index: Int) -> Bool {
        index < 0 || ["\n", "\r", "\r\n", ""].contains(lines[index].ending)
    }

    /// Refuses text for a line that holds a line break: it would shift every line after it.
    static func checkOneLine(_ text: String, _ path: String) throws(SMSPlanError) {
        guard let scalar = text.unicodeScalars.first(where: YAMLText.isLineBreak) else { return }
        throw .refused("cannot edit the front matter of \(path) in place: a new line would hold the line break U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))")
    }
}
