import Foundation
import TestSupport
import XCTest

/// Files that are there but cannot be checked (not a regular file, a linked documents root,
/// merge conflict markers, broken YAML) are named for what they are, and the documents in
/// them are never reported as deleted.
final class UnreadFileCommandTests: XCTestCase {
    private var repository: TestRepository!
    private let policy = "policies/service-management-policy.md"

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private func check() throws -> CommandResult {
        try SMSPlanBinary.run(["check"], in: repository.directory)
    }

    private func lines(_ result: CommandResult, rule: String) -> [Substring] {
        result.output.split(separator: "\n").filter { $0.hasSuffix("[\(rule)]") }
    }

    func testAPipeOrAFolderNamedLikeADocumentIsReported() throws {
        XCTAssertEqual(mkfifo(repository.url("records/pipe.md").path, 0o644), 0)
        try FileManager.default.createDirectory(at: repository.url("procedures/folder.md"), withIntermediateDirectories: true)
        try repository.write("procedures/folder.md/notes.txt", "not a document\n")
        let result = try check()
        XCTAssertEqual(result.status, 1, result.output + result.errors)
        let unreadable = lines(result, rule: "file-unreadable")
        XCTAssertEqual(unreadable.map { $0.split(separator: ":").first ?? "" }, ["procedures/folder.md", "records/pipe.md"], result.output)
        XCTAssertTrue(unreadable.allSatisfy { $0.contains("not a regular file") }, result.output)
        XCTAssertEqual(result.errors, "")
    }

    func testADocumentsRootThatIsALinkIsNamedOnceAndNothingInItIsDeleted() throws {
        let elsewhere = repository.sandbox.appendingPathComponent("records-elsewhere")
        try FileManager.default.moveItem(at: repository.url("records"), to: elsewhere)
        try repository.symlink("records", to: elsewhere.path)
        let result = try check()
        XCTAssertEqual(result.status, 1)
        let config = lines(result, rule: "config-invalid")
        XCTAssertEqual(config.count, 1, result.output)
        XCTAssertTrue(config.first?.contains("documents root \"records\" is a symbolic link; smsplan never follows links") == true, result.output)
        XCTAssertEqual(lines(result, rule: "record-deleted"), [], result.output)
        XCTAssertEqual(lines(result, rule: "document-deleted"), [], result.output)
    }

    func testAFileMidMergeNamesTheConflictInsteadOfADeletion() throws {
        let original = try repository.read(policy)
        try repository.git("checkout", "-q", "-b", "other")
        try repository.write(policy, original.replacingOccurrences(of: "title: Service management policy", with: "title: Policy of the other branch"))
        _ = try repository.commitAll("Other title")
        try repository.git("checkout", "-q", "-")
        try repository.write(policy, original.replacingOccurrences(of: "title: Service management policy", with: "title: Policy of this branch"))
        _ = try repository.commitAll("This title")
        let merge = try repository.attempt(["merge", "other"])
        XCTAssertNotEqual(merge.status, 0, "the merge stops on the conflict")
        XCTAssertTrue(try repository.read(policy).contains("<<<<<<< "))

        let result = try check()
        XCTAssertEqual(result.status, 1)
        let unreadable = lines(result, rule: "file-unreadable")
        XCTAssertEqual(unreadable.count, 1, result.output)
        XCTAssertTrue(unreadable.first?.hasPrefix("\(policy):") == true, result.output)
        XCTAssertTrue(unreadable.first?.contains("unresolved merge conflict markers from line") == true, result.output)
        XCTAssertEqual(lines(result, rule: "document-deleted"), [], result.output)
    }

    func testBrokenYAMLInAnApprovedDocumentIsNotADeletion() throws {
        let original = try repository.read(policy)
        try repository.write(policy, original.replacingOccurrences(of: "title: Service management policy", with: "title: [broken"))
        let result = try check()
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(lines(result, rule: "front-matter-invalid").count, 1, result.output)
        XCTAssertEqual(lines(result, rule: "document-deleted"), [], result.output)
    }
}
