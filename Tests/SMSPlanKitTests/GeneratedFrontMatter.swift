import Foundation

/// Choices drawn from generated numbers. Choice 0 is always the plainest, so that smaller
/// numbers (what a shrinker tries) give plainer front matter.
struct Choices {
    private let numbers: [Int]
    private var next = 0

    init(_ numbers: [Int]) {
        self.numbers = numbers
    }

    mutating func pick(_ count: Int) -> Int {
        defer { next += 1 }
        return next < numbers.count ? numbers[next] % count : 0
    }

    /// True in `tenths` of ten cases.
    mutating func chance(_ tenths: Int) -> Bool { pick(10) >= 10 - tenths }

    mutating func element<T>(_ array: [T]) -> T { array[pick(array.count)] }

    /// Text of awkward characters: YAML syntax, quotes, every line break, control characters.
    /// (Never a byte order mark first: the YAML library drops one at the start of any value.)
    mutating func hostileText(maximum: Int = 12) -> String {
        let alphabet = ["a", "Z", " ", ":", ": ", " #", "#", "'", "\"", "\\", "\u{2028}", "\u{2029}", "\u{85}", "\n", "\r", "\t",
                        "\u{1B}[2J", "[", "]", "{", "}", ",", "- ", "&x", "*x", "!", "|", ">", "%", "@", "`", "é", "😀",
                        "a\u{FEFF}", "\u{7F}", "\u{9B}", "---", "1.10", "yes", "~", "?"]
        return (0..<pick(maximum + 1)).map { _ in element(alphabet) }.joined()
    }
}

/// One line of generated front matter, with the part of the document it belongs to.
struct GeneratedLine {
    var text: String
    /// The top-level key whose value (or key line) the line holds, for lines an edit of that
    /// key may change; "history-entry", "supersedes-item" and "body" for lines no edit may
    /// change; nil for comments and blank lines.
    var part: String?
}

/// A document whose front matter is generated in any shape the parser accepts.
struct GeneratedDocument {
    var lines: [(text: String, ending: String, part: String?)]
    var byteOrderMark: Bool
    /// The version and whether it is approved (approved-by, approved-on present).
    var version: (major: Int, minor: Int)
    var approved: Bool

    var data: Data {
        Data(((byteOrderMark ? "\u{FEFF}" : "") + lines.map { $0.text + $0.ending }.joined()).utf8)
    }

    static func generate(_ choices: inout Choices) -> GeneratedDocument {
        let approved = choices.chance(5)
        let version = approved ? (1, 1 + choices.pick(5)) : (0, 1 + choices.pick(5))
        let versionText = "\(version.0).\(version.1)"
        var blocks: [[GeneratedLine]] = [
            [GeneratedLine(text: choices.element(["id: POL-030", "id: 'POL-030'", "id: \"POL-030\"  # the id"]), part: "id")],
            title(&choices),
            [GeneratedLine(text: "type: policy", part: "type")],
            [GeneratedLine(text: choices.element(["version: \"\(versionText)\"", "version: '\(versionText)'   # x.y", "version:   \"\(versionText)\""]), part: "version")],
            [GeneratedLine(text: "status: " + (approved ? "approved" : choices.element(["draft", "review   # with the owner"])), part: "status")],
            [GeneratedLine(text: "owner: security-manager", part: "owner")],
        ]
        if choices.chance(5) {
            blocks.append([GeneratedLine(text: choices.element(["author: Grace Mensah", "author: \"O'Neil: \\\"Q\\\" \\u2028\"", "author: 'It''s me'"]), part: "author")])
        }
        if approved {
            blocks.append([GeneratedLine(text: choices.element(["approved-by: top-management", "approved-by: 'top-management'  # board"]), part: "approved-by")])
            blocks.append([GeneratedLine(text: "approved-on: 2026-11-02", part: "approved-on")])
        }
        if choices.chance(5) { blocks.append([GeneratedLine(text: "classification: internal", part: "classification")]) }
        blocks.append(supersedes(&choices))
        blocks.append(history(&choices))
        blocks = blocks.filter { !$0.isEmpty }
        // Any order of keys, with comments and blank lines between them.
        var ordered: [[GeneratedLine]] = []
        while !blocks.isEmpty { ordered.append(blocks.remove(at: choices.pick(blocks.count))) }
        var frontMatter: [GeneratedLine] = []
        for block in ordered {
            frontMatter += block
            if choices.chance(2) {
                // A comment indented under a key goes with it when the key is removed.
                let comment = choices.element(["# a comment", "", "  # indented: comment", "#"])
                // So does a blank line after it, which would otherwise join a `|+` block above.
                frontMatter.append(GeneratedLine(text: comment, part: comment.hasPrefix(" ") || comment.isEmpty ? block.first?.part : nil))
            }
        }
        let body = [GeneratedLine(text: "# Access policy", part: "body"), GeneratedLine(text: "", part: "body"),
                    GeneratedLine(text: "version: \"9.9\"", part: "body")]
        let all = [GeneratedLine(text: "---", part: nil)] + frontMatter + [GeneratedLine(text: "---", part: nil)] + body
        let mode = choices.pick(4)
        var lines: [(text: String, ending: String, part: String?)] = []
        for (index, line) in all.enumerated() {
            let ending = index == all.count - 1 && choices.chance(3) ? "" : [["\n"], ["\r\n"], ["\r"], ["\n", "\r\n"]][mode].randomElement(using: &choices)
            // A raw U+2028 (or U+2029, U+0085) inside quotes is a line break to YAML: split there.
            var pieces = splitAtBreaks(line.text)
            let last = pieces.removeLast()
            lines += pieces.map { ($0.text, $0.ending, line.part) }
            lines.append((last.text, ending, line.part))
        }
        return GeneratedDocument(lines: lines, byteOrderMark: choices.chance(2), version: version, approved: approved)
    }

    private static func title(_ choices: inout Choices) -> [GeneratedLine] {
        let texts: [[String]] = [
            ["title: Access policy"],
            ["title: 'It''s the access policy'   # as issued"],
            ["title: \"Access \\\"policy\\\" \\\\ \\t tab \\u2028 \\L\""],
            ["title: \"Access\u{2028}policy\u{2029}and\u{85}more\""],
            ["title: " + String(repeating: "Access policy ", count: 300) + "end"],
            ["title: >", "  Access", "  policy"],
            ["title: |", "  Access policy", "  # not a comment"],
            ["title: Access", "  policy"],
            ["title: |+", "  Access", ""],
            ["title: >-  # folded", "    Access", "", "    # policy"],
            ["title: \"Access", "  # inside the quotes", "  policy\""],
        ]
        return choices.element(texts).map { GeneratedLine(text: $0, part: "title") }
    }

    private static func supersedes(_ choices: inout Choices) -> [GeneratedLine] {
        let flow: [[String]] = [
            [], ["supersedes: []"], ["supersedes: [ ]"], ["supersedes: [POL-001]  # one"], ["supersedes: [ POL-001, \"POL-002\" ]"],
            ["supersedes: [", "  POL-001,  # the old one", "  'POL-002'   # and this", "]"], ["supersedes:"],
            ["supersedes: [POL-001,", "    POL-002]"], ["supersedes: [  # none yet", "]"],
        ]
        let block: [[GeneratedLine]] = [
            [.init(text: "supersedes:", part: "supersedes"), .init(text: "  - POL-001", part: "supersedes-item"), .init(text: "  # a comment inside", part: nil),
             .init(text: "  - POL-002", part: "supersedes-item")],
            [.init(text: "supersedes:", part: "supersedes"), .init(text: "- POL-001", part: "supersedes-item"),
             .init(text: "- >-", part: "supersedes-item"), .init(text: "  POL-002", part: "supersedes-item"), .init(text: "  # folded in", part: "supersedes-item")],
        ]
        let pick = choices.pick(flow.count + block.count)
        return pick < flow.count ? flow[pick].map { GeneratedLine(text: $0, part: "supersedes") } : block[pick - flow.count]
    }

    private static func history(_ choices: inout Choices) -> [GeneratedLine] {
        let style = choices.pick(6)
        switch style {
        case 4: return []
        case 5: return [GeneratedLine(text: choices.element(["history: []  # none yet", "history:", "history: [ ]"]), part: "history")]
        default: break
        }
        var lines = [GeneratedLine(text: choices.element(["history:", "history:   # newest last"]), part: "history")]
        let indent = choices.element(["  ", "", "    "])
        for number in 1...(1 + choices.pick(3)) {
            let version = number == 1 ? "0.1" : "0.\(number)"
            switch style {
            case 0: lines.append(.init(text: "\(indent)- { version: \"\(version)\", date: 2026-11-01, author: Grace, summary: First draft }", part: "history-entry"))
            case 1: lines.append(.init(text: "\(indent)- {version: '\(version)', date: 2026-11-01, summary: \"Draft: one # two\"}  # c", part: "history-entry"))
            default:
                lines.append(.init(text: "\(indent)- version: \"\(version)\"", part: "history-entry"))
                lines.append(.init(text: "\(indent)  date: 2026-11-01", part: "history-entry"))
                let summary = choices.element([["summary: First draft"], ["summary: |", "  First draft", "  # still the summary"],
                                               ["summary: >-", "  First", "  draft"], ["summary: 'a # b'  # c"]])
                lines.append(.init(text: "\(indent)  " + summary[0], part: "history-entry"))
                lines += summary.dropFirst().map { .init(text: "\(indent)  " + $0, part: "history-entry") }
            }
            if choices.chance(2) { lines.append(.init(text: "\(indent)# between entries", part: nil)) }
        }
        return lines
    }

    /// Text split where YAML breaks lines: the pieces with the break that ends each.
    static func splitAtBreaks(_ text: String) -> [(text: String, ending: String)] {
        var pieces: [(text: String, ending: String)] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                var ending = String(scalar)
                if scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" {
                    ending = "\r\n"
                    index += 1
                }
                pieces.append((String(current), ending))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
            index += 1
        }
        pieces.append((String(current), ""))
        return pieces
    }
}

extension Array {
    /// An element picked by the choices (so a seed reproduces it).
    func randomElement(using choices: inout Choices) -> Element { self[choices.pick(count)] }
}
