import Foundation
import GitKit
import TestSupport
import XCTest

final class IndexTests: XCTestCase {
    func testIndexOfRepositoryWithoutCommits() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "alpha\n")
        try fixture.write("dir/b.txt", "beta\n")
        try fixture.write("dir/run", "#!/bin/sh\n", executable: true)
        try fixture.write("untracked.txt", "not added\n")
        try fixture.git("add", "a.txt", "dir")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertTrue(repository.isHeadUnborn)
        XCTAssertNil(try repository.headCommit())
        let entries = try repository.indexEntries()
        XCTAssertEqual(entries.map(\.path), ["a.txt", "dir/b.txt", "dir/run"])
        XCTAssertEqual(entries.map(\.mode), [.regular, .regular, .executable])
        for entry in entries {
            XCTAssertEqual(entry.blob.hex, try fixture.git("hash-object", entry.path), entry.path)
        }
        XCTAssertEqual(try repository.indexEntries(under: "dir").map(\.path), ["dir/b.txt", "dir/run"])
        XCTAssertEqual(try repository.indexEntries(under: "di"), [])
    }

    func testIndexIsReadAfreshOnEachCall() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "alpha\n")
        try fixture.git("add", "a.txt")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try repository.indexEntries().map(\.path), ["a.txt"])

        try fixture.write("b.txt", "beta\n")
        try fixture.git("add", "b.txt")

        XCTAssertEqual(try repository.indexEntries().map(\.path), ["a.txt", "b.txt"])
    }

    func testConflictedPathsAreLeftOut() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("clash.txt", "base\n")
        try fixture.write("calm.txt", "calm\n")
        try fixture.commitAll("Base")
        try fixture.git("checkout", "-q", "-b", "topic")
        try fixture.write("clash.txt", "topic\n")
        try fixture.commitAll("Topic")
        try fixture.git("checkout", "-q", "main")
        try fixture.write("clash.txt", "main\n")
        try fixture.commitAll("Main")
        try fixture.git(["merge", "-q", "topic"], allowFailure: true)
        let stages = try fixture.git("ls-files", "--stage", "clash.txt")
        XCTAssertEqual(stages.split(separator: "\n").count, 3, "the merge must leave a conflict: \(stages)")

        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertEqual(try repository.indexEntries().map(\.path), ["calm.txt"])
    }

    func testMissingIndexFileGivesNoEntries() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "alpha\n")
        try fixture.git("add", "a.txt")
        let missing = fixture.sandbox.appendingPathComponent("no-such-index")

        let repository = try Repository.open(
            at: fixture.directory, environment: ["GIT_INDEX_FILE": missing.path])

        XCTAssertEqual(try repository.indexEntries(), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path), "reading must not create the index")
    }

    func testReadingWritesNothing() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "alpha\n")
        try fixture.write("docs/b.md", "beta\n")
        try fixture.commitAll("First")
        try fixture.write("a.txt", "changed without git add\n")
        let before = try snapshot(of: fixture.directory.appendingPathComponent(".git"))

        let repository = try Repository.open(at: fixture.directory, environment: [:])
        _ = try repository.headCommit()
        let head = try repository.resolveCommit("HEAD")
        let entries = try repository.treeEntries(of: head.id)
        _ = try repository.indexEntries()
        _ = try repository.workingTreeFiles()
        _ = try repository.blobData(entries[0].blob)
        _ = try repository.blobSize(entries[0].blob)

        XCTAssertEqual(try snapshot(of: fixture.directory.appendingPathComponent(".git")), before)
    }

    /// Every file under `folder` with its size and modification date.
    private func snapshot(of folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            result[path] = "\(attributes[.size] ?? 0) \(date)"
        }
        return result
    }
}
