import Foundation
import TestSupport
import XCTest

/// approval.identity: author, as `smsplan init` sets it: an approval is committed by a
/// member of the approver role, in the pre-commit hook, in check --range and before a push.
final class ApprovalIdentityTests: XCTestCase {
    private var session: PlanSession!

    override func setUpWithError() throws {
        session = try PlanSession()
        XCTAssertTrue(try session.read("smsplan.yaml").contains("approval:\n  identity: author\n"), "init sets author")
        XCTAssertEqual(try session.commit("plan from smsplan init").status, 0, "the root commit imports approvals already made")
        XCTAssertEqual(try session.run("revise", "PRO-013", "-m", "Thresholds").status, 0)
        XCTAssertEqual(try session.commit("revise the capacity procedure").status, 0)
    }

    override func tearDown() {
        session?.remove()
    }

    func testAnApprovalCommittedByAnyoneElseIsRefused() throws {
        let approved = try session.run("approve", "PRO-013", "--by", "service-manager")
        XCTAssertEqual(approved.status, 0, approved.errors)
        XCTAssertTrue(approved.errors.contains("smsplan: warning: Ada Lovelace <ada@example.com> is not a member of service-manager in roles.yaml"), approved.errors)

        let refused = try session.commit("approve the capacity procedure")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("error: PRO-013 is approved by service-manager, but the change is authored by Ada Lovelace <ada@example.com>, who is not a member of service-manager in roles.yaml"), refused.output)
        XCTAssertTrue(refused.output.contains("[approval-unverified]"), refused.output)

        let sam = ["GIT_AUTHOR_NAME": "Sam Okafor", "GIT_AUTHOR_EMAIL": "sam.okafor@northwind.example"]
        let accepted = try session.commit("approve the capacity procedure", environment: sam)
        XCTAssertEqual(accepted.status, 0, accepted.output)
    }

    func testCheckRangeJudgesTheAuthorOfEachCommit() throws {
        let base = try session.repository.git("rev-parse", "HEAD")
        XCTAssertEqual(try session.run("approve", "PRO-013", "--by", "service-manager").status, 0)
        try session.repository.git("add", "-A")
        try session.repository.git("commit", "-q", "--no-verify", "-m", "approve without the hook")
        let commit = String(try session.repository.git("rev-parse", "HEAD").prefix(7))
        let range = try session.run("check", "--range", "\(base)..HEAD")
        XCTAssertEqual(range.status, 1)
        XCTAssertTrue(range.output.contains("commit \(commit): PRO-013 is approved by service-manager, but the change is authored by Ada Lovelace"), range.output)
    }
}
