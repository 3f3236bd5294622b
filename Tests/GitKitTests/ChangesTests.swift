import Foundation
@testable import GitKit
import TestSupport
import XCTest

/// `changes(from:to:under:)` walks the two trees where it can and asks libgit2's diff where it
/// cannot: both ways must report the same changes, in the same order, for one pair of
/// commits or many walked together (`changes(between:)`).
final class ChangesTests: XCTestCase {
    func testTheTreeWalkReportsWhatTheDiffReports() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        // Names that sort differently as files and as folders ("a-b" < "a/" < "a.md" in git's
        // order of tree entries).
        for path in ["plan/a.md", "plan/a-b.md", "plan/a/inner.md", "plan/b/deep/c.md", "plan/z.md", "other/o.md", "top.md"] {
            try fixture.write(path, "\(path)\n")
        }
        var commits = [try fixture.commitAll("Start")]
        // Whether the walk may answer each step (nil: it must give way to the diff).
        var walkable: [Bool] = []
        func step(_ walks: Bool, _ message: String, _ change: () throws -> Void) throws {
            try change()
            commits.append(try fixture.commitAll(message))
            walkable.append(walks)
        }
        try step(true, "modify two, in different folders") {
            try fixture.write("plan/a.md", "changed\n")
            try fixture.write("plan/b/deep/c.md", "changed\n")
        }
        try step(true, "add beside, deep and in a new folder") {
            try fixture.write("plan/a.b.md", "new\n")
            try fixture.write("plan/b/deep/d.md", "new\n")
            try fixture.write("plan/0.md", "first\n")
            try fixture.write("plan/new/folder/e.md", "new\n")
            try fixture.write("plan/a-b.md", "changed too\n")
        }
        try step(true, "delete a file and a folder") {
            _ = try fixture.git("rm", "-q", "plan/z.md")
            _ = try fixture.git("rm", "-q", "-r", "plan/new")
        }
        try step(false, "rename") { _ = try fixture.git("mv", "plan/a-b.md", "plan/renamed.md") }
        try step(false, "rename into the prefix from outside it") { _ = try fixture.git("mv", "other/o.md", "plan/o.md") }
        try step(false, "mode change") { try fixture.write("plan/a.md", "changed\n", executable: true) }
        try step(false, "folder becomes a file") {
            _ = try fixture.git("rm", "-q", "-r", "plan/a")
            try fixture.write("plan/a", "now a file\n")
        }
        try step(true, "modify outside the prefix only") { try fixture.write("top.md", "changed\n") }
        try step(true, "the whole prefix goes") { _ = try fixture.git("rm", "-q", "-r", "plan") }
        try step(true, "it comes back") { try fixture.write("plan/a.md", "again\n") }
        try step(true, "nothing under the prefix changes") { _ = try fixture.git("commit", "-q", "--allow-empty", "-m", "empty") }

        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let ids = try commits.map { try XCTUnwrap(ObjectID(hex: $0)) }
        for (offset, walks) in walkable.enumerated() {
            for prefix in ["", "plan", "plan/b"] {
                let old = ids[offset], new = ids[offset + 1]
                let walked = repository.walkedChanges(from: old, to: new, under: prefix)
                let diffed = try repository.diffedChanges(from: old, to: new, under: prefix)
                XCTAssertEqual(try repository.changes(from: old, to: new, under: prefix), diffed, "step \(offset + 1), \(prefix)")
                if walks {
                    XCTAssertEqual(walked, diffed, "step \(offset + 1), under '\(prefix)'")
                } else {
                    XCTAssertNil(walked, "step \(offset + 1), under '\(prefix)'")
                }
            }
        }
        // Every step at once, in the order of the history and against it, and every step
        // against the first commit (no version shared): the same as each step alone.
        let steps = walkable.indices.map { (old: Optional(ids[$0]), new: ids[$0 + 1]) }
        let fromFirst = ids.dropFirst().map { (old: Optional(ids[0]), new: $0) }
        for pairs in [steps, steps.reversed(), fromFirst, [(old: nil, new: ids[0])] + steps] {
            for prefix in ["", "plan", "plan/b"] {
                let together = repository.changes(between: pairs, under: prefix)
                XCTAssertEqual(together.count, pairs.count)
                let deletions = repository.changes(between: pairs, under: prefix, deletedOnly: true)
                for ((pair, changes), deleted) in zip(zip(pairs, together), deletions) {
                    let diffed = try repository.diffedChanges(from: pair.old, to: pair.new, under: prefix)
                    let label = "\(pair.old?.hex.prefix(7) ?? "none")..\(pair.new.hex.prefix(7)), under '\(prefix)'"
                    XCTAssertEqual(try changes.get(), diffed, label)
                    XCTAssertEqual(try deleted.get(), diffed.filter { $0.kind == .deleted }, "deletions only, \(label)")
                }
            }
        }
        XCTAssertEqual(repository.walkedChanges(from: nil, to: ids[0], under: "plan"),
                       try repository.diffedChanges(from: nil, to: ids[0], under: "plan"), "a first commit adds every file")
        XCTAssertEqual(repository.walkedChanges(from: nil, to: ids[0], under: "plan")?.count, 5)
    }
}
