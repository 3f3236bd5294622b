import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The memo of single-document findings never changes a result: a document checked before is
/// reported as it was, and a change to what those rules read besides the document (roles.yaml,
/// smsplan.yaml, the date) checks every document again.
final class DocumentFindingsMemoTests: XCTestCase {
    private var repository: TestRepository!
    private let policy = "policies/service-management-policy.md"
    private let day: TimeInterval = 86_400
    private let now = Date(timeIntervalSince1970: 1_796_000_000)

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        // A single-document finding: the approver is also the owner.
        try repository.write(policy, try repository.read(policy).replacingOccurrences(of: "approved-by: top-management", with: "approved-by: service-manager"))
    }

    override func tearDown() {
        repository.remove()
    }

    private var memoFile: URL { repository.url(".git/smsplan/\(DocumentFindingsMemo.fileName)") }

    private func check(at date: Date? = nil, cache: Bool = true) throws -> [String] {
        let result = try Checker.check(CheckRequest(directory: repository.directory, environment: [:], now: date ?? now, useCache: cache))
        return result.diagnostics.map { "\($0.path):\($0.line):\($0.column) \($0.severity) \($0.rule) \($0.message)" }
    }

    func testFindingsComeBackFromTheMemoAsTheRulesMadeThem() throws {
        let uncached = try check(cache: false)
        XCTAssertTrue(uncached.contains { $0.contains("self-approval") }, "\(uncached)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: memoFile.path))
        XCTAssertEqual(try check(), uncached, "first check, memo written")
        XCTAssertTrue(FileManager.default.fileExists(atPath: memoFile.path))
        let written = try Data(contentsOf: memoFile)
        XCTAssertEqual(try check(), uncached, "second check, from the memo")
        XCTAssertEqual(try Data(contentsOf: memoFile), written, "nothing new: the memo is not rewritten")
    }

    func testAChangedRolesFileChecksEveryDocumentAgain() throws {
        _ = try check()
        // service-manager is no longer a role: owner-unknown on the policy, which did not change.
        let roles = try repository.read("roles.yaml").replacingOccurrences(of: "id: service-manager", with: "id: service-lead")
        try repository.write("roles.yaml", roles)
        let afterEdit = try check()
        XCTAssertTrue(afterEdit.contains { $0.hasPrefix(policy) && $0.contains("owner-unknown") }, "\(afterEdit)")
        XCTAssertEqual(afterEdit, try check(cache: false))
    }

    func testAChangedConfigurationChecksEveryDocumentAgain() throws {
        _ = try check()
        let config = try repository.read("smsplan.yaml")
        try repository.write("smsplan.yaml", config.replacingOccurrences(of: "rules:\n", with: "rules:\n  self-approval: warning\n"))
        let afterEdit = try check()
        XCTAssertTrue(afterEdit.contains { $0.contains("warning self-approval") }, "\(afterEdit)")
        XCTAssertEqual(afterEdit, try check(cache: false))
    }

    func testAnotherDayJudgesDatesAgain() throws {
        let today = try check()
        XCTAssertFalse(today.contains { $0.hasPrefix(policy) && $0.contains("review-overdue") }, "\(today)")
        let muchLater = now.addingTimeInterval(5 * 365 * day)
        let later = try check(at: muchLater)
        XCTAssertTrue(later.contains { $0.hasPrefix(policy) && $0.contains("review-overdue") }, "\(later)")
        XCTAssertEqual(later, try check(at: muchLater, cache: false))
    }

    func testADamagedMemoIsIgnored() throws {
        let uncached = try check(cache: false)
        _ = try check()
        var bytes = [UInt8](try Data(contentsOf: memoFile))
        bytes.removeLast(3)
        try Data(bytes).write(to: memoFile)
        XCTAssertEqual(try check(), uncached)
        XCTAssertNotNil(DocumentFindingsMemo.decode([UInt8](try Data(contentsOf: memoFile)), inputs: try XCTUnwrap(inputs())), "rewritten whole")
    }

    func testAStateJudgedAtAnotherDateKeepsTheFindingsOfTheFirst() throws {
        let laterDate = now.addingTimeInterval(5 * 365 * day)
        let today = try check(), later = try check(at: laterDate)
        XCTAssertEqual(try heldInputs().count, 2, "both sets kept")
        let written = try Data(contentsOf: memoFile)
        // Each comes back from the memo, as the rules made it, and the file is not rewritten.
        XCTAssertEqual(try check(), today)
        XCTAssertEqual(try check(at: laterDate), later)
        XCTAssertEqual(try Data(contentsOf: memoFile), written, "nothing checked anew")
        XCTAssertEqual(today, try check(cache: false))
        XCTAssertEqual(later, try check(at: laterDate, cache: false))
    }

    func testOnlyTheLastFewSetsOfInputsAreKept() throws {
        var dates: [Date] = []
        for year in 0...DocumentFindingsMemo.keptInputs {
            dates.append(now.addingTimeInterval(Double(year) * 365 * day))
            _ = try check(at: dates.last)
        }
        let held = try heldInputs()
        XCTAssertEqual(held.count, DocumentFindingsMemo.keptInputs)
        XCTAssertEqual(held.first, try inputs(), "the last written first")
        // The oldest is gone: its date is checked anew (the file is rewritten), as the rules judge it.
        let written = try Data(contentsOf: memoFile)
        XCTAssertEqual(try check(at: dates[0]), try check(at: dates[0], cache: false))
        XCTAssertNotEqual(try Data(contentsOf: memoFile), written)
        XCTAssertEqual(try heldInputs().count, DocumentFindingsMemo.keptInputs)
    }

    /// The inputs digest the file was last written under.
    private func inputs() throws -> String? {
        try heldInputs().first
    }

    /// The inputs digests the file holds findings for, the last written first.
    private func heldInputs() throws -> [String] {
        try XCTUnwrap(DocumentFindingsMemo.sections(of: [UInt8](try Data(contentsOf: memoFile)))).map(\.inputs)
    }
}
