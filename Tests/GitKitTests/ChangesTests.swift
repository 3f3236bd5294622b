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

    /// Trees written by hand (`git mktree`, and one `git hash-object --literally`), with the
    /// modes git no longer writes but still reads, links, a submodule and a tree that is not
    /// one: the walk reads each tree's entries as libgit2 does, or gives way to the diff.
    func testTreesWithOddModesAreReadAsLibgit2ReadsThem() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        func blob(_ text: String) throws -> String {
            try fixture.git(["hash-object", "-w", "--stdin"], input: Data(text.utf8))
        }
        func tree(_ entries: [(mode: String, name: String, id: String)]) throws -> String {
            let lines = entries.map { "\($0.mode) \($0.mode == "040000" ? "tree" : $0.mode == "160000" ? "commit" : "blob") \($0.id)\t\($0.name)\n" }
            return try fixture.git(["mktree", "--missing"], input: Data(lines.joined().utf8))
        }
        var parent: String?
        func commit(_ tree: String) throws -> ObjectID {
            let id = try fixture.git(["commit-tree", tree, "-m", "x"] + (parent.map { ["-p", $0] } ?? []))
            parent = id
            return try XCTUnwrap(ObjectID(hex: id))
        }
        let (a, b, c) = (try blob("a\n"), try blob("b\n"), try blob("c\n"))
        let inner = try tree([("100644", "inner.md", a)])
        let base: [(mode: String, name: String, id: String)] = [
            ("100644", "a-b.md", a), ("040000", "a", inner), ("100644", "a.md", b), ("120000", "link.md", c), ("100644", "z.md", c),
        ]
        var commits = [try commit(try tree(base))]
        var states = [base]
        func step(_ change: (inout [(mode: String, name: String, id: String)]) -> Void) throws {
            var entries = states.last!
            change(&entries)
            commits.append(try commit(try tree(entries)))
            states.append(entries)
        }
        // A mode git wrote long ago, for the same file.
        try step { $0[2].mode = "100664" }
        try step { $0[2].id = c }
        try step { $0[3].id = a }
        try step { $0.remove(at: 4) }
        try step { $0[1].id = try! tree([("100644", "inner.md", b), ("100755", "run.md", a)]) }
        // A submodule: its commit is in another repository.
        try step { $0.append((mode: "160000", name: "zz-module", id: String(repeating: "12", count: 20))) }
        try step { $0[4].id = String(repeating: "34", count: 20) }
        try step { $0.remove(at: 0) }
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let pairs = commits.indices.dropFirst().map { (old: Optional(commits[$0 - 1]), new: commits[$0]) }
        for prefix in ["", "a"] {
            for (pair, walked) in zip(pairs, repository.walkedChanges(between: pairs, under: prefix)) {
                let diffed = try repository.diffedChanges(from: pair.old, to: pair.new, under: prefix)
                XCTAssertEqual(try repository.changes(from: pair.old, to: pair.new, under: prefix), diffed, "under '\(prefix)'")
                if let walked { XCTAssertEqual(walked, diffed, "under '\(prefix)'") }
            }
            let deletions = repository.changes(between: pairs, under: prefix, deletedOnly: true)
            for (pair, deleted) in zip(pairs, deletions) {
                let diffed = try repository.diffedChanges(from: pair.old, to: pair.new, under: prefix).filter { $0.kind == .deleted }
                XCTAssertEqual(try deleted.get(), diffed)
            }
        }
        XCTAssertNil(repository.walkedChanges(from: commits[0], to: commits[1], under: ""), "100644 became 100664: the diff answers")
        XCTAssertEqual(try repository.changes(from: commits[0], to: commits[1]).map(\.kind), [.modified])
        XCTAssertEqual(try repository.changes(from: commits[3], to: commits[4]).map(\.kind), [.deleted])
        // A tree whose last entry is cut short: libgit2 refuses it, and so does the walk.
        let broken = try fixture.git(["hash-object", "-t", "tree", "-w", "--literally", "--stdin"], input: Data("100644 z.md\0short".utf8))
        let brokenCommit = try commit(broken)
        XCTAssertNil(repository.walkedChanges(from: commits[0], to: brokenCommit, under: ""))
        XCTAssertThrowsError(try repository.changes(from: commits[0], to: brokenCommit))
        // Each commit's files, as `git ls-tree -r` lists them; the broken tree is refused.
        for commit in commits {
            let listed = try fixture.git("ls-tree", "-r", commit.hex).split(separator: "\n").map { line in
                let fields = line.split(separator: "\t", maxSplits: 1)
                let head = fields[0].split(separator: " ")
                return FileEntry(path: String(fields[1]), blob: ObjectID(hex: String(head[2]))!, mode: FileMode(gitMode: UInt32(head[0], radix: 8)!))
            }
            XCTAssertEqual(try repository.treeEntries(of: commit), listed)
            XCTAssertEqual(try repository.treeEntries(of: commit, under: "a"), listed.filter { $0.path.hasPrefix("a/") })
        }
        XCTAssertThrowsError(try repository.treeEntries(of: brokenCommit))
    }
}
