import XCTest
@testable import SMSPlanKit

/// Phases, coverage, the coverage rules and the status and coverage reports on a small
/// plan whose figures are worked out by hand in the comments.
final class CoverageTests: XCTestCase {
    private func plan(config: String = CoverageTests.config, extra: [(String, String)] = []) throws -> Plan {
        var files = ["smsplan.yaml": config, "roles.yaml": PlanFixtures.roles]
        for (path, text) in Self.documents + extra { files[path] = text }
        return try Engine.load(source: InMemorySource(files: files), planRoot: "", revisionDate: PlanFixtures.reviewDate)
    }

    static let config = """
        smsplan: 1
        current-phase: 2

        """

    static let procedure = RuleExample.approvedPolicy
        .replacingOccurrences(of: "POL-001", with: "PRO-001")
        .replacingOccurrences(of: "type: policy", with: "type: procedure")
        .replacingOccurrences(of: "status: approved", with: "status: draft")
        .replacingOccurrences(of: "approved-by: top-management\napproved-on: 2026-03-01\n", with: "")
        .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"4.3.2\"]")

    /// Phase 1: P1-01 (4.1.2, done, POL-001 approved) and P1-02 (4.3.2, done, but PRO-001 is a draft).
    /// Phase 2: P2-01 lists clause 4.3 (so 4.3.1, 4.3.2, 4.3.3 fall due in phase 2) and 4.1.2 again.
    static let documents: [(String, String)] = [
        ("policies/policy.md", RuleExample.approvedPolicy),
        ("procedures/documents.md", procedure),
        ("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: "id: P1-01, requirements: [\"4.1.2\"], status: done, evidence: [POL-001] }\n  - { id: P1-02, requirements: [\"4.3.2\"], status: done, evidence: [PRO-001]")),
        ("plan/phase-2.md", RuleExample.phasePlan(phase: 2, activity: "id: P2-01, requirements: [\"4.3\", \"4.1.2\"], status: open")),
    ]

    func testRequirementsFallDueInThePhaseOfTheirLastActivity() throws {
        let phases = try XCTUnwrap(try plan().analysis?.phases)
        XCTAssertEqual(phases.finalPhase, 3)
        XCTAssertEqual(phases.dueIn["4.1.2"], 2)
        XCTAssertEqual(phases.dueIn["4.3.1"], 2)
        XCTAssertEqual(phases.dueIn["4.3.2"], 2)
        XCTAssertEqual(phases.dueIn["4.3"], 2)
        XCTAssertEqual(phases.dueIn["4.4.1"], 3, "unplanned requirements fall due in the final phase")
        XCTAssertEqual(phases.dueIn["4"], 3)
        XCTAssertEqual(phases.activities(in: 1).map(\.isDone), [true, true])
    }

    func testCoverageByEvidence() throws {
        let coverage = try XCTUnwrap(try plan().analysis?.coverage.requirements)
        XCTAssertEqual(coverage["4.1.2"]?.status, .covered)
        XCTAssertEqual(coverage["4.1.2"]?.items.first?.documents, ["POL-001"])
        XCTAssertEqual(coverage["4.3.2"]?.status, .partial, "listed by a draft only")
        XCTAssertEqual(coverage["4.3.3"]?.status, .uncovered)
        XCTAssertEqual(coverage["4.3"]?.status, .partial)
        XCTAssertEqual(coverage["7.2"]?.status, .uncovered)
        XCTAssertEqual(coverage["7"]?.status, .uncovered)
    }

    func testCoverageRulesFindWhatIsMissing() throws {
        let result = Engine.check(try plan())
        XCTAssertEqual(PlanFixtures.summary(result), [
            "activity-open plan/phase-1.md:13:68",
            "requirement-uncovered plan/phase-2.md:12:33",
            "requirement-uncovered plan/phase-2.md:12:33",
            "requirement-uncovered plan/phase-2.md:12:33",
        ])
        XCTAssertEqual(result.diagnostics.filter { $0.rule == RequirementUncoveredRule.id }.map(\.severity), [.warning, .warning, .warning],
                       "requirements of the current phase not covered yet are its open work")
        XCTAssertEqual(result.diagnostics.filter { $0.rule == RequirementUncoveredRule.id }.map { $0.message.split(separator: " ")[1] },
                       ["4.3.1", "4.3.2", "4.3.3"])
    }

    func testApprovalAndJustificationClearTheFindings() throws {
        let approved = Self.procedure.replacingOccurrences(of: "status: draft", with: "status: approved\napproved-by: top-management\napproved-on: 2026-03-01")
        let fixed = try plan(config: Self.config.replacingOccurrences(of: "current-phase: 2", with: "current-phase: 1"),
                             extra: [("procedures/documents.md", approved)])
        XCTAssertEqual(PlanFixtures.summary(Engine.check(fixed)), [])
    }

    func testStatusReportCountsByPhase() throws {
        let plan = try plan()
        let status = StatusReport(plan: plan, result: Engine.check(plan))
        XCTAssertEqual(status.phases.map(\.state), ["behind", "current", "planned"])
        XCTAssertEqual(status.phases.map(\.activitiesDone), [1, 0, 0], "P1-02 is done but its evidence is a draft")
        XCTAssertEqual(status.phases.map(\.activitiesTotal), [2, 1, 0])
        // Phase 2 is due: 4.1.2 (covered), 4.3.1, 4.3.2, 4.3.3 (not). Phase 3: the 35 other
        // leaves of the 2011 schema: 39 leaves - 4 = 35.
        XCTAssertEqual(status.phases.map(\.requirementsDue), [0, 4, 35])
        XCTAssertEqual(status.phases.map(\.requirementsCovered), [0, 1, 0])
        XCTAssertEqual(status.documents, ["approved": 3, "draft": 1])
        XCTAssertEqual(status.errors, 1, "activity-open; the phase 2 requirements are warnings")
        XCTAssertEqual(status.warnings, 3)
    }

    func testReviewsAndRecordsComingDue() throws {
        let soon = RuleExample.approvedPolicy.replacingOccurrences(of: "approved-on: 2026-03-01", with: "approved-on: 2026-03-01\nnext-review: 2026-06-20")
        let plan = try plan(extra: [("policies/policy.md", soon), ("records/review.md", RuleExample.managementReview(on: "2025-06-15"))])
        let status = StatusReport(plan: plan, result: Engine.check(plan))
        XCTAssertEqual(status.reviewsDue.map { "\($0.id) \($0.due) \($0.overdue)" }, ["POL-001 2026-06-20 false"])
        XCTAssertEqual(status.recordsDue.map { "\($0.what) \($0.due)" }, ["management-review for 4.5.4.3 2026-06-15"])
    }

    func testRecordDueJudgesByTheRevisionDate() throws {
        let plan = try plan(extra: [("records/review.md", RuleExample.managementReview(on: "2025-05-01"))])
        XCTAssertEqual(Engine.check(plan).diagnostics.filter { $0.rule == RecordDueRule.id }.map(\.message), [
            "the newest management-review record for 4.5.4.3, REC-001 of 2025-05-01, is older than 12 months; the next one was due on 2026-05-01",
        ])
    }

    func testCoverageReportHasEveryRequirementAndNoStatementOfApplicability() throws {
        let report = try XCTUnwrap(CoverageReport(plan: try plan()))
        XCTAssertEqual(report.requirements.count, 53)
        // 4.3.1 is partial too: its item as in 4.1.2 is met.
        XCTAssertEqual(report.totals, ["covered": 1, "partial": 2, "uncovered": 36, "excluded": 0])
        XCTAssertFalse(report.exclusionsAllowed)
        for format in [OutputFormat.text, .markdown] {
            XCTAssertFalse(report.render(format).lowercased().contains("statement of applicability"), "\(format)")
            XCTAssertTrue(report.render(format).contains("Every requirement of iso20000-1:2011 applies: ISO/IEC 20000-1 accepts no exclusion."))
        }
    }
}
