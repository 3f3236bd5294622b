import Foundation
import TestSupport
import XCTest

/// The working tree, the index and commits read as git reads them: file names as bytes,
/// content after git's filters, sparse checkouts and intent-to-add entries.
final class GitReadingCommandTests: XCTestCase {
    private var repository: TestRepository!
    /// "café.md" composed (NFC) and decomposed (NFD): two files for git.
    private let composed = "policies/caf\u{E9}.md"
    private let decomposed = "policies/cafe\u{301}.md"

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    /// The output lines that start with `path`, told apart by bytes (Swift's own string
    /// comparison would take the two spellings of "café.md" for one).
    private func lines(in output: String, startingWith path: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.utf8.starts(with: (path + ":").utf8) }
    }

    func testTwoFileNamesThatDifferOnlyInUnicodeNormalizationAreTwoDocuments() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        try repository.commitAll("Plan without policies")
        // Both owned by a role roles.yaml lacks: the same finding in each file.
        try repository.write(composed, HostileCorpus.policy(id: "POL-001", owner: "nobody"))
        try repository.write(decomposed, HostileCorpus.policy(id: "POL-002", owner: "nobody"))
        try repository.commitAll("Two policies")
        XCTAssertEqual(try repository.git("ls-files", "-z", "policies").split(separator: "\0").count, 2, "git keeps two files")

        for arguments in [["check"], ["check", "--staged"], ["check", "--rev", "HEAD"], ["check", "--range", "HEAD~1..HEAD"]] {
            let check = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertTrue(check.output.contains("2 documents checked"), "\(arguments): \(check.output)")
            for path in [composed, decomposed] {
                XCTAssertEqual(lines(in: check.output, startingWith: path).count, 1, "\(arguments): \(check.output)")
            }
        }
        let register = try smsplan("register")
        XCTAssertTrue(register.output.contains("POL-001") && register.output.contains("POL-002"), register.output)
    }

    /// The plan template committed with LF line ends, then checked out again with
    /// `core.autocrlf=true`: every file now ends its lines in CRLF and `git status` is clean.
    private func templateCheckedOutWithCRLF() throws -> CommandResult {
        repository = try TestRepository.withPlanTemplate()
        let before = try smsplan("check")
        try repository.git("config", "core.autocrlf", "true")
        for path in try repository.git("ls-files", "-z").split(separator: "\0") {
            try FileManager.default.removeItem(at: repository.url(String(path)))
        }
        try repository.git("checkout", "--", ".")
        XCTAssertTrue(try repository.read("policies/service-management-policy.md").contains("\r\n"), "the files have CRLF line ends")
        XCTAssertEqual(try repository.git("status", "--porcelain"), "", "git sees no change")
        return before
    }

    func testCoreAutocrlfWithACleanStatusChecksAsBefore() throws {
        let before = try templateCheckedOutWithCRLF()
        XCTAssertEqual(try smsplan("check").output, before.output)
        // Every file's stat data changed, so nothing is taken from the index: git, and
        // smsplan, compare the content after the filters.
        let later = Date(timeIntervalSinceNow: 5)
        for path in try repository.git("ls-files", "-z").split(separator: "\0") {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: repository.url(String(path)).path)
        }
        XCTAssertEqual(try smsplan("check").output, before.output)
        XCTAssertEqual(try smsplan("check", "--staged").output, before.output)
        XCTAssertEqual(try repository.git("status", "--porcelain"), "")
    }

    func testCoreAutocrlfStillSeesARealEdit() throws {
        _ = try templateCheckedOutWithCRLF()
        let path = "policies/service-management-policy.md"
        try repository.write(path, try repository.read(path) + "A sentence added without a new version.\r\n")
        let check = try smsplan("check")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.output.contains("\(path):"), check.output)
        XCTAssertTrue(check.output.contains("[approved-content-changed]"), check.output)
        XCTAssertFalse(check.output.contains("[record-modified]"), check.output)
    }

    func testASparseCheckoutCountsTheFilesItLeavesOut() throws {
        repository = try TestRepository.withPlanTemplate()
        let before = try smsplan("check")
        try repository.git("sparse-checkout", "set", "--no-cone", "/*", "!/records/")
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.url("records").path), "the records are not on disk")
        XCTAssertEqual(try repository.git("status", "--porcelain"), "")
        let check = try smsplan("check")
        XCTAssertFalse(check.output.contains("[record-deleted]"), check.output)
        XCTAssertEqual(check.output, before.output)
        XCTAssertEqual(check.status, before.status)
    }

    func testAFileAddedWithIntentToAddIsNotPartOfTheStagedState() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        try repository.write("policies/policy.md", HostileCorpus.policy(id: "POL-001"))
        try repository.commitAll("Plan")
        let before = try smsplan("check", "--staged")
        try repository.write("policies/second.md", HostileCorpus.policy(id: "POL-002"))
        try repository.git("add", "-N", "policies/second.md")

        let staged = try smsplan("check", "--staged")
        XCTAssertEqual(staged.output, before.output, "git commit would not hold the file yet")
        XCTAssertEqual(staged.status, 0)
        let workingTree = try smsplan("check")
        XCTAssertEqual(workingTree.output, "2 documents checked, no findings\n", workingTree.output)
    }
}
