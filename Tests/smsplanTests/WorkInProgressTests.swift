import Foundation
import TestSupport
import XCTest

/// A phase's open work through the installed hooks: requirements of the current phase not
/// covered yet are warnings, earlier phases' are errors; baseline create wants them all;
/// only approved phase plans schedule.
final class WorkInProgressTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        repository.commitTimeOverride = Int(Date().timeIntervalSince1970)
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Small Ltd\ncurrent-phase: 1\n")
        try repository.write("roles.yaml", """
            smsplan: 1
            roles:
              - { id: top-management, name: Top management, members: [{ name: Dana Lee, email: dana@example.org }] }
              - { id: service-manager, name: Service manager, members: [{ name: Sam Okafor, email: sam@example.org }] }

            """)
        try repository.write("policies/policy.md", Self.policy)
        try repository.write("plan/phase-1.md", Self.phasePlan(phase: 1, status: "approved", activities: [
            "{ id: P1-01, title: Policy, requirements: [\"4.1.2\"], status: done, evidence: [POL-001] }",
            "{ id: P1-02, title: Document control, requirements: [\"4.3.2\"], status: in-progress, evidence: [] }",
        ]))
        let installed = try smsplan("hooks", "install")
        XCTAssertEqual(installed.status, 0, installed.errors)
    }

    override func tearDown() {
        repository?.remove()
    }

    /// The date `days` before today (UTC), so that no review falls due during the test.
    static func daysAgo(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date().addingTimeInterval(-Double(days) * 86_400))
    }

    static var policy: String { """
        ---
        id: POL-001
        title: Service management policy
        type: policy
        version: "1.0"
        status: approved
        owner: service-manager
        approved-by: top-management
        approved-on: \(Self.daysAgo(20))
        satisfies: ["4.1.2"]
        history:
          - { version: "1.0", date: \(Self.daysAgo(20)), author: Sam Okafor, summary: Approved for issue }
        ---
        # Service management policy

        """
    }

    static func phasePlan(phase: Int, status: String, activities: [String]) -> String {
        let approval = status == "approved" ? "approved-by: top-management\napproved-on: \(Self.daysAgo(30))\n" : ""
        let version = status == "approved" ? "1.0" : "0.1"
        return """
            ---
            id: PHS-00\(phase)
            title: Phase \(phase) plan
            type: phase-plan
            version: "\(version)"
            status: \(status)
            owner: service-manager
            \(approval)phase: \(phase)
            activities:
            \(activities.map { "  - " + $0 }.joined(separator: "\n"))
            history:
              - { version: "\(version)", date: \(Self.daysAgo(30)), author: Sam Okafor, summary: Planned }
            ---
            # Phase \(phase) plan

            """
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: repository.childEnvironment)
    }

    private func commit(_ message: String) throws -> (status: Int32, output: String) {
        try repository.git("add", "-A")
        let result = try repository.attempt(["commit", "-q", "-m", message])
        return (result.status, result.output + result.errors)
    }

    func testTheMiddleOfAPhaseCommitsThroughTheHooks() throws {
        let committed = try commit("phase 1 under way")
        XCTAssertEqual(committed.status, 0, committed.output)
        XCTAssertTrue(committed.output.contains("warning: requirement 4.3.2 \"Control of documents\" is due by phase 1, the current one, and not covered yet"), committed.output)
        XCTAssertFalse(committed.output.contains("activity-open"), committed.output)

        let status = try smsplan("status")
        XCTAssertTrue(status.output.contains("phase 1 not covered yet: 4.3.2"), status.output)
        XCTAssertTrue(status.output.contains("Findings: 0 errors, 1 warnings"), status.output)

        let baseline = try smsplan("baseline", "create", "1")
        XCTAssertEqual(baseline.status, 1)
        XCTAssertTrue((baseline.output + baseline.errors).contains("requirement 4.3.2 \"Control of documents\" is due by phase 1 and uncovered"), baseline.output + baseline.errors)
        XCTAssertTrue((baseline.output + baseline.errors).contains("activity P1-02 \"Document control\" is in-progress"), baseline.output + baseline.errors)

        // Once the plan moves on to phase 2, the same gaps are errors, and the hook refuses.
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Small Ltd\ncurrent-phase: 2\n")
        let refused = try commit("move on to phase 2")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("error: requirement 4.3.2 \"Control of documents\" is due by phase 1 and not covered"), refused.output)
        XCTAssertTrue(refused.output.contains("[activity-open]"), refused.output)
    }

    func testADraftPhasePlanIsAProposalThatSchedulesNothing() throws {
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Small Ltd\ncurrent-phase: 2\n")
        try repository.write("plan/phase-1.md", Self.phasePlan(phase: 1, status: "approved", activities: [
            "{ id: P1-01, title: Policy, requirements: [\"4.1.2\", \"4.3.2\"], status: done, evidence: [POL-001] }",
        ]))
        try repository.write("plan/phase-2.md", Self.phasePlan(phase: 2, status: "approved", activities: [
            "{ id: P2-01, title: Relationships, requirements: [\"6.3\"], status: open, evidence: [] }",
        ]))
        let before = try smsplan("check")
        XCTAssertEqual(before.status, 1)
        XCTAssertTrue(before.output.contains("requirement 4.3.2 \"Control of documents\" is due by phase 1 and"), before.output)

        // A draft plan for phase 5 listing 4.3.2 again changes nothing that is due.
        try repository.write("plan/phase-5.md", Self.phasePlan(phase: 5, status: "draft", activities: [
            "{ id: P5-01, title: Later, requirements: [\"4.3.2\"], status: open, evidence: [] }",
        ]))
        let after = try smsplan("check")
        XCTAssertEqual(after.status, 1, after.output)
        XCTAssertTrue(after.output.contains("requirement 4.3.2 \"Control of documents\" is due by phase 1 and"), after.output)
        let status = try smsplan("status")
        XCTAssertTrue(status.output.contains("proposed: PHS-005 for phase 5 (draft, 1 activities); it schedules nothing until approved"), status.output)
        XCTAssertFalse(status.output.split(separator: "\n").contains { $0.hasPrefix("  phase 5 ") }, status.output)
    }

    func testACurrentPhaseBeyondThePhasePlansIsConfigInvalid() throws {
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Small Ltd\ncurrent-phase: 9\n")
        let result = try smsplan("check")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("smsplan.yaml:3:16: error: current-phase 9 is beyond the phases planned: the approved phase plans end with phase 1"), result.output)
        let status = try smsplan("status")
        XCTAssertFalse(status.output.contains("phase 8"), status.output)
    }
}
