import Foundation
import TestSupport
import XCTest

/// scope-changed resolved by the record of an approved scope change, through the hooks.
final class ScopeChangeTests: PlanSessionTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        XCTAssertEqual(try session.run("baseline", "create", "1").status, 0)
    }

    func testAnApprovedScopeChangeRecordResolvesTheFinding() throws {
        XCTAssertEqual(try session.run("revise", "PLN-001", "-m", "The hosting service joins the scope").status, 0)
        try session.repository.write("plan/scope.md", try session.read("plan/scope.md") + "\nThe hosting service joins the scope.\n")
        let refused = try session.commit("widen the scope")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("record its approval (a final record with record-of: scope-change naming PLN-001 1.2)"), refused.output)

        try session.repository.write("records/scope-change.md", """
            ---
            id: REC-950
            title: Scope change approved by top management
            type: record
            status: final
            owner: service-manager
            record-of: scope-change
            recorded-on: \(PlanSession.today)
            retention: 6 years
            ---
            # Scope change

            ## Summary
            Top management approved PLN-001 version 1.2: the hosting service joins the scope.

            ## Details
            Decided at the management review.

            ## Actions
            Phase 2 re-planned.

            """)
        let accepted = try session.commit("widen the scope, with the decision")
        XCTAssertEqual(accepted.status, 0, accepted.output)

        let rules = try session.run("rules", "scope-changed")
        XCTAssertTrue(rules.output.contains("record-of: scope-change"), rules.output)
        XCTAssertFalse(rules.output.contains("switch the rule off"), rules.output)
    }
}
