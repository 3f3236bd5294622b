import Foundation
import GitKit
import TestSupport
import XCTest

final class TreeTests: XCTestCase {
    /// A repository with one commit holding folders, a near-miss sibling of the prefix, an
    /// executable and a symlink.
    private func makeFixture() throws -> (TestRepository, ObjectID) {
        let fixture = try TestRepository()
        try fixture.write("README.md", "# Read me\n")
        try fixture.write("plan-template/plan.md", "plan\n")
        try fixture.write("plan-template/sections/a.md", "section a\n")
        try fixture.write("plan-templateX.md", "not in the folder\n")
        try fixture.write("bin/run.sh", "#!/bin/sh\necho hi\n", executable: true)
        try fixture.symlink("link-to-readme", to: "README.md")
        let head = try fixture.commitAll("Add files")
        return (fixture, try XCTUnwrap(ObjectID(hex: head)))
    }

    func testWholeTree() throws {
        let (fixture, head) = try makeFixture()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let entries = try repository.treeEntries(of: head)

        XCTAssertEqual(entries.map(\.path), [
            "README.md", "bin/run.sh", "link-to-readme", "plan-template/plan.md",
            "plan-template/sections/a.md", "plan-templateX.md",
        ])
        let modes = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.mode) })
        XCTAssertEqual(modes["README.md"], .regular)
        XCTAssertEqual(modes["bin/run.sh"], .executable)
        XCTAssertEqual(modes["link-to-readme"], .symlink)
        for entry in entries {
            XCTAssertEqual(entry.blob.hex, try fixture.git("rev-parse", "HEAD:\(entry.path)"), entry.path)
        }
        let link = try XCTUnwrap(entries.first { $0.path == "link-to-readme" })
        XCTAssertEqual(try repository.blobData(link.blob), Data("README.md".utf8), "a symlink's blob is its target")
    }

    func testUnderPrefix() throws {
        let (fixture, head) = try makeFixture()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let folder = ["plan-template/plan.md", "plan-template/sections/a.md"]
        XCTAssertEqual(try repository.treeEntries(of: head, under: "plan-template").map(\.path), folder)
        XCTAssertEqual(try repository.treeEntries(of: head, under: "plan-template/").map(\.path), folder)
        XCTAssertEqual(try repository.treeEntries(of: head, under: "./plan-template").map(\.path), folder)
        XCTAssertEqual(
            try repository.treeEntries(of: head, under: "plan-template/sections").map(\.path),
            ["plan-template/sections/a.md"])
        XCTAssertEqual(try repository.treeEntries(of: head, under: "README.md").map(\.path), ["README.md"])
        XCTAssertEqual(try repository.treeEntries(of: head, under: "missing"), [])
        XCTAssertEqual(try repository.treeEntries(of: head, under: "README.md/inside"), [])
        XCTAssertThrowsError(try repository.treeEntries(of: head, under: "../outside"))
    }

    func testOlderCommitAndUnknownObject() throws {
        let (fixture, first) = try makeFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.url("plan-templateX.md"))
        try fixture.commitAll("Remove a file")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let head = try XCTUnwrap(repository.headCommit()).id

        XCTAssertTrue(try repository.treeEntries(of: first).map(\.path).contains("plan-templateX.md"))
        XCTAssertFalse(try repository.treeEntries(of: head).map(\.path).contains("plan-templateX.md"))
        let unknown = try XCTUnwrap(ObjectID(hex: String(repeating: "ab", count: 20)))
        XCTAssertThrowsError(try repository.treeEntries(of: unknown)) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
        }
    }

    func testSubmoduleEntriesInTreeAndIndex() throws {
        let (fixture, _) = try makeFixture()
        defer { fixture.remove() }
        let submoduleCommit = String(repeating: "1234567890", count: 4)
        try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(submoduleCommit),vendor/lib")
        try fixture.git("commit", "-q", "-m", "Add a submodule")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let head = try XCTUnwrap(repository.headCommit()).id
        let expected = FileEntry(path: "vendor/lib", blob: try XCTUnwrap(ObjectID(hex: submoduleCommit)), mode: .submodule)

        XCTAssertEqual(try repository.treeEntries(of: head, under: "vendor"), [expected])
        XCTAssertEqual(try repository.indexEntries(under: "vendor"), [expected])
    }
}
