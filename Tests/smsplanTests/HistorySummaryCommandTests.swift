import Foundation
import TestSupport
import XCTest

/// The ids deleted in a commit's history are kept in the cache by commit; a later commit
/// adds its own deletions to its parent's. What `id-reused` finds is the same either way.
final class HistorySummaryCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        try repository.write("policies/first.md", HostileCorpus.policy(id: "POL-001"))
        try repository.write("policies/second.md", HostileCorpus.policy(id: "POL-002"))
        try repository.commitAll("Two policies")
    }

    override func tearDown() {
        repository.remove()
    }

    private func check(_ arguments: String..., cached: Bool = true) throws -> CommandResult {
        if !cached { try? FileManager.default.removeItem(at: repository.url(".git/smsplan")) }
        return try SMSPlanBinary.run(["check"] + arguments, in: repository.directory)
    }

    private func deleteAndCommit(_ path: String) throws {
        try FileManager.default.removeItem(at: repository.url(path))
        try repository.commitAll("Delete \(path)")
    }

    func testIDsDeletedInEarlierAndLaterCommitsAreFoundWithAWarmCache() throws {
        try deleteAndCommit("policies/first.md")
        XCTAssertEqual(try check().status, 0, "the cache now holds the ids retired before HEAD")
        try repository.write("notes.txt", "not a document\n")
        try repository.commitAll("A commit that deletes nothing")
        XCTAssertEqual(try check().status, 0)
        try deleteAndCommit("policies/second.md")
        XCTAssertEqual(try check().status, 0, "the second deletion is added to the first")

        try repository.write("policies/new.md", HostileCorpus.policy(id: "POL-001"))
        try repository.write("policies/other.md", HostileCorpus.policy(id: "POL-002"))
        let warm = try check()
        XCTAssertEqual(warm.status, 1)
        XCTAssertEqual(warm.output.components(separatedBy: "[id-reused]").count - 1, 2, warm.output)
        XCTAssertTrue(warm.output.contains("policies/first.md") && warm.output.contains("policies/second.md"), warm.output)
        XCTAssertEqual(warm.output, try check(cached: false).output)

        try repository.git("add", "-A")
        XCTAssertEqual(try check("--staged").output, warm.output)
        let staged = try repository.commitAll("Reuse both ids")
        let range = try check("--range", "HEAD~3..\(staged)")
        XCTAssertEqual(range.output, try check("--range", "HEAD~3..\(staged)", cached: false).output)
        XCTAssertTrue(range.output.contains("[id-reused]"), range.output)
    }
}
