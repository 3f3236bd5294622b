/// A value the editor writes, rendered as YAML where it lands (a flow mapping needs more
/// quoting than a line of its own).
enum YAMLValue {
    /// Text, plain when YAML reads it back unchanged, else double-quoted.
    case text(String)
    /// Always double-quoted (versions: YAML reads 1.10 as the number 1.1).
    case quoted(String)
    /// Written as given (dates, status words, role ids checked by the caller).
    case raw(String)

    func rendered(inFlow: Bool = false) -> String {
        switch self {
        case .text(let text): YAMLText.scalar(text, inFlow: inFlow)
        case .quoted(let text): YAMLText.quoted(text)
        case .raw(let text): text
        }
    }
}

extension FrontMatterEditor {
    /// Appends an entry to the `history:` block list, in the style of its last entry: a flow
    /// mapping `- { version: ..., ... }` on one line, or a block mapping over several lines,
    /// with the same indentation and key order. A missing or empty history becomes a block
    /// list of flow mappings.
    mutating func appendHistoryEntry(_ entry: [(key: String, value: YAMLValue)]) throws(SMSPlanError) {
        func flow(_ fields: [(key: String, value: YAMLValue)], spaced: Bool) -> String {
            let inner = fields.map { "\($0.key): \($0.value.rendered(inFlow: true))" }.joined(separator: ", ")
            return spaced ? "{ \(inner) }" : "{\(inner)}"
        }
        guard let span = span("history") else {
            return try insert(lines: ["history:", "  - " + flow(entry, spaced: true)], forKey: "history")
        }
        let items = span.pair.value.items ?? []
        if items.isEmpty {
            guard span.pair.value.items != nil || span.pair.value.scalar?.isNull == true else {
                throw cannotEdit("\"history\" is not a list")
            }
            let scanner = YAMLLineScanner(lines[span.keyLine].text)
            let start = span.valueStart ?? scanner.scalars.count
            var head = scanner.text(0, start)
            while Self.endsInSpace(head) { head.removeLast() }
            let end = span.lastLine == span.keyLine ? scanner.valueEnd(from: start) ?? start : scanner.scalars.count
            let comment = scanner.text(end, scanner.scalars.count).trimmingSpaces()
            try replaceLines(span.keyLine...span.lastLine, with: head + (comment.isEmpty ? "" : " " + comment))
            let keyLine = span.keyLine
            return try insert(lines: ["  - " + flow(entry, spaced: true)], after: keyLine)
        }
        guard isBlockList(span) else {
            throw cannotEdit("\"history\" is a list in brackets; write it one \"- \" line per entry")
        }
        guard case .mapping(let lastPairs, let location) = items[items.count - 1] else {
            throw cannotEdit("the last history entry is not a mapping")
        }
        let line = YAMLLineScanner(lines[location.line - 1].text)
        let column = location.column - 1
        let ordered = Self.ordered(entry, like: lastPairs.compactMap(\.keyText))
        if column < line.scalars.count && line.scalars[column] == "{" {
            let spaced = column + 1 < line.scalars.count && line.scalars[column + 1] == " "
            try insert(lines: [line.text(0, column) + flow(ordered, spaced: spaced)], after: span.lastLine)
        } else {
            let dash = line.text(0, column)
            guard dash.trimmingSpaces() == "-" else { throw cannotEdit("the last history entry does not start its line with \"- \"") }
            let indent = String(repeating: " ", count: column)
            let newLines = ordered.enumerated().map { index, field in
                (index == 0 ? dash : indent) + "\(field.key): \(field.value.rendered())"
            }
            try insert(lines: newLines, after: span.lastLine)
        }
    }

    /// Adds `item` to the list under a top-level key (such as `supersedes`): inside its
    /// brackets when it is written `[a, b]`, as a new `- item` line when it is a block list,
    /// or as a new key `key: [item]`.
    mutating func appendToList(_ key: String, item: String) throws(SMSPlanError) {
        let rendered = YAMLText.scalar(item, inFlow: true)
        guard let span = span(key) else { return try set(key, to: "[\(rendered)]") }
        if span.pair.value.scalar?.isNull == true { return try set(key, to: "[\(rendered)]") }
        guard let items = span.pair.value.items else { throw cannotEdit("\"\(key)\" is not a list") }
        if isBlockList(span), let last = items.last {
            let line = YAMLLineScanner(lines[last.location.line - 1].text)
            let prefix = line.text(0, last.location.column - 1)
            guard prefix.trimmingSpaces() == "-" else { throw cannotEdit("the last item of \"\(key)\" does not start its line with \"- \"") }
            return try insert(lines: [prefix + YAMLText.scalar(item)], after: span.lastLine)
        }
        // In brackets, on one line or over several: the item goes in after the last item
        // (or just inside `[` of an empty list), so every other line and comment stays.
        guard case .sequence(_, let open) = span.pair.value else { throw cannotEdit("\"\(key)\" is not a list") }
        if let last = items.last {
            guard last.scalar != nil else { throw cannotEdit("the last item of \"\(key)\" is not a single value") }
            let index = last.location.line - 1
            let line = YAMLLineScanner(lines[index].text)
            guard let end = line.flowItemEnd(from: last.location.column - 1) else {
                throw cannotEdit("the last item of \"\(key)\" goes on over several lines")
            }
            return try replaceLine(index, with: line.text(0, end) + ", " + rendered + line.text(end, line.scalars.count))
        }
        let index = open.line - 1
        let line = YAMLLineScanner(lines[index].text)
        let inside = open.column
        guard inside - 1 < line.scalars.count, line.scalars[inside - 1] == "[" else { throw cannotEdit("\"\(key)\" is not a list in brackets") }
        let spaced = inside < line.scalars.count && line.scalars[inside] == " "
        let closes = line.skipSpaces(from: inside)
        let sameLine = closes < line.scalars.count && line.scalars[closes] == "]"
        let text = sameLine ? line.text(0, inside) + (spaced ? " \(rendered) " : rendered) + line.text(closes, line.scalars.count)
            : line.text(0, inside) + (spaced ? " " : "") + rendered + line.text(inside, line.scalars.count)
        try replaceLine(index, with: text)
    }

    /// True when the key's value is a block list (`- ` lines), not one in brackets.
    private func isBlockList(_ span: KeySpan) -> Bool {
        guard span.pair.value.items != nil else { return false }
        let line = YAMLLineScanner(lines[span.keyLine].text)
        guard let start = span.valueStart else { return false }
        return start == line.scalars.count || line.scalars[start] == "#"
    }

    /// The entry's fields in the order `keys` gives, the others after them as given.
    private static func ordered(_ entry: [(key: String, value: YAMLValue)], like keys: [String]) -> [(key: String, value: YAMLValue)] {
        let known = keys.compactMap { key in entry.first { $0.key == key } }
        return known + entry.filter { field in !keys.contains(field.key) }
    }
}
