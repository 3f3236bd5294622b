import Foundation

/// The edits a migration makes, collected per file and applied together: single scalars
/// replaced where they are written, and new lines inserted. Every other byte of a file stays.
struct FileEdits {
    private struct Replacement {
        var location: SourceLocation
        var old: String
        var new: String
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
        // Right to left on each line, so earlier columns stay where they were.
        for replacement in (replacements[path] ?? []).sorted(by: { $0.location > $1.location }) {
            let index = replacement.location.line - 1
            guard lines.indices.contains(index),
                let line = Self.replacing(in: lines[index], column: replacement.location.column, old: replacement.old, new: replacement.new)
            else { throw .refused("cannot rewrite \"\(replacement.old)\" at \(path):\(replacement.location) in place; edit it by hand") }
            lines[index] = line
        }
        if var editor {
            for index in lines.indices where lines[index] != original[index] { try editor.replaceLine(index, with: lines[index]) }
            return editor.data
        }
        let crlf = lines.first?.hasSuffix("\r") == true
        let versionLine = lines.firstIndex { $0.hasPrefix("smsplan:") }.map { $0 + 1 } ?? 0
        for insertion in (insertions[path] ?? []).reversed() {
            let after = min(insertion.after ?? versionLine, lines.count)
            lines.insert(insertion.text + (crlf ? "\r" : ""), at: after)
        }
        let result = Data(lines.joined(separator: "\n").utf8)
        _ = try ConfigFile.mapping(result, path: path)
        return result
    }

    /// The line with the scalar starting at `column` (1-based), which must read `old`,
    /// replaced by `new` in the same quoting style.
    static func replacing(in line: String, column: Int, old: String, new: String) -> String? {
        let scanner = YAMLLineScanner(line)
        let start = column - 1
        guard start >= 0, start < scanner.scalars.count, let end = scanner.flowItemEnd(from: start) else { return nil }
        let token = scanner.text(start, end)
        let quote = token.first.flatMap { $0 == "\"" || $0 == "'" ? $0 : nil }
        let bare = quote == nil ? token : String(token.dropFirst().dropLast())
        guard bare == old else { return nil }
        let replacement = switch quote {
        case "'": "'\(new.replacingOccurrences(of: "'", with: "''"))'"
        case "\"": YAMLText.quoted(new)
        default: YAMLText.scalar(new, inFlow: scanner.scalars[..<start].contains { $0 == "[" || $0 == "{" })
        }
        return scanner.text(0, start) + replacement + scanner.text(end, scanner.scalars.count)
    }
}
