import XCTest
@testable import SMSPlanKit

final class FrontMatterEditorTests: XCTestCase {
    private let draft = """
        ---
        id: POL-030
        title: 'Access policy'   # as issued
        type: policy
        version: '0.2'  # drafts count 0.x
        status: review
        owner: security-manager
        author: Grace Mensah
        classification: internal
        satisfies: []
        phase: 2
        history:
          - { version: "0.1", date: 2026-11-01, author: Grace Mensah, summary: First draft }
          - { version: "0.2", date: 2026-11-02, author: Grace Mensah, summary: Review comments }
        ---
        # Access policy

        Body text: not front matter.
        version: "9.9"

        """

    /// The text after `edit`, which must leave the front matter readable.
    private func edited(_ text: String, _ edit: (inout FrontMatterEditor) throws -> Void) throws -> String {
        var editor = try FrontMatterEditor(Data(text.utf8), path: "policies/p.md")
        try edit(&editor)
        let result = String(decoding: editor.data, as: UTF8.self)
        XCTAssertNotNil(FrontMatterParser.parse(editor.data).frontMatter, result)
        return result
    }

    private func replacing(_ text: String, _ pairs: [(String, String)]) -> String {
        pairs.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    func testSetReplacesTheValueOnlyAndKeepsTheCommentAndTheRest() throws {
        let result = try edited(draft) {
            try $0.set("version", to: "\"1.0\"")
            try $0.set("status", to: "approved")
        }
        XCTAssertEqual(result, replacing(draft, [("version: '0.2'  # drafts", "version: \"1.0\"  # drafts"), ("status: review", "status: approved")]))
    }

    func testSetInsertsAMissingKeyAfterTheKeyBeforeIt() throws {
        let result = try edited(draft) {
            try $0.set("approved-on", to: "2026-11-20")
            try $0.set("approved-by", to: "top-management")
            try $0.set("superseded-by", to: "POL-040")
        }
        XCTAssertEqual(result, replacing(draft, [
            ("author: Grace Mensah\n", "author: Grace Mensah\napproved-by: top-management\napproved-on: 2026-11-20\n"),
            ("phase: 2\n", "phase: 2\nsuperseded-by: POL-040\n"),
        ]))
        let noAuthor = draft.replacingOccurrences(of: "author: Grace Mensah\nclassification", with: "classification")
        XCTAssertTrue(try edited(noAuthor) { try $0.set("approved-by", to: "x") }.contains("owner: security-manager\napproved-by: x\nclassification"))
    }

    func testSetFillsAnEmptyValueAndReplacesOneOverSeveralLines() throws {
        let text = "---\nid: POL-1\nsuperseded-by:   # later\nsupersedes:\ntitle: >\n  folded\n  over lines\n\n# a comment\nstatus: draft\n---\n"
        let result = try edited(text) {
            try $0.set("superseded-by", to: "POL-2")
            try $0.set("supersedes", to: "[POL-0]")
            try $0.set("title", to: "\"One line\"")
        }
        XCTAssertEqual(result, "---\nid: POL-1\nsuperseded-by:   POL-2 # later\nsupersedes: [POL-0]\ntitle: \"One line\"\n\n# a comment\nstatus: draft\n---\n")
    }

    func testRemoveDropsTheKeyAndTheLinesOfItsValue() throws {
        let text = "---\nid: POL-1\napproved-by: x  # who\ndistribution:\n  - all-staff\n  # nobody else\n  - suppliers\n# next\nstatus: draft\n---\n"
        XCTAssertEqual(try edited(text) {
            try $0.remove("approved-by")
            try $0.remove("distribution")
            try $0.remove("approved-on")
        }, "---\nid: POL-1\n# next\nstatus: draft\n---\n")
    }

    /// A quote inside a plain scalar in brackets (`a'`, `5" screen`) is text: the comment
    /// lines after it stay comments, and removing the key after one keeps them.
    func testQuotesInsidePlainScalarsInBracketsDoNotHideTheCommentsAfterThem() throws {
        for summary in ["a'", "Grace's edit", "5\" screen", "it's \"done\""] {
            let text = "---\nid: POL-1\nhistory:\n  - { version: \"0.1\", summary: \(summary) }\napproved-by: x\n# kept\napproved-on: 2026-11-02\nstatus: draft\n---\n"
            XCTAssertEqual(try edited(text) {
                try $0.remove("approved-by")
                try $0.remove("approved-on")
            }, "---\nid: POL-1\nhistory:\n  - { version: \"0.1\", summary: \(summary) }\n# kept\nstatus: draft\n---\n", summary)
        }
        // A quoted scalar over two lines inside brackets: the line after it that closes the
        // list is still read inside the brackets.
        let over = "---\nid: POL-1\nsupersedes: [ 'POL-0\n  # text, not a comment', POL-2\n  ]\napproved-by: x\n# kept\nstatus: draft\n---\n"
        XCTAssertEqual(try edited(over) { try $0.remove("approved-by") },
                       "---\nid: POL-1\nsupersedes: [ 'POL-0\n  # text, not a comment', POL-2\n  ]\n# kept\nstatus: draft\n---\n")
        XCTAssertEqual(try edited(over) { try $0.remove("supersedes") }, "---\nid: POL-1\napproved-by: x\n# kept\nstatus: draft\n---\n")
    }

    func testAKeyInsertedAfterAnotherComesAfterTheCommentLinesIndentedUnderIt() throws {
        for comment in ["  # about supersedes", "    # deeper", "  #"] {
            let text = "---\nid: POL-1\nsupersedes: []\n\(comment)\nclassification: internal\n---\n"
            XCTAssertEqual(try edited(text) { try $0.set("history", to: "[]") },
                           "---\nid: POL-1\nsupersedes: []\n\(comment)\nhistory: []\nclassification: internal\n---\n", comment)
        }
        // A comment at the key's own indentation belongs to what follows: the key goes before it.
        let level = "---\nid: POL-1\nsupersedes: []\n# about classification\nclassification: internal\n---\n"
        XCTAssertEqual(try edited(level) { try $0.set("history", to: "[]") },
                       "---\nid: POL-1\nsupersedes: []\nhistory: []\n# about classification\nclassification: internal\n---\n")
    }

    func testHistoryEntriesFollowTheStyleOfTheLastEntry() throws {
        let entry: [(key: String, value: YAMLValue)] = [("version", .quoted("0.3")), ("date", .raw("2026-11-20")),
                                                        ("author", .text("Ada Lovelace")), ("summary", .text("Scope: all staff, suppliers"))]
        XCTAssertEqual(try edited(draft) { try $0.appendHistoryEntry(entry) }, replacing(draft, [("Review comments }\n", """
            Review comments }
              - { version: "0.3", date: 2026-11-20, author: Ada Lovelace, summary: "Scope: all staff, suppliers" }

            """)]))

        let tight = "---\nid: POL-1\nhistory:\n- {date: 2026-11-01, version: \"0.1\"}\n---\n"
        XCTAssertEqual(try edited(tight) { try $0.appendHistoryEntry(entry) },
                       "---\nid: POL-1\nhistory:\n- {date: 2026-11-01, version: \"0.1\"}\n- {date: 2026-11-20, version: \"0.3\", author: Ada Lovelace, summary: \"Scope: all staff, suppliers\"}\n---\n")

        let block = """
            ---
            id: POL-1
            history:   # newest last
                # every version
                -   version: "0.1"
                    summary: First draft
                    date: 2026-11-01

                # more to come
            status: draft
            ---

            """
        XCTAssertEqual(try edited(block) { try $0.appendHistoryEntry(entry) }, replacing(block, [("date: 2026-11-01\n", """
            date: 2026-11-01
                -   version: "0.3"
                    summary: "Scope: all staff, suppliers"
                    date: 2026-11-20
                    author: Ada Lovelace

            """)]))
    }

    func testAMissingOrEmptyHistoryBecomesABlockList() throws {
        let entry: [(key: String, value: YAMLValue)] = [("version", .quoted("0.1")), ("date", .raw("2026-11-20"))]
        let line = "  - { version: \"0.1\", date: 2026-11-20 }\n"
        XCTAssertEqual(try edited("---\nid: POL-1\nhistory: []  # none yet\nstatus: draft\n---\n") { try $0.appendHistoryEntry(entry) },
                       "---\nid: POL-1\nhistory: # none yet\n\(line)status: draft\n---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nhistory:\n---\n") { try $0.appendHistoryEntry(entry) }, "---\nid: POL-1\nhistory:\n\(line)---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nstatus: draft\nrecord-of: x\n---\n") { try $0.appendHistoryEntry(entry) },
                       "---\nid: POL-1\nstatus: draft\nhistory:\n\(line)record-of: x\n---\n")
    }

    func testListsGrowInTheirOwnStyle() throws {
        XCTAssertTrue(try edited(draft) { try $0.appendToList("supersedes", item: "POL-003") }.contains("phase: 2\nsupersedes: [POL-003]\nhistory:"))
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes: [ POL-001 ]  # old\n---\n") { try $0.appendToList("supersedes", item: "POL-002") },
                       "---\nid: POL-1\nsupersedes: [ POL-001, POL-002 ]  # old\n---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes: []\n---\n") { try $0.appendToList("supersedes", item: "POL-002") },
                       "---\nid: POL-1\nsupersedes: [POL-002]\n---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes:\n  - POL-001\n---\n") { try $0.appendToList("supersedes", item: "POL-002") },
                       "---\nid: POL-1\nsupersedes:\n  - POL-001\n  - POL-002\n---\n")
        XCTAssertEqual(try edited("---\nid: POL-1\nsupersedes: [POL-001,\n  POL-002]\n---\n") { try $0.appendToList("supersedes", item: "POL-003") },
                       "---\nid: POL-1\nsupersedes: [POL-001,\n  POL-002, POL-003]\n---\n")
    }

    func testLineEndsAndTheByteOrderMarkAreKept() throws {
        let crlf = "\u{FEFF}" + draft.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try edited(crlf) {
            try $0.set("approved-by", to: "top-management")
            try $0.appendHistoryEntry([("version", .quoted("1.0")), ("date", .raw("2026-11-20"))])
        }
        XCTAssertEqual(result, replacing(crlf, [
            ("author: Grace Mensah\r\n", "author: Grace Mensah\r\napproved-by: top-management\r\n"),
            ("Review comments }\r\n", "Review comments }\r\n  - { version: \"1.0\", date: 2026-11-20 }\r\n"),
        ]))
    }

    func testFrontMatterThatIsNotOneKeyALineIsRefused() throws {
        XCTAssertThrowsError(try FrontMatterEditor(Data("---\n{ id: POL-1, status: draft }\n---\n".utf8), path: "p.md")) { error in
            XCTAssertTrue("\(error)".contains("cannot edit the front matter of p.md in place: the front matter is not one key a line"), "\(error)")
        }
        XCTAssertThrowsError(try FrontMatterEditor(Data("---\nid: [\n---\n".utf8), path: "p.md"))
        var editor = try FrontMatterEditor(Data("---\nid: POL-1\nhistory: [{ version: \"0.1\" }]\n---\n".utf8), path: "p.md")
        XCTAssertThrowsError(try editor.appendHistoryEntry([("version", .quoted("0.2"))])) { error in
            XCTAssertTrue("\(error)".contains("\"history\" is a list in brackets"), "\(error)")
        }
    }

    func testValuesAreQuotedOnlyWhereYAMLNeedsIt() {
        XCTAssertEqual(YAMLText.scalar("Ada Lovelace"), "Ada Lovelace")
        XCTAssertEqual(YAMLText.scalar("Approved for issue"), "Approved for issue")
        XCTAssertEqual(YAMLText.scalar("top-management"), "top-management")
        XCTAssertEqual(YAMLText.scalar("Scope, roles"), "Scope, roles")
        XCTAssertEqual(YAMLText.scalar("Scope, roles", inFlow: true), "\"Scope, roles\"")
        for text in ["Scope: all", "1.10", "2026-11-20", "yes", "No", "null", "#1", "- item", "[x]", "it's \"quoted\"", "", " padded"] {
            XCTAssertTrue(YAMLText.scalar(text).hasPrefix("\""), text)
        }
    }
}
