import Foundation

/// The edits a migration makes, collected per file and applied together: single scalars
/// replaced where they are written, list items removed, and new lines inserted. Every other
/// byte of a file stays.
struct FileEdits {
    private struct Replacement {
        var location: SourceLocation
        var old: String
        /// Nil: the list item is removed (with its comma in a flow list, its line in a block list).
        var new: String?
        /// Further items written after `new` in its flow list.
        var more: [String] = []
    }

    private var replacements: [String: [Replacement]] = [:]
    /// New lines by file: after which line (1-based; 0 for after the format version line).
    private var insertions: [String: [(after: Int?, text: String)]] = [:]
    /// Files in the order first edited.
    private var order: [String] = []

    private mutating func touch(_ path: String) {
        if replacements[path] == nil && insertions[path] == nil { order.append(path) }
    }

    mutating func replace(in path: String, at location: SourceLocation, old: String, new: String) {
        guard old != new else { return }
        touch(path)
        replacements[path, default: []].append(Replacement(location: location, old: old, new: new))
    }

    /// Removes the list item `old` starting at `location`: from a flow list with the comma
    /// that separates it, from a block list with its line.
    mutating func removeItem(in path: String, at location: SourceLocation, old: String) {
        touch(path)
        replacements[path, default: []].append(Replacement(location: location, old: old, new: nil))
    }

    /// Replaces the list item `old` starting at `location` by `items`: removed when there are
    /// none, replaced by several in the same quoting style in a flow list.
    mutating func replaceItem(in path: String, at location: SourceLocation, old: String, with items: [String]) {
        guard let first = items.first else { return removeItem(in: path, at: location, old: old) }
        touch(path)
        replacements[path, default: []].append(Replacement(location: location, old: old, new: first, more: Array(items.dropFirst())))
    }

    mutating func insert(in path: String, afterLine line: Int, line text: String) {
        touch(path)
        insertions[path, default: []].append((line, text))
    }

    /// Inserts a line after the `smsplan:` format version line (or at the top).
    mutating func insertAfterVersion(in path: String, line text: String) {
        touch(path)
        insertions[path, default: []].append((nil, text))
    }

    /// Applies every edit (unless `dryRun`) and returns the paths edited. Documents (paths in
    /// `frontMatter`) are edited through `FrontMatterEditor`, which parses each result again.
    func apply(root: URL, frontMatter: Set<String>, dryRun: Bool) throws(SMSPlanError) -> [String] {
        var results: [(url: URL, data: Data)] = []
        for path in order {
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .unreadable(path: path, reason: "cannot be read")
            }
            results.append((url, try edited(data, path: path, isDocument: frontMatter.contains(path))))
        }
        if !dryRun {
            try WriteTransaction(within: root).run { transaction throws(SMSPlanError) in
                for result in results { try transaction.write(result.data, to: result.url, overwrite: true) }
            }
        }
        return order
    }

    private func edited(_ data: Data, path: String, isDocument: Bool) throws(SMSPlanError) -> Data {
        var lines: [String]
        var editor: FrontMatterEditor?
        if isDocument {
            let document = try FrontMatterEditor(data, path: path)
            lines = document.lines.map(\.text)
            editor = document
        } else {
            guard let text = String(data: data, encoding: .utf8) else { throw .refused("\(path) is not valid UTF-8 text; it cannot be edited") }
            lines = text.components(separatedBy: "\n")
        }
        let original = lines
        var dropped = Set<Int>()
        // Right to left on each line, so earlier columns stay where they were.
        for replacement in (replacements[path] ?? []).sorted(by: { $0.location > $1.location }) {
            let index = replacement.location.line - 1
            let column = replacement.location.column
            var edited: String?? = nil
            if lines.indices.contains(index) && !dropped.contains(index) {
                if let new = replacement.new {
                    edited = Self.replacing(in: lines[index], column: column, old: replacement.old, new: new, more: replacement.more).map { .some($0) }
                } else {
                    edited = Self.removingItem(from: lines[index], column: column, old: replacement.old)
                }
            }
            switch edited {
            case .some(.some(let line)): lines[index] = line
            case .some(.none): dropped.insert(index)
            case .none: throw .refused("cannot rewrite \"\(replacement.old)\" at \(path):\(replacement.location) in place; edit it by hand")
            }
        }
        if var editor {
            for index in lines.indices where lines[index] != original[index] && !dropped.contains(index) { try editor.replaceLine(index, with: lines[index]) }
            // A dropped line is joined to the line before it, keeping that line's text and line end.
            for index in dropped.sorted(by: >) where index > 0 { try editor.replaceLines((index - 1)...index, with: lines[index - 1]) }
            return editor.data
        }
        let crlf = lines.first?.hasSuffix("\r") == true
        let versionLine = lines.firstIndex { $0.hasPrefix("smsplan:") }.map { $0 + 1 } ?? 0
        var before: [Int: [String]] = [:]
        for insertion in insertions[path] ?? [] {
            before[min(insertion.after ?? versionLine, lines.count), default: []].append(insertion.text + (crlf ? "\r" : ""))
        }
        var result = [String]()
        for index in 0...lines.count {
            result += before[index] ?? []
            if index < lines.count && !dropped.contains(index) { result.append(lines[index]) }
        }
        let data = Data(result.joined(separator: "\n").utf8)
        _ = try ConfigFile.mapping(data, path: path)
        return data
    }

    /// The line without the list item starting at `column` (1-based), which must read `old`:
    /// `.some(nil)` when the line is a block list item holding nothing else (the line goes),
    /// nil when the item cannot be found there.
    static func removingItem(from line: String, column: Int, old: String) -> String?? {
        let scanner = YAMLLineScanner(line)
        let start = column - 1
        guard start >= 0, start < scanner.scalars.count, let end = scanner.flowItemEnd(from: start) else { return nil }
        let token = scanner.text(start, end)
        let bare = token.first == "\"" || token.first == "'" ? String(token.dropFirst().dropLast()) : token
        guard bare == old else { return nil }
        let lead = scanner.text(0, start).trimmingCharacters(in: .whitespaces)
        let after = scanner.skipSpaces(from: end)
        if lead.hasSuffix("-") && lead.dropLast().allSatisfy({ $0 == "-" || $0 == " " }) {
            // A block list item: the line goes when nothing but a comment follows the item.
            guard after == scanner.scalars.count || scanner.scalars[after] == "#" else { return nil }
            return .some(nil)
        }
        if after < scanner.scalars.count, scanner.scalars[after] == "," {
            // The item and the comma and spaces after it.
            return scanner.text(0, start) + scanner.text(scanner.skipSpaces(from: after + 1), scanner.scalars.count)
        }
        var comma = start
        while comma > 0 && (scanner.scalars[comma - 1] == " " || scanner.scalars[comma - 1] == "\t") { comma -= 1 }
        if comma > 0, scanner.scalars[comma - 1] == "," {
            // The last item of its list: the comma and spaces before it, and the item.
            return scanner.text(0, comma - 1) + scanner.text(end, scanner.scalars.count)
        }
        return scanner.text(0, start) + scanner.text(end, scanner.scalars.count)
    }

    /// The line with the scalar starting at `column` (1-based), which must read `old`,
    /// replaced by `new` in the same quoting style.
    /// With `more`, those items follow it in the same style, which only a flow list can hold.
    static func replacing(in line: String, column: Int, old: String, new: String, more: [String] = []) -> String? {
        let scanner = YAMLLineScanner(line)
        let start = column - 1
        guard start >= 0, start < scanner.scalars.count, let end = scanner.flowItemEnd(from: start) else { return nil }
        let token = scanner.text(start, end)
        let quote = token.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        let bare = quote == nil ? token : String(token.dropFirst().dropLast())
        guard bare == old else { return nil }
        let inFlow = scanner.scalars[..<start].contains { $0 == "[" || $0 == "{" }
        guard more.isEmpty || inFlow else { return nil }
        let replacement = ([new] + more).map { item in
            switch quote {
            case "'": "'\(item.replacingOccurrences(of: "'", with: "''"))'"
            case "\"": YAMLText.quoted(item)
            default: YAMLText.scalar(item, inFlow: inFlow)
            }
        }.joined(separator: ", ")
        return scanner.text(0, start) + replacement + scanner.text(end, scanner.scalars.count)
    }
}
