import Foundation
import TestSupport
import XCTest

/// The pre-push hook on a first push: every commit that no remote-tracking ref has yet.
final class PrePushTests: XCTestCase {
    private var repository: TestRepository!
    private let recordPath = "records/management-review-2026-11.md"

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        let installed = try SMSPlanBinary.run(["hooks", "install"], in: repository.directory)
        XCTAssertEqual(installed.status, 0, installed.errors)
        try repository.git("init", "-q", "--bare", repository.sandbox.appendingPathComponent("remote.git").path)
        try repository.git("remote", "add", "origin", repository.sandbox.appendingPathComponent("remote.git").path)
    }

    override func tearDown() {
        repository?.remove()
    }

    /// A correction record for REC-001 (as committed), which is new and breaks no rule (with the
    /// topics of a management review record).
    private var correction: String {
        get throws {
            try repository.git("show", "HEAD~1:" + recordPath).replacingOccurrences(of: "id: REC-001", with: "id: REC-901")
                .replacingOccurrences(of: "record-of: management-review", with: "record-of: management-review\ncorrects: REC-001")
                .replacingOccurrences(of: "satisfies: [\"4.5.4.3\"]", with: "satisfies: []") + "\n## Inputs\n## Decisions\n"
        }
    }

    func testAFirstPushChecksEveryCommitAfterTheRoot() throws {
        // Skipped the hook: a record edited in place; then a clean commit on top.
        try repository.write(recordPath, try repository.read(recordPath) + "\nRewritten.\n")
        try repository.git("commit", "-q", "--no-verify", "-am", "rewrite a record")
        let bad = String(try repository.git("rev-parse", "HEAD").prefix(7))
        try repository.write("records/correction.md", try correction)
        try repository.git("add", "-A")
        try repository.git("commit", "-q", "--no-verify", "-m", "add a correction")
        XCTAssertEqual(try SMSPlanBinary.run(["check", "--rev", "HEAD"], in: repository.directory).status, 0, "the tip alone is clean")

        let push = try repository.attempt(["push", "-q", "origin", "main"])
        XCTAssertNotEqual(push.status, 0, "an empty remote has none of the commits")
        XCTAssertTrue((push.output + push.errors).contains("commit \(bad): record REC-001 changed after it was committed"), push.output + push.errors)
    }

    func testANewBranchChecksTheCommitsNoRemoteHas() throws {
        XCTAssertEqual(try repository.attempt(["push", "-q", "origin", "main"]).status, 0)
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write(recordPath, try repository.read(recordPath) + "\nRewritten.\n")
        try repository.git("commit", "-q", "--no-verify", "-am", "rewrite a record")
        try repository.write("records/correction.md", try correction)
        try repository.git("add", "-A")
        try repository.git("commit", "-q", "--no-verify", "-m", "add a correction")
        let push = try repository.attempt(["push", "-q", "origin", "feature"])
        XCTAssertNotEqual(push.status, 0)
        XCTAssertTrue((push.output + push.errors).contains("[record-modified]"), push.output + push.errors)
    }

    func testAMissingBinaryNamesGitPushNoVerify() throws {
        let result = try repository.attempt(["push", "-q", "origin", "main"], environment: ["PATH": "/usr/bin:/bin", "SMSPLAN": ""])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("smsplan: the smsplan command was not found"), result.errors)
        XCTAssertTrue(result.errors.contains("To skip this check once: git push --no-verify"), result.errors)
    }
}
