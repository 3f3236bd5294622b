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

    func testSignedAsksForASignatureByAMember() throws {
        try session.repository.write("smsplan.yaml", try session.read("smsplan.yaml").replacingOccurrences(of: "identity: author", with: "identity: signed"))
        XCTAssertEqual(try session.commit("approvals are signed").status, 0)
        XCTAssertEqual(try session.run("approve", "PRO-013", "--by", "service-manager").status, 0)
        let sam = ["GIT_AUTHOR_NAME": "Sam Okafor", "GIT_AUTHOR_EMAIL": "sam.okafor@northwind.example"]
        let unsigned = try session.commit("approve, unsigned", environment: sam)
        XCTAssertNotEqual(unsigned.status, 0)
        XCTAssertTrue(unsigned.output.contains("git is not set to sign the commit (commit.gpgsign)"), unsigned.output)

        // Sam's SSH key, known to git as Sam's.
        let key = session.repository.sandbox.appendingPathComponent("sam-key")
        let keygen = Process()
        keygen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        keygen.arguments = ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "sam", "-f", key.path]
        try keygen.run()
        keygen.waitUntilExit()
        let publicKey = try String(contentsOf: URL(fileURLWithPath: key.path + ".pub"), encoding: .utf8)
        let allowed = session.repository.sandbox.appendingPathComponent("allowed-signers")
        try "sam.okafor@northwind.example \(publicKey)".write(to: allowed, atomically: true, encoding: .utf8)
        for (name, value) in [("gpg.format", "ssh"), ("user.signingkey", key.path), ("gpg.ssh.allowedSignersFile", allowed.path), ("commit.gpgsign", "true")] {
            try session.repository.git("config", name, value)
        }
        let base = try session.repository.git("rev-parse", "HEAD")
        let signed = try session.commit("approve, signed by Sam", environment: sam)
        XCTAssertEqual(signed.status, 0, signed.output)
        let range = try session.run("check", "--range", "\(base)..HEAD")
        XCTAssertEqual(range.status, 0, range.output + range.errors)
    }
}
