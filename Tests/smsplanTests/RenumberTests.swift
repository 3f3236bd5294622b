import Foundation
import TestSupport
import XCTest

/// Ids across branches: `smsplan new` skips ids other branches took; `smsplan renumber`
/// untangles two documents that took the same one, and moves every reference.
final class RenumberTests: PlanSessionTestCase {
    private func idOf(_ created: CommandResult) throws -> String {
        let path = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return try XCTUnwrap(try session.read(path).split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4)).description
    }

    func testNewSkipsIdsTakenOnOtherBranches() throws {
        try session.repository.git("checkout", "-q", "-b", "access")
        let first = try session.run("new", "policy", "Access policy")
        XCTAssertEqual(first.status, 0, first.errors)
        let a = try idOf(first)
        XCTAssertEqual(try session.commit("an access policy").status, 0)
        try session.repository.git("checkout", "-q", "main")
        let second = try session.run("new", "policy", "Travel policy")
        XCTAssertEqual(second.status, 0, second.errors)
        let b = try idOf(second)
        XCTAssertEqual(a, "POL-016")
        XCTAssertEqual(b, "POL-017", "POL-016 is taken on the branch access")
    }

    func testRenumberUntanglesASharedIdAndMovesReferences() throws {
        let created = try session.run("new", "policy", "Access policy")
        let path = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        try session.repository.write("policies/copy.md", try session.read(path).replacingOccurrences(of: "Access policy", with: "Travel policy"))
        let duplicate = try session.run("check")
        XCTAssertTrue(duplicate.output.contains("give one of them a free id with `smsplan renumber POL-016 NEW-ID --path"), duplicate.output)

        let renumbered = try session.run("renumber", "POL-016", "POL-090", "--path", "policies/copy.md")
        XCTAssertEqual(renumbered.status, 0, renumbered.errors)
        XCTAssertTrue(renumbered.output.contains("policies/copy.md: id POL-016 is now POL-090"), renumbered.output)
        XCTAssertTrue(try session.read("policies/copy.md").contains("\nid: POL-090\n"))
        XCTAssertFalse(try session.run("check").output.contains("id-duplicate"))

        // Every reference moves with the id: PRO-013 is evidence of P2-07.
        let moved = try session.run("renumber", "PRO-013", "PRO-099")
        XCTAssertEqual(moved.status, 0, moved.errors)
        XCTAssertTrue(try session.read("plan/phase-2.md").contains("evidence: [PRC-014, PLN-008, PRO-099]"))
        XCTAssertTrue(try session.read("procedures/capacity-analysis.md").contains("\nid: PRO-099\n"))
        XCTAssertEqual(try session.run("renumber", "PRO-099", "PRO-001").status, 2, "an id in use is refused")
    }
}
