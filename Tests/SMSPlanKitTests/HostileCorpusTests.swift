import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// Every hostile document through the real engine: each gives exactly its expected findings,
/// at its own path, and nothing crashes, hangs or stops the rest of the plan being checked.
final class HostileCorpusTests: XCTestCase {
    private func check(_ cases: [HostileCorpus.Case]) throws -> CheckResult {
        var data = ["smsplan.yaml": Data(HostileCorpus.config.utf8), "roles.yaml": Data(HostileCorpus.roles.utf8),
                    "policies/good.md": Data(HostileCorpus.policy(id: "POL-001").utf8)]
        var links: [String: String] = [:]
        for item in cases {
            if let contents = item.contents { data[item.path] = contents }
            if let target = item.linkTarget { links[item.path] = target }
        }
        return try Engine.check(source: InMemorySource(data: data, links: links), planRoot: "", revisionDate: PlanFixtures.reviewDate)
    }

    func testEveryCaseGivesItsFindingsAndNoOther() throws {
        let start = Date()
        let cases = try HostileCorpus.all()
        XCTAssertGreaterThanOrEqual(cases.count, 35)
        let result = try check(cases)
        let byPath = Dictionary(grouping: result.diagnostics, by: \.path)
        for item in cases {
            let found = byPath[item.path] ?? []
            XCTAssertEqual(Set(found.map { "\($0.rule) \($0.line):\($0.column)" }), Set(item.expected.map(\.place)),
                           "\(item.name): \(found.map { "\($0.rule) \($0.line):\($0.column) \($0.message)" })")
            for expectation in item.expected {
                let match = found.first { "\($0.rule) \($0.line):\($0.column)" == expectation.place }
                XCTAssertTrue(match?.message.contains(expectation.fragment) == true,
                              "\(item.name): \"\(match?.message ?? "nothing")\" does not say \"\(expectation.fragment)\"")
            }
        }
        let elsewhere = result.diagnostics.filter { diagnostic in !cases.contains { $0.path == diagnostic.path } }
        XCTAssertEqual(elsewhere.map(\.message), [], "only the hostile files have findings")
        let readable = cases.filter { $0.expected.allSatisfy { !["front-matter-missing", "front-matter-invalid", "file-too-large", "file-unreadable"].contains($0.rule) } }
        XCTAssertEqual(result.documentCount, readable.count + 1, "every readable case is a document, the good one too")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "the whole corpus is checked in under ten seconds")
    }

    func testEachCaseAloneGivesTheSameFindings() throws {
        for item in try HostileCorpus.all() where item.contents.map({ $0.count < 1 << 20 }) ?? true {
            let result = try check([item])
            XCTAssertEqual(Set(result.diagnostics.map { "\($0.rule) \($0.line):\($0.column)" }), Set(item.expected.map(\.place)), item.name)
        }
    }

    func testAliasBombAndDeepNestingAreRefusedBeforeComposition() throws {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...30 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            bomb += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let start = Date()
        XCTAssertThrowsError(try YAMLComposer.compose(bomb, firstLine: 2)) { error in
            XCTAssertEqual((error as? YAMLComposer.Failure)?.location, SourceLocation(line: 6, column: 45))
        }
        let flat = "k: [" + String(repeating: "x, ", count: 1_000_000) + "x]\n"
        XCTAssertThrowsError(try YAMLComposer.compose(flat, firstLine: 1)) { error in
            XCTAssertTrue((error as? YAMLComposer.Failure)?.message.contains("more than 100000 values") == true, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "refused by counting events, not by building nodes")
        XCTAssertNotNil(try YAMLComposer.compose("k: [" + String(repeating: "x, ", count: 60_000) + "x]\n", firstLine: 1))
    }

    func testTheFileSizeLimitComesFromTheConfiguration() throws {
        let document = Data(HostileCorpus.policy(id: "POL-002").utf8)
        func findings(_ limit: String) throws -> [String] {
            let source = InMemorySource(data: [
                "smsplan.yaml": Data("smsplan: 1\ndocuments:\n  max-file-size: \(limit)\n".utf8),
                "roles.yaml": Data(HostileCorpus.roles.utf8), "policies/p.md": document,
            ])
            return PlanFixtures.summary(try Engine.check(source: source, planRoot: "", revisionDate: PlanFixtures.reviewDate))
        }
        XCTAssertEqual(try findings("1 KB"), [])
        XCTAssertEqual(try findings("\(document.count)"), [])
        XCTAssertEqual(try findings("\(document.count - 1) B"), ["file-too-large policies/p.md:1:1"])
        XCTAssertEqual(try findings("5 parsecs"), ["config-invalid smsplan.yaml:3:18"])
        XCTAssertEqual(ByteSize("5 MB")?.bytes, 5 << 20)
        XCTAssertEqual(ByteSize("512KiB")?.bytes, 512 << 10)
        XCTAssertNil(ByteSize("0"))
        XCTAssertNil(ByteSize("99999999999999 GB"))
        XCTAssertEqual(ByteSize(bytes: 52_428_800).description, "50 MB")
        XCTAssertEqual(ByteSize(bytes: 1_500_000).description, "1.4 MB")
    }

    func testControlCharactersNeverReachTheTerminal() {
        XCTAssertEqual(TerminalText.path("policies/new\nline.md"), "\"policies/new\\nline.md\"")
        XCTAssertEqual(TerminalText.path("policies/tab\tand \"quote\".md"), "\"policies/tab\\tand \\\"quote\\\".md\"")
        XCTAssertEqual(TerminalText.path("policies/ünïcødé 名前.md"), "policies/ünïcødé 名前.md")
        XCTAssertEqual(TerminalText.line("title \"\u{1B}[31mred\""), "title \"\\033[31mred\"")
    }
}
