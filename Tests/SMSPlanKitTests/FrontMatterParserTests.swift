import XCTest
@testable import SMSPlanKit

final class FrontMatterParserTests: XCTestCase {
    private func parse(_ text: String) -> ParsedFile {
        FrontMatterParser.parse(Data(text.utf8))
    }

    func testLocationsCountFromTheTopOfTheFile() throws {
        let file = parse("---\nid: POL-001\ntitle:   Policy\nlist:\n  - a\n  - b\n---\n# Heading\n")
        let root = try XCTUnwrap(file.frontMatter)
        let pairs = try XCTUnwrap(root.pairs)
        XCTAssertEqual(pairs[0].key.location, SourceLocation(line: 2, column: 1))
        XCTAssertEqual(pairs[0].value.location, SourceLocation(line: 2, column: 5))
        XCTAssertEqual(pairs[1].value.location, SourceLocation(line: 3, column: 10))
        XCTAssertEqual(root["list"]?.items?[1].location, SourceLocation(line: 6, column: 5))
        XCTAssertEqual(file.body.headings.map(\.line), [8])
        XCTAssertEqual(file.findings.count, 0)
    }

    func testCRLFAndByteOrderMarkAreRead() throws {
        let file = parse("\u{FEFF}---\r\nid: POL-001\r\ntitle: T\r\n---\r\n## Scope\r\n")
        XCTAssertEqual(file.frontMatter?["title"]?.scalar?.text, "T")
        XCTAssertEqual(file.frontMatter?["title"]?.location, SourceLocation(line: 3, column: 8))
        XCTAssertEqual(file.body.headings.map(\.text), ["Scope"])
    }

    /// The same front matter with LF, CRLF, CR or mixed line ends, a block scalar at its end
    /// and a closing line with spaces, reads the same values at the same places.
    func testEveryKindOfLineEndReadsTheSame() throws {
        let lines = ["---", "id: POL-001", "note: |", "  kept", "  text", "list: [a, b]", "---  ", "# Scope", "```", "# not a heading", "```", "## After"]
        for ends in [["\n"], ["\r\n"], ["\r"], ["\n", "\r\n", "\r"]] {
            let text = lines.enumerated().map { $0.element + ends[$0.offset % ends.count] }.joined()
            let file = parse(text)
            let label = ends.map { $0.debugDescription }.joined()
            XCTAssertEqual(file.findings.map(\.message), [], label)
            XCTAssertEqual(file.frontMatter?["note"]?.scalar?.text, "kept\ntext\n", label)
            XCTAssertEqual(file.frontMatter?["list"]?.items?[1].location, SourceLocation(line: 6, column: 11), label)
            XCTAssertEqual(file.body.headings.map(\.text), ["Scope", "After"], label)
            XCTAssertEqual(file.body.headings.map(\.line), [8, 12], label)
        }
    }

    /// ATX headings: one to six "#", then a space, a tab or the line's end; closing "#"s and
    /// the spaces around the text dropped. ASCII lines and others read alike.
    func testHeadingsAreReadAsMarkdownWritesThem() {
        let cases: [(String, Int, String)?] = [
            ("## Scope ##", 2, "Scope"), ("#", 1, ""), ("##\t Tab\t#", 2, "Tab"), ("# a # b #", 1, "a # b"),
            ("   ### indented", 3, "indented"), ("###### six", 6, "six"), ("## #", 2, ""), ("# trailing   ", 1, "trailing"),
            ("## Év ##", 2, "Év"), ("# 日本 #", 1, "日本"),
        ]
        let refused = ["#no", "####### seven", "#\u{301} combining", "text # not first", "\t# tab first"]
        let body = (cases.compactMap { $0?.0 } + refused).joined(separator: "\n")
        let file = parse("---\nid: POL-001\n---\n" + body + "\n")
        XCTAssertEqual(file.body.headings.map(\.level), cases.compactMap { $0?.1 })
        XCTAssertEqual(file.body.headings.map(\.text), cases.compactMap { $0?.2 })
        XCTAssertEqual(file.body.headings.map(\.line), Array(4..<(4 + cases.count)))
    }

    /// The body read from the lines the bytes single out is the body read line by line.
    func testABodyReadFromItsBytesIsTheBodyReadLineByLine() {
        let pieces = ["# Title", "text with [a link](other.md) and [two](<a b.md>)", "```", "[in a fence](x.md)", "~~~", "  ## indented",
                      "plain prose", "", "   ", "## Év ##", "\u{301}# combining", "see ](not a link", "x](y)", "#", "`inline`",
                      "tab\t[t](t.md)", "日本 [link](日本.md)", "- item [l](l.md)"]
        var random = SplitMix(seed: 7)
        for _ in 0..<300 {
            let count = Int(random.next() % 12)
            let body = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined(separator: ["\n", "\r\n", "\r"][Int(random.next() % 3)])
            let byLine = MarkdownBody(lines: FrontMatterParser.lines(of: body), firstLine: 5)
            let byBytes = MarkdownBody(text: body, bounds: FrontMatterParser.lineBounds(of: body)[...], firstLine: 5)
            XCTAssertEqual(byBytes.headings, byLine.headings, body.debugDescription)
            XCTAssertEqual(byBytes.links, byLine.links, body.debugDescription)
        }
    }

    /// The lines the bytes single out are the text's lines, with LF, CRLF or CR between
    /// them (a file with no CR has its lines found by memchr).
    func testLineBoundsAreTheLinesOfTheText() {
        let texts = ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\n\nb\n", "é\nü\n日本", "a\r\nb", "a\rb\r", "\r\n", "a\r\n\rb\n",
                     "---\nid: POL-001\n---\n# Title\n", String(repeating: "line\n", count: 300)]
        for text in texts {
            var utf8 = text
            let bounds = FrontMatterParser.lineBounds(of: text)
            let lines = utf8.withUTF8 { bytes in bounds.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) } }
            // "\r\n" is one Character, as it is one line break.
            let expected = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.map(String.init)
            XCTAssertEqual(lines, expected, text.debugDescription)
        }
    }

    func testMissingAndBrokenFrontMatterAreReported() {
        XCTAssertEqual(parse("# No front matter\n").findings.map(\.rule), [FrontMatterMissingRule.id])
        XCTAssertEqual(parse("").findings.map(\.rule), [FrontMatterMissingRule.id])
        let unclosed = parse("---\nid: POL-001\n# body\n")
        XCTAssertEqual(unclosed.findings.map(\.rule), [FrontMatterInvalidRule.id])
        XCTAssertTrue(unclosed.findings[0].message.contains("never closed"), unclosed.findings[0].message)
        let list = parse("---\n- a\n- b\n---\n")
        XCTAssertEqual(list.findings.first?.message, "front matter must be a mapping of keys to values, found a list")
        XCTAssertEqual(list.findings.first?.location, SourceLocation(line: 2, column: 1))
        XCTAssertEqual(parse("---\n---\n").findings.first?.message, "front matter is empty")
    }

    func testSyntaxErrorPointsAtTheBrokenValue() {
        let file = parse("---\nid: POL-001\ntitle: [unclosed\nowner: x\n---\n")
        XCTAssertEqual(file.findings.map(\.rule), [FrontMatterInvalidRule.id])
        XCTAssertEqual(file.findings.first?.location, SourceLocation(line: 3, column: 8))
    }

    func testDuplicateKeysAreRefused() {
        let file = parse("---\nid: POL-001\nid: POL-002\n---\n")
        XCTAssertEqual(file.findings.map(\.rule), [FrontMatterInvalidRule.id])
        XCTAssertTrue(file.findings[0].message.contains("duplicate key \"id\""), file.findings[0].message)
    }

    func testInvalidUTF8AndNULBytesAreRefused() {
        var bytes = Data("---\nid: POL-001\n---\n".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0x00])
        XCTAssertEqual(FrontMatterParser.parse(bytes).findings.first?.message, "file is not valid UTF-8 text")
        XCTAssertEqual(parse("---\nid: a\0b\n---\n").findings.map(\.rule), [FrontMatterInvalidRule.id])
    }

    func testAliasBombAndDeepNestingAreRefusedQuickly() {
        var bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            bomb += "l\(level): &l\(level) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
        }
        bomb += "---\n"
        let start = Date()
        let file = parse(bomb)
        XCTAssertEqual(file.findings.map(\.rule), [FrontMatterInvalidRule.id])
        XCTAssertTrue(file.findings[0].message.contains("alias bomb"), file.findings[0].message)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)

        let deep = "---\nid: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n"
        let nested = parse(deep)
        XCTAssertEqual(nested.findings.map(\.rule), [FrontMatterInvalidRule.id])
        XCTAssertTrue(nested.findings[0].message.contains("nested deeper"), nested.findings[0].message)
    }

    func testHeadingsAndLinksSkipCodeFences() {
        let file = parse("---\nid: X\n---\n## One\n```\n## Not a heading [x](y.md)\n```\nSee [two](../b.md#top) and [three](<c d.md>).\n")
        XCTAssertEqual(file.body.headings.map(\.text), ["One"])
        XCTAssertEqual(file.body.links.map(\.target), ["../b.md#top", "c d.md"])
        XCTAssertEqual(file.body.links.first?.location, SourceLocation(line: 8, column: 11))
    }
}

