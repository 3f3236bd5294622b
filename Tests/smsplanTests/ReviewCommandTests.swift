import Foundation
import TestSupport
import XCTest

/// `smsplan review` and `smsplan codeowners` on small fixed repositories.
final class ReviewCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    private static let roles = """
        smsplan: 1
        roles:
          - { id: top-management, name: Top management, members: [{ name: Dana Lee, handle: dlee }] }
          - { id: service-manager, name: Service manager, members: [{ name: Sam Okafor, handle: sokafor }, { name: Kim Ode, handle: kode }] }

        """

    private static let policy = """
        ---
        id: POL-001
        title: Service management policy
        type: policy
        version: "1.0"
        status: approved
        owner: service-manager
        approved-by: top-management
        approved-on: 2026-11-01
        satisfies: ["4.1.2"]
        history:
          - { version: "1.0", date: 2026-11-01, author: Sam Okafor, summary: Approved for issue }
        ---
        # Service management policy

        """

    private static let record = """
        ---
        id: REC-001
        title: Management review, November
        type: record
        status: final
        owner: service-manager
        record-of: management-review
        recorded-on: 2026-11-15
        retention: 6 years
        satisfies: ["4.5.4.3"]
        ---
        # Management review

        ## Inputs
        ## Decisions
        ## Actions

        """

    /// main: an approved policy. feature: the policy revised to 1.1 and back in review (its
    /// version 1.0 stays in force, so 4.1.2 keeps its coverage), a management review record
    /// added, then edited in a later commit.
    private func makeBranches() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Fixture Ltd\n")
        try repository.write("roles.yaml", Self.roles)
        try repository.write("policies/policy.md", Self.policy)
        try repository.commitAll("plan")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("policies/policy.md", Self.policy
            .replacingOccurrences(of: "version: \"1.0\"\nstatus: approved", with: "version: \"1.1\"\nstatus: review")
            .replacingOccurrences(of: "approved-by: top-management\napproved-on: 2026-11-01\n", with: "")
            .replacingOccurrences(of: "summary: Approved for issue }", with: "summary: Approved for issue }\n  - { version: \"1.1\", date: 2026-11-20, author: Sam Okafor, summary: Scope of the policy widened }")
            + "It now covers the hosted services too.\n")
        try repository.write("records/review.md", Self.record)
        try repository.commitAll("revise the policy, record the review")
        try repository.write("records/review.md", Self.record + "A late note.\n")
        try repository.commitAll("edit the record")
    }

    func testReviewMarkdownMatchesTheSavedSummary() throws {
        try makeBranches()
        let result = try smsplan("review", "main..feature", "--format", "markdown")
        XCTAssertEqual(result.status, 1, "the edited record is an error finding")
        let expected = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/review-main-feature.md"), encoding: .utf8)
        XCTAssertEqual(result.output, expected)
    }

    func testReviewJSONNamesTheChanges() throws {
        try makeBranches()
        let result = try smsplan("review", "main..feature", "--format", "json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let documents = try XCTUnwrap(json["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.map { $0["id"] as? String }, ["POL-001"])
        XCTAssertEqual(documents.first?["fromVersion"] as? String, "1.0")
        XCTAssertEqual(documents.first?["toVersion"] as? String, "1.1")
        XCTAssertEqual((json["recordsAdded"] as? [[String: Any]])?.map { $0["id"] as? String }, ["REC-001"])
        let coverage = try XCTUnwrap(json["coverage"] as? [[String: Any]])
        XCTAssertNil(coverage.first { $0["id"] as? String == "4.1.2" }, "version 1.0 stays in force while 1.1 is in review")
        XCTAssertEqual(documents.first?["status"] as? String, "1.0 approved (in force), 1.1 in review")
        XCTAssertEqual(coverage.first { $0["id"] as? String == "4.5.4.3" }?["gained"] as? Bool, true)
    }

    func testCodeOwnersAreWrittenAndKeptCurrent() throws {
        try makeBranches()
        let printed = try smsplan("codeowners")
        XCTAssertTrue(printed.output.contains("/policies/policy.md @sokafor @kode @dlee\n"), printed.output)
        try repository.write(".github/CODEOWNERS", "* @platform-team\n")
        let wrote = try smsplan("codeowners", "--write")
        XCTAssertEqual(wrote.output, "wrote .github/CODEOWNERS\n", wrote.errors)
        let written = try repository.read(".github/CODEOWNERS")
        XCTAssertTrue(written.hasPrefix("* @platform-team\n\n# smsplan: begin"), written)
        XCTAssertTrue(written.contains("/records/review.md @sokafor @kode\n"))
        XCTAssertEqual(try smsplan("check").status, 0, "the record edit is in a commit; the working tree matches HEAD")
        XCTAssertFalse(try smsplan("check").output.contains("codeowners-stale"))

        try repository.write("roles.yaml", Self.roles.replacingOccurrences(of: "handle: kode", with: "handle: kimode"))
        let stale = try smsplan("check")
        XCTAssertTrue(stale.output.contains(".github/CODEOWNERS:3:1: error: the smsplan block no longer matches"), stale.output)
        XCTAssertEqual(try smsplan("codeowners", "--write").status, 0)
        XCTAssertFalse(try smsplan("check").output.contains("codeowners-stale"))
        XCTAssertTrue(try repository.read(".github/CODEOWNERS").hasPrefix("* @platform-team\n"), "other lines are kept")
    }
}
