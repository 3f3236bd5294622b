import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// JUnit as Jenkins (junit-10.xsd) and GitLab read it: a suite per file, a test case per
/// finding with at most one failure, counts that match, warnings failing under --strict.
/// (scripts/check-junit validates it with xmllint against the xsd and parses it with
/// junitparser.)
final class JUnitReporterTests: XCTestCase {
    private func parse(_ reporter: JUnitReporter) throws -> XMLDocument {
        try XMLDocument(data: Data(reporter.render(try ReporterTests.sampleResult()).utf8))
    }

    private func elements(_ document: XMLDocument, _ path: String) throws -> [XMLElement] {
        try document.nodes(forXPath: path).compactMap { $0 as? XMLElement }
    }

    func testOneSuitePerFileAndOneTestCasePerFinding() throws {
        let document = try parse(JUnitReporter())
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertNil(root.attribute(forName: "skipped"), "junit-10.xsd has no skipped on <testsuites>")
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "5")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "3")
        let suites = try elements(document, "/testsuites/testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue },
                       ["policies/good.md", "policies/owner.md", "procedures/unquoted.md", "smsplan.yaml"])
        XCTAssertEqual(suites.map { $0.attribute(forName: "file")?.stringValue }, suites.map { $0.attribute(forName: "name")?.stringValue })
        XCTAssertEqual(suites.map { $0.attribute(forName: "tests")?.stringValue }, ["1", "2", "1", "1"])
        XCTAssertEqual(suites.map { $0.attribute(forName: "failures")?.stringValue }, ["0", "1", "1", "1"])
        let cases = try elements(document, "//testcase")
        XCTAssertEqual(cases.count, 5)
        XCTAssertTrue(cases.allSatisfy { $0.elements(forName: "failure").count <= 1 })
        XCTAssertTrue(cases.allSatisfy { $0.attribute(forName: "file") == nil }, "junit-10.xsd has no file on <testcase>")
        XCTAssertEqual(cases.map { $0.attribute(forName: "name")?.stringValue }, [
            "policies/good.md", "policies/owner.md:7:8 owner-unknown", "policies/owner.md:8:1 field-unknown",
            "procedures/unquoted.md:5:10 field-invalid", "smsplan.yaml:3:1 config-invalid",
        ])
        let owner = cases[1]
        let failure = try XCTUnwrap(owner.elements(forName: "failure").first)
        let message = "owner \"Équipe R&D|ops, <lead>: 100%\" is not a role in roles.yaml (roles: top-management, service-manager, quality-manager)"
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue, message)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "owner-unknown")
        XCTAssertEqual(failure.stringValue, "policies/owner.md:7:8: error: \(message) [owner-unknown]")
        let warning = cases[2]
        XCTAssertTrue(warning.elements(forName: "failure").isEmpty)
        XCTAssertEqual(warning.elements(forName: "system-out").first?.stringValue,
                       "policies/owner.md:8:1: warning: unknown field \"reviewer\" [field-unknown]")
    }

    func testStrictCountsWarningsAsFailures() throws {
        let document = try parse(JUnitReporter(strict: true))
        XCTAssertEqual(document.rootElement()?.attribute(forName: "failures")?.stringValue, "4")
        let warning = try XCTUnwrap(try elements(document, "//testcase").first { $0.attribute(forName: "name")?.stringValue?.hasSuffix("field-unknown") == true })
        XCTAssertEqual(warning.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue, "field-unknown")
        XCTAssertEqual(ReportFormat.junit.reporter(color: false, strict: true).render(try ReporterTests.sampleResult()),
                       JUnitReporter(strict: true).render(try ReporterTests.sampleResult()))
    }

    func testTheGitLabFlavourNamesTheFileOfEveryTestCase() throws {
        let document = try parse(JUnitReporter(fileOnTestCases: true))
        let cases = try elements(document, "//testcase")
        XCTAssertEqual(cases.map { $0.attribute(forName: "file")?.stringValue }, [
            "policies/good.md", "policies/owner.md", "policies/owner.md", "procedures/unquoted.md", "smsplan.yaml",
        ])
        XCTAssertEqual(ReportFormat(rawValue: "junit-gitlab")?.reporter(color: false).render(try ReporterTests.sampleResult()),
                       JUnitReporter(fileOnTestCases: true).render(try ReporterTests.sampleResult()))
    }
}
