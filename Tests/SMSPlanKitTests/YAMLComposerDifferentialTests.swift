internal import CYaml
import Foundation
import TestSupport
import XCTest
import Yams
@testable import SMSPlanKit

/// The one-pass composer against the composition it replaced (a counting pass over libyaml's
/// events, then Yams' node tree, then positioned nodes): every input gives the same nodes,
/// positions and quoting, or the same failure at the same place in the same words.
///
/// (Repeated keys of different kinds, a list key and a text key say, were named in an order
/// that changed from run to run before; no input here repeats two such keys at once.)
///
/// The inputs are every front matter and YAML file of the project (the plan template, the
/// starter plans, the fixtures, the hostile corpus, the fuzz seeds), each cut short at every
/// line and changed line by line in the ways authors and attackers break YAML, written
/// cases for anchors, aliases, tags, repeated keys and documents, and seeded random edits.
final class YAMLComposerDifferentialTests: XCTestCase {
    func testTheProjectsFilesAndTheirVariationsComposeAsBefore() throws {
        var inputs: [(name: String, text: String, firstLine: Int)] = []
        for (name, text, firstLine) in try Self.projectYAML() {
            inputs.append((name, text, firstLine))
            // A Markdown body is not YAML: the whole file is composed once, its front matter varied.
            guard firstLine == 2 || name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
            inputs += Self.variations(of: text).enumerated().map { ("\(name) variation \($0.offset)", $0.element, firstLine) }
        }
        XCTAssertGreaterThan(inputs.count, 10_000)
        let plain = try compare(inputs)
        // The plain layout (read without libyaml's scanner) is among them, and reads alike.
        XCTAssertGreaterThan(plain, 1_000)
    }

    /// Front matter built from the plain layout's pieces and their near misses (a colon, a
    /// hash, a quote, a bracket, a tab, a blank line, an indent out of step): what the layout
    /// takes and what it leaves to libyaml both read as before.
    func testThePlainLayoutAndItsNearMissesComposeAsBefore() throws {
        var random = SplitMix(seed: 20_261_203)
        let keys = (good: ["id", "title", "version", "approved-on", "record_of", "k9", "id"], missed: ["-x", "_y", "a b", "?", "'q'", "\"d\""])
        let scalars = (good: ["PRO-00007", "\"1.0\"", "2026-01-01", "6 years", "Lars Nilsson", "a/b (c); d=e+f.g", "First draft", "\"\"",
                              "\"Procedure 7: security\"", "x  ", "null"],
                       missed: ["a: b", "a #b", "a#b", "\"a\\\"b\"", "'single'", "-5", "- x", "~", "[a]", "{a: b}", "a,b", "&anchor a",
                                "*alias", "!tag a", "|", ">", "@", "`", "%", "a\tb", "é", "a:b", "\"a\tb\""])
        func pick(_ list: [String]) -> String { list[Int(random.next() % UInt64(list.count))] }
        func pick(_ lists: (good: [String], missed: [String])) -> String { pick(random.next() % 40 == 0 ? lists.missed : lists.good) }
        func flow(mapping: Bool) -> String {
            let count = Int(random.next() % 4)
            let items = (0..<count).map { _ in mapping ? "\(pick(keys)): \(pick(scalars))" : pick(scalars) }
            let separator = pick([", ", ",", " , ", ",  "])
            return mapping ? "{" + pick(["", " "]) + items.joined(separator: separator) + pick((good: ["", " "], missed: [", "])) + "}"
                           : "[" + items.joined(separator: separator) + pick((good: ["", " "], missed: [","])) + "]"
        }
        func value() -> String {
            switch random.next() % 4 {
            case 0: flow(mapping: false)
            case 1: flow(mapping: true)
            default: pick(scalars)
            }
        }
        var inputs: [(name: String, text: String, firstLine: Int)] = []
        for round in 0..<4_000 {
            var lines: [String] = []
            for _ in 0...(random.next() % 6) {
                if random.next() % 3 == 0 {
                    lines.append(pick(keys) + ":" + pick(["", " ", "  "]))
                    let indent = String(repeating: " ", count: Int(random.next() % 3) + 1)
                    for _ in 0..<(random.next() % 3) {
                        let step = random.next() % 40 == 0 ? " " : ""
                        lines.append(indent + step + pick((good: ["- ", "-  "], missed: ["-"])) + value() + pick(["", " "]))
                    }
                } else {
                    lines.append(pick(keys) + pick((good: [": ", ":  "], missed: [":", " : "])) + value() + pick(["", " ", "  "]))
                }
                if random.next() % 40 == 0 { lines.append(pick(["", "# comment", "  continued", "\t", "---", "..."])) }
            }
            inputs.append(("generated \(round)", lines.joined(separator: "\n") + "\n", 2))
        }
        let plain = try compare(inputs)
        XCTAssertGreaterThan(plain, 500, "the plain layout takes some of them")
        XCTAssertLessThan(plain, inputs.count - 500, "and leaves others to libyaml")
    }

    func testWrittenCasesComposeAsBefore() throws {
        try compare(Self.writtenCases.enumerated().map { ("case \($0.offset)", $0.element, 2) })
    }

    func testRandomEditsComposeAsBefore() throws {
        var random = SplitMix(seed: 20_000_1)
        let seeds = try Self.projectYAML().map(\.text).filter { $0.utf8.count < 4_000 } + Self.writtenCases
        let alphabet = Array(" \n\t:-?[]{},&*!#'\"|>%@`a1.~=<\\".unicodeScalars)
        var inputs: [(name: String, text: String, firstLine: Int)] = []
        for round in 0..<6_000 {
            var scalars = Array(seeds[Int(random.next() % UInt64(seeds.count))].unicodeScalars)
            for _ in 0...(random.next() % 4) {
                let at = scalars.isEmpty ? 0 : Int(random.next() % UInt64(scalars.count))
                switch random.next() % 3 {
                case 0: scalars.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: at)
                case 1: if !scalars.isEmpty { scalars.remove(at: at) }
                default: if !scalars.isEmpty { scalars[at] = alphabet[Int(random.next() % UInt64(alphabet.count))] }
                }
            }
            inputs.append(("random \(round)", String(String.UnicodeScalarView(scalars)), 2))
        }
        try compare(inputs)
    }

    /// How many of the inputs were in the plain layout.
    @discardableResult
    private func compare(_ inputs: [(name: String, text: String, firstLine: Int)]) throws -> Int {
        var failures = 0
        var plain = 0
        for input in inputs {
            var text = input.text
            if text.withUTF8({ YAMLPlainLayout.events($0) }) != nil { plain += 1 }
            let now = Self.outcome { try YAMLComposer.compose(input.text, firstLine: input.firstLine) }
            let before = Self.outcome { try PreviousYAMLComposer.compose(input.text, firstLine: input.firstLine) }
            if now != before {
                failures += 1
                if failures <= 20 {
                    XCTFail("\(input.name): \(input.text.debugDescription.prefix(400))\nnow:    \(now.prefix(600))\nbefore: \(before.prefix(600))")
                }
            }
        }
        XCTAssertEqual(failures, 0, "of \(inputs.count) inputs")
        return plain
    }

    /// The nodes or the failure, written out in full.
    private static func outcome(_ compose: () throws -> YAMLNode?) -> String {
        do {
            guard let root = try compose() else { return "nil" }
            var text = ""
            write(root, to: &text)
            return text
        } catch let failure as YAMLComposer.Failure {
            return "failure \(failure.location.line):\(failure.location.column) \(failure.message)"
        } catch {
            return "other error \(error)"
        }
    }

    private static func write(_ node: YAMLNode, to text: inout String) {
        let place = "\(node.location.line):\(node.location.column)"
        switch node {
        case .scalar(let scalar):
            text += "\(scalar.isPlain ? "plain" : "quoted") \(scalar.text.debugDescription) \(place)\n"
        case .sequence(let items, _):
            text += "list \(place) [\n"
            for item in items { write(item, to: &text) }
            text += "]\n"
        case .mapping(let pairs, _):
            text += "mapping \(place) {\n"
            for pair in pairs {
                write(pair.key, to: &text)
                write(pair.value, to: &text)
            }
            text += "}\n"
        }
    }

    // MARK: Inputs

    /// Front matter of every Markdown file and every YAML file the project keeps, with the
    /// file line its first line is on, and the hostile corpus's cases up to 2 MB.
    private static func projectYAML() throws -> [(name: String, text: String, firstLine: Int)] {
        var found: [(String, String, Int)] = []
        let root = ProjectFiles.root
        for folder in ["plan-template", "starter", "Tests/SMSPlanKitTests/Fixtures", "Tests/smsplanTests/Fixtures", "Fuzz/corpus", "docs"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard ["md", "yaml", "yml"].contains(url.pathExtension) || folder == "Fuzz/corpus",
                      let data = try? Data(contentsOf: url) else { continue }
                found += entries(url.path.replacingOccurrences(of: root.path + "/", with: ""), data)
            }
        }
        for item in try HostileCorpus.all() {
            guard let contents = item.contents, contents.count < 2 << 20 else { continue }
            found += entries("hostile \(item.name)", contents)
        }
        XCTAssertGreaterThan(found.count, 150)
        return found
    }

    /// A file as the front-matter parser gives its YAML to the composer, and whole.
    private static func entries(_ name: String, _ data: Data) -> [(String, String, Int)] {
        guard var text = String(data: data, encoding: .utf8) else { return [] }
        if text.utf8.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst() }
        var entries = [(name, text, 1)]
        let lines = FrontMatterParser.lines(of: text)
        if lines.first?.trimmingSpaces() == "---",
           let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingSpaces()) }) {
            entries.append(("\(name) front matter", lines[1..<close].joined(separator: "\n") + "\n", 2))
        }
        return entries
    }

    /// The text cut short after every line, and each line changed in turn: indented with a
    /// tab, written twice, its colon dropped, given an anchor, replaced by an alias, opened
    /// as a flow list and left open.
    private static func variations(of text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count < 400 else { return [] }
        var variations: [String] = []
        func joined(_ lines: [String]) -> String { lines.joined(separator: "\n") }
        for index in lines.indices {
            variations.append(joined(Array(lines[...index])))
            let line = lines[index]
            for changed in ["\t" + line, line.replacingOccurrences(of: ": ", with: " "), line.replacingOccurrences(of: ": ", with: ": &a "),
                            line.replacingOccurrences(of: ": ", with: ": *a"), line.replacingOccurrences(of: ": ", with: ": ["),
                            line.replacingOccurrences(of: "- ", with: "- &b "), line.replacingOccurrences(of: "- ", with: "- *b")] where changed != line {
                var copy = lines
                copy[index] = changed
                variations.append(joined(copy))
            }
            var twice = lines
            twice.insert(line, at: index)
            variations.append(joined(twice))
        }
        return variations
    }

    private static let writtenCases: [String] = {
        let deep = String(repeating: "[", count: 63) + "x" + String(repeating: "]", count: 63)
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...6 {
            bomb += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return [
            "", "\n", "# only a comment\n", "---\n", "--- \n...\n", "...\n", "~\n", "just text\n", "- a\n- b\n", "'quoted'\n",
            "a: 1\n---\nb: 2\n", "a: 1\n--- [\n", "a: 1\n...\n", "a: 1\n...\n---\nb: 2\n", "--- a\n--- b\n",
            "a: &x 1\nb: *x\n", "a: &x [1, 2]\nb: *x\nc: *x\n", "a: *x\n", "a: &x [*x]\n", "a: &x 1\nb: &x [*x]\nc: *x\n",
            "a: &x {k: v}\nb: *x\n", "&r [a, *r]\n", "a: &x 1\n*x : 2\n", "x: &k a\nm:\n  a: 1\n  *k : 2\n", "x: &k a\nm:\n  *k : 2\n  a: 1\n",
            "a: 1\na: 2\n", "a: 1\nb: 2\na: 3\n", "a: 1\n\"a\": 2\n", "a: 1\n'a': 2\n", "a: 1\n!!str a: 2\n", "a: 1\n!x a: 2\n", "a: 1\n! a: 2\n",
            "m:\n  a: 1\n  b: 2\n  a: 3\n", "{a: 1, a: 2}\n", "k: {a: 1, b: 2, a: 3}\n", "a: 1\nb: 1\na: 2\nb: 2\n", "b: 1\na: 1\nb: 2\na: 2\n",
            "? [a, b]\n: 1\n? [a, b]\n: 2\n", "? {x: 1}\n: 1\n? {x: 2}\n: 2\n", "? {x: 1}\n: 1\n? {x: 1}\n: 2\n", "? [a]\n: 1\n? !t [a]\n: 2\n",
            "? {!!value v: name}\n: 1\n? {!!value v: name}\n: 2\n", "? {=: name}\n: 1\n? {=: name}\n: 2\n",
            "a: [1, 2]\n? [1, 2]\n: 1\n? [1, 2]\n: 2\n", "a: &s [k]\n? *s\n: 1\n? [k]\n: 2\n", "a: 1\nA: 2\n", "\"\\ufeffa\": 1\n\"\\ufeffa\": 2\n",
            "k: \"\\ufeffx\"\n", "k: \"\\uFEFF\"\n", "k: '\u{FEFF}x'\n", "k: \"a\\0b\"\n", "k: \"\\x80\"\n", "k: |\n  line\n  line\n", "k: >-\n  folded\n  text\n",
            "k: !!int 1\n", "k: !local v\n", "!!map {a: 1}\n", "!!seq [a]\n", "k: ! v\n", "%YAML 1.1\n---\nk: v\n", "%TAG !e! tag:example.com,2000:\n---\nk: !e!x v\n",
            "k:\n\t- a\n", "k: [a,\n\tb]\n", "k: \"tab\tinside\"\n", "\tk: v\n", "k: [a, b\n", "k: {a: 1\n", "k: \"open\n", "k: 'open\n",
            "k: v\n  bad: indent\n", "- a\nb: c\n", "k: @v\n", "k: `v\n", "k: \u{1}\n", "k: \u{7F}v\n", "k: \u{85}\n", "*\n", "&\n", "!<>\n",
            "k: v # comment\n", "\u{FEFF}k: v\n", "k: v\r\nl: w\r\n", "k: v\rl: w\r", "k: é\nl: 日本\n", "é: 1\né: 2\n",
            "a: " + deep + "\n", "a: [" + deep + "]\n", deep + "\n", "[" + deep + "]\n", "a: &d " + deep + "\nb: [[*d]]\n", "a: &d " + deep + "\nb: *d\n",
            "a: &d [[" + deep + "]]\nb: [[[[*d, *d]]]]\nc: *d\n", bomb, bomb + "c: [*l6, *l6]\n", "a: 1\na: 2\n" + bomb + "c: [*l6, *l6]\n",
            "a: *nothing\n" + bomb + "c: [*l6, *l6]\n", "a: 1\n---\n" + bomb + "c: [*l6, *l6]\n", "a: 1\na: 2\nb: [\n", "a: *u\nb: [\n", "a: 1\n---\nb: [\n",
            "a: 1\n--- \t\n", "a: 1\n---\n\tb: 1\n", "- - - - x\n", "- [a, {b: c}]\n- ? x\n  : y\n",
        ]
    }()
}

/// Composition as it was before the one-pass composer: a counting pass, then Yams.
private enum PreviousYAMLComposer {
    static func compose(_ text: String, firstLine: Int) throws(YAMLComposer.Failure) -> YAMLNode? {
        try checkLimits(text, firstLine: firstLine)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw YAMLComposer.failure(from: refusal(from: error), in: text, firstLine: firstLine)
        } catch {
            throw YAMLComposer.Failure(location: SourceLocation(line: firstLine, column: 1), message: "\(error)")
        }
        guard let root else { return nil }
        var budget = YAMLComposer.maximumNodes
        return try convert(root, lineOffset: firstLine - 1, depth: 0, budget: &budget)
    }

    private static func checkLimits(_ text: String, firstLine: Int) throws(YAMLComposer.Failure) {
        var text = text
        if text.isEmpty { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let failure: YAMLComposer.Failure? = text.withUTF8 { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var scan = YAMLLimits.Scan(firstLine: firstLine)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let failure = scan.take(event) { return failure }
            }
        }
        if let failure { throw failure }
    }

    private static func refusal(from error: YamlError) -> YAMLComposer.Refusal {
        func mark(_ mark: Yams.Mark) -> YAMLComposer.Mark { YAMLComposer.Mark(line: mark.line, column: mark.column) }
        func problem(_ kind: YAMLComposer.Problem.Kind, _ context: YamlError.Context?, _ problem: String, _ at: Yams.Mark) -> YAMLComposer.Refusal {
            .syntax(YAMLComposer.Problem(kind: kind, problem: problem, mark: mark(at), context: context.map { ($0.text, mark($0.mark)) }))
        }
        switch error {
        case .scanner(let context, let text, let at, _): return problem(.scanner, context, text, at)
        case .parser(let context, let text, let at, _): return problem(.parser, context, text, at)
        case .composer(let context, let text, let at, _): return problem(.composer, context, text, at)
        case .duplicatedKeysInMapping(let duplicates, let context): return .duplicateKeys(duplicates, first: mark(context.mark))
        case .reader(let text, _, _, _): return .syntax(YAMLComposer.Problem(kind: .reader, problem: text))
        case .memory: return .syntax(YAMLComposer.Problem(kind: .memory))
        default: return .syntax(YAMLComposer.Problem(kind: .none))
        }
    }

    private static func convert(_ node: Node, lineOffset: Int, depth: Int, budget: inout Int) throws(YAMLComposer.Failure) -> YAMLNode {
        budget -= 1
        let location = SourceLocation(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        guard budget >= 0 else {
            throw YAMLComposer.Failure(location: location, message: "front matter expands to more than \(YAMLComposer.maximumNodes) values (an alias bomb?)")
        }
        guard depth <= YAMLComposer.maximumDepth else {
            throw YAMLComposer.Failure(location: location, message: "front matter is nested deeper than \(YAMLComposer.maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any, location: location))
        case .alias:
            return .scalar(YAMLScalar(text: "", isPlain: true, location: location))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, lineOffset: lineOffset, depth: depth + 1, budget: &budget))
            }
            return .sequence(items, location)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                pairs.append(YAMLPair(
                    key: try convert(key, lineOffset: lineOffset, depth: depth + 1, budget: &budget),
                    value: try convert(value, lineOffset: lineOffset, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, location)
        }
    }
}

/// A small seeded generator, so that a failing random edit can be found again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
