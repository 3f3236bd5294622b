/// Finds where YAML tokens start and end on one line of front matter, so that an edit can
/// replace a value and keep what surrounds it (the key as written, a trailing comment).
///
/// Positions are indices into the line's Unicode scalars (a column minus one), as libyaml
/// counts columns.
struct YAMLLineScanner {
    let scalars: [Unicode.Scalar]

    init(_ line: String) {
        scalars = Array(line.unicodeScalars)
    }

    /// True for a line holding nothing but spaces, or a comment.
    var isBlankOrComment: Bool {
        let start = skipSpaces(from: 0)
        return start == scalars.count || scalars[start] == "#"
    }

    /// The number of leading spaces.
    var indentation: Int { skipSpaces(from: 0) }

    /// The text from `start` to `end`.
    func text(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<end]))
    }

    func skipSpaces(from index: Int) -> Int {
        var index = index
        while index < scalars.count && (scalars[index] == " " || scalars[index] == "\t") { index += 1 }
        return index
    }

    /// Where the value of the mapping key starting at `keyStart` starts: after the key, the
    /// colon and the spaces that follow it. Nil when no colon follows the key on this line.
    func valueStart(afterKeyAt keyStart: Int) -> Int? {
        var index = keyStart
        if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
            guard let end = quotedEnd(from: index) else { return nil }
            index = end
        } else {
            while index < scalars.count && !(scalars[index] == ":" && isSpaceOrEnd(index + 1)) { index += 1 }
        }
        index = skipSpaces(from: index)
        guard index < scalars.count, scalars[index] == ":" else { return nil }
        return skipSpaces(from: index + 1)
    }

    /// Where a value starting at `start` ends on this line (before any spaces and comment
    /// that follow it); nil when the value goes on to later lines (a block scalar, an
    /// unclosed quote or bracket).
    func valueEnd(from start: Int) -> Int? {
        guard start < scalars.count, scalars[start] != "#" else { return start }
        switch scalars[start] {
        case "\"", "'": return quotedEnd(from: start)
        case "[", "{": return flowEnd(from: start)
        case "|", ">": return nil
        default:
            var end = start
            while end < scalars.count && !(scalars[end] == "#" && (scalars[end - 1] == " " || scalars[end - 1] == "\t")) { end += 1 }
            while end > start && (scalars[end - 1] == " " || scalars[end - 1] == "\t") { end -= 1 }
            return end
        }
    }

    /// The index after the closing quote of the quoted scalar opening at `start`.
    func quotedEnd(from start: Int) -> Int? {
        let quote = scalars[start]
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if quote == "\"" && scalar == "\\" {
                index += 2
                continue
            }
            if scalar == quote {
                if quote == "'" && index + 1 < scalars.count && scalars[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// The index after the bracket that closes the flow collection opening at `start`.
    func flowEnd(from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
            case "\"", "'":
                guard let end = quotedEnd(from: index) else { return nil }
                index = end
                continue
            case "[", "{": depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return index + 1 }
            case "#" where index > 0 && (scalars[index - 1] == " " || scalars[index - 1] == "\t"):
                return nil
            default: break
            }
            index += 1
        }
        return nil
    }

    private func isSpaceOrEnd(_ index: Int) -> Bool {
        index >= scalars.count || scalars[index] == " " || scalars[index] == "\t"
    }
}

extension YAMLLineScanner {
    /// Where an item of a flow collection starting at `start` ends (before the spaces, `,`,
    /// `]` or `}` that follow it); nil when it goes on to the next line.
    func flowItemEnd(from start: Int) -> Int? {
        guard start < scalars.count else { return nil }
        if scalars[start] == "\"" || scalars[start] == "'" { return quotedEnd(from: start) }
        var end = start
        while end < scalars.count && ![",", "]", "}"].contains(scalars[end])
            && !(scalars[end] == "#" && end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "\t")) {
            end += 1
        }
        while end > start && (scalars[end - 1] == " " || scalars[end - 1] == "\t") { end -= 1 }
        // A plain item that runs to the end of the line may go on on the next one.
        return end == scalars.count && !(end > start) ? nil : end
    }
}
