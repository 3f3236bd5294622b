import Foundation
import TestSupport
import XCTest

/// The hostile corpus through the real binary on a real repository: the working tree, the
/// index and a commit give the same findings, the ones the corpus expects, and a symbolic
/// link never brings in the file it points at.
final class HostileCorpusCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        try repository.write("policies/good.md", HostileCorpus.policy(id: "POL-001"))
        // What the outside link points at: a real document, which must never be read.
        let outside = repository.sandbox.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(HostileCorpus.policy(id: "POL-999", owner: "nobody").utf8).write(to: outside.appendingPathComponent("secret.md"))
        for item in try HostileCorpus.all() {
            if let contents = item.contents { try repository.write(item.path, contents) }
            if let target = item.linkTarget { try repository.symlink(item.path, to: target) }
        }
    }

    override func tearDown() {
        repository.remove()
    }

    /// `rule path line:column` of every diagnostic of `check --format json ARGUMENTS`.
    private func findings(_ arguments: String...) throws -> (places: Set<String>, messages: [String: String], documents: Int) {
        let result = try SMSPlanBinary.run(["check", "--format", "json"] + arguments, in: repository.directory)
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertEqual(result.errors, "", "nothing on standard error")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        var places = Set<String>()
        var messages: [String: String] = [:]
        for diagnostic in diagnostics {
            let place = "\(diagnostic["rule"] ?? "") \(diagnostic["path"] ?? "") \(diagnostic["line"] ?? 0):\(diagnostic["column"] ?? 0)"
            places.insert(place)
            messages[place] = diagnostic["message"] as? String
        }
        let summary = try XCTUnwrap(json["summary"] as? [String: Any])
        return (places, messages, summary["documentCount"] as? Int ?? -1)
    }

    private var expected: Set<String> {
        get throws {
            Set(try HostileCorpus.all().flatMap { item in item.expected.map { "\($0.rule) \(item.path) \($0.line):\($0.column)" } })
        }
    }

    func testWorkingTreeIndexAndCommitGiveTheCorpusFindings() throws {
        let start = Date()
        let workingTree = try findings()
        XCTAssertEqual(workingTree.places, try expected)
        for item in try HostileCorpus.all() {
            for expectation in item.expected {
                let message = workingTree.messages["\(expectation.rule) \(item.path) \(expectation.line):\(expectation.column)"] ?? ""
                XCTAssertTrue(message.contains(expectation.fragment), "\(item.name): \(message)")
            }
        }
        XCTAssertFalse(workingTree.messages.values.contains { $0.contains("POL-999") }, "the outside file was never read")

        try repository.git("add", "-A")
        let staged = try findings("--staged")
        XCTAssertEqual(staged.places, workingTree.places)
        XCTAssertEqual(staged.documents, workingTree.documents)
        try repository.git("commit", "-q", "-m", "Hostile corpus")
        let committed = try findings("--rev", "HEAD")
        XCTAssertEqual(committed.places, workingTree.places)
        XCTAssertEqual(committed.documents, workingTree.documents)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testTextOutputKeepsEveryFindingOnOneLine() throws {
        let result = try SMSPlanBinary.run(["check"], in: repository.directory)
        XCTAssertEqual(result.status, 1)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertEqual(lines.count, try expected.count + 1, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\"policies/new\\nline.md\":7:8: error: ") }, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("\"policies/tab\\tand \\\"quote\\\".md\":7:8: error: ") }, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("policies/ünïcødé 名前.md:7:8: error: ") }, result.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("policies/large.md:1:1: error: file is 50 MB") }, result.output)
    }

    func testAFileNameThatIsNotUTF8IsReported() throws {
        // "policies/bad\xFF.md": a name git accepts but no Swift string can hold.
        let raw = Array(repository.url("policies").path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        close(descriptor)
        let result = try SMSPlanBinary.run(["check"], in: repository.directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("policies/bad\u{FFFD}.md:1:1: error: file name is not valid UTF-8 (shown with \u{FFFD}), so the file cannot be opened by name; rename it [file-unreadable]\n"), result.output)
        XCTAssertEqual(result.errors, "")
    }

    func testAnUnreadableFileIsAFindingNotAFailure() throws {
        let file = repository.url("policies/crlf.md")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: file.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path) }
        // Root reads every file whatever its mode, so the check runs as another user.
        guard let result = try SMSPlanBinary.runWithoutWriteAccess(["check"], in: repository.directory, repository: repository.directory,
                                                                   home: repository.sandbox.appendingPathComponent("reader"))
        else { throw XCTSkip("no other user to run as") }
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertEqual(result.errors, "")
        XCTAssertTrue(result.output.contains("policies/crlf.md:1:1: error: file cannot be read: Permission denied [file-unreadable]\n"), result.output)
        XCTAssertTrue(result.output.hasSuffix("documents checked, \(try expected.count + 1) errors, 0 warnings\n"), result.output)
    }
}
