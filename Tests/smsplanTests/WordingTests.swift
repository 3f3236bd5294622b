import Foundation
import TestSupport
import XCTest

/// What review, check --range and baseline diff say about document control, in words that
/// name what happened and what can still be done.
final class WordingTests: PlanSessionTestCase {
    private let policyPath = "policies/service-management-policy.md"

    func testAnApprovedDocumentEditedInPlaceIsNotARevision() throws {
        try session.repository.write(policyPath, try session.read(policyPath) + "\nA sentence added in place.\n")
        try session.repository.git("commit", "-q", "--no-verify", "-am", "edit in place")
        let bad = String(try session.repository.git("rev-parse", "HEAD").prefix(7))
        let review = try session.run("review", "HEAD~1..HEAD")
        XCTAssertTrue(review.output.contains("| edited without a new version | POL-001 Service management policy | 1.0 |"), review.output)

        // A later commit cannot mend it: the advice is to rewrite or squash.
        XCTAssertEqual(try session.run("new", "policy", "Access policy").status, 0)
        try session.repository.git("add", "-A")
        try session.repository.git("commit", "-q", "--no-verify", "-m", "a draft policy")
        let range = try session.run("check", "--range", "HEAD~2..HEAD")
        let line = range.output.split(separator: "\n").first { $0.contains("commit \(bad): POL-001 is approved at version 1.0 and changed") }
        XCTAssertTrue(line?.contains("a later commit cannot mend this one: rewrite it (git rebase -i) or squash the branch before it is merged") == true, range.output)
        XCTAssertFalse(line?.contains("raise the version") == true, range.output)
    }

    func testBaselineDiffNamesTheVersionsApproved() throws {
        XCTAssertEqual(try session.run("baseline", "create", "1").status, 0)
        XCTAssertEqual(try session.run("revise", "PRO-013", "-m", "Thresholds").status, 0)
        XCTAssertEqual(try session.commit("revise").status, 0)
        XCTAssertEqual(try session.run("approve", "PRO-013", "--by", "service-manager").status, 0)
        let sam = ["GIT_AUTHOR_NAME": "Sam Okafor", "GIT_AUTHOR_EMAIL": "sam.okafor@northwind.example"]
        XCTAssertEqual(try session.commit("approve", environment: sam).status, 0)
        let diff = try session.run("baseline", "diff", "baseline/phase-1", "HEAD")
        XCTAssertTrue(diff.output.contains("PRO-013 Predictive capacity analysis: 1.1 approved (was 1.0 approved)"), diff.output)
        XCTAssertFalse(diff.output.contains("(was approved)"), diff.output)
    }
}
