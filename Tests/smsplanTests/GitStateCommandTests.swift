import Foundation
import TestSupport
import XCTest

/// The git states a plan repository can be in, made with the git CLI: each works, or gives
/// one clear line saying what is missing.
final class GitStateCommandTests: XCTestCase {
    private var repository: TestRepository!
    private let policyPath = "policies/policy.md"

    override func setUpWithError() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        try repository.write(policyPath, HostileCorpus.policy(id: "POL-001"))
    }

    override func tearDown() {
        repository.remove()
    }

    private func smsplan(_ arguments: String..., in folder: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: folder ?? repository.directory, environment: environment)
    }

    /// The approved policy edited without a new version: what approved-content-changed finds.
    private func editPolicyInPlace(at path: String? = nil) throws {
        let file = path ?? policyPath
        try repository.write(file, try repository.read(file) + "\nA sentence added without a new version.\n")
    }

    func testARepositoryWithNoCommits() throws {
        let check = try smsplan("check")
        XCTAssertEqual(check.status, 0, check.output + check.errors)
        XCTAssertEqual(check.errors, "")
        try repository.git("add", "-A")
        XCTAssertEqual(try smsplan("check", "--staged").status, 0)
        let revision = try smsplan("check", "--rev", "HEAD")
        XCTAssertEqual(revision.status, 2)
        XCTAssertTrue(revision.errors.hasPrefix("smsplan: error: unknown revision \"HEAD\""), revision.errors)
        XCTAssertEqual(revision.errors.split(separator: "\n").count, 1)
        let baseline = try smsplan("baseline", "create", "1")
        XCTAssertEqual(baseline.status, 2)
        XCTAssertEqual(baseline.errors, "smsplan: error: the repository has no commits yet; commit the plan before baselining it\n")
        XCTAssertEqual(try smsplan("status").status, 0)
    }

    func testADetachedHead() throws {
        try repository.commitAll("Plan")
        try editPolicyInPlace()
        try repository.commitAll("Edit the policy in place")
        try repository.git("checkout", "-q", "--detach", "HEAD~1")
        XCTAssertEqual(try smsplan("check").status, 0)
        let edited = try smsplan("check", "--rev", "main")
        XCTAssertEqual(edited.status, 1)
        XCTAssertTrue(edited.output.contains("[approved-content-changed]"), edited.output)
        let dryRun = try smsplan("baseline", "create", "1", "--dry-run")
        XCTAssertEqual(dryRun.errors, "")
        XCTAssertTrue(dryRun.output.contains("baseline/phase-1"), dryRun.output)
    }

    func testAShallowCloneSaysOnceWhatHistoryItCouldNotCheck() throws {
        try repository.commitAll("Plan")
        try editPolicyInPlace()
        try repository.commitAll("Edit the policy in place")
        let clone = repository.sandbox.appendingPathComponent("shallow")
        try repository.git("clone", "-q", "--depth", "1", "file://" + repository.directory.path, clone.path)
        XCTAssertEqual(try repository.git(["rev-parse", "--is-shallow-repository"], in: clone), "true")

        // The working tree is compared with HEAD, which the clone has; only older deletions are unknown.
        let workingTree = try smsplan("check", in: clone)
        XCTAssertEqual(workingTree.status, 0, workingTree.output + workingTree.errors)
        XCTAssertEqual(workingTree.output, "1 document checked, no findings\n")
        XCTAssertEqual(workingTree.errors, "smsplan: note: shallow clone: history rules saw only the commits this clone has; a document deleted before them is unknown to id-reused; `git fetch --unshallow` fetches the rest\n")
        try editPolicyInPlace(at: "../shallow/" + policyPath)
        let edited = try smsplan("check", in: clone)
        XCTAssertEqual(edited.status, 1, "history rules still compare the working tree with HEAD")
        XCTAssertTrue(edited.output.contains("[approved-content-changed]"), edited.output)
        try repository.git(["checkout", "--", policyPath], in: clone)

        let revision = try smsplan("check", "--rev", "HEAD", in: clone)
        XCTAssertEqual(revision.status, 0, "what could not be checked is a note, not a finding: \(revision.output)")
        let notes = revision.errors.split(separator: "\n")
        XCTAssertEqual(notes.count, 1, revision.errors)
        XCTAssertTrue(notes.first?.hasPrefix("smsplan: note: shallow clone: history rules could not compare ") == true, revision.errors)
        XCTAssertTrue(revision.errors.contains("`git fetch --unshallow` fetches the rest"), revision.errors)
        XCTAssertFalse(revision.output.contains("note"), "the report itself stays clean: \(revision.output)")

        let json = try smsplan("check", "--rev", "HEAD", "--format", "json", in: clone)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.output.utf8)), json.output)
        XCTAssertEqual(json.errors.split(separator: "\n").count, 1)

        let range = try smsplan("check", "--range", "HEAD~1..HEAD", in: clone)
        XCTAssertEqual(range.status, 2, "a base the clone lacks is an unknown revision")
        XCTAssertTrue(range.errors.hasPrefix("smsplan: error: unknown revision \"HEAD~1\""), range.errors)

        let full = try smsplan("check", "--rev", "HEAD")
        XCTAssertEqual(full.status, 1, "the full repository has the history and finds the edit")
        XCTAssertEqual(full.errors, "")
    }

    func testALinkedWorktree() throws {
        try repository.commitAll("Plan")
        let worktree = repository.sandbox.appendingPathComponent("linked")
        try repository.git("worktree", "add", "-q", "-b", "edits", worktree.path)
        try editPolicyInPlace(at: "../linked/" + policyPath)
        let check = try smsplan("check", in: worktree)
        XCTAssertEqual(check.status, 1, check.errors)
        XCTAssertTrue(check.output.hasPrefix("policies/policy.md:5:10: error: POL-001 is approved at version 1.0 and changed"), check.output)
        let cache = repository.directory.appendingPathComponent(".git/smsplan/front-matter-cache")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path), "the cache lives in the common git directory")
        XCTAssertEqual(try smsplan("check", in: repository.directory).status, 0, "the main worktree is unchanged")
        let hooks = try smsplan("hooks", "install", in: worktree)
        XCTAssertEqual(hooks.status, 0, hooks.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.directory.appendingPathComponent(".git/hooks/pre-commit").path))
    }

    func testASubmoduleIsIgnored() throws {
        let other = try TestRepository()
        defer { other.remove() }
        try other.write("broken.md", "no front matter here\n")
        try other.write("policies/also-broken.md", "---\nid: [\n")
        try other.commitAll("Another project")
        try repository.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", other.directory.path, "policies/vendor"])
        try repository.commitAll("Plan with a submodule")
        for arguments in [["check"], ["check", "--staged"], ["check", "--rev", "HEAD"]] {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.output) \(result.errors)")
            XCTAssertEqual(result.output, "1 document checked, no findings\n", "\(arguments)")
        }
    }

    func testABareRepositoryNeedsARevision() throws {
        try repository.commitAll("Plan")
        let bare = repository.sandbox.appendingPathComponent("bare.git")
        try repository.git("clone", "-q", "--bare", repository.directory.path, bare.path)
        let check = try smsplan("check", in: bare)
        XCTAssertEqual(check.status, 2)
        XCTAssertEqual(check.errors, "smsplan: error: the repository is bare and has no working tree; check a commit with --rev\n")
        let revision = try smsplan("check", "--rev", "HEAD", in: bare)
        XCTAssertEqual(revision.status, 0, revision.errors)
        XCTAssertEqual(revision.output, "1 document checked, no findings\n")
        let staged = try smsplan("check", "--staged", in: bare)
        XCTAssertEqual(staged.status, 2, staged.output)
        XCTAssertEqual(staged.errors.split(separator: "\n").count, 1, staged.errors)
    }

    func testOutsideAnyRepository() throws {
        let folder = repository.sandbox.appendingPathComponent("not-a-repository")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let environment = ["GIT_CEILING_DIRECTORIES": repository.sandbox.path]
        for command in [["check"], ["status"], ["baseline", "list"], ["hooks", "install"], ["new", "policy", "X", "--owner", "service-manager"]] {
            let result = try SMSPlanBinary.run(command, in: folder, environment: environment)
            XCTAssertEqual(result.status, 2, "\(command): \(result.errors)")
            XCTAssertEqual(result.errors, "smsplan: error: not a git repository (or any of the parent folders): \(folder.path)\n", "\(command)")
            XCTAssertEqual(result.output, "")
        }
    }

    func testARepositoryOwnedByAnotherUserSaysHowToTrustIt() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to run as another user") }
        try repository.commitAll("Plan")
        guard let result = try SMSPlanBinary.runWithoutWriteAccess(["check"], in: repository.directory, repository: repository.directory,
                                                                   home: repository.sandbox.appendingPathComponent("stranger"), trusting: false)
        else { throw XCTSkip("no other user to run as") }
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.output, "")
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: git: repository path '\(repository.directory.path)/' is not owned by current user"), result.errors)
        XCTAssertTrue(result.errors.hasSuffix("if you trust it, `git config --global --add safe.directory PATH`\n"), result.errors)
    }

    func testAMergeCommitInARange() throws {
        try repository.commitAll("Plan")
        try repository.git("checkout", "-q", "-b", "feature")
        try editPolicyInPlace()
        try repository.commitAll("Edit the policy in place")
        try repository.git("checkout", "-q", "main")
        try repository.write("records/review.md", """
            ---
            id: REC-001
            title: Management review
            type: record
            status: final
            owner: service-manager
            record-of: management-review
            recorded-on: 2026-05-01
            retention: 6 years
            ---
            # Management review

            """)
        try repository.commitAll("Record the review")
        let base = try repository.git("rev-parse", "HEAD~1")
        let mergeNumber = repository.commitCount + 1
        try repository.git(["merge", "-q", "--no-ff", "-m", "Merge feature", "feature"], environment: [
            "GIT_AUTHOR_DATE": "\(Int(TestRepository.authorTime(ofCommit: mergeNumber))) +0000",
            "GIT_COMMITTER_DATE": "\(Int(TestRepository.authorTime(ofCommit: mergeNumber)) + 60) +0000",
        ])
        let edit = String(try repository.git("rev-parse", "feature").prefix(7))
        let merge = String(try repository.git("rev-parse", "HEAD").prefix(7))

        let result = try smsplan("check", "--range", "\(base)..main")
        XCTAssertEqual(result.status, 1, result.errors)
        let changed = result.output.split(separator: "\n").filter { $0.contains("[approved-content-changed]") }
        XCTAssertEqual(changed.count, 1, "the edit is reported once, at its own commit, not again at the merge: \(result.output)")
        XCTAssertTrue(changed.first?.contains("commit \(edit): ") == true, result.output)
        XCTAssertFalse(result.output.contains("commit \(merge):"), result.output)
        XCTAssertEqual(result.errors, "")

        let fromMain = try smsplan("check", "--range", "\(base)..feature")
        XCTAssertEqual(fromMain.output.split(separator: "\n").filter { $0.contains("[approved-content-changed]") }.count, 1, fromMain.output)
    }

    func testARenameWithChangesKeepsTheDocument() throws {
        try repository.commitAll("Plan")
        try repository.git("mv", policyPath, "policies/renamed.md")
        try editPolicyInPlace(at: "policies/renamed.md")
        let working = try smsplan("check")
        XCTAssertEqual(working.status, 1)
        XCTAssertTrue(working.output.hasPrefix("policies/renamed.md:5:10: error: POL-001 is approved at version 1.0 and changed"), working.output)
        try repository.commitAll("Move and edit the policy")
        let committed = try smsplan("check", "--rev", "HEAD")
        XCTAssertEqual(committed.output.split(separator: "\n").count, 2, "one finding: \(committed.output)")
        XCTAssertTrue(committed.output.hasPrefix("policies/renamed.md:5:10: error: POL-001 is approved at version 1.0 and changed"), committed.output)
        XCTAssertFalse(committed.output.contains("[document-deleted]"))
        XCTAssertFalse(committed.output.contains("[id-reused]"))
        let review = try smsplan("review", "HEAD~1..HEAD", "--format", "text")
        XCTAssertTrue(review.output.contains("policies/renamed.md"), review.output)
    }
}
