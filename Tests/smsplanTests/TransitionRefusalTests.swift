import Foundation
import TestSupport
import XCTest

/// What `smsplan approve`, `revise` and `retire` refuse: exit 2, one line, no file touched;
/// and usage errors: exit 64.
final class TransitionRefusalTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private func run(_ arguments: [String]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: ["GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com"])
    }

    /// Runs a command that must be refused with exit 2 and one line starting with `message`,
    /// writing nothing.
    private func assertRefused(_ arguments: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try repository.snapshot()
        let result = try run(arguments)
        XCTAssertEqual(result.status, 2, result.output + result.errors, file: file, line: line)
        XCTAssertEqual(result.output, "", file: file, line: line)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: " + message), result.errors, file: file, line: line)
        XCTAssertEqual(result.errors.filter { $0 == "\n" }.count, 1, "one line: \(result.errors)", file: file, line: line)
        XCTAssertTrue(try repository.snapshot() == before, "nothing written by \(arguments)", file: file, line: line)
    }

    func testApprovalIsRefusedToTheOwnerUnknownRolesAndDocumentsWithErrors() throws {
        try assertRefused(["approve", "PLN-005", "--by", "quality-manager"],
                          "quality-manager owns PLN-005 and cannot approve it; another role must (or set rules: { self-approval: off } in smsplan.yaml)")
        try assertRefused(["approve", "PLN-005", "--by", "auditor"],
                          "\"auditor\" is not a role in roles.yaml (roles: top-management, service-manager, quality-manager,")
        try assertRefused(["approve", "POL-010", "--by", "service-manager"],
                          "POL-010 is already approved at version 1.0 by top-management on 2026-11-09; `smsplan revise POL-010` starts a new version")
        try assertRefused(["approve", "PLN-005", "--by", "top-management", "--date", "2026-11-01"],
                          "the approval date 2026-11-01 is before the last history entry of PLN-005 (2026-11-28)")

        let draft = try repository.read("plan/audit-programme.md")
        try repository.write("plan/audit-programme.md", draft.replacingOccurrences(of: "satisfies: [\"4.5.4.2\"]", with: "satisfies: [\"4.5.4.2\", \"4.99\"]")
            .replacingOccurrences(of: "classification: internal", with: "classification: secret"))
        try assertRefused(["approve", "PLN-005", "--by", "top-management"],
                          "PLN-005 has 2 errors in `smsplan check`; fix them before approval: plan/audit-programme.md:9:17: \"classification\" must be one of")
        let refused = try run(["approve", "PLN-005", "--by", "top-management"])
        XCTAssertTrue(refused.errors.hasSuffix("[field-invalid] (and 1 more)\n"), refused.errors)
        try repository.write("plan/audit-programme.md", draft)

        try repository.write("smsplan.yaml", try repository.read("smsplan.yaml").replacingOccurrences(of: "rules:\n", with: "rules:\n  self-approval: off\n"))
        let selfApproved = try run(["approve", "PLN-005", "--by", "quality-manager", "--date", "2026-11-28"])
        XCTAssertEqual(selfApproved.status, 0, selfApproved.errors)
        XCTAssertTrue(try repository.read("plan/audit-programme.md").contains("approved-by: quality-manager\napproved-on: 2026-11-28\n"))
    }

    func testRecordsUnknownIDsAndObsoleteDocumentsAreRefused() throws {
        for (command, verb) in [(["approve", "REC-001", "--by", "top-management"], "approved"), (["revise", "REC-001", "-m", "x"], "revised"),
                                (["retire", "REC-001"], "retired")] {
            try assertRefused(command, "REC-001 is a record; records are final and never \(verb): a correction is a new record with corrects: REC-001")
        }
        try assertRefused(["approve", "POL-999", "--by", "top-management"], "no document has id \"POL-999\"")
        try assertRefused(["revise", "pol-010", "-m", "x"], "no document has id \"pol-010\" (did you mean POL-010?)")
        try assertRefused(["retire", "POL-999"], "no document has id \"POL-999\"")

        try assertRefused(["retire", "PLN-005"], "PLN-005 is a draft that was never approved (version 0.3); delete plan/audit-programme.md instead of retiring it")
        try assertRefused(["retire", "POL-010", "--superseded-by", "POL-999"], "no document has id \"POL-999\"")
        try assertRefused(["retire", "POL-010", "--superseded-by", "POL-015"],
                          "POL-015 is approved at version 1.1 and committed, so adding supersedes: POL-010 needs a new version: `smsplan revise POL-015 -m SUMMARY` first")
        try assertRefused(["revise", "PLN-005", "--major", "-m", "x"], "PLN-005 is a draft never approved (version 0.3)")

        XCTAssertEqual(try run(["retire", "POL-010"]).status, 0)
        try assertRefused(["retire", "POL-010"], "POL-010 is already obsolete")
        try assertRefused(["revise", "POL-010", "-m", "x"], "POL-010 is obsolete and is not revised")
        try assertRefused(["approve", "POL-010", "--by", "service-manager"], "POL-010 is obsolete; an obsolete document is not approved again")
    }

    func testUsageErrorsExit64() throws {
        XCTAssertEqual(try run(["approve", "PLN-005"]).status, 64)
        XCTAssertEqual(try run(["approve", "PLN-005", "--by", "top-management", "--date", "2026-02-30"]).status, 64)
        XCTAssertEqual(try run(["revise", "PLN-005"]).status, 64)
        XCTAssertEqual(try run(["revise", "PLN-005", "-m", " "]).status, 64)
        XCTAssertEqual(try run(["retire"]).status, 64)
        for command in ["approve", "revise", "retire"] {
            let help = try run([command, "--help"])
            XCTAssertEqual(help.status, 0)
            XCTAssertTrue(help.output.contains("Examples:\n  smsplan \(command) "), help.output)
        }
    }
}
