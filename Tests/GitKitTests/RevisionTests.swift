import Foundation
import GitKit
import TestSupport
import XCTest

final class RevisionTests: XCTestCase {
    func testHeadAndAncestors() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "1\n")
        let first = try fixture.commitAll("First commit")
        try fixture.write("a.txt", "2\n")
        let second = try fixture.commitAll("Second commit\n\nWith a body\nover two lines.")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let head = try repository.resolveCommit("HEAD")
        XCTAssertEqual(head.id.hex, second)
        XCTAssertEqual(head.summary, "Second commit")
        XCTAssertEqual(head.authorName, TestRepository.authorName)
        XCTAssertEqual(head.authorEmail, TestRepository.authorEmail)
        XCTAssertEqual(head.time, TestRepository.committerTime(ofCommit: 2))
        XCTAssertEqual(head.parents.map(\.hex), [first])
        XCTAssertEqual(try repository.headCommit(), head)

        let parent = try repository.resolveCommit("HEAD~1")
        XCTAssertEqual(parent.id.hex, first)
        XCTAssertEqual(parent.summary, "First commit")
        XCTAssertEqual(parent.time, TestRepository.committerTime(ofCommit: 1))
        XCTAssertEqual(parent.parents, [])
        XCTAssertEqual(try repository.resolveCommit("main").id.hex, second)
        XCTAssertEqual(try repository.resolveCommit(String(first.prefix(7))).id.hex, first)
        XCTAssertEqual(try repository.resolveCommit(first).id.hex, first)
    }

    func testTagsArePeeledToCommits() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "1\n")
        let first = try fixture.commitAll("First")
        try fixture.write("a.txt", "2\n")
        let second = try fixture.commitAll("Second")
        try fixture.git("tag", "light", "HEAD~1")
        try fixture.git("tag", "-a", "v2.0", "-m", "Release 2.0")
        let tagObject = try fixture.git("rev-parse", "v2.0")
        XCTAssertNotEqual(tagObject, second, "the annotated tag must be an object of its own")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertEqual(try repository.resolveCommit("light").id.hex, first)
        XCTAssertEqual(try repository.resolveCommit("v2.0").id.hex, second)
        XCTAssertEqual(try repository.resolveCommit("refs/tags/v2.0").id.hex, second)
        XCTAssertEqual(try repository.resolveCommit(tagObject).id.hex, second)
    }

    func testMergeCommitListsParentsInOrder() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "1\n")
        try fixture.commitAll("Base")
        try fixture.git("checkout", "-q", "-b", "topic")
        try fixture.write("b.txt", "topic\n")
        let topic = try fixture.commitAll("Topic")
        try fixture.git("checkout", "-q", "main")
        try fixture.write("c.txt", "main\n")
        let main = try fixture.commitAll("Main")
        try fixture.git("merge", "-q", "--no-ff", "-m", "Merge topic", "topic")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        let merge = try repository.resolveCommit("HEAD")
        XCTAssertEqual(merge.summary, "Merge topic")
        XCTAssertEqual(merge.parents.map(\.hex), [main, topic])
    }

    func testUnknownRevisionThrowsNotFound() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "1\n")
        try fixture.commitAll("First")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertThrowsError(try repository.resolveCommit("no-such-branch")) { error in
            guard let error = error as? GitError else { return XCTFail("not a GitError: \(error)") }
            XCTAssertTrue(error.isNotFound, "\(error)")
            XCTAssertEqual(error.function, "git_revparse_single")
            XCTAssertTrue(error.description.hasPrefix("git_revparse_single failed: "), error.description)
            XCTAssertTrue(error.message.contains("no-such-branch"), error.message)
        }
        XCTAssertThrowsError(try repository.resolveCommit("HEAD~5")) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
        }
    }

    func testRevisionThatIsNoCommitThrows() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("a.txt", "1\n")
        try fixture.commitAll("First")
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertThrowsError(try repository.resolveCommit("HEAD:a.txt")) { error in
            XCTAssertEqual((error as? GitError)?.function, "git_object_peel", "\(error)")
        }
    }

    func testUnbornHead() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        let repository = try Repository.open(at: fixture.directory, environment: [:])

        XCTAssertTrue(repository.isHeadUnborn)
        XCTAssertFalse(repository.isHeadDetached)
        XCTAssertNil(try repository.headCommit())
        XCTAssertThrowsError(try repository.resolveCommit("HEAD"))
    }
}
