import Foundation
import GitKit
import TestSupport
import XCTest

final class WorkingTreeTests: XCTestCase {
    /// A working tree with ignored files (by .gitignore, info/exclude and core.excludesFile),
    /// a nested repository, a folder with a `.git` file, symlinks and an executable.
    private func makeFixture() throws -> TestRepository {
        let fixture = try TestRepository()
        try fixture.write(".gitignore", "*.log\nbuild/\n")
        try fixture.write(".git/info/exclude", "secret.txt\n")
        let globalIgnore = fixture.sandbox.appendingPathComponent("global-ignore")
        try Data("*.tmp\n".utf8).write(to: globalIgnore)
        try fixture.git("config", "core.excludesFile", globalIgnore.path)
        try fixture.write("README.md", "# Read me\n")
        try fixture.write("notes.log", "ignored\n")
        try fixture.write("scratch.tmp", "ignored\n")
        try fixture.write("secret.txt", "ignored\n")
        try fixture.write("build/out.txt", "ignored\n")
        try fixture.write("docs/a.md", "a\n")
        try fixture.write("docs/debug.log", "ignored\n")
        try fixture.write("bin/tool", "#!/bin/sh\n", executable: true)
        try fixture.git("init", "-q", "nested")
        try fixture.write("nested/file.txt", "inside another repository\n")
        try fixture.write("linked/.git", "gitdir: ../elsewhere\n")
        try fixture.write("linked/file.txt", "inside a submodule\n")
        try fixture.write("target-dir/inner.txt", "inner\n")
        try fixture.symlink("link-dir", to: "target-dir")
        try fixture.symlink("link-file", to: "README.md")
        try fixture.symlink("dangling", to: "nowhere")
        return fixture
    }

    func testListsWhatGitSees() throws {
        let fixture = try makeFixture()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let files = try repository.workingTreeFiles()

        XCTAssertEqual(files.map(\.path), [
            ".gitignore", "README.md", "bin/tool", "dangling", "docs/a.md", "link-dir", "link-file",
            "target-dir/inner.txt",
        ])
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        XCTAssertEqual(byPath["README.md"]?.mode, .regular)
        XCTAssertEqual(byPath["README.md"]?.size, 10)
        XCTAssertEqual(byPath["README.md"]?.url.path, fixture.url("README.md").path)
        XCTAssertEqual(byPath["bin/tool"]?.mode, .executable)
        XCTAssertEqual(byPath["link-dir"]?.mode, .symlink)
        XCTAssertEqual(byPath["link-dir"]?.size, "target-dir".utf8.count, "the link, not its target")
        XCTAssertEqual(byPath["link-file"]?.mode, .symlink)
        XCTAssertEqual(byPath["dangling"]?.mode, .symlink)
    }

    func testUnderPrefix() throws {
        let fixture = try makeFixture()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertEqual(try repository.workingTreeFiles(under: "docs").map(\.path), ["docs/a.md"])
        XCTAssertEqual(try repository.workingTreeFiles(under: "docs/").map(\.path), ["docs/a.md"])
        XCTAssertEqual(try repository.workingTreeFiles(under: "README.md").map(\.path), ["README.md"])
        XCTAssertEqual(try repository.workingTreeFiles(under: "link-dir").map(\.path), ["link-dir"])
        XCTAssertEqual(try repository.workingTreeFiles(under: "link-dir/inner.txt"), [])
        XCTAssertEqual(try repository.workingTreeFiles(under: "build"), [])
        XCTAssertEqual(try repository.workingTreeFiles(under: "nested"), [])
        XCTAssertEqual(try repository.workingTreeFiles(under: "nested/file.txt"), [])
        XCTAssertEqual(try repository.workingTreeFiles(under: ".git"), [])
        XCTAssertEqual(try repository.workingTreeFiles(under: "missing"), [])
    }

    /// Files come in git's order, by the bytes of the whole path: "a-b" and "a.md" before
    /// "a/…" ("-" and "." sort before "/"), "a0" after it; a folder named like a document
    /// is listed before a file whose name sorts between the folder's name and its files.
    func testListsInGitsPathOrder() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        for path in ["a0", "a/z.md", "a-b", "a.md", "x.md/inner.md", "x.md-b", "x.mdz", "B", "b", "\u{e9}.md", "e.md"] {
            try fixture.write(path, "text\n")
        }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let paths = try repository.workingTreeFiles().map(\.path)

        XCTAssertEqual(paths, ["B", "a-b", "a.md", "a/z.md", "a0", "b", "e.md", "x.md", "x.md-b", "x.md/inner.md", "x.mdz", "\u{e9}.md"])
        XCTAssertEqual(paths, paths.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    func testOpenedFromSubfolderStillListsWholeTree() throws {
        let fixture = try makeFixture()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.url("docs"), environment: [:])

        XCTAssertEqual(try repository.workingTreeFiles().count, 8)
    }

    func testRelativePath() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertEqual(repository.relativePath(of: fixture.url("docs/a.md")), "docs/a.md")
        XCTAssertEqual(repository.relativePath(of: fixture.directory), "")
        XCTAssertEqual(repository.relativePath(of: fixture.url("docs/../README.md")), "README.md")
        XCTAssertEqual(repository.relativePath(of: fixture.url("./docs/")), "docs")
        XCTAssertNil(repository.relativePath(of: fixture.sandbox.appendingPathComponent("other.txt")))
        XCTAssertNil(repository.relativePath(of: fixture.sandbox.appendingPathComponent("repo2/file.txt")))
    }
}
