import Foundation

/// An open document's text with LSP positions: 0-based lines, columns in UTF-16 code units.
public struct TextBuffer: Sendable {
    public private(set) var text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The lines, split at "\n" (a "\r" before it stays with the line).
    var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// The UTF-16 offset of an LSP position, clamped to the text.
    func offset(line: Int, character: Int) -> Int {
        var offset = 0
        var current = 0
        let utf16 = Array(text.utf16)
        while current < line, offset < utf16.count {
            if utf16[offset] == 0x0A { current += 1 }
            offset += 1
        }
        var column = 0
        while column < max(character, 0), offset < utf16.count, utf16[offset] != 0x0A {
            offset += 1
            column += 1
        }
        return offset
    }

    /// Replaces the text between two LSP positions (an incremental change).
    public mutating func replace(from start: (line: Int, character: Int), to end: (line: Int, character: Int), with new: String) {
        let utf16 = Array(text.utf16)
        let lower = offset(line: start.line, character: start.character)
        let upper = max(lower, offset(line: end.line, character: end.character))
        text = String(decoding: utf16[..<lower], as: UTF16.self) + new + String(decoding: utf16[upper...], as: UTF16.self)
    }

    /// A finding's 1-based line and Unicode-scalar column as an LSP position.
    func position(line: Int, column: Int) -> (line: Int, character: Int) {
        let index = max(line - 1, 0)
        let all = lines
        guard index < all.count else { return (index, 0) }
        let prefix = all[index].unicodeScalars.prefix(max(column - 1, 0))
        return (index, prefix.reduce(0) { $0 + UTF16.width($1) })
    }

    /// The word (id characters: letters, digits, ".", "-", "_") around an LSP position.
    func word(line: Int, character: Int) -> String? {
        let all = lines
        guard line >= 0, line < all.count else { return nil }
        let units = Array(all[line].utf16)
        func isWord(_ unit: UInt16) -> Bool {
            guard let scalar = Unicode.Scalar(unit) else { return false }
            return CharacterSet.alphanumerics.contains(scalar) || ".-_".unicodeScalars.contains(scalar)
        }
        var lower = min(max(character, 0), units.count), upper = lower
        while lower > 0, isWord(units[lower - 1]) { lower -= 1 }
        while upper < units.count, isWord(units[upper]) { upper += 1 }
        guard lower < upper else { return nil }
        let word = String(decoding: units[lower..<upper], as: UTF16.self)
        return word.trimmingCharacters(in: CharacterSet(charactersIn: ".-_"))
    }

    /// The front-matter key a line belongs to: its own key, or for a list item or a
    /// continuation the nearest key above it; nil outside the front matter.
    func frontMatterKey(line: Int) -> String? {
        let all = lines
        guard all.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---", line > 0, line < all.count else { return nil }
        if all[1..<line].contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }) { return nil }
        for index in stride(from: line, to: 0, by: -1) {
            let text = all[index]
            guard let first = text.first, first != " ", first != "-", first != "#", let colon = text.firstIndex(of: ":") else { continue }
            return String(text[..<colon]).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// True when the position is where a new front-matter key is typed: in the front
    /// matter, at the start of a line, before any colon.
    func isKeyPosition(line: Int, character: Int) -> Bool {
        let all = lines
        guard let end = frontMatterEnd, line > 0, line < end else { return false }
        let before = String(decoding: Array(all[line].utf16).prefix(max(character, 0)), as: UTF16.self)
        return !before.contains(":") && !before.hasPrefix(" ") && !before.hasPrefix("-")
    }

    /// The 0-based line of the front matter's closing "---", when it has one.
    var frontMatterEnd: Int? {
        let all = lines
        guard all.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return nil }
        return all.indices.dropFirst().first { all[$0].trimmingCharacters(in: .whitespacesAndNewlines) == "---" }
    }

    /// The top-level keys the front matter has already.
    var frontMatterKeys: Set<String> {
        guard let end = frontMatterEnd else { return [] }
        return Set(lines[1..<end].compactMap { text -> String? in
            guard let first = text.first, first != " ", first != "-", first != "#", let colon = text.firstIndex(of: ":") else { return nil }
            return String(text[..<colon])
        })
    }

    /// The key a nested line gives itself (`    evidence: [REC-001]`, `  - requirements: [...]`),
    /// or for a continuation the nearest such key above it, up to the top-level key.
    func nestedKey(line: Int) -> String? {
        let all = lines
        guard line > 0, line < all.count else { return nil }
        for index in stride(from: line, to: 0, by: -1) {
            let text = all[index]
            guard let first = text.first else { continue }
            if first != " " && first != "-" { return nil }
            let trimmed = text.drop { $0 == " " || $0 == "-" }
            guard let colon = trimmed.firstIndex(of: ":"), !trimmed.hasPrefix("{"), !trimmed.hasPrefix("\"") else { continue }
            let key = trimmed[..<colon]
            if key.allSatisfy({ $0.isLetter || $0 == "-" }) { return String(key) }
        }
        return nil
    }
}
