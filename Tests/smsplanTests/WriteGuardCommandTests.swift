import Foundation
import TestSupport
import XCTest

/// Write commands that refuse what check would never see, never lose an edit or a user's
/// rules, hooks or ownership, and write where git would.
final class WriteGuardCommandTests: XCTestCase {
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

    private func smsplan(_ arguments: String..., environment: [String: String] = [:]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity.merging(environment) { $1 })
    }

    private let draftPath = "plan/audit-programme.md"

    func testNewRefusesAFolderThatDocumentsRootsDoesNotList() throws {
        let config = try repository.read("smsplan.yaml")
        try repository.write("smsplan.yaml", config.replacingOccurrences(of: "roots: [plan, policies, procedures, processes, services, records, templates]",
                                                                        with: "roots: [plan, policies, processes, services, records, templates]"))
        let before = try repository.snapshot()
        let result = try smsplan("new", "procedure", "Access procedure", "--owner", "service-manager")
        XCTAssertEqual(result.status, 2, result.output + result.errors)
        XCTAssertTrue(result.errors.contains("procedure documents go in procedures/, which documents.roots in smsplan.yaml does not list"), result.errors)
        XCTAssertEqual(try repository.snapshot(), before)
    }

    func testNewNearTheLargestIdIsRefusedNotACrash() throws {
        let policy = try repository.read("policies/supplier-policy.md")
        let id = try XCTUnwrap(policy.split(separator: "\n").first { $0.hasPrefix("id: ") })
        try repository.write("policies/supplier-policy.md", policy.replacingOccurrences(of: String(id), with: "id: POL-\(Int.max)"))
        let check = try smsplan("check", "--format", "json")
        XCTAssertFalse(check.output.contains("\"rule\" : \"id-"), check.output)
        let result = try smsplan("new", "policy", "Access policy", "--owner", "service-manager")
        XCTAssertEqual(result.status, 2, result.output + result.errors)
        XCTAssertTrue(result.errors.contains("no number is left after POL-\(Int.max)"), result.errors)
    }

    func testTwoApprovalsAtOnceGiveOneEditAndOneRefusal() throws {
        for _ in 0..<3 {
            try repository.git("checkout", "--", ".")
            let results = ConcurrentResults()
            let directory: URL = repository.directory
            let environment = identity
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                let result = try? SMSPlanBinary.run(["approve", "PLN-005", "--by", "top-management", "--author", "Author \(index)"],
                                                    in: directory, environment: environment)
                results.append(result)
            }
            let all = results.values.compactMap { $0 }
            XCTAssertEqual(all.map(\.status).sorted(), [0, 2], all.map(\.errors).joined())
            let refusal = try XCTUnwrap(all.first { $0.status == 2 })
            XCTAssertTrue(refusal.errors.contains("changed while this command ran") || refusal.errors.contains("already approved"), refusal.errors)
            let text = try repository.read(draftPath)
            XCTAssertEqual(text.components(separatedBy: "Approved for issue").count, 2, text)
        }
    }

    func testCodeOwnersWithALostEndMarkerKeepsTheUsersRules() throws {
        XCTAssertEqual(try smsplan("codeowners", "--write").status, 0)
        let written = try repository.read(".github/CODEOWNERS")
        let damaged = written.replacingOccurrences(of: "# smsplan: end\n", with: "") + "/docs/ @docs-team\n*.yaml @config-owner\n"
        try repository.write(".github/CODEOWNERS", damaged)
        let again = try smsplan("codeowners", "--write")
        XCTAssertEqual(again.status, 2, again.output + again.errors)
        XCTAssertTrue(again.errors.contains("are not one pair in order"), again.errors)
        XCTAssertEqual(try repository.read(".github/CODEOWNERS"), damaged)
    }

    func testHooksInstallForceTwiceKeepsTheOriginalBackup() throws {
        let hooks = repository.directory.appendingPathComponent(".git/hooks")
        try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
        let original = "#!/bin/sh\necho the user's own hook\n"
        try original.write(to: hooks.appendingPathComponent("pre-commit"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try smsplan("hooks", "install", "--force").status, 0)
        try "#!/bin/sh\necho edited since\n".write(to: hooks.appendingPathComponent("pre-commit"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try smsplan("hooks", "install", "--force").status, 0)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit.smsplan-backup"), encoding: .utf8), original)
        XCTAssertEqual(try String(contentsOf: hooks.appendingPathComponent("pre-commit.smsplan-backup.2"), encoding: .utf8), "#!/bin/sh\necho edited since\n")
    }

    func testHooksPathWithATildeIsTheHomeFolder() throws {
        let home = repository.sandbox.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try repository.git("config", "core.hooksPath", "~/hooks")
        let result = try smsplan("hooks", "install", environment: ["HOME": home.path])
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("hooks/pre-commit").path), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.url("~").path))
    }

    func testAReplacedFileKeepsItsOwnerAndGroup() throws {
        guard geteuid() == 0 else { throw XCTSkip("changing a file's owner needs root") }
        let url = repository.url(draftPath)
        XCTAssertEqual(chown(url.path, 4321, 4322), 0)
        let result = try smsplan("revise", "PLN-005", "-m", "Dates moved")
        XCTAssertEqual(result.status, 0, result.errors)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual(attributes[.ownerAccountID] as? Int, 4321)
        XCTAssertEqual(attributes[.groupOwnerAccountID] as? Int, 4322)
    }
}

/// Results gathered from concurrent work.
final class ConcurrentResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [CommandResult?] = []

    func append(_ value: CommandResult?) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }
}
