import Foundation
import TestSupport
import XCTest

/// The small things a new user meets in the first hour: what `new` writes, and errors that
/// say plainly what is wrong.
final class FirstHourCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    func testANewRecordHasTheTemplatesSectionsButNotItsInstructions() throws {
        let created = try smsplan("new", "record", "Supplier review", "--record-of", "supplier-review", "--author", "Ada Lovelace")
        XCTAssertEqual(created.status, 0, created.errors)
        let text = try repository.read("records/supplier-review.md")
        XCTAssertTrue(text.contains("\nstatus: final\n"), text)
        let template = try repository.read("templates/record.md")
        let instructions = template.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains(":") && $0.count > 20 }
        XCTAssertFalse(instructions.isEmpty)
        for line in instructions {
            XCTAssertFalse(text.contains(line), "the final record keeps the template's \"\(line)\"")
        }
        let body = text.components(separatedBy: "\n---\n").last ?? ""
        XCTAssertEqual(body, "# Supplier review\n\n## Summary\n\n## Details\n\n## Actions\n")
        XCTAssertEqual(try smsplan("check").status, 0)
    }

    func testNewNeedsRolesYAMLToCheckTheOwner() throws {
        try FileManager.default.removeItem(at: repository.url("roles.yaml"))
        let created = try smsplan("new", "policy", "Access policy", "--owner", "x")
        XCTAssertEqual(created.status, 2)
        XCTAssertEqual(created.errors, "smsplan: error: roles.yaml is missing beside smsplan.yaml, so owner \"x\" cannot be checked; add roles.yaml first\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.url("policies/access-policy.md").path))
    }

    func testHistoryEntriesQuoteTheAuthorAlike() throws {
        XCTAssertEqual(try smsplan("new", "policy", "Access policy", "--owner", "service-manager", "--author", "Ada Lovelace").status, 0)
        let draft = try repository.read("policies/access-policy.md")
        let id = try XCTUnwrap(draft.split(separator: "\n").first { $0.hasPrefix("id: ") }).dropFirst(4).description
        XCTAssertEqual(try smsplan("approve", id, "--by", "top-management").status, 0)
        XCTAssertEqual(try smsplan("revise", id, "-m", "Scope clarified", "--author", "Ada Lovelace").status, 0)
        let text = try repository.read("policies/access-policy.md")
        let authors = text.split(separator: "\n").filter { $0.hasPrefix("  - {") }.map { line in
            line.components(separatedBy: "author: ").last?.components(separatedBy: ",").first ?? ""
        }
        XCTAssertEqual(authors, ["Ada Lovelace", "Ada Lovelace", "Ada Lovelace"], text)
        XCTAssertTrue(text.contains("\nauthor: Ada Lovelace\n"), text)
        XCTAssertEqual(try smsplan("check").status, 0)
    }

    func testARevisionBeyondTheHistoryIsNamedPlainly() throws {
        let far = try smsplan("status", "--rev", "HEAD~1000")
        XCTAssertEqual(far.status, 2)
        XCTAssertEqual(far.errors, "smsplan: error: unknown revision \"HEAD~1000\": that commit does not exist: the history of HEAD is shorter\n")
        let unknown = try smsplan("check", "--rev", "no-such-branch")
        XCTAssertEqual(unknown.errors, "smsplan: error: unknown revision \"no-such-branch\": no branch, tag or commit is called that\n")
    }

    func testATemplateNotFoundListsEachFolderOnce() throws {
        let bin = repository.sandbox.appendingPathComponent("tools/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let binary = bin.appendingPathComponent("smsplan")
        try FileManager.default.copyItem(at: SMSPlanBinary.url, to: binary)
        let result = try SMSPlanBinary.run(["init", "new-plan", "--example"], in: repository.sandbox,
                                           environment: ["SMSPLAN_TEMPLATE": "/no/such/template"], binary: binary)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: the plan-template folder was not found; set SMSPLAN_TEMPLATE to its path (looked in /no/such/template, "),
                      result.errors)
        let listed = try XCTUnwrap(result.errors.components(separatedBy: "(looked in ").last).dropLast(2).components(separatedBy: ", ")
        XCTAssertEqual(listed.count, Set(listed).count, result.errors)
        XCTAssertTrue(listed.contains(bin.deletingLastPathComponent().path + "/share/smsplan/plan-template"), result.errors)
    }
}
