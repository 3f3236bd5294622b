import Foundation
import TestSupport
import XCTest

/// The cycle of docs/workflow.md, end to end on a plan made by `smsplan init`, through the
/// installed hooks and never with --no-verify: revise the only evidence of a requirement on a
/// branch, commit the draft, approve it the same day, merge, push, baseline, verify.
final class DocumentControlCycleTests: PlanSessionTestCase {
    override var initialCommit: String? { nil }

    private func git(_ arguments: String...) throws -> (status: Int32, output: String) {
        let result = try session.repository.attempt(arguments)
        return (result.status, result.output + result.errors)
    }

    func testReviseApproveMergeBaselineVerify() throws {
        XCTAssertEqual(try session.commit("plan from smsplan init").status, 0)
        let remote = session.repository.sandbox.appendingPathComponent("remote.git")
        try session.repository.git("init", "-q", "--bare", remote.path)
        try session.repository.git("remote", "add", "origin", remote.path)
        XCTAssertEqual(try git("push", "-q", "origin", "main").status, 0, "pre-push on the first push")

        // PRO-013 is the only procedure evidence of 6.5; revising it keeps 1.0 in force.
        XCTAssertEqual(try git("checkout", "-q", "-b", "capacity-thresholds").status, 0)
        let revised = try session.run("revise", "PRO-013", "-m", "Thresholds reworked after the quarterly forecast")
        XCTAssertEqual(revised.status, 0, revised.errors)
        let draft = try session.commit("Capacity procedure 1.1 in draft")
        XCTAssertEqual(draft.status, 0, draft.output)
        XCTAssertTrue(try session.run("status").output.contains("PRO-013: 1.0 approved (in force), 1.1 in draft"))
        XCTAssertEqual(try git("push", "-q", "origin", "capacity-thresholds").status, 0, "pre-push on a new branch")

        // Approved the same day by the approver role, committed by its member (approval.identity: author).
        let approved = try session.run("approve", "PRO-013", "--by", "service-manager")
        XCTAssertEqual(approved.status, 0, approved.errors)
        XCTAssertTrue(approved.output.contains("approved by service-manager on \(PlanSession.today) at version 1.1"), approved.output)
        let sam = ["GIT_AUTHOR_NAME": "Sam Okafor", "GIT_AUTHOR_EMAIL": "sam.okafor@northwind.example"]
        let approval = try session.commit("Capacity procedure 1.1 approved", environment: sam)
        XCTAssertEqual(approval.status, 0, approval.output)
        let review = try session.run("review", "main..capacity-thresholds")
        XCTAssertEqual(review.status, 0, review.output)
        XCTAssertTrue(review.output.contains("PRO-013"), review.output)
        XCTAssertEqual(try git("push", "-q", "origin", "capacity-thresholds").status, 0)

        // The pull request is merged (a merge commit keeps the approving commit's author).
        XCTAssertEqual(try git("checkout", "-q", "main").status, 0)
        let merged = try git("merge", "-q", "--no-ff", "-m", "Merge capacity-thresholds", "capacity-thresholds")
        XCTAssertEqual(merged.status, 0, merged.output)
        XCTAssertEqual(try session.run("check", "--range", "origin/main..main").status, 0)
        XCTAssertEqual(try git("push", "-q", "origin", "main").status, 0)

        let baseline = try session.run("baseline", "create", "1")
        XCTAssertEqual(baseline.status, 0, baseline.output + baseline.errors)
        let verify = try session.run("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(verify.status, 0, verify.output + verify.errors)
        let tag = try session.repository.git("cat-file", "-p", "baseline/phase-1")
        XCTAssertTrue(tag.contains("\"id\" : \"PRO-013\""), tag)
        XCTAssertTrue(tag.contains("\"version\" : \"1.1\""), tag)
    }
}
