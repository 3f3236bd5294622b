import Foundation
import TestSupport
import XCTest

/// `smsplan approve`, `revise` and `retire` on documents of plan-template: the lines they
/// change, the commits the hook then accepts, and what they refuse.
final class TransitionCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private let identity = ["GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com"]
    /// Continual improvement policy: approved 1.0 by top-management, owned by quality-manager.
    private let policyPath = "policies/continual-improvement-policy.md"
    /// Supplier policy: approved 1.0 on 2026-11-06, owned by relationship-manager.
    private let supplierPath = "policies/supplier-policy.md"
    /// Internal audit programme: a draft 0.3, owned by quality-manager, never approved.
    private let draftPath = "plan/audit-programme.md"

    private func run(_ arguments: [String]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity)
    }

    /// Today in UTC, the date smsplan writes by default.
    private let today: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }()

    /// Twelve months after today (a 29 February becomes the 28th).
    private var inAYear: String {
        let parts = today.split(separator: "-").map { Int($0)! }
        let day = parts[1] == 2 && parts[2] == 29 ? 28 : parts[2]
        return String(format: "%04d-%02d-%02d", parts[0] + 1, parts[1], day)
    }

    /// Runs a command that must succeed, and returns what it did to the file at `path`.
    private func changes(_ path: String, by arguments: [String], printing output: String? = nil) throws -> LineChanges {
        let before = try repository.read(path)
        let result = try run(arguments)
        XCTAssertEqual(result.status, 0, result.errors)
        if let output { XCTAssertEqual(result.output, output) }
        return LineChanges(from: before, to: try repository.read(path))
    }

    private func assertChecksClean(file: StaticString = #filePath, line: UInt = #line) throws {
        let check = try run(["check"])
        XCTAssertEqual(check.status, 0, check.output, file: file, line: line)
    }

    func testReviseRaisesTheVersionAndReturnsTheDocumentToDraft() throws {
        let revised = try changes(policyPath, by: ["revise", "POL-010", "-m", "Clarified who raises improvements"],
                                  printing: "\(policyPath): POL-010 is now version 1.1, draft (was 1.0, approved); history: \"Clarified who raises improvements\"\n")
        XCTAssertEqual(revised, LineChanges(
            removed: ["version: \"1.0\"", "status: approved", "approved-by: top-management", "approved-on: 2026-11-09"],
            added: ["version: \"1.1\"", "status: draft",
                    "  - { version: \"1.1\", date: \(today), author: Ada Lovelace, summary: Clarified who raises improvements }"]))
        XCTAssertTrue(try repository.read(policyPath).contains("summary: Approved for issue }\n  - { version: \"1.1\""))
        try assertChecksClean()

        let major = try changes(policyPath, by: ["revise", "POL-010", "--major", "-m", "Rewritten: new improvement register"])
        XCTAssertEqual(major, LineChanges(
            removed: ["version: \"1.1\""],
            added: ["version: \"2.0\"", "  - { version: \"2.0\", date: \(today), author: Ada Lovelace, summary: \"Rewritten: new improvement register\" }"]))
        let draft = try changes(draftPath, by: ["revise", "PLN-005", "-m", "Dates moved", "--author", "Priya Raman"])
        XCTAssertEqual(draft, LineChanges(
            removed: ["version: \"0.3\""],
            added: ["version: \"0.4\"", "  - { version: \"0.4\", date: \(today), author: Priya Raman, summary: Dates moved }"]))
    }

    func testApproveMakesADraftVersionOneWithItsHistoryEntry() throws {
        let approved = try changes(draftPath, by: ["approve", "PLN-005", "--by", "top-management"],
                                   printing: "\(draftPath): PLN-005 approved by top-management on \(today) at version 1.0 (was 0.3; history entry \"Approved for issue\" added)\n")
        XCTAssertEqual(approved, LineChanges(
            removed: ["version: \"0.3\"", "status: draft"],
            added: ["version: \"1.0\"", "status: approved", "approved-by: top-management", "approved-on: \(today)",
                    "  - { version: \"1.0\", date: \(today), author: Ada Lovelace, summary: Approved for issue }"]))
        XCTAssertTrue(try repository.read(draftPath).contains("author: Priya Raman\napproved-by: top-management\napproved-on: \(today)\nclassification:"))
        try assertChecksClean()
    }

    func testCRLFLinesStayCRLF() throws {
        try repository.write(supplierPath, try repository.read(supplierPath).replacingOccurrences(of: "\n", with: "\r\n"))
        try repository.commitAll("CRLF supplier policy")
        let original = try repository.read(supplierPath)
        XCTAssertEqual(try run(["revise", "POL-015", "-m", "Supplier tiers, explained"]).status, 0)
        let approved = try changes(supplierPath, by: ["approve", "POL-015", "--by", "top-management"])
        // The explicit next-review, twelve months after the previous approval, moves on with the new one.
        XCTAssertEqual(approved, LineChanges(removed: ["status: draft\r", "next-review: 2027-11-28\r"],
                                             added: ["status: approved\r", "approved-by: top-management\r", "approved-on: \(today)\r", "next-review: \(inAYear)\r"]))
        let text = try repository.read(supplierPath)
        XCTAssertEqual(LineChanges(from: original, to: text), LineChanges(
            removed: ["version: \"1.1\"\r", "approved-on: 2026-11-28\r", "next-review: 2027-11-28\r"],
            added: ["version: \"1.2\"\r", "approved-on: \(today)\r", "next-review: \(inAYear)\r",
                    "  - { version: \"1.2\", date: \(today), author: Ada Lovelace, summary: \"Supplier tiers, explained\" }\r"]))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line still ends in CRLF")
        try assertChecksClean()

        let retired = try changes(supplierPath, by: ["retire", "POL-015"], printing: "\(supplierPath): POL-015 is obsolete\n")
        XCTAssertEqual(retired, LineChanges(removed: ["status: approved\r"], added: ["status: obsolete\r"]))
    }

    func testCommentsInTheFrontMatterAreKept() throws {
        let commented = try repository.read(policyPath)
            .replacingOccurrences(of: "---\nid: POL-010", with: "---\n# Kept by the quality manager.\nid: POL-010")
            .replacingOccurrences(of: "version: \"1.0\"\n", with: "version: \"1.0\"   # MAJOR.MINOR, quoted\n")
            .replacingOccurrences(of: "status: approved\n", with: "status: approved # draft, review, approved or obsolete\n")
            .replacingOccurrences(of: "history:\n", with: "history:\n  # one entry a version, newest last\n")
        try repository.write(policyPath, commented)
        try repository.commitAll("Comments in the front matter")

        let revised = try changes(policyPath, by: ["revise", "POL-010", "-m", "Review: no change"])
        XCTAssertEqual(revised, LineChanges(
            removed: ["version: \"1.0\"   # MAJOR.MINOR, quoted", "status: approved # draft, review, approved or obsolete",
                      "approved-by: top-management", "approved-on: 2026-11-09"],
            added: ["version: \"1.1\"   # MAJOR.MINOR, quoted", "status: draft # draft, review, approved or obsolete",
                    "  - { version: \"1.1\", date: \(today), author: Ada Lovelace, summary: \"Review: no change\" }"]))
        let approved = try changes(policyPath, by: ["approve", "POL-010", "--by", "service-manager"])
        XCTAssertEqual(approved, LineChanges(
            removed: ["status: draft # draft, review, approved or obsolete", "next-review: 2027-11-09"],
            added: ["status: approved # draft, review, approved or obsolete", "approved-by: service-manager", "approved-on: \(today)",
                    "next-review: \(inAYear)"]))
        let text = try repository.read(policyPath)
        XCTAssertTrue(text.hasPrefix("---\n# Kept by the quality manager.\nid: POL-010\n"), text)
        XCTAssertTrue(text.contains("author: Priya Raman\napproved-by: service-manager\napproved-on: \(today)\nnext-review:"), text)
        XCTAssertTrue(text.contains("history:\n  # one entry a version, newest last\n  - { version: \"0.1\""), text)
        try assertChecksClean()
    }

    func testEachTransitionIsACommitTheHookAccepts() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        XCTAssertEqual(try run(["hooks", "install"]).status, 0)
        func commit(_ message: String) throws {
            try repository.git("add", "-A")
            let result = try repository.attempt(["commit", "-q", "-m", message])
            XCTAssertEqual(result.status, 0, "\(message): \(result.output)\(result.errors)")
        }

        XCTAssertEqual(try run(["revise", "POL-010", "-m", "Improvements raised by anyone"]).status, 0)
        try commit("Revise the continual improvement policy")
        XCTAssertEqual(try run(["approve", "POL-010", "--by", "service-manager"]).status, 0)
        try commit("Approve version 1.1")
        XCTAssertTrue(try repository.read(policyPath).contains("version: \"1.1\"\nstatus: approved\n"))

        // An approved policy that nothing refers to, retired in favour of a new approved one.
        let temporary = try repository.read(policyPath).replacingOccurrences(of: "id: POL-010", with: "id: POL-901")
            .replacingOccurrences(of: "satisfies: [\"4.5.5.1\"]", with: "satisfies: []")
        try repository.write("policies/temporary.md", temporary)
        try commit("Add a temporary policy")
        let created = try run(["new", "policy", "Temporary policy, second edition", "--owner", "quality-manager"])
        XCTAssertEqual(created.status, 0, created.errors)
        let successorPath = created.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let successorID = try XCTUnwrap(try repository.read(successorPath).split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
        XCTAssertEqual(try run(["approve", String(successorID), "--by", "top-management"]).status, 0)
        let successorBefore = try repository.read(successorPath)
        let retired = try run(["retire", "POL-901", "--superseded-by", String(successorID)])
        XCTAssertEqual(retired.status, 0, retired.errors)
        XCTAssertEqual(retired.output, "policies/temporary.md: POL-901 is obsolete, superseded by \(successorID)\n\(successorPath): \(successorID) supersedes POL-901\n")
        XCTAssertEqual(LineChanges(from: successorBefore, to: try repository.read(successorPath)),
                       LineChanges(removed: [], added: ["supersedes: [POL-901]"]))
        XCTAssertTrue(try repository.read("policies/temporary.md").contains("phase: 2\nsuperseded-by: \(successorID)\ndistribution:"))
        try commit("Retire the temporary policy")
        XCTAssertEqual(try repository.git("status", "--porcelain"), "")
        try assertChecksClean()
    }
}
