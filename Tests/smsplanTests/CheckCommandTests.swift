import Foundation
import TestSupport
import XCTest

/// `smsplan check` as a user runs it: the real binary on real repositories.
final class CheckCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private func smsplan(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: environment)
    }

    /// The policy of the template with its id changed and one more edit.
    private func policy(_ id: String, _ original: String, _ replacement: String) throws -> String {
        let text = try repository.read("policies/service-management-policy.md")
        XCTAssertTrue(text.contains(original), original)
        return text.replacingOccurrences(of: "POL-001", with: id).replacingOccurrences(of: original, with: replacement)
    }

    /// The role ids of the template's roles.yaml, as the owner-unknown message lists them.
    private func templateRoles() throws -> String {
        try repository.read("roles.yaml").split(separator: "\n").filter { $0.hasPrefix("  - id: ") }
            .map { $0.dropFirst("  - id: ".count) }.joined(separator: ", ")
    }

    func testTheTemplatePasses() throws {
        let result = try smsplan("check")
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        XCTAssertEqual(result.output, "\(ProjectFiles.templateDocumentCount) documents checked, no findings\n")
    }

    func testEachBrokenDocumentGivesOneFindingWithItsPlaceAndExitsOne() throws {
        // documents: 6 where the broken file is not a readable document, 7 where it is (one more than the template).
        let cases: [(name: String, file: String, text: String, expected: String, documents: Int)] = [
            ("no front matter", "policies/a.md", "# Notes\n\nNo front matter here.\n",
             "policies/a.md:1:1: error: no front matter: the first line must be \"---\" [front-matter-missing]", 6),
            ("YAML syntax error", "policies/b.md", try policy("POL-002", "title: Service management policy", "title: [Service management policy"),
             "policies/b.md:3:8: error: YAML syntax error while parsing a flow sequence: did not find expected ',' or ']' (line 4, column 5) [front-matter-invalid]", 6),
            ("approved without approver", "policies/c.md", try policy("POL-003", "approved-by: top-management\n", ""),
             "policies/c.md:6:9: error: status is approved but \"approved-by\" is missing [approval-incomplete]", 7),
            ("duplicate id", "policies/zz-copy.md", try policy("POL-001", "title: Service management policy", "title: Copy"),
             "policies/zz-copy.md:2:5: error: id \"POL-001\" is also used by policies/service-management-policy.md; ids must be unique: give one of them a free id with `smsplan renumber POL-001 NEW-ID --path policies/zz-copy.md` [id-duplicate]", 7),
            ("unknown requirement", "policies/e.md", try policy("POL-005", "satisfies: [\"4.1.2\"]", "satisfies: [\"4.9.9\"]"),
             "policies/e.md:13:13: error: requirement \"4.9.9\" is not in schema iso20000-1:2011 [requirement-unknown]", 7),
            ("unknown owner role", "policies/f.md", try policy("POL-006", "owner: service-manager", "owner: process-owner"),
             "policies/f.md:7:8: error: owner \"process-owner\" is not a role in roles.yaml (roles: \(try templateRoles())) [owner-unknown]", 7),
            ("unquoted version", "policies/g.md", try policy("POL-007", "\nversion: \"1.0\"", "\nversion: 1.10"),
             "policies/g.md:5:10: error: \"version\" 1.10 is not quoted, so YAML reads it as a number; write \"1.10\" [field-invalid]", 7),
        ]
        for item in cases {
            try repository.write(item.file, item.text)
            let result = try smsplan("check")
            XCTAssertEqual(result.status, 1, item.name)
            let lines = result.output.split(separator: "\n").map(String.init)
            let documents = ProjectFiles.templateDocumentCount + item.documents - 6
            XCTAssertEqual(lines, [item.expected, "\(documents) documents checked, 1 error, 0 warnings"], item.name)
            try FileManager.default.removeItem(at: repository.url(item.file))
        }
    }

    func testAllFindingsComeFromOneRunSorted() throws {
        try repository.write("procedures/z.md", "# no front matter\n")
        try repository.write("policies/g.md", try policy("POL-007", "owner: service-manager", "owner: nobody"))
        try repository.write("policies/a.md", try policy("POL-008", "\nversion: \"1.0\"", "\nversion: 1.10"))
        let result = try smsplan("check")
        XCTAssertEqual(result.status, 1)
        let places = result.output.split(separator: "\n").dropLast().map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        XCTAssertEqual(places, ["policies/a.md:5:10", "policies/g.md:7:8", "procedures/z.md:1:1"])
    }

    func testJSONHasTheDesignedShape() throws {
        try repository.write("policies/f.md", try policy("POL-006", "owner: service-manager", "owner: process-owner"))
        let result = try smsplan("check", "--format", "json")
        XCTAssertEqual(result.status, 1)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 1)
        XCTAssertEqual(summary["warnings"] as? Int, 0)
        XCTAssertEqual(summary["documentCount"] as? Int, ProjectFiles.templateDocumentCount + 1)
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.count, 1)
        let first = diagnostics[0]
        XCTAssertEqual(Set(first.keys), ["rule", "severity", "path", "line", "column", "message", "document"])
        XCTAssertEqual(first["rule"] as? String, "owner-unknown")
        XCTAssertEqual(first["severity"] as? String, "error")
        XCTAssertEqual(first["path"] as? String, "policies/f.md")
        XCTAssertEqual(first["line"] as? Int, 7)
        XCTAssertEqual(first["column"] as? Int, 8)
        XCTAssertEqual(first["document"] as? String, "POL-006")
    }

    func testABrokenPlanIsNeverChangedByACheck() throws {
        try repository.write("policies/broken.md", "---\ntitle: [never closed\n")
        try repository.write("policies/binary.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0xFF, 0xFE, 0x0A]))
        try repository.write("smsplan.yaml", try repository.read("smsplan.yaml") + "curent-phase: 2\n")
        try repository.git("add", "policies/broken.md")
        let before = try repository.snapshot()
        for arguments in [["check"], ["check", "--staged"], ["check", "--format", "json"]] {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertEqual(result.status, 1, arguments.joined(separator: " "))
            XCTAssertEqual(result.errors, "", arguments.joined(separator: " "))
        }
        XCTAssertEqual(try SMSPlanBinary.run(["check", "--rev", "HEAD"], in: repository.directory).status, 0)
        XCTAssertEqual(try repository.snapshot(), before)
    }

    func testStrictTurnsWarningsIntoFailure() throws {
        try repository.write("policies/w.md", try policy("POL-009", "owner: service-manager", "owner: service-manager\nreviewer: x"))
        let relaxed = try smsplan("check")
        XCTAssertEqual(relaxed.status, 0, relaxed.output)
        XCTAssertTrue(relaxed.output.contains("policies/w.md:8:1: warning: unknown field \"reviewer\" [field-unknown]"), relaxed.output)
        XCTAssertEqual(try smsplan("check", "--strict").status, 1)
    }

    func testDashCAndSubfoldersPrintPathsFromWhereTheUserIs() throws {
        try repository.write("policies/f.md", try policy("POL-006", "owner: service-manager", "owner: nobody"))
        let fromPolicies = try SMSPlanBinary.run(["check"], in: repository.url("policies"))
        XCTAssertTrue(fromPolicies.output.hasPrefix("f.md:7:8: error:"), fromPolicies.output)
        let withC = try SMSPlanBinary.run(["check", "-C", "repo"], in: repository.sandbox)
        XCTAssertTrue(withC.output.hasPrefix("policies/f.md:7:8: error:"), "paths are relative to the -C folder, as git's: \(withC.output)")
    }

    func testRevisionMode() throws {
        try repository.write("policies/f.md", "# uncommitted note\n")
        XCTAssertEqual(try smsplan("check", "--rev", "HEAD").status, 0)
        XCTAssertEqual(try smsplan("check").status, 1)
        let bad = try smsplan("check", "--rev", "nope")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.errors.hasPrefix("smsplan: error: unknown revision \"nope\""), bad.errors)
    }

    func testCouldNotRunAndUsageErrors() throws {
        let outside = repository.sandbox.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let notRepository = try SMSPlanBinary.run(["check"], in: outside, environment: ["GIT_CEILING_DIRECTORIES": repository.sandbox.path])
        XCTAssertEqual(notRepository.status, 2)
        XCTAssertTrue(notRepository.errors.contains("not a git repository"), notRepository.errors)
        XCTAssertEqual(try smsplan("check", "--staged", "--rev", "HEAD").status, 64)
        XCTAssertEqual(try smsplan("check", "--format", "xml").status, 64)
        XCTAssertEqual(try smsplan("check", "-C", "no/such/folder").status, 2, "a -C folder that is not there could not be run in")

        try repository.write("smsplan.yaml", "smsplan: 2\n")
        let newer = try smsplan("check")
        XCTAssertEqual(newer.status, 2)
        XCTAssertEqual(newer.errors, "smsplan: error: smsplan.yaml:1:10: format version 2 is newer than this smsplan reads (1); upgrade smsplan\n")
        try FileManager.default.removeItem(at: repository.url("smsplan.yaml"))
        let noPlan = try smsplan("check")
        XCTAssertEqual(noPlan.status, 2)
        XCTAssertTrue(noPlan.errors.contains("no smsplan.yaml"), noPlan.errors)
    }

    func testNoColourWhenNotATerminalOrWithNoColor() throws {
        try repository.write("policies/f.md", "# note\n")
        XCTAssertFalse(try smsplan("check").output.contains("\u{1B}["))
        XCTAssertFalse(try smsplan("check", environment: ["NO_COLOR": "1"]).output.contains("\u{1B}["))
    }

    func testTheBundledTemplateInTheProjectPasses() throws {
        let result = try SMSPlanBinary.run(["check", "-C", "plan-template"], in: ProjectFiles.root)
        XCTAssertEqual(result.status, 0, result.output + result.errors)
    }
}
