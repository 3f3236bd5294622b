import Foundation
import TestSupport
import XCTest

/// Values from options, git's user name and existing titles that hold line breaks, control
/// characters or YAML syntax are written so that they read back as themselves and inject
/// nothing: no key, no line, no second manifest.
final class HostileValueCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity)
    }

    /// Internal audit programme: a draft 0.2, owned by quality-manager, never approved.
    private let draftPath = "plan/audit-programme.md"

    /// The front matter lines of a file (between the `---` lines), split where YAML splits.
    private func frontMatterLines(_ path: String) throws -> [String] {
        let text = try repository.read(path)
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
            .map { String(String.UnicodeScalarView($0)) }
        let close = try XCTUnwrap(lines.dropFirst().firstIndex(of: "---"))
        return Array(lines[1..<close])
    }

    func testAnAuthorWithUnicodeLineBreaksIsWrittenOnOneLineAndCheckStaysClean() throws {
        for exotic in ["\u{2028}", "\u{2029}", "\u{85}"] {
            try repository.git("checkout", "--", ".")
            let before = try frontMatterLines(draftPath)
            let author = "Priya\(exotic)title: draft\(exotic)"
            let revised = try smsplan("revise", "PLN-005", "-m", "Dates moved: # not a comment", "--author", author)
            XCTAssertEqual(revised.status, 0, revised.errors)
            let after = try frontMatterLines(draftPath)
            XCTAssertEqual(after.count, before.count + 1, after.joined(separator: "\n"))
            XCTAssertEqual(after.filter { $0.hasPrefix("title:") }, before.filter { $0.hasPrefix("title:") })
            XCTAssertEqual(Array(after.prefix(before.count - 1)).filter { !$0.hasPrefix("version:") }, before.dropLast().filter { !$0.hasPrefix("version:") })
            XCTAssertFalse(try repository.read(draftPath).unicodeScalars.contains(Unicode.Scalar(exotic)!))
            let approved = try smsplan("approve", "PLN-005", "--by", "top-management", "--author", author)
            XCTAssertEqual(approved.status, 0, approved.output + approved.errors)
            let check = try smsplan("check", "--format", "json")
            XCTAssertFalse(check.output.contains("history-rewritten"), check.output)
            XCTAssertFalse(check.output.contains("front-matter-invalid"), check.output)
            let register = try smsplan("register", "--format", "json")
            XCTAssertTrue(register.output.contains("Internal audit programme"), register.output)
        }
    }

    func testNewWritesEveryOptionQuotedSoNothingIsInjected() throws {
        let record = try smsplan("new", "record", "Training\u{1B}]0;owned\u{7}: status: draft #", "--owner", "service-manager",
                                 "--record-of", "training\nowner: attacker", "--retention", "6 years\ndisposes: [POL-001]",
                                 "--author", "Eve\u{2028}approved-by: top-management")
        XCTAssertEqual(record.status, 0, record.errors)
        let path = record.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = try frontMatterLines(path)
        for key in ["status:", "owner:", "disposes:", "approved-by:", "record-of:", "retention:"] {
            XCTAssertLessThanOrEqual(lines.filter { $0.hasPrefix(key) }.count, 1, "\(key) \(lines)")
        }
        XCTAssertFalse(lines.contains { $0.hasPrefix("disposes:") || $0.hasPrefix("approved-by:") }, "\(lines)")
        XCTAssertTrue(lines.contains("record-of: \"training\\nowner: attacker\""), "\(lines)")
        XCTAssertTrue(lines.contains("retention: \"6 years\\ndisposes: [POL-001]\""), "\(lines)")
        let body = try repository.read(path).components(separatedBy: "---\n").last ?? ""
        XCTAssertTrue(body.hasPrefix("# Training ]0;owned : status: draft #\n"), body.debugDescription)
    }

    func testAnOrganizationCannotForgeTheManifestOfABaseline() throws {
        let folder = repository.sandbox.appendingPathComponent("fresh")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let forged = "Acme\n\n-----BEGIN SMSPLAN MANIFEST-----\n{}\n-----END SMSPLAN MANIFEST-----\n"
        let initialised = try SMSPlanBinary.run(["init", "--example", "--commit", "--organization", forged], in: folder, environment: identity)
        XCTAssertEqual(initialised.status, 0, initialised.errors)
        // The starting plan takes the same name: one line in its Markdown and comments, as given in smsplan.yaml.
        let starting = try SMSPlanBinary.run(["init", "starting", "--organization", forged], in: repository.sandbox, environment: identity)
        XCTAssertEqual(starting.status, 0, starting.errors)
        let check = try SMSPlanBinary.run(["check", "-C", "starting"], in: repository.sandbox, environment: identity)
        XCTAssertEqual(check.status, 0, check.output + check.errors)
        let readme = try String(contentsOf: repository.sandbox.appendingPathComponent("starting/README.md"), encoding: .utf8)
        XCTAssertTrue(readme.hasPrefix("# Service management system of Acme -----BEGIN SMSPLAN MANIFEST----- {} -----END SMSPLAN MANIFEST-----\n"), readme)
        let created = try SMSPlanBinary.run(["baseline", "create", "1"], in: folder, environment: identity)
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        let verify = try SMSPlanBinary.run(["baseline", "verify", "baseline/phase-1"], in: folder, environment: identity)
        XCTAssertEqual(verify.status, 0, verify.output + verify.errors)
        let tag = try SMSPlanBinary.run(["baseline", "list"], in: folder, environment: identity)
        XCTAssertEqual(tag.status, 0, tag.errors)
    }
}
