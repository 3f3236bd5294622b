import Foundation
import TestSupport
import XCTest

/// The history rules through the installed git hooks, driving the real git CLI.
final class HistoryHookTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        let installed = try SMSPlanBinary.run(["hooks", "install"], in: repository.directory)
        XCTAssertEqual(installed.status, 0, installed.errors)
    }

    override func tearDown() {
        repository.remove()
    }

    private let policyPath = "policies/service-management-policy.md"
    private let recordPath = "records/management-review-2026-11.md"

    /// `git commit -m message` and what the hook said.
    private func commit(_ message: String, _ extra: [String] = []) throws -> (status: Int32, output: String) {
        let result = try repository.attempt(["commit", "-q", "-m", message] + extra)
        return (result.status, result.output + result.errors)
    }

    private func stageAll() throws {
        try repository.git("add", "-A")
    }

    func testEditingAnApprovedPolicyNeedsANewVersion() throws {
        let original = try repository.read(policyPath)
        let extra = try approvedExtraPolicy()
        try repository.write(policyPath, original + "\nA sentence added without a new version.\n")
        try stageAll()
        let refused = try commit("edit the policy in place")
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.output.contains("\(policyPath):5:10: error: POL-001 is approved at version 1.0 and changed"), refused.output)
        XCTAssertTrue(refused.output.contains("[approved-content-changed]"), refused.output)

        // A new version, re-approved with a new date (POL-001 is the only evidence of 4.1.2, so it stays approved).
        let reapproved = original
            .replacingOccurrences(of: "\nversion: \"1.0\"", with: "\nversion: \"1.1\"")
            .replacingOccurrences(of: "approved-on: 2026-10-12", with: "approved-on: 2026-11-20")
            .replacingOccurrences(of: "summary: Approved for issue }", with: "summary: Approved for issue }\n  - { version: \"1.1\", date: 2026-11-20, author: Sam Okafor, summary: One sentence added }")
        try repository.write(policyPath, reapproved.replacingOccurrences(of: "approved-on: 2026-11-20", with: "approved-on: 2026-10-12")
            + "\nA sentence added in version 1.1.\n")
        try stageAll()
        let sameDate = try commit("re-approve with the old date")
        XCTAssertNotEqual(sameDate.status, 0)
        XCTAssertTrue(sameDate.output.contains("POL-001 version 1.1 is approved with the approved-on of version 1.0 (2026-10-12)"), sameDate.output)

        try repository.write(policyPath, reapproved + "\nA sentence added in version 1.1.\n")
        try stageAll()
        let accepted = try commit("revise and re-approve the policy")
        XCTAssertEqual(accepted.status, 0, accepted.output)

        // A revision back to review, of a policy that is nobody's evidence: version up, history entry.
        try repository.write("policies/extra.md", extra)
        try stageAll()
        XCTAssertEqual(try commit("add a policy").status, 0)
        let review = extra.replacingOccurrences(of: "\nversion: \"1.0\"", with: "\nversion: \"2.0\"")
            .replacingOccurrences(of: "status: approved", with: "status: review")
            .replacingOccurrences(of: "approved-by: top-management\napproved-on: 2026-10-12\n", with: "")
            .replacingOccurrences(of: "summary: Approved for issue }", with: "summary: Approved for issue }\n  - { version: \"2.0\", date: 2026-11-21, author: Sam Okafor, summary: Rewritten for review }")
        try repository.write("policies/extra.md", review + "\nRewritten.\n")
        try stageAll()
        let toReview = try commit("revise the extra policy")
        XCTAssertEqual(toReview.status, 0, toReview.output)
    }

    /// An approved policy POL-901 that no activity names and that is nobody's only evidence.
    private func approvedExtraPolicy() throws -> String {
        try repository.read(policyPath).replacingOccurrences(of: "id: POL-001", with: "id: POL-901")
            .replacingOccurrences(of: "title: Service management policy", with: "title: Temporary policy")
            .replacingOccurrences(of: "satisfies: [\"4.1.2\"]", with: "satisfies: []")
    }

    func testRecordsAreNeverEditedOrDeletedButMayBeCorrected() throws {
        let record = try repository.read(recordPath)
        try repository.write(recordPath, record + "\nAn afterthought.\n")
        try stageAll()
        let modified = try commit("edit a record")
        XCTAssertNotEqual(modified.status, 0)
        XCTAssertTrue(modified.output.contains("error: record REC-001 changed after it was committed"), modified.output)
        XCTAssertTrue(modified.output.contains("[record-modified]"), modified.output)

        try repository.git("reset", "-q", "--hard")
        try repository.git("rm", "-q", recordPath)
        let deleted = try commit("delete a record")
        XCTAssertNotEqual(deleted.status, 0)
        XCTAssertTrue(deleted.output.contains("\(recordPath):1:1: error: record REC-001 was deleted before its retention ended"), deleted.output)

        try repository.git("reset", "-q", "--hard")
        let correction = record.replacingOccurrences(of: "id: REC-001", with: "id: REC-901")
            .replacingOccurrences(of: "retention:", with: "corrects: REC-001\nretention:") + "\n## Inputs\n## Decisions\n"
        try repository.write("records/correction.md", correction)
        try stageAll()
        let corrected = try commit("correct a record")
        XCTAssertEqual(corrected.status, 0, corrected.output)
    }

    func testApprovedDocumentsAreRetiredNotDeletedAndMayMove() throws {
        let extra = try approvedExtraPolicy()
        try repository.write("policies/temporary.md", extra)
        try stageAll()
        XCTAssertEqual(try commit("add a policy").status, 0)

        try repository.git("mv", "policies/temporary.md", "policies/renamed.md")
        let moved = try commit("move it")
        XCTAssertEqual(moved.status, 0, moved.output)

        try repository.git("rm", "-q", "policies/renamed.md")
        let deleted = try commit("delete it")
        XCTAssertNotEqual(deleted.status, 0)
        XCTAssertTrue(deleted.output.contains("policies/renamed.md:1:1: error: POL-901 was approved and is deleted; retire it instead"), deleted.output)

        try repository.git("reset", "-q", "--hard")
        try repository.write("policies/renamed.md", extra.replacingOccurrences(of: "status: approved", with: "status: obsolete"))
        try stageAll()
        let retired = try commit("retire it")
        XCTAssertEqual(retired.status, 0, retired.output)
    }

    func testCommitWithPathsChecksExactlyWhatIsCommitted() throws {
        try repository.write("policies/broken.md", "# staged, not committed\n")
        try repository.git("add", "policies/broken.md")
        try repository.write("procedures/unstaged.md", "# not staged at all\n")
        try repository.write("plan/note.md", "---\nbroken: [\n---\n")
        let good = try repository.read(recordPath).replacingOccurrences(of: "id: REC-001", with: "id: REC-902")
            .replacingOccurrences(of: "retention:", with: "corrects: REC-001\nretention:") + "\n## Inputs\n## Decisions\n"
        try repository.write("records/good.md", good)
        try repository.git("add", "records/good.md")
        let onlyGood = try commit("commit one path", ["--", "records/good.md"])
        XCTAssertEqual(onlyGood.status, 0, onlyGood.output)
        XCTAssertEqual(try repository.git("show", "--name-only", "--format=", "HEAD"), "records/good.md")
        XCTAssertEqual(try repository.git("diff", "--cached", "--name-only"), "policies/broken.md", "the other staged file stays staged")

        let onlyBroken = try commit("commit the broken path", ["--", "policies/broken.md"])
        XCTAssertNotEqual(onlyBroken.status, 0)
        XCTAssertTrue(onlyBroken.output.contains("policies/broken.md:1:1: error: no front matter"), onlyBroken.output)
        XCTAssertFalse(onlyBroken.output.contains("plan/note.md"), "unstaged files are not what is committed")
    }

    func testRangeNamesTheCommitThatRewroteARecord() throws {
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("records/extra.md", try repository.read(recordPath).replacingOccurrences(of: "id: REC-001", with: "id: REC-903")
            .replacingOccurrences(of: "retention:", with: "corrects: REC-001\nretention:") + "\n## Inputs\n## Decisions\n")
        try repository.commitAll("add a correction")
        try repository.write(recordPath, try repository.read(recordPath) + "\nRewritten.\n")
        try repository.git("commit", "-q", "--no-verify", "-am", "rewrite a record")
        let rewriting = String(try repository.git("rev-parse", "HEAD").prefix(7))
        let result = try SMSPlanBinary.run(["check", "--range", "main..feature"], in: repository.directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("error: commit \(rewriting): record REC-001 changed after it was committed"), result.output)
        XCTAssertEqual(result.output.components(separatedBy: "commit ").count - 1, 1, "only the rewriting commit is named:\n\(result.output)")
    }

    func testPrePushChecksThePushedCommits() throws {
        let remote = repository.sandbox.appendingPathComponent("remote.git")
        try repository.git("init", "-q", "--bare", remote.path)
        try repository.git("remote", "add", "origin", remote.path)
        let first = try repository.attempt(["push", "-q", "origin", "main"])
        XCTAssertEqual(first.status, 0, first.errors)
        try repository.write(recordPath, try repository.read(recordPath) + "\nRewritten.\n")
        try repository.git("commit", "-q", "--no-verify", "-am", "rewrite a record")
        let push = try repository.attempt(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(push.status, 0)
        XCTAssertTrue((push.output + push.errors).contains("[record-modified]"), push.output + push.errors)
    }

    func testAMissingBinaryFailsTheHookWithOneClearLine() throws {
        try repository.write("policies/note.md", "# a note\n")
        try stageAll()
        let result = try repository.attempt(["commit", "-q", "-m", "x"], environment: ["PATH": "/usr/bin:/bin", "SMSPLAN": ""])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("smsplan: the smsplan command was not found"), result.errors)
    }

    func testHooksWorkFromALinkedWorktreeAndASubfolder() throws {
        let worktree = repository.sandbox.appendingPathComponent("worktree")
        try repository.git("worktree", "add", "-q", "-b", "side", worktree.path)
        try "# no front matter\n".write(to: worktree.appendingPathComponent("policies/note.md"), atomically: true, encoding: .utf8)
        try repository.git(["add", "policies/note.md"], in: worktree)
        let refused = try repository.attempt(["commit", "-q", "-m", "note"], in: worktree.appendingPathComponent("policies"))
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue((refused.output + refused.errors).contains("policies/note.md:1:1: error: no front matter"), refused.output + refused.errors)
        try FileManager.default.removeItem(at: worktree.appendingPathComponent("policies/note.md"))
        try repository.git(["add", "-A"], in: worktree)
        let extra = try approvedExtraPolicy()
        try extra.write(to: worktree.appendingPathComponent("policies/extra.md"), atomically: true, encoding: .utf8)
        try repository.git(["add", "-A"], in: worktree)
        let accepted = try repository.attempt(["commit", "-q", "-m", "extra"], in: worktree.appendingPathComponent("policies"))
        XCTAssertEqual(accepted.status, 0, accepted.output + accepted.errors)
    }

    func testHooksInstallHonoursCoreHooksPathAndNeverOverwritesWithoutForce() throws {
        try repository.git("config", "core.hooksPath", "githooks")
        try repository.write("githooks/pre-commit", "#!/bin/sh\necho team hook\n", executable: true)
        let refused = try SMSPlanBinary.run(["hooks", "install"], in: repository.directory)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.errors.contains("githooks/pre-commit exists and is not smsplan's hook; nothing was written"), refused.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.url("githooks/pre-push").path), "nothing written on refusal")
        let forced = try SMSPlanBinary.run(["hooks", "install", "--force"], in: repository.directory)
        XCTAssertEqual(forced.status, 0, forced.errors)
        XCTAssertEqual(try repository.read("githooks/pre-commit.smsplan-backup"), "#!/bin/sh\necho team hook\n")
        XCTAssertEqual(try repository.read("githooks/pre-commit"), try String(contentsOf: ProjectFiles.root.appendingPathComponent("hooks/pre-commit"), encoding: .utf8))
        try repository.write("policies/note.md", "# no front matter\n")
        try stageAll()
        XCTAssertNotEqual(try commit("note").status, 0, "the hook in core.hooksPath runs")
    }

    func testTheHooksFolderOfTheProjectIsWhatInstallWrites() throws {
        for name in ["pre-commit", "pre-push"] {
            let installed = try Data(contentsOf: repository.directory.appendingPathComponent(".git/hooks/\(name)"))
            let shipped = try Data(contentsOf: ProjectFiles.root.appendingPathComponent("hooks/\(name)"))
            XCTAssertEqual(installed, shipped, "hooks/\(name) differs from what smsplan hooks install writes")
        }
    }
}
