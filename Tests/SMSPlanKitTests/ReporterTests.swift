import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every report format of `check` against its saved reference output, rendered from one
/// small in-memory plan. Set SMSPLAN_RECORD_REPORTS=1 to rewrite the references after a
/// deliberate change, then read the diff.
final class ReporterTests: XCTestCase {
    static let toolVersion = "9.8.7-fixture"
    static let rulesURI = "https://example.org/smsplan/docs/rules.md"
    static let references = ProjectFiles.root.appendingPathComponent("Tests/SMSPlanKitTests/Fixtures/reports")

    /// Errors and a warning in two documents and smsplan.yaml; one clean document. The
    /// unknown owner's value holds every character some format must escape.
    static func sampleResult() throws -> CheckResult {
        let policy = RuleExample.approvedPolicy
        let owner = policy.replacingOccurrences(of: "POL-001", with: "POL-002")
            .replacingOccurrences(of: "owner: service-manager", with: "owner: \"Équipe R&D|ops, <lead>: 100%\"\nreviewer: \"a*b\"")
        let unquoted = policy.replacingOccurrences(of: "POL-001", with: "POL-003")
            .replacingOccurrences(of: "\nversion: \"1.0\"", with: "\nversion: 1.10")
        return try PlanFixtures.check([
            ("smsplan.yaml", PlanFixtures.config + "curent-phase: 2\n"),
            ("policies/good.md", policy),
            ("policies/owner.md", owner),
            ("procedures/unquoted.md", unquoted),
        ])
    }

    private func assertMatchesReference(_ format: ReportFormat, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try Self.sampleResult()
        // The SARIF reference lists only the rules the sample uses, so that a new rule or a
        // reworded rationale leaves it alone; the full list has its own test.
        let used = Set(result.diagnostics.map(\.rule))
        let reporter = format == .sarif
            ? SARIFReporter(toolVersion: Self.toolVersion, rules: RuleRegistry.all.map(\.descriptor).filter { used.contains($0.id) },
                            rulesURI: Self.rulesURI)
            : format.reporter(color: false, toolVersion: Self.toolVersion)
        let rendered = reporter.render(result)
        let url = Self.references.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SMSPLAN_RECORD_REPORTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.references, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: url)
            return
        }
        let reference = try Data(contentsOf: url)
        guard Data(rendered.utf8) != reference else { return }
        let expected = String(decoding: reference, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actual = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expected, actual).enumerated().first { !$0.element.0.utf8.elementsEqual($0.element.1.utf8) }?.offset ?? min(expected.count, actual.count)
        XCTFail("""
            \(name) differs from its reference from line \(first + 1):
            reference: \(first < expected.count ? String(expected[first]) : "(end)")
            rendered:  \(first < actual.count ? String(actual[first]) : "(end)")
            """, file: file, line: line)
    }

    func testTheSampleHasErrorsAndAWarningInSeveralFiles() throws {
        let result = try Self.sampleResult()
        XCTAssertEqual(PlanFixtures.summary(result), [
            "owner-unknown policies/owner.md:7:8", "field-unknown policies/owner.md:8:1",
            "field-invalid procedures/unquoted.md:5:10", "config-invalid smsplan.yaml:3:1",
        ])
        XCTAssertEqual(result.diagnostics.map(\.severity), [.error, .warning, .error, .error])
        XCTAssertEqual(result.checkedPaths, ["policies/good.md", "policies/owner.md", "procedures/unquoted.md"])
    }

    func testSARIFMatchesItsReference() throws { try assertMatchesReference(.sarif, "check.sarif") }
    func testJUnitMatchesItsReference() throws { try assertMatchesReference(.junit, "check.junit.xml") }
    func testGitHubMatchesItsReference() throws { try assertMatchesReference(.github, "check.github.txt") }
    func testMarkdownMatchesItsReference() throws { try assertMatchesReference(.markdown, "check.md") }

    func testSARIFListsEveryRuleAndPointsResultsIntoThem() throws {
        let result = try Self.sampleResult()
        let data = Data(SARIFReporter(toolVersion: Self.toolVersion).render(result).utf8)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, SARIFReporter.schemaURI)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0]["columnKind"] as? String, "unicodeCodePoints")
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "smsplan")
        XCTAssertEqual(driver["version"] as? String, Self.toolVersion)
        XCTAssertNil(driver["informationUri"])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleRegistry.all.map(\.descriptor.id.rawValue))
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, result.diagnostics.count)
        for (entry, diagnostic) in zip(results, result.diagnostics) {
            let index = try XCTUnwrap(entry["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, diagnostic.rule.rawValue)
            XCTAssertEqual(entry["level"] as? String, diagnostic.severity.rawValue)
        }
        let fieldUnknown = try XCTUnwrap(rules.first { $0["id"] as? String == "field-unknown" })
        XCTAssertEqual((fieldUnknown["defaultConfiguration"] as? [String: Any])?["level"] as? String, "warning")
        XCTAssertEqual(fieldUnknown["name"] as? String, "FieldUnknown")
    }

    func testSARIFURIsAreRelativeReferencesAndTheRootIsAFileURI() throws {
        XCTAssertEqual(SARIFReporter.uriReference("policies/a b#1:x%.md"), "policies/a%20b%231%3Ax%25.md")
        var result = try Self.sampleResult()
        result.repositoryRoot = URL(fileURLWithPath: "/srv/plans/acme sms", isDirectory: true)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(SARIFReporter(toolVersion: nil).render(result).utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        XCTAssertEqual(base["uri"] as? String, "file:///srv/plans/acme%20sms/")
        XCTAssertNil((run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["version"] })
    }

    func testJUnitKeepsLineBreaksAndDropsWhatXMLCannotHold() throws {
        XCTAssertEqual(JUnitReporter.escape("a\"b'\n<&>\u{1}"), "a&quot;b&apos;&#10;&lt;&amp;&gt;\u{FFFD}")
        XCTAssertEqual(JUnitReporter.escape("a\"\n\r", attribute: false), "a\"\n&#13;")
        let result = CheckResult(diagnostics: [Self.awkward(.error)], documentCount: 0, fileCount: 0, checkedPaths: [], schemaID: nil,
                                 revisionDate: PlanFixtures.reviewDate, repositoryRoot: nil)
        let document = try XMLDocument(data: Data(JUnitReporter().render(result).utf8))
        let failure = try XCTUnwrap(try document.nodes(forXPath: "//failure").first as? XMLElement)
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue, "value \"a,b: 100%\"\nsecond line")
    }

    /// A finding whose path and message hold every character a workflow command escapes.
    private static func awkward(_ severity: Severity) -> Diagnostic {
        Diagnostic(rule: "field-invalid", severity: severity, path: "policies/a,b:c%.md", location: SourceLocation(line: 3, column: 7),
                   message: "value \"a,b: 100%\"\nsecond line")
    }

    func testGitHubEscapesCommasColonsPercentAndLineBreaks() {
        var crlf = Self.awkward(.warning)
        crlf.message = "first\r\nsecond"
        let result = CheckResult(diagnostics: [Self.awkward(.error), crlf], documentCount: 1, fileCount: 1, checkedPaths: [],
                                 schemaID: nil, revisionDate: PlanFixtures.reviewDate, repositoryRoot: nil)
        XCTAssertEqual(GitHubReporter().render(result).split(separator: "\n", omittingEmptySubsequences: false), [
            "::error file=policies/a%2Cb%3Ac%25.md,line=3,col=7,title=field-invalid::value \"a,b: 100%25\"%0Asecond line",
            "::warning file=policies/a%2Cb%3Ac%25.md,line=3,col=7,title=field-invalid::first%0D%0Asecond",
            "",
        ])
    }

    func testMarkdownEscapesTablePipesAndMarkupInMessages() {
        XCTAssertEqual(MarkdownReporter.escape("a *b* <br> [x]"), "a \\*b\\* \\<br> \\[x\\]")
        XCTAssertEqual(MarkdownReporter.code("a`b"), "`` a`b ``")
        let result = CheckResult(diagnostics: [], documentCount: 3, fileCount: 3, checkedPaths: [], schemaID: "iso20000-1:2011",
                                 revisionDate: PlanFixtures.reviewDate, repositoryRoot: nil)
        XCTAssertEqual(MarkdownReporter().render(result),
                       "### smsplan check: no findings\n\n3 documents checked against `iso20000-1:2011`, as of 2026-06-01.\n")
    }
}
