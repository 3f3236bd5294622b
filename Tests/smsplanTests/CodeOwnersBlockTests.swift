import Foundation
import TestSupport
import XCTest

/// The CODEOWNERS block: owner and approver roles of each document, the configuration owned
/// by codeowners.config-owner, kept current by `smsplan new`.
final class CodeOwnersBlockTests: PlanSessionTestCase {
    override var initialCommit: String? { nil }

    func testTheBlockNamesApproversAndTheConfigurationOwner() throws {
        XCTAssertEqual(try session.run("codeowners", "--write").status, 0)
        let written = try session.read(".github/CODEOWNERS")
        // POL-001: owned by service-manager (sokafor), approved by top-management (dlee).
        XCTAssertTrue(written.contains("\n/policies/service-management-policy.md @sokafor @dlee\n"), written)
        for path in ["/smsplan.yaml", "/roles.yaml", "/.github/CODEOWNERS"] {
            XCTAssertTrue(written.contains("\n\(path) @dlee\n"), "\(path) is owned by top-management: \(written)")
        }
        XCTAssertEqual(try session.commit("CODEOWNERS").status, 0)

        try session.repository.write("smsplan.yaml", try session.read("smsplan.yaml") + "codeowners:\n  config-owner: quality-manager\n")
        let moved = try session.run("codeowners")
        XCTAssertTrue(moved.output.contains("\n/smsplan.yaml @praman\n"), moved.output)
    }

    func testNewUpdatesACommittedBlock() throws {
        XCTAssertEqual(try session.run("codeowners", "--write").status, 0)
        XCTAssertEqual(try session.commit("plan with CODEOWNERS").status, 0)
        let created = try session.run("new", "policy", "Access policy")
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.errors.contains("smsplan: updated the smsplan block of .github/CODEOWNERS for the new document"), created.errors)
        let path = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let owners = try session.read(".github/CODEOWNERS")
        XCTAssertTrue(owners.contains("\n/\(path) @"), owners)
        let committed = try session.commit("a new policy")
        XCTAssertEqual(committed.status, 0, committed.output)
        XCTAssertFalse(committed.output.contains("codeowners-stale"), committed.output)
    }
}
