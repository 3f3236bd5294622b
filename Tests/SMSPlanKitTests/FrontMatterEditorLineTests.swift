import XCTest
@testable import SMSPlanKit

/// The editor's lines are the parser's lines, whatever the text holds.
final class FrontMatterEditorLineTests: XCTestCase {
    private func edited(_ text: String, _ edit: (inout FrontMatterEditor) throws -> Void) throws -> String {
        var editor = try FrontMatterEditor(Data(text.utf8), path: "policies/p.md")
        try edit(&editor)
        XCTAssertNotNil(FrontMatterParser.parse(editor.data).frontMatter, String(decoding: editor.data, as: UTF8.self))
        return String(decoding: editor.data, as: UTF8.self)
    }

    private let entry: [(key: String, value: YAMLValue)] = [("version", .quoted("0.2")), ("date", .raw("2026-11-20"))]

    func testUnicodeLineBreaksInValuesAreEscapedOnOneLine() throws {
        for exotic in ["\u{2028}", "\u{2029}", "\u{85}", "\r", "\n", "\r\n", "\u{1B}[2J", "\u{FEFF}", "\u{7F}", "\u{9B}"] {
            let author = "Ada" + exotic + "status: approved"
            let written = YAMLText.scalar(author)
            XCTAssertFalse(written.unicodeScalars.contains { !YAMLText.isPrintable($0) }, written.debugDescription)
            let text = "---\nid: POL-1\ntitle: T\nstatus: draft\nhistory:\n  - { version: \"0.1\", date: 2026-11-01 }\n---\n"
            let result = try edited(text) {
                try $0.appendHistoryEntry(entry + [("author", .text(author))])
                try $0.set("status", to: "review")
            }
            let document = try XCTUnwrap(DocumentDecoder.decode(Data(result.utf8), path: "p.md").document)
            XCTAssertEqual(document.history.last?.author?.value, author)
            XCTAssertEqual(document.title?.value, "T")
            XCTAssertEqual(document.status?.value, .review)
            XCTAssertEqual(document.history.count, 2)
        }
    }

    func testAnExistingTitleWithAUnicodeLineBreakKeepsLaterEditsOnTheirLines() throws {
        for exotic in ["\u{2028}", "\u{2029}", "\u{85}"] {
            let text = "---\nid: POL-1\ntitle: \"Access\(exotic)policy\"\nstatus: review\nhistory:\n  - { version: \"0.1\", date: 2026-11-01 }\n---\nbody\n"
            let result = try edited(text) {
                try $0.set("status", to: "draft")
                try $0.appendHistoryEntry(entry)
            }
            XCTAssertEqual(result, text.replacingOccurrences(of: "status: review", with: "status: draft")
                .replacingOccurrences(of: "2026-11-01 }\n", with: "2026-11-01 }\n  - { version: \"0.2\", date: 2026-11-20 }\n"))
        }
    }

    func testANewLineThatWouldHoldALineBreakIsRefused() throws {
        var editor = try FrontMatterEditor(Data("---\nid: POL-1\n---\n".utf8), path: "p.md")
        XCTAssertThrowsError(try editor.set("status", to: "draft\u{2028}owner: x")) { error in
            XCTAssertTrue("\(error)".contains("line break U+2028"), "\(error)")
        }
    }

    func testABlockScalarWhoseLastLineStartsWithAHashKeepsIt() throws {
        let text = "---\nid: POL-1\nhistory:\n  - version: \"0.1\"\n    date: 2026-11-01\n    summary: |\n      First draft\n      # not a comment\n  # a comment\nstatus: draft\n---\n"
        let result = try edited(text) { try $0.appendHistoryEntry(entry) }
        XCTAssertEqual(result, text.replacingOccurrences(of: "# not a comment\n", with: "# not a comment\n  - version: \"0.2\"\n    date: 2026-11-20\n"))
        let list = "---\nid: POL-1\nsupersedes:\n  - POL-001\n  - >-\n    POL\n    # 002\nstatus: draft\n---\n"
        XCTAssertEqual(try edited(list) { try $0.appendToList("supersedes", item: "POL-003") },
                       list.replacingOccurrences(of: "# 002\n", with: "# 002\n  - POL-003\n"))
        let kept = "---\nid: POL-1\ntitle: |+\n  A\n\nstatus: draft\n---\n"
        XCTAssertEqual(try edited(kept) { try $0.set("type", to: "policy") }, kept.replacingOccurrences(of: "\nstatus", with: "\ntype: policy\nstatus"))
    }

    func testAFlowListOverSeveralLinesKeepsItsLinesAndComments() throws {
        let text = "---\nid: POL-1\nsupersedes: [\n  POL-001,  # the old one\n  POL-002   # and this\n]\nstatus: draft\n---\n"
        XCTAssertEqual(try edited(text) { try $0.appendToList("supersedes", item: "POL-013") },
                       text.replacingOccurrences(of: "POL-002   #", with: "POL-002, POL-013   #"))
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes: [ ]\n---\n") { try $0.appendToList("supersedes", item: "POL-013") },
                       "---\nid: POL-1\nsupersedes: [ POL-013 ]\n---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes: [  # none\n]\n---\n") { try $0.appendToList("supersedes", item: "POL-013") },
                       "---\nid: POL-1\nsupersedes: [ POL-013  # none\n]\n---\n")
    }

    func testMixedLineEndsKeepEachLinesEnding() throws {
        let text = "---\r\nid: POL-1\r\ntitle: T\nstatus: draft\nowner: x\r\n---\r\n"
        XCTAssertEqual(try edited(text) { try $0.set("approved-by", to: "y") },
                       "---\r\nid: POL-1\r\ntitle: T\nstatus: draft\nowner: x\r\napproved-by: y\r\n---\r\n")
        XCTAssertEqual(try edited(text) { try $0.set("type", to: "policy") },
                       "---\r\nid: POL-1\r\ntitle: T\ntype: policy\nstatus: draft\nowner: x\r\n---\r\n")
    }
}
