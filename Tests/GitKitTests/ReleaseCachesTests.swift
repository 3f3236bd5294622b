import Foundation
import GitKit
import TestSupport
import XCTest

/// `releaseCaches` gives back libgit2's caches of a handle; everything read after it must be
/// what was read before, as the handle was opened (its working tree and index file kept).
final class ReleaseCachesTests: XCTestCase {
    func testAHandleReadsTheSameAfterItsCachesAreReleased() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("plan/a.md", "first\n")
        try fixture.write("plan/b.md", "second\n")
        let first = try XCTUnwrap(ObjectID(hex: fixture.commitAll("First")))
        try fixture.write("plan/a.md", "first, changed\n")
        try fixture.commitAll("Second")
        // Packed, so that reading goes through a pack file and its delta bases.
        try fixture.git("gc", "-q")
        let other = fixture.directory.appendingPathComponent(".git/other-index")
        try fixture.git("read-tree", "--index-output=\(other.path)", first.hex)
        let repository = try Repository.open(at: fixture.directory, environment: ["GIT_INDEX_FILE": other.path])

        func snapshot() throws -> [String] {
            let head = try XCTUnwrap(repository.headCommit())
            let entries = try repository.treeEntries(of: head.id)
            let blobs = try entries.map { "\($0.path) \(String(decoding: try repository.blobData($0.blob), as: UTF8.self))" }
            let index = try repository.indexEntries().map { "index \($0.path) \($0.blob.hex)" }
            return blobs + index + ["parents \(head.parents.map(\.hex))", "workdir \(repository.workingDirectory?.path ?? "-")"]
        }
        let firstBlob = try fixture.git("rev-parse", "\(first.hex):plan/a.md")
        let before = try snapshot()
        repository.releaseCaches()
        XCTAssertEqual(try snapshot(), before)
        XCTAssertTrue(before.contains("plan/a.md first, changed\n"), "\(before)")
        XCTAssertTrue(before.contains { $0.hasPrefix("index plan/a.md ") && $0.hasSuffix(firstBlob) },
                      "the index named by GIT_INDEX_FILE is still the one read: \(before)")

        // Objects written since are found: the object database is opened again, not kept.
        try fixture.write("plan/c.md", "third\n")
        let third = try XCTUnwrap(ObjectID(hex: fixture.commitAll("Third")))
        repository.releaseCaches()
        XCTAssertTrue(try repository.treeEntries(of: third).contains { $0.path == "plan/c.md" })
    }
}
