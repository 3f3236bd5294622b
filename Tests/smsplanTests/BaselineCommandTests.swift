import Foundation
import TestSupport
import XCTest

/// `smsplan baseline` on repositories made by `smsplan init`, with the real git CLI.
final class BaselineCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        let created = try smsplan("init", "--example", "--commit")
        XCTAssertEqual(created.status, 0, created.errors)
    }

    override func tearDown() {
        repository.remove()
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity)
    }

    func testPhaseOneIsBaselinedAndPhaseTwoListsWhatItLacks() throws {
        let created = try smsplan("baseline", "create", "1")
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        XCTAssertTrue(created.output.hasPrefix("created tag baseline/phase-1 at "), created.output)
        let tag = try repository.git("cat-file", "-p", "baseline/phase-1")
        XCTAssertTrue(tag.contains("tagger Ada Lovelace <ada@example.com>"), tag)
        XCTAssertTrue(tag.contains("smsplan baseline: phase 1 of Northwind Service Desk Ltd"))
        XCTAssertTrue(tag.contains("-----BEGIN SMSPLAN MANIFEST-----"))
        XCTAssertTrue(tag.contains("\"id\" : \"POL-001\""), tag)
        let head = try repository.git("rev-parse", "HEAD")
        XCTAssertTrue(tag.contains("\"commit\" : \"\(head)\""))
        let policyBlob = try repository.git("rev-parse", "HEAD:policies/service-management-policy.md")
        XCTAssertTrue(tag.contains("\"blob\" : \"\(policyBlob)\""))
        let fsck = try repository.attempt(["fsck", "--strict"])
        XCTAssertEqual(fsck.status, 0, fsck.errors)
        XCTAssertEqual(fsck.errors.trimmingCharacters(in: .whitespacesAndNewlines), "")

        let second = try smsplan("baseline", "create", "2")
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.output.hasPrefix("phase 2 cannot be baselined yet:\n"), second.output)
        XCTAssertTrue(second.output.contains("  - activity P2-"), second.output)
        XCTAssertEqual(try repository.git("tag", "--list"), "baseline/phase-1")

        let verify = try smsplan("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(verify.status, 0, verify.output)
        let list = try smsplan("baseline", "list", "--format", "json")
        let listed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [String: Any])
        let baselines = try XCTUnwrap(listed["baselines"] as? [[String: Any]])
        XCTAssertEqual(baselines.map { $0["tag"] as? String }, ["baseline/phase-1"])
        XCTAssertEqual(baselines.first?["signed"] as? Bool, false)
    }

    func testABaselineIsNeverOverwrittenAndPhasesGoInOrder() throws {
        let early = try smsplan("baseline", "create", "2", "--dry-run")
        XCTAssertEqual(early.status, 1)
        XCTAssertTrue(early.output.contains("phase 1 has no baseline (baseline/phase-1); baseline the phases in order"), early.output)
        XCTAssertEqual(try smsplan("baseline", "create", "1").status, 0)
        let tagBefore = try repository.git("rev-parse", "baseline/phase-1")
        let again = try smsplan("baseline", "create", "1")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.output.hasPrefix("phase 1 is baselined already: baseline/phase-1 exists ("), again.output)
        XCTAssertFalse(again.output.contains("cannot be baselined yet"), again.output)
        XCTAssertTrue(again.output.contains("needs --revision 2 (baseline/phase-1.r2), which keeps the old one"), again.output)
        XCTAssertEqual(try repository.git("rev-parse", "baseline/phase-1"), tagBefore)
        XCTAssertEqual(try smsplan("baseline", "create", "1", "--revision", "2").status, 0)
        XCTAssertEqual(try repository.git("tag", "--list").split(separator: "\n"), ["baseline/phase-1", "baseline/phase-1.r2"])
        XCTAssertEqual(try repository.git("rev-parse", "baseline/phase-1"), tagBefore)
    }

    func testADryRunIsShortAndEndsWithWhetherTheGateIsMet() throws {
        let met = try smsplan("baseline", "create", "1", "--dry-run")
        XCTAssertEqual(met.status, 0, met.output)
        let lines = met.output.split(separator: "\n")
        XCTAssertLessThan(lines.count, 15, met.output)
        XCTAssertTrue(met.output.hasPrefix("dry run: tag baseline/phase-1 at "), met.output)
        XCTAssertTrue(met.output.contains("  smsplan baseline: phase 1 of Northwind Service Desk Ltd\n"), met.output)
        XCTAssertFalse(met.output.contains("MANIFEST"), met.output)
        XCTAssertEqual(lines.last, "gate met: smsplan baseline create 1 would create baseline/phase-1 (--manifest shows the whole message)")

        let whole = try smsplan("baseline", "create", "1", "--dry-run", "--manifest")
        XCTAssertEqual(whole.status, 0)
        XCTAssertTrue(whole.output.contains("-----BEGIN SMSPLAN MANIFEST-----"), whole.output)
        XCTAssertTrue(whole.output.hasSuffix("\ngate met: smsplan baseline create 1 would create baseline/phase-1\n"), whole.output)

        let notMet = try smsplan("baseline", "create", "2", "--dry-run")
        XCTAssertEqual(notMet.status, 1)
        XCTAssertTrue(notMet.output.contains("\nshortfalls:\n  - activity P2-"), notMet.output)
        let closing = try XCTUnwrap(notMet.output.split(separator: "\n").last)
        XCTAssertTrue(closing.hasPrefix("gate not met: phase 2 cannot be baselined yet (") && closing.hasSuffix(" shortfalls)"), notMet.output)
        XCTAssertEqual(try repository.git("tag", "--list"), "")
        XCTAssertEqual(try smsplan("baseline", "create", "1", "--manifest").status, 64)
    }

    func testADirtyTreeIsRefusedAndAllowDirtyBaselinesHead() throws {
        let path = "policies/service-management-policy.md"
        try repository.write(path, try repository.read(path) + "\nUncommitted.\n")
        try repository.write("notes.txt", "scratch\n")
        let refused = try smsplan("baseline", "create", "1")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("uncommitted changes: notes.txt, \(path)"), refused.output)
        XCTAssertNotEqual(try repository.attempt(["rev-parse", "-q", "--verify", "refs/tags/baseline/phase-1"]).status, 0)

        let allowed = try smsplan("baseline", "create", "1", "--allow-dirty")
        XCTAssertEqual(allowed.status, 0, allowed.output)
        XCTAssertEqual(try repository.git("rev-parse", "baseline/phase-1^{commit}"), try repository.git("rev-parse", "HEAD"))
        let tag = try repository.git("cat-file", "-p", "baseline/phase-1")
        XCTAssertTrue(tag.contains("\"blob\" : \"\(try repository.git("rev-parse", "HEAD:\(path)"))\""), "the manifest has HEAD's blob, not the tree's")
        XCTAssertEqual(try smsplan("baseline", "verify", "baseline/phase-1").status, 0)
    }

    func testASignedBaselineVerifiesAndAForgedOneDoesNot() throws {
        let key = repository.sandbox.appendingPathComponent("signing-key")
        let keygen = Process()
        keygen.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        keygen.arguments = ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ada", "-f", key.path]
        try keygen.run()
        keygen.waitUntilExit()
        XCTAssertEqual(keygen.terminationStatus, 0)
        let publicKey = try String(contentsOf: URL(fileURLWithPath: key.path + ".pub"), encoding: .utf8)
        let allowed = repository.sandbox.appendingPathComponent("allowed-signers")
        try "ada@example.com \(publicKey)".write(to: allowed, atomically: true, encoding: .utf8)
        try repository.git("config", "gpg.format", "ssh")
        try repository.git("config", "user.signingkey", key.path + ".pub")
        try repository.git("config", "gpg.ssh.allowedSignersFile", allowed.path)

        let created = try smsplan("baseline", "create", "1", "--sign")
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        XCTAssertTrue(created.output.hasPrefix("created signed tag baseline/phase-1"), created.output)
        let verify = try smsplan("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(verify.status, 0, verify.output)
        XCTAssertTrue(verify.output.contains("signature good"), verify.output)
        XCTAssertEqual(try repository.attempt(["tag", "-v", "baseline/phase-1"]).status, 0)

        let message = try repository.git("tag", "-l", "--format=%(contents)", "baseline/phase-1")
        let forged = message.components(separatedBy: "-----BEGIN SSH SIGNATURE-----")[0]
            .replacingOccurrences(of: "\"version\" : \"1.0\"", with: "\"version\" : \"9.9\"")
        try repository.write("forged.txt", forged)
        try repository.git("tag", "-d", "baseline/phase-1")
        try repository.git("tag", "-a", "-F", repository.url("forged.txt").path, "baseline/phase-1", "HEAD")
        let forgedVerify = try smsplan("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(forgedVerify.status, 1)
        XCTAssertTrue(forgedVerify.output.contains("version 9.9 in the tag, 1.0 in the commit"), forgedVerify.output)
    }

    func testDiffListsRevisedDocumentsAndScopeStaysFixed() throws {
        XCTAssertEqual(try smsplan("baseline", "create", "1").status, 0)
        let path = "policies/service-management-policy.md"
        let revised = try repository.read(path)
            .replacingOccurrences(of: "\nversion: \"1.0\"", with: "\nversion: \"1.1\"")
            .replacingOccurrences(of: "approved-on: 2026-10-12", with: "approved-on: 2026-11-20")
            .replacingOccurrences(of: "summary: Approved for issue }", with: "summary: Approved for issue }\n  - { version: \"1.1\", date: 2026-11-20, author: Sam Okafor, summary: Reworded }")
        try repository.write(path, revised + "\nReworded.\n")
        // The approval is committed by top management (approval.identity: author).
        let saved = repository.extraEnvironment
        repository.extraEnvironment.merge(["GIT_AUTHOR_NAME": "Dana Lee", "GIT_AUTHOR_EMAIL": "dana.lee@northwind.example"]) { _, new in new }
        try repository.commitAll("revise the policy")
        repository.extraEnvironment = saved
        let diff = try smsplan("baseline", "diff", "baseline/phase-1", "HEAD", "--format", "markdown")
        XCTAssertEqual(diff.status, 0, diff.errors)
        XCTAssertTrue(diff.output.contains("## Documents revised\n\n- POL-001 Service management policy: version 1.0 -> 1.1\n"), diff.output)

        XCTAssertEqual(try smsplan("check").status, 0)
        let scope = try repository.read("plan/scope.md")
        try repository.write("plan/scope.md", scope + "\nThe hosting service joins the scope.\n")
        let changed = try smsplan("check", "--format", "json")
        XCTAssertEqual(changed.status, 1)
        XCTAssertTrue(changed.output.contains("\"rule\" : \"scope-changed\""), changed.output)
        XCTAssertTrue(changed.output.contains("the scope document changed since baseline/phase-1"), changed.output)
    }
}
