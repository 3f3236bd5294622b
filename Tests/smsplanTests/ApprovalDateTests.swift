import Foundation
import TestSupport
import XCTest

/// Approval dates through the hooks: revised and re-approved on the day of the last
/// approval; never dated after the revision (approve refuses, check finds date-in-future).
final class ApprovalDateTests: PlanSessionTestCase {
    func testARevisionIsApprovedOnTheDayOfTheLastApproval() throws {
        let created = try session.run("new", "policy", "Access policy")
        XCTAssertEqual(created.status, 0, created.errors)
        let id = try XCTUnwrap(try session.read(created.output.trimmingCharacters(in: .whitespacesAndNewlines))
            .split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4)).description
        XCTAssertEqual(try session.run("approve", id, "--by", "top-management").status, 0)
        XCTAssertEqual(try session.commit("issue the access policy", environment: PlanSession.topManagement).status, 0)

        XCTAssertEqual(try session.run("revise", id, "-m", "Second look").status, 0)
        XCTAssertEqual(try session.commit("revise the access policy").status, 0)
        let approved = try session.run("approve", id, "--by", "top-management")
        XCTAssertEqual(approved.status, 0, approved.errors)
        XCTAssertTrue(approved.output.contains("approved by top-management on \(PlanSession.today) at version 1.1"), approved.output)
        let committed = try session.commit("approve the revision", environment: PlanSession.topManagement)
        XCTAssertEqual(committed.status, 0, committed.output)
    }

    func testAnApprovalAfterTodayIsRefused() throws {
        XCTAssertEqual(try session.run("revise", "PRO-013", "-m", "Thresholds").status, 0)
        let refused = try session.run("approve", "PRO-013", "--by", "top-management", "--date", "2031-01-01")
        XCTAssertEqual(refused.status, 64)
        XCTAssertTrue(refused.errors.contains("the approval date 2031-01-01 is after today (\(PlanSession.today))"), refused.errors)
        XCTAssertTrue(try session.read("procedures/capacity-analysis.md").contains("status: draft"), "nothing was written")
    }

    func testCheckFindsDatesAfterTheRevision() throws {
        let path = "policies/service-management-policy.md"
        let policy = try session.read(path)
        let approvedOn = try XCTUnwrap(policy.split(separator: "\n").first { $0.hasPrefix("approved-on:") }.map(String.init))
        try session.repository.write(path, policy.replacingOccurrences(of: approvedOn, with: "approved-on: 2031-01-01"))
        let check = try session.run("check")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.output.contains("error: approved-on 2031-01-01 is after the date of the revision checked (\(PlanSession.today)); date what happened on the day it happened [date-in-future]"), check.output)
        let refused = try session.commit("approval in the future")
        XCTAssertNotEqual(refused.status, 0, "the pre-commit hook refuses it")
    }
}
