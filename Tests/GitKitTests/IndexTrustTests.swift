import Foundation
import GitKit
import TestSupport
import XCTest

/// Which working-tree files the index vouches for, as `git status` decides.
final class IndexTrustTests: XCTestCase {
    private var fixture: TestRepository!

    override func setUpWithError() throws {
        fixture = try TestRepository()
    }

    override func tearDown() {
        fixture.remove()
    }

    private func state(readingRacy: Bool = false) throws -> [String: WorkingFile] {
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        return Dictionary(uniqueKeysWithValues: try repository.workingTreeState(readingRacy: readingRacy).map { ($0.path, $0) })
    }

    /// Sets the modification time of a file (relative to the working tree, or the index).
    private func setModified(_ path: String, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: fixture.url(path).path)
    }

    private var indexPath: String { ".git/index" }

    func testAnUnchangedFileIsKnownByTheIndexBlob() throws {
        try fixture.write("a.md", "alpha\n")
        try fixture.write("b.md", "beta\n")
        try fixture.git("add", "a.md", "b.md")
        // The index written well after the files: no entry is racy.
        try setModified(indexPath, Date(timeIntervalSinceNow: 10))
        let files = try state()
        XCTAssertEqual(files["a.md"]?.indexBlob?.hex, try fixture.git("hash-object", "a.md"))
        XCTAssertEqual(files["b.md"]?.indexBlob?.hex, try fixture.git("hash-object", "b.md"))
        XCTAssertEqual(try Repository.open(at: fixture.directory, environment: [:]).workingTreeFiles().map(\.path), ["a.md", "b.md"])
    }

    func testARacyEntryIsRead() throws {
        try fixture.write("a.md", "alpha\n")
        try fixture.git("add", "a.md")
        let written = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: fixture.url("a.md").path)[.modificationDate] as? Date)
        // The index written in the same second as the file: git cannot tell a later change
        // of the same size within that second from its stat data, so it reads the file.
        try setModified(indexPath, written)
        XCTAssertNil(try state()["a.md"]?.indexBlob)
        try setModified(indexPath, written.addingTimeInterval(2))
        XCTAssertNotNil(try state()["a.md"]?.indexBlob)
    }

    func testARacyDocumentReadOnRequestIsKnownByItsBytes() throws {
        try fixture.write("a.md", "alpha\n")
        try fixture.git("add", "a.md")
        let written = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: fixture.url("a.md").path)[.modificationDate] as? Date)
        // Racy, as above; asked to, the listing reads it as git does, and takes it as
        // unchanged when its bytes are the entry's blob.
        try setModified(indexPath, written)
        let blob = try fixture.git("hash-object", "a.md")
        XCTAssertNil(try state()["a.md"]?.indexBlob, "not unless asked")
        XCTAssertEqual(try state(readingRacy: true)["a.md"]?.indexBlob?.hex, blob)
        // The same stat data, other bytes (an index whose entry names another blob of that
        // size): read, and not vouched for.
        let other = try fixture.git(["hash-object", "-w", "--stdin"], input: Data("omega\n".utf8))
        try replaceBlob(blob, with: other)
        try setModified(indexPath, written)
        XCTAssertNil(try state(readingRacy: true)["a.md"]?.indexBlob)
        // Written well after, the stat data are trusted, as git trusts them.
        try setModified(indexPath, written.addingTimeInterval(2))
        XCTAssertEqual(try state(readingRacy: true)["a.md"]?.indexBlob?.hex, other)
        try setModified(indexPath, written)
        XCTAssertTrue(try fixture.git("status", "--porcelain").contains("a.md"), "git, which reads it, sees the difference too")
    }

    /// Rewrites the index with one entry's blob id replaced (its stat data kept), and the
    /// index's checksum made again.
    private func replaceBlob(_ old: String, with new: String) throws {
        func bytes(_ hex: String) -> [UInt8] {
            stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16)! }
        }
        var index = [UInt8](try Data(contentsOf: fixture.url(indexPath)))
        let (from, to) = (bytes(old), bytes(new))
        let body = index.count - 20
        let at = try XCTUnwrap((0...(body - 20)).first { Array(index[$0..<($0 + 20)]) == from }, "the entry's blob id")
        index.replaceSubrange(at..<(at + 20), with: to)
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sum.arguments = ["sha1sum"]
        let input = Pipe(), output = Pipe()
        (sum.standardInput, sum.standardOutput) = (input, output)
        try sum.run()
        input.fileHandleForWriting.write(Data(index[..<body]))
        try input.fileHandleForWriting.close()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(40)
        sum.waitUntilExit()
        index.replaceSubrange(body..<index.count, with: bytes(String(digest)))
        try Data(index).write(to: fixture.url(indexPath))
    }

    func testAnEditOfTheSameSizeAndTimeIsRead() throws {
        try fixture.write("a.md", "alpha\n")
        try fixture.git("add", "a.md")
        try setModified(indexPath, Date(timeIntervalSinceNow: 10))
        let written = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: fixture.url("a.md").path)[.modificationDate] as? Date)
        try fixture.write("a.md", "omega\n")
        try setModified("a.md", written)
        XCTAssertNil(try state()["a.md"]?.indexBlob, "the change time moved")
        XCTAssertTrue(try fixture.git("status", "--porcelain").contains("a.md"), "git sees the change too")
    }

    func testNewIntentToAddAndSmudgedEntriesAreRead() throws {
        try fixture.write("tracked.md", "")
        try fixture.write("intent.md", "to be added\n")
        try fixture.write("untracked.md", "new\n")
        try fixture.git("add", "tracked.md")
        try fixture.git("add", "-N", "intent.md")
        try setModified(indexPath, Date(timeIntervalSinceNow: 10))
        let files = try state()
        XCTAssertNil(files["tracked.md"]?.indexBlob, "an entry of size 0 may be a smudged racy one")
        XCTAssertNil(files["intent.md"]?.indexBlob)
        XCTAssertNil(files["untracked.md"]?.indexBlob)
        XCTAssertEqual(try Repository.open(at: fixture.directory, environment: [:]).indexEntries().map(\.path), ["tracked.md"],
                       "an intent-to-add entry is not staged")
    }

    func testSkipWorktreeEntriesCountWithTheIndexContent() throws {
        try fixture.write("kept/a.md", "alpha\n")
        try fixture.write("left/b.md", "beta\n")
        try fixture.commitAll("Files")
        try fixture.git("sparse-checkout", "set", "--no-cone", "/kept/")
        XCTAssertFalse(FileManager.default.fileExists(atPath: fixture.url("left/b.md").path))
        let files = try state()
        XCTAssertEqual(files.keys.sorted(), ["kept/a.md", "left/b.md"])
        XCTAssertEqual(files["left/b.md"]?.isSkipWorktree, true)
        XCTAssertEqual(files["left/b.md"]?.indexBlob?.hex, try fixture.git("rev-parse", "HEAD:left/b.md"))
        XCTAssertEqual(files["kept/a.md"]?.isSkipWorktree, false)
    }

    func testCleanedAppliesCoreAutocrlf() throws {
        try fixture.write("a.md", "one\r\ntwo\r\n")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try repository.cleaned(Data("one\r\ntwo\r\n".utf8), path: "a.md"), Data("one\r\ntwo\r\n".utf8))
        try fixture.git("config", "core.autocrlf", "true")
        let converted = try Repository.open(at: fixture.directory, environment: [:])
        let cleaned = try converted.cleaned(Data("one\r\ntwo\r\n".utf8), path: "a.md")
        XCTAssertEqual(cleaned, Data("one\ntwo\n".utf8))
        try fixture.git("add", "a.md")
        XCTAssertEqual(try Repository.blobID(for: cleaned).hex, try fixture.git("rev-parse", ":a.md"))
    }

    /// Attributes anywhere above a file make git filter it: a `.gitattributes` in a folder
    /// between the top and the file, one the index holds but the disk lacks, and
    /// `info/attributes`; files elsewhere are left as they are.
    func testAttributesAboveAFileFilterIt() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        let crlf = Data("one\r\ntwo\r\n".utf8), lf = Data("one\ntwo\n".utf8)
        try fixture.write("docs/deep/.gitattributes", "*.md text eol=lf\n")
        try fixture.write("docs/deep/a.md", "x\n")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try repository.cleaned(crlf, path: "docs/b.md"), crlf, "no attributes above docs/b.md")
        XCTAssertEqual(try repository.cleaned(crlf, path: "docs/deep/a.md"), lf)
        XCTAssertEqual(try repository.cleaned(crlf, path: "docs/deep/more/c.md"), lf)

        try fixture.write("staged/.gitattributes", "*.md text\n")
        try fixture.git("add", "staged/.gitattributes")
        try FileManager.default.removeItem(at: fixture.url("staged/.gitattributes"))
        let fromIndex = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try fromIndex.cleaned(crlf, path: "staged/a.md"), lf, "the index's .gitattributes counts")

        try fixture.write(".git/info/attributes", "*.txt text\n")
        let fromInfo = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try fromInfo.cleaned(crlf, path: "top.txt"), lf)
        XCTAssertEqual(try fromInfo.cleaned(crlf, path: "top.md"), crlf)
    }

    /// A file the index tracks is listed though an ignore rule matches it, as git status
    /// lists it; an untracked one beside it is not.
    func testTrackedFilesAreListedWhateverTheIgnoreRulesSay() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("records/kept.md", "kept\n")
        try fixture.write("other/kept.md", "kept\n")
        try fixture.git("add", "records/kept.md", "other/kept.md")
        try fixture.write(".gitignore", "records/\n*.md\n")
        try fixture.write("records/scratch.md", "scratch\n")
        try fixture.write("other/scratch.md", "scratch\n")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        XCTAssertEqual(try repository.workingTreeState().map(\.path), [".gitignore", "other/kept.md", "records/kept.md"])
        XCTAssertEqual(try repository.workingTreeState(under: "records").map(\.path), ["records/kept.md"])
    }
}

