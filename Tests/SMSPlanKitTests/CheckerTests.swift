import GitKit
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The checker on real git repositories: working tree, index and revisions.
final class CheckerTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
    }

    override func tearDown() {
        repository.remove()
    }

    private func check(_ target: CheckRequest.Target = .workingTree, in folder: String = "", environment: [String: String] = [:]) throws -> CheckResult {
        try Checker.check(CheckRequest(directory: repository.url(folder), target: target, environment: environment,
                                       now: Date(timeIntervalSince1970: 1_796_000_000)))
    }

    func testTemplateIsCleanBeforeTheFirstCommitAndFromASubfolder() throws {
        XCTAssertEqual(try check().diagnostics.map(\.message), [])
        let fromPolicies = try check(in: "policies")
        XCTAssertEqual(fromPolicies.documentCount, ProjectFiles.templateDocumentCount)
        XCTAssertEqual(fromPolicies.repositoryRoot?.standardizedFileURL, repository.directory.standardizedFileURL)
    }

    func testStagedChecksTheIndexNotTheWorkingTree() throws {
        try repository.git("add", "-A")
        try repository.write("policies/unstaged.md", "# not staged\n")
        XCTAssertEqual(try check(.staged).diagnostics.count, 0)
        XCTAssertEqual(try check().diagnostics.map(\.rule), [FrontMatterMissingRule.id])
        try repository.git("add", "policies/unstaged.md")
        XCTAssertEqual(try check(.staged).diagnostics.map(\.path), ["policies/unstaged.md"])
    }

    func testStagedHonoursATemporaryIndexFile() throws {
        try repository.commitAll("plan")
        try repository.write("policies/other.md", "# not a document\n")
        let index = repository.sandbox.appendingPathComponent("temporary-index").path
        try repository.git(["read-tree", "HEAD"], environment: ["GIT_INDEX_FILE": index])
        try repository.git(["add", "policies/other.md"], environment: ["GIT_INDEX_FILE": index])
        XCTAssertEqual(try check(.staged).diagnostics.count, 0)
        XCTAssertEqual(try check(.staged, environment: ["GIT_INDEX_FILE": index]).diagnostics.map(\.path), ["policies/other.md"])
    }

    func testRevisionIsJudgedByItsCommitDate() throws {
        // 2027-09-26: before every review date; 2027-10-20: after the reviews due on 2027-10-12 and 2027-10-19.
        repository.commitTimeOverride = 1_822_000_000
        try repository.commitAll("early")
        try repository.write("policies/extra.md", "# later\n")
        repository.commitTimeOverride = 1_824_000_000
        try repository.commitAll("late")
        XCTAssertEqual(try check(.revision("HEAD~1")).diagnostics.count, 0)
        let late = try check(.revision("HEAD"))
        XCTAssertEqual(late.revisionDate, PlanDate(Date(timeIntervalSince1970: 1_824_000_000)))
        XCTAssertEqual(Set(late.diagnostics.map(\.rule)), [ReviewOverdueRule.id, FrontMatterMissingRule.id])
    }

    func testUnknownRevisionAndFoldersOutsideRepositories() throws {
        XCTAssertThrowsError(try check(.revision("no-such-branch"))) { error in
            guard case SMSPlanError.badRevision(let revision, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(revision, "no-such-branch")
        }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        XCTAssertThrowsError(try Checker.check(CheckRequest(directory: outside, environment: ["GIT_CEILING_DIRECTORIES": outside.deletingLastPathComponent().path]))) { error in
            guard case SMSPlanError.notARepository = error else { return XCTFail("\(error)") }
        }
    }

    func testCheckingChangesNothing() throws {
        try repository.commitAll("plan")
        try repository.write("policies/broken.md", "---\ntitle: [broken\n---\n")
        let before = try repository.snapshot()
        _ = try check()
        _ = try check(.staged)
        _ = try check(.revision("HEAD"))
        XCTAssertEqual(try repository.snapshot(), before)
    }
}
