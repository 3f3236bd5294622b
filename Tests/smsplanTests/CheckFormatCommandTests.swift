import Foundation
import TestSupport
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `smsplan check --format sarif|junit|github|markdown` with the real binary on a broken
/// copy of the template: the exit code, and the shape a CI system reads.
final class CheckFormatCommandTests: XCTestCase {
    private var repository: TestRepository!

    /// Three errors in three files (one of them smsplan.yaml) and a warning in a fourth.
    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        let policy = try repository.read("policies/service-management-policy.md")
        func variant(_ id: String, _ original: String, _ replacement: String) -> String {
            XCTAssertTrue(policy.contains(original), original)
            return policy.replacingOccurrences(of: "POL-001", with: id).replacingOccurrences(of: original, with: replacement)
        }
        try repository.write("policies/f.md", variant("POL-006", "owner: service-manager", "owner: nobody"))
        try repository.write("policies/w.md", variant("POL-009", "owner: service-manager", "owner: service-manager\nreviewer: x"))
        try repository.write("procedures/z.md", "# no front matter\n")
        let config = try repository.read("smsplan.yaml")
        typoLine = config.split(separator: "\n", omittingEmptySubsequences: false).count
        try repository.write("smsplan.yaml", config + "curent-phase: 2\n")
    }

    /// The line of smsplan.yaml that holds the misspelt key (the template's last line plus one).
    private var typoLine = 0

    override func tearDown() {
        repository.remove()
    }

    /// Runs check in `folder` (default: the repository's top) and expects exit 1 and nothing on standard error.
    private func check(_ format: String, in folder: String = "") throws -> String {
        let result = try SMSPlanBinary.run(["check", "--format", format], in: repository.url(folder))
        XCTAssertEqual(result.status, 1, format + ": " + result.output + result.errors)
        XCTAssertEqual(result.errors, "", format)
        return result.output
    }

    func testSARIF() throws {
        let output = try check("sarif", in: "policies")
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertNotNil(log["$schema"] as? String)
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "smsplan")
        let version = try SMSPlanBinary.run(["--version"], in: repository.directory).output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(driver["version"] as? String, version)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertTrue(rules.contains { $0["id"] as? String == "self-approval" })
        let root = try XCTUnwrap((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        XCTAssertEqual((root["uri"] as? String).flatMap(URL.init(string:))?.standardizedFileURL.path, repository.directory.standardizedFileURL.path)

        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let places = try results.map { result -> String in
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            let physical = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            let region = try XCTUnwrap(physical["region"] as? [String: Any])
            return "\(result["level"] ?? "") \(artifact["uri"] ?? ""):\(region["startLine"] ?? ""):\(region["startColumn"] ?? "")"
        }
        // Repository-relative paths, though the run started in policies/.
        XCTAssertEqual(places, ["error policies/f.md:7:8", "warning policies/w.md:8:1", "error procedures/z.md:1:1", "error smsplan.yaml:\(typoLine):1"])
    }

    func testJUnit() throws {
        let document = try XMLDocument(data: Data(try check("junit").utf8))
        let root = try XCTUnwrap(document.rootElement())
        let suites = try document.nodes(forXPath: "/testsuites/testsuite").compactMap { $0 as? XMLElement }
        // Every Markdown file of the template, the three added, and smsplan.yaml: a suite each.
        XCTAssertEqual(suites.count, ProjectFiles.templateDocumentCount + 4)
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "\(cases.count)")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "3")
        let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }.compactMap { $0.attribute(forName: "name")?.stringValue }
        XCTAssertEqual(failed, ["policies/f.md:7:8 owner-unknown", "procedures/z.md:1:1 front-matter-missing", "smsplan.yaml:\(typoLine):1 config-invalid"])
        let warned = try XCTUnwrap(cases.first { $0.attribute(forName: "name")?.stringValue == "policies/w.md:8:1 field-unknown" })
        XCTAssertEqual(warned.elements(forName: "system-out").first?.stringValue,
                       "policies/w.md:8:1: warning: unknown field \"reviewer\" [field-unknown]")
        XCTAssertEqual(cases.first?.attribute(forName: "classname")?.stringValue, "plan")

        // Under --strict the warning fails its test case, as it fails the run.
        let strict = try SMSPlanBinary.run(["check", "--format", "junit", "--strict"], in: repository.directory)
        XCTAssertEqual(strict.status, 1)
        let strictRoot = try XCTUnwrap(try XMLDocument(data: Data(strict.output.utf8)).rootElement())
        XCTAssertEqual(strictRoot.attribute(forName: "failures")?.stringValue, "4")
    }

    func testStrictJUnitIsRedWhenOnlyWarningsFailTheRun() throws {
        try repository.write("policies/f.md", "")
        try FileManager.default.removeItem(at: repository.url("policies/f.md"))
        try FileManager.default.removeItem(at: repository.url("procedures/z.md"))
        try repository.write("smsplan.yaml", try repository.read("smsplan.yaml").replacingOccurrences(of: "curent-phase: 2\n", with: ""))
        let result = try SMSPlanBinary.run(["check", "--format", "junit", "--strict"], in: repository.directory)
        XCTAssertEqual(result.status, 1, result.errors)
        let root = try XCTUnwrap(try XMLDocument(data: Data(result.output.utf8)).rootElement())
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "1", "the job fails, so the report is not green")
        XCTAssertNil(root.attribute(forName: "skipped"))
    }

    func testGitHub() throws {
        let lines = try check("github", in: "policies").split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertTrue(lines[0].hasPrefix("::error file=policies/f.md,line=7,col=8,title=owner-unknown::owner \"nobody\" is not a role"), lines[0])
        XCTAssertEqual(lines[1], "::warning file=policies/w.md,line=8,col=1,title=field-unknown::unknown field \"reviewer\"")
        XCTAssertTrue(lines[2].hasPrefix("::error file=procedures/z.md,line=1,col=1,title=front-matter-missing::"), lines[2])
        XCTAssertTrue(lines[3].hasPrefix("::error file=smsplan.yaml,line=\(typoLine),col=1,title=config-invalid::"), lines[3])
    }

    func testMarkdown() throws {
        let lines = try check("markdown").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines[0], "### smsplan check: 3 errors, 1 warning")
        XCTAssertTrue(lines[2].hasPrefix("\(ProjectFiles.templateDocumentCount + 2) documents checked against `iso20000-1:2011`"), lines[2])
        XCTAssertEqual(lines[4], "| File | Line | Severity | Rule | Message |")
        XCTAssertEqual(lines.filter { $0.hasPrefix("| `") }.count, 4, "one group a file")
        XCTAssertTrue(lines[6].hasPrefix("| `policies/f.md` | 7:8 | error | `owner-unknown` | owner \"nobody\""), lines[6])
    }

    func testHelpListsEveryFormat() throws {
        let help = try SMSPlanBinary.run(["check", "--help"], in: repository.directory).output
        for format in ["text", "json", "sarif", "junit", "github", "markdown"] {
            XCTAssertTrue(help.contains("        \(format) "), format)
        }
    }
}
