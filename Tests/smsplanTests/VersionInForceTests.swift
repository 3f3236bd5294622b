import Foundation
import TestSupport
import XCTest

/// Work in progress and the version in force, through the hooks of a plan made by
/// `smsplan init`: a document being revised counts with its last approved version.
final class VersionInForceTests: PlanSessionTestCase {
    func testCommittingTheDraftOfARevisionPassesTheHooks() throws {
        // PRO-013 is the only procedure evidence of 6.5, due by phase 2 (the current one).
        let revised = try session.run("revise", "PRO-013", "-m", "Thresholds reworked")
        XCTAssertEqual(revised.status, 0, revised.errors)
        let committed = try session.commit("revise the capacity procedure")
        XCTAssertEqual(committed.status, 0, committed.output)
        XCTAssertFalse(committed.output.contains("6.5"), committed.output)

        let status = try session.run("status")
        XCTAssertTrue(status.output.contains("PRO-013: 1.0 approved (in force), 1.1 in draft"), status.output)
        let register = try session.run("register")
        let line = register.output.split(separator: "\n").first { $0.hasPrefix("PRO-013 ") }.map(String.init) ?? ""
        XCTAssertTrue(line.contains("1.0 approved (in force), 1.1 in draft"), register.output)
        let coverage = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try session.run("coverage", "--format", "json").output.utf8)) as? [String: Any])
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        XCTAssertEqual(rows.first { $0["id"] as? String == "6.5" }?["status"] as? String, "covered")
    }

    func testRevisingTheEvidenceOfADonePhaseOneActivityKeepsItDone() throws {
        // PRO-006 is evidence of P1-13 (phase 1, done); the plan is in phase 2.
        XCTAssertEqual(try session.run("revise", "PRO-006", "-m", "Emergency changes clarified").status, 0)
        let committed = try session.commit("revise the change procedure")
        XCTAssertEqual(committed.status, 0, committed.output)
        XCTAssertFalse(committed.output.contains("activity-open"), committed.output)
        let check = try session.run("check", "--rev", "HEAD")
        XCTAssertEqual(check.status, 0, check.output)
    }

    func testADocumentNeverApprovedStillDoesNotCount() throws {
        // The policy set back to review at its own version (no revision): nothing approved is below it.
        let path = "policies/service-management-policy.md"
        let policy = try session.read(path)
        let approvedOn = try XCTUnwrap(policy.split(separator: "\n").first { $0.hasPrefix("approved-on:") }.map(String.init))
        try session.repository.write(path, policy.replacingOccurrences(of: "status: approved", with: "status: review")
            .replacingOccurrences(of: "approved-by: top-management\n", with: "").replacingOccurrences(of: approvedOn + "\n", with: ""))
        let check = try session.run("check")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.output.contains("requirement 4.1.2 \"Service management policy\" is due by phase 1 and"), check.output)
    }

    func testAShallowCloneSaysOnceThatItCannotSeeTheApprovedVersion() throws {
        XCTAssertEqual(try session.run("revise", "PRO-013", "-m", "Thresholds reworked").status, 0)
        XCTAssertEqual(try session.commit("revise the capacity procedure").status, 0)
        let clone = session.repository.sandbox.appendingPathComponent("shallow")
        try session.repository.git(["clone", "-q", "--depth", "1", "file://" + session.repository.directory.path, clone.path])
        let result = try SMSPlanBinary.run(["check"], in: clone, environment: session.repository.childEnvironment)
        let notes = result.errors.split(separator: "\n").filter { $0.contains("approved version of PRO-013") }
        XCTAssertEqual(notes.count, 1, result.errors)
        XCTAssertTrue(notes.first?.contains("git fetch --unshallow") == true, result.errors)
    }

    func testTheBaselineManifestRecordsTheVersionInForce() throws {
        XCTAssertEqual(try session.run("revise", "PRO-001", "-m", "Naming of files").status, 0)
        XCTAssertEqual(try session.commit("revise document control").status, 0)
        let created = try session.run("baseline", "create", "1")
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        let tag = try session.repository.git("cat-file", "-p", "baseline/phase-1")
        XCTAssertTrue(tag.contains("Under revision: PRO-001 2.0 approved (in force), 2.1 in draft."), tag)
        XCTAssertTrue(tag.contains("\"inForceVersion\" : \"2.0\""), tag)
        XCTAssertEqual(try session.run("baseline", "verify", "baseline/phase-1").status, 0)
    }
}
