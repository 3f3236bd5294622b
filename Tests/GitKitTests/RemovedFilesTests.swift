import Foundation
import GitKit
import TestSupport
import XCTest

/// `removesFiles(from:to:under:)` is the cheap test before a diff: it must say true wherever
/// the diff reports a deletion under the prefix, and it may say false only where there is none.
final class RemovedFilesTests: XCTestCase {
    func testItAgreesWithTheDiffOnEveryKindOfChange() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        // Names that sort differently as files and as folders ("a-b" < "a/" < "a.md" in git's
        // order of tree entries, "a" and "a.md" otherwise).
        for path in ["plan/a.md", "plan/a-b.md", "plan/a/inner.md", "plan/b/deep/c.md", "plan/z.md", "other/o.md"] {
            try fixture.write(path, "\(path)\n")
        }
        var commits = [try fixture.commitAll("Start")]
        var expected: [Bool] = []
        func step(_ removes: Bool, _ message: String, _ change: () throws -> Void) throws {
            try change()
            commits.append(try fixture.commitAll(message))
            expected.append(removes)
        }
        try step(false, "modify") { try fixture.write("plan/a.md", "changed\n") }
        try step(false, "add beside and deep") {
            try fixture.write("plan/a.b.md", "new\n")
            try fixture.write("plan/b/deep/d.md", "new\n")
            try fixture.write("plan/0.md", "first\n")
        }
        try step(false, "delete outside the prefix") { _ = try fixture.git("rm", "-q", "other/o.md") }
        try step(true, "delete deep") { _ = try fixture.git("rm", "-q", "plan/b/deep/c.md") }
        try step(true, "rename") { _ = try fixture.git("mv", "plan/a-b.md", "plan/renamed.md") }
        try step(true, "folder becomes a file") {
            _ = try fixture.git("rm", "-q", "plan/a/inner.md")
            try fixture.write("plan/a", "now a file\n")
        }
        try step(true, "file becomes a folder again (the file is deleted)") {
            _ = try fixture.git("rm", "-q", "plan/a")
            try fixture.write("plan/a/inner.md", "back\n")
            try fixture.write("plan/a/more.md", "more\n")
        }
        try step(true, "the whole prefix goes") { _ = try fixture.git("rm", "-q", "-r", "plan") }
        try step(false, "it comes back") { try fixture.write("plan/a.md", "again\n") }

        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let ids = try commits.map { try XCTUnwrap(ObjectID(hex: $0)) }
        for (offset, removes) in expected.enumerated() {
            let old = ids[offset], new = ids[offset + 1]
            let deleted = try repository.changes(from: old, to: new, under: "plan").contains { $0.kind == .deleted }
            let answer = repository.removesFiles(from: old, to: new, under: "plan")
            XCTAssertEqual(answer, removes, "step \(offset + 1)")
            if deleted { XCTAssertTrue(answer, "step \(offset + 1): the diff deletes a file") }
        }
        XCTAssertFalse(repository.removesFiles(from: nil, to: ids[0], under: "plan"), "a first commit takes nothing away")
        XCTAssertTrue(repository.removesFiles(from: ids[3], to: ids[4]), "the whole tree")
        XCTAssertFalse(repository.removesFiles(from: ids[0], to: ids[1], under: "missing"))
    }
}
