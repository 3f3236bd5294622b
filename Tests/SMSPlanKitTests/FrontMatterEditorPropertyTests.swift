import Foundation
import PropertyBased
import Testing
@testable import SMSPlanKit

/// For generated front matter of any shape the parser accepts, each transition's edits give
/// front matter that parses, holds exactly the intended values, and leaves every line it is
/// not meant to change byte for byte as it was.
struct FrontMatterEditorPropertyTests {
    /// A value as YAML reads it, without positions or quoting.
    indirect enum Shape: Equatable, CustomStringConvertible {
        case text(String)
        case list([Shape])
        case map([String: Shape])

        init(_ node: YAMLNode) {
            switch node {
            case .scalar(let scalar): self = .text(scalar.text)
            case .sequence(let items, _): self = .list(items.map(Shape.init))
            case .mapping(let pairs, _): self = .map(Dictionary(pairs.map { ($0.keyText ?? "?", Shape($0.value)) }, uniquingKeysWith: { first, _ in first }))
            }
        }

        var description: String {
            switch self {
            case .text(let text): text.debugDescription
            case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
            case .map(let pairs): "{" + pairs.keys.sorted().map { "\($0): \(pairs[$0]!)" }.joined(separator: ", ") + "}"
            }
        }
    }

    enum Transition {
        case approve(role: String, author: String)
        case revise(summary: String, author: String)
        case retire(successor: String?)
        case supersede(id: String)

        static func generate(_ choices: inout Choices, for document: GeneratedDocument) -> Transition {
            switch choices.pick(document.approved ? 3 : 3) {
            case 0 where !document.approved: .approve(role: choices.element(["top-management", "board: all"]), author: choices.hostileText())
            case 0, 1: .revise(summary: choices.hostileText(maximum: 20), author: choices.hostileText())
            case 2 where document.approved: .retire(successor: choices.chance(7) ? choices.element(["POL-099", "POL, 1", "#9"]) : nil)
            default: .supersede(id: choices.element(["POL-013", "POL-0,1 ]", "x: y", "'q'"]))
            }
        }

        /// The top-level keys whose lines the transition may change.
        var keys: Set<String> {
            switch self {
            case .approve, .revise: ["version", "status", "approved-by", "approved-on", "history"]
            case .retire: ["status", "superseded-by"]
            case .supersede: ["supersedes"]
            }
        }
    }

    private static let date = PlanDate("2026-12-01")!

    /// Runs the transition; returns the values it must leave (nil for a key it removes).
    private static func apply(_ transition: Transition, to editor: inout FrontMatterEditor, document: GeneratedDocument,
                              before: [String: Shape]) throws -> [String: Shape?] {
        let history: [Shape] = before["history"].flatMap { if case .list(let items) = $0 { items } else { nil } } ?? []
        func entry(_ version: DocumentVersion, _ author: String, _ summary: String) -> Shape {
            .map(["version": .text(version.description), "date": .text(date.description), "author": .text(author), "summary": .text(summary)])
        }
        switch transition {
        case .approve(let role, let author):
            let version = DocumentVersion(major: 1, minor: 0)
            try editor.approve(firstIssue: (version, FrontMatterEditor.historyEntry(version: version, date: date, author: author, summary: "Approved for issue")),
                               role: role, date: date)
            return ["version": .text("1.0"), "status": .text("approved"), "approved-by": .text(role), "approved-on": .text(date.description),
                    "history": .list(history + [entry(version, author, "Approved for issue")])]
        case .revise(let summary, let author):
            let version = DocumentVersion(major: document.version.major, minor: document.version.minor + 1)
            try editor.revise(to: version, entry: FrontMatterEditor.historyEntry(version: version, date: date, author: author, summary: summary))
            var values: [String: Shape?] = ["version": .text(version.description), "status": .text("draft"),
                                            "history": .list(history + [entry(version, author, summary)])]
            values.updateValue(nil, forKey: "approved-by")
            values.updateValue(nil, forKey: "approved-on")
            return values
        case .retire(let successor):
            try editor.retire(supersededBy: successor)
            var values: [String: Shape?] = ["status": .text("obsolete")]
            if let successor { values["superseded-by"] = .text(successor) }
            return values
        case .supersede(let id):
            try editor.appendToList("supersedes", item: id)
            let items: [Shape] = before["supersedes"].flatMap { if case .list(let items) = $0 { items } else { nil } } ?? []
            return ["supersedes": .list(items + [.text(id)])]
        }
    }

    private static func topLevel(_ data: Data) throws -> [String: Shape] {
        let parsed = FrontMatterParser.parse(data)
        let root = try #require(parsed.frontMatter, "\(parsed.findings.map(\.message))")
        guard case .map(let values) = Shape(root) else { throw CancellationError() }
        return values
    }

    /// The file's lines where YAML breaks them, each with its line end.
    private static func lines(_ data: Data) -> [String] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return GeneratedDocument.splitAtBreaks(text).map { $0.text + $0.ending }.filter { !$0.isEmpty }
    }

    /// The indices of `old` that a longest common subsequence with `new` leaves out.
    private static func removedIndices(_ old: [String], _ new: [String]) -> [Int] {
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var (i, j) = (0, 0)
        var removed: [Int] = []
        while i < old.count {
            if j < new.count && old[i] == new[j] {
                i += 1
                j += 1
            } else if j >= new.count || common[i + 1][j] >= common[i][j + 1] {
                removed.append(i)
                i += 1
            } else {
                j += 1
            }
        }
        return removed
    }

    static func check(_ document: GeneratedDocument, _ transition: Transition) throws {
        let original = document.data
        let before = try topLevel(original)
        var editor = try FrontMatterEditor(original, path: "p.md")
        let intended = try apply(transition, to: &editor, document: document, before: before)
        let result = editor.data
        let after = try topLevel(result)
        let text = String(decoding: result, as: UTF8.self)
        for key in Set(before.keys).union(after.keys).union(intended.keys).sorted() {
            let expected = intended.keys.contains(key) ? intended[key]! : before[key]
            #expect(after[key] == expected, "\(key) in\n\(text)")
        }
        #expect(result.starts(with: [0xEF, 0xBB, 0xBF]) == document.byteOrderMark)
        // Every line not meant to change is byte-identical and in its place.
        let old = document.lines.map { $0.text + $0.ending }
        #expect(old.filter { !$0.isEmpty } == lines(original))
        for index in removedIndices(old, GeneratedDocument.splitAtBreaks(String(decoding: result, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")).map { $0.text + $0.ending }) {
            let part = document.lines[index].part
            #expect(part.map(transition.keys.contains) == true, "line \(index + 1) \(old[index].debugDescription) (\(part ?? "comment")) changed:\n\(text)")
        }
    }

    @Test func everyTransitionChangesOnlyItsLines() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...9_999).array(of: 20...80)) { numbers in
            var choices = Choices(numbers)
            let document = GeneratedDocument.generate(&choices)
            let transition = Transition.generate(&choices, for: document)
            try Self.check(document, transition)
        }
    }
}
