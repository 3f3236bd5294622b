import Foundation
import TestSupport
import XCTest

/// `status`, `coverage` and `schema` through the real binary, and the coverage rules on
/// the bundled template.
final class OverviewCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    private func json(_ arguments: String...) throws -> [String: Any] {
        try SMSPlanBinary.json(arguments, in: repository.directory)
    }

    /// A small plan: POL-001 approved for 4.1.2 (activity P1-01 done); a draft scope PLN-001
    /// for 4.5.1 (activity P1-02 open). Phase 1 is current.
    private func makeSmallPlan() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Small Ltd\ncurrent-phase: 1\n")
        try repository.write("roles.yaml", try String(contentsOf: ProjectFiles.planTemplate.appendingPathComponent("roles.yaml"), encoding: .utf8))
        let policy = try String(contentsOf: ProjectFiles.planTemplate.appendingPathComponent("policies/service-management-policy.md"), encoding: .utf8)
        try repository.write("policies/policy.md", policy.replacingOccurrences(of: "[the scope statement](../plan/scope.md)", with: "the scope statement"))
        try repository.write("plan/scope.md", """
            ---
            id: PLN-001
            title: Scope
            type: plan
            version: "0.1"
            status: draft
            owner: service-manager
            satisfies: ["4.5.1"]
            history:
              - { version: "0.1", date: 2026-11-01, author: Sam Okafor, summary: First draft }
            ---
            # Scope

            """)
        try repository.write("plan/phase-1.md", """
            ---
            id: PHS-001
            title: Phase 1
            type: phase-plan
            version: "1.0"
            status: approved
            owner: service-manager
            approved-by: top-management
            approved-on: 2026-11-02
            phase: 1
            activities:
              - { id: P1-01, title: Policy, requirements: ["4.1.2"], status: done, evidence: [POL-001] }
              - { id: P1-02, title: Scope, requirements: ["4.5.1"], status: in-progress, evidence: [PLN-001] }
            history:
              - { version: "0.1", date: 2026-11-01, author: Sam Okafor, summary: First draft }
              - { version: "1.0", date: 2026-11-02, author: Sam Okafor, summary: Approved for issue }
            ---
            # Phase 1

            """)
        try repository.commitAll("small plan")
    }

    func testStatusCountsTheSmallPlan() throws {
        try makeSmallPlan()
        let status = try json("status", "--format", "json")
        XCTAssertEqual(status["organization"] as? String, "Small Ltd")
        XCTAssertEqual(status["currentPhase"] as? Int, 1)
        let phases = try XCTUnwrap(status["phases"] as? [[String: Any]])
        XCTAssertEqual(phases.map { $0["phase"] as? Int }, [1, 2, 3])
        XCTAssertEqual(phases[0]["activitiesDone"] as? Int, 1)
        XCTAssertEqual(phases[0]["activitiesTotal"] as? Int, 2)
        XCTAssertEqual(phases[0]["openActivities"] as? [String], ["P1-02"])
        XCTAssertEqual(phases[0]["requirementsDue"] as? Int, 2)
        XCTAssertEqual(phases[0]["requirementsCovered"] as? Int, 1)
        XCTAssertEqual(phases[0]["uncoveredRequirements"] as? [String], ["4.5.1"])
        XCTAssertEqual(phases[0]["state"] as? String, "current")
        XCTAssertEqual(phases[2]["requirementsDue"] as? Int, 37, "39 leaves of the 2011 schema, 2 planned in phase 1")
        XCTAssertEqual(status["documentCounts"] as? [String: Int], ["approved": 2, "draft": 1])
        XCTAssertEqual(status["errors"] as? Int, 0, "4.5.1 is open work of the current phase")
        XCTAssertEqual(status["warnings"] as? Int, 1)

        let text = try smsplan("status")
        XCTAssertEqual(text.status, 0)
        let phaseOne = text.output.split(separator: "\n").first { $0.hasPrefix("  phase 1 ") }.map { $0.split(separator: " ").joined(separator: " ") }
        XCTAssertEqual(phaseOne, "phase 1 current activities 1/2 done requirements 1/2 covered open: P1-02", text.output)
        let markdown = try smsplan("status", "--format", "markdown")
        XCTAssertTrue(markdown.output.contains("| 1 | current | 1/2 | 1/2 | P1-02 |"), markdown.output)
    }

    func testCoverageCountsTheSmallPlan() throws {
        try makeSmallPlan()
        let coverage = try json("coverage", "--format", "json")
        // 4.3.1 is partial as well: of the documents it lists, the policy (as in 4.1.2) exists.
        XCTAssertEqual(coverage["totals"] as? [String: Int], ["covered": 1, "partial": 2, "uncovered": 36, "excluded": 0])
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 53)
        let policy = try XCTUnwrap(rows.first { $0["id"] as? String == "4.1.2" })
        XCTAssertEqual(policy["status"] as? String, "covered")
        XCTAssertEqual((policy["evidence"] as? [[String: Any]])?.first?["documentIds"] as? [String], ["POL-001"])
        let scope = try XCTUnwrap(rows.first { $0["id"] as? String == "4.5.1" })
        XCTAssertEqual(scope["status"] as? String, "partial")
        XCTAssertEqual(scope["listedBy"] as? [String], ["PLN-001"])
        let text = try smsplan("coverage")
        XCTAssertTrue(text.output.hasPrefix("Coverage of iso20000-1:2011 as of "), text.output)
        XCTAssertTrue(text.output.contains("Every requirement of iso20000-1:2011 applies: ISO/IEC 20000-1 accepts no exclusion."), text.output)
        XCTAssertFalse(text.output.contains("Statement of applicability"), text.output)
    }

    func testRemovingTheOnlyApprovalUncoversAPhaseOneRequirement() throws {
        repository = try TestRepository.withPlanTemplate()
        XCTAssertEqual(try smsplan("check").status, 0)
        let path = "policies/service-management-policy.md"
        let policy = try repository.read(path)
        try repository.write(path, policy.replacingOccurrences(of: "status: approved", with: "status: review")
            .replacingOccurrences(of: "approved-by: top-management\n", with: "").replacingOccurrences(of: "approved-on: 2026-10-12\n", with: ""))
        let result = try smsplan("check")
        XCTAssertEqual(result.status, 1)
        let uncovered = result.output.split(separator: "\n").filter { $0.hasSuffix("[requirement-uncovered]") }
        XCTAssertEqual(uncovered.count, 2, result.output)
        XCTAssertTrue(uncovered.first?.contains("requirement 4.1.2 \"Service management policy\" is due by phase 1 and only partly covered") == true, result.output)
        XCTAssertTrue(uncovered.last?.contains("requirement 4.3.1 \"Establish and maintain documents\" is due by phase 1 and only partly covered: missing service management policy [4.3.1/policy] (4.1.2 not covered)") == true, result.output)
        XCTAssertTrue(uncovered.first?.hasPrefix("plan/phase-1.md:") == true, result.output)
    }

    func testAnExclusionOfAnISORequirementFailsTheCheckEvenWithAReason() throws {
        repository = try TestRepository.withPlanTemplate()
        let config = try repository.read("smsplan.yaml")
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        for entry in ["  - requirement: \"7.2\"\n", "  - requirement: \"7.2\"\n    reason: No external suppliers contribute to the services.\n"] {
            try repository.write("smsplan.yaml", config + "exclusions:\n" + entry)
            let result = try smsplan("check")
            XCTAssertEqual(result.status, 1)
            XCTAssertTrue(result.output.contains("smsplan.yaml:\(line):18: error: exclusion of 7.2 \"Supplier management\" is not permitted: iso20000-1:2011 accepts no exclusion of its requirements; a process run by another party stays in scope (operated-by) [exclusion-not-permitted]"),
                          result.output)
            XCTAssertFalse(result.output.contains("exclusion-unjustified"))
            let coverage = try smsplan("coverage", "--format", "markdown")
            XCTAssertFalse(coverage.output.contains("Statement of applicability"), coverage.output)
            XCTAssertFalse(coverage.output.contains("| excluded |"), coverage.output)
        }
    }

    func testSchemaPrintsTheSchemaInUseAndAJSONSchema() throws {
        repository = try TestRepository.withPlanTemplate()
        let text = try smsplan("schema")
        XCTAssertTrue(text.output.hasPrefix("ISO/IEC 20000-1:2011"), text.output)
        XCTAssertTrue(text.output.contains("    4.1.2 Service management policy\n"), text.output)
        XCTAssertFalse(text.output.contains("excludable"), "no requirement of ISO/IEC 20000-1 may be excluded")
        let schema = try json("schema", "--format", "json")
        XCTAssertEqual(((schema["schema"] as? [String: Any])?["requirements"] as? [Any])?.count, 53)
        let jsonSchema = try json("schema", "--json-schema")
        XCTAssertEqual(jsonSchema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        let properties = try XCTUnwrap(jsonSchema["properties"] as? [String: Any])
        let owner = try XCTUnwrap(properties["owner"] as? [String: Any])
        let roles = try repository.read("roles.yaml").split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst(8)) }
        XCTAssertEqual(owner["enum"] as? [String], roles)
        XCTAssertTrue(roles.contains("service-manager"))
    }
}
