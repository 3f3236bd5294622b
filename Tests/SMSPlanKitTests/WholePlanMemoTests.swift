import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The memo of whole-plan findings replays them only for a plan whose documents decode as
/// before, and a replayed check reports what the rules would have found.
final class WholePlanMemoTests: XCTestCase {
    private var repository: TestRepository!
    private let policy = "policies/change-management-policy.md"
    private let other = "policies/continual-improvement-policy.md"
    private let now = Date(timeIntervalSince1970: 1_796_000_000)

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        // A whole-plan finding: a reference to an id no document has.
        try repository.write(policy, try repository.read(policy).replacingOccurrences(of: "\ntitle:", with: "\nsupersedes: [\"POL-999\"]\ntitle:"))
    }

    override func tearDown() {
        repository.remove()
    }

    private var memoFile: URL { repository.url(".git/smsplan/\(WholePlanMemo.fileName)") }

    private func request(_ target: CheckRequest.Target = .workingTree, cache: Bool = true) -> CheckRequest {
        CheckRequest(directory: repository.directory, target: target, environment: [:], now: now, useCache: cache)
    }

    private func check(_ target: CheckRequest.Target = .workingTree, cache: Bool = true) throws -> [String] {
        try Checker.check(request(target, cache: cache)).diagnostics.map {
            "\($0.path):\($0.line):\($0.column) \($0.severity) \($0.rule) \($0.message)"
        }
    }

    /// Whether a check of the working tree now replays the whole-plan findings.
    private func replays(_ target: CheckRequest.Target = .workingTree) throws -> Bool {
        try Checker.load(request(target), sharing: nil, checking: true).wholePlan?.replayed != nil
    }

    private func append(_ path: String, _ text: String) throws {
        try repository.write(path, try repository.read(path) + text)
    }

    func testAProseEditReplaysTheFindingsTheRulesWouldMake() throws {
        let uncached = try check(cache: false)
        XCTAssertTrue(uncached.contains { $0.hasPrefix(policy) && $0.contains("reference-unresolved") }, "\(uncached)")
        XCTAssertEqual(try check(), uncached, "cold: the memo is written")
        XCTAssertTrue(FileManager.default.fileExists(atPath: memoFile.path))
        XCTAssertTrue(try replays(), "the same plan")
        try append(other, "\nOne more sentence of prose.\n")
        XCTAssertTrue(try replays(), "only prose changed")
        XCTAssertEqual(try check(), try check(cache: false))
    }

    /// A document the index does not vouch for (edited, or written again since it was staged)
    /// is read before the others are chosen to be read as their summaries, which they still are.
    func testFilesTheIndexDoesNotVouchForLeaveTheOthersReadAsSummaries() throws {
        _ = try check()
        // The same bytes written again: the index's stat data no longer match the file.
        try repository.write(other, try repository.read(other))
        let plan = try Checker.load(request(), sharing: nil, checking: true)
        XCTAssertNotNil(plan.wholePlan?.replayed)
        // The edited policy is compared with HEAD in full; every other document is a summary.
        XCTAssertEqual(plan.corpus.documents.filter { !$0.isSummary }.map(\.path), [policy])
        XCTAssertGreaterThan(plan.corpus.documents.count, 50)
        XCTAssertEqual(try check(), try check(cache: false))
        // An edit of the rewritten file is read as it is now: checked once, then replayed.
        try append(other, "\nOne more sentence of prose.\n")
        XCTAssertEqual(try check(), try check(cache: false))
        XCTAssertEqual(try Checker.load(request(), sharing: nil, checking: true).corpus.documents.filter { !$0.isSummary }.map(\.path).sorted(),
                       [other, policy].sorted())
        XCTAssertEqual(try check(), try check(cache: false))
    }

    func testTheIndexReplaysWhatTheWorkingTreeFound() throws {
        _ = try check()
        try repository.git("add", "-A")
        XCTAssertTrue(try replays(.staged))
        XCTAssertEqual(try check(.staged), try check(.staged, cache: false))
    }

    func testAnEditOfWhatTheRulesReadRunsThemAgain() throws {
        _ = try check()
        // The reference goes, and its finding with it.
        try repository.write(policy, try repository.read(policy).replacingOccurrences(of: "supersedes: [\"POL-999\"]\n", with: ""))
        XCTAssertFalse(try replays(), "a reference changed")
        let fixed = try check()
        XCTAssertFalse(fixed.contains { $0.contains("reference-unresolved") }, "\(fixed)")
        XCTAssertEqual(fixed, try check(cache: false))
        // A heading and an id: each a change the whole-plan rules read.
        try repository.write(other, try repository.read(other).replacingOccurrences(of: "\n## ", with: "\n## Renamed "))
        XCTAssertFalse(try replays(), "a heading changed")
        XCTAssertEqual(try check(), try check(cache: false))
        let id = try XCTUnwrap(try repository.read(policy).split(separator: "\n").first { $0.hasPrefix("id: ") })
        try repository.write(other, try repository.read(other).replacingOccurrences(of: #"(?m)^id: .*$"#, with: String(id), options: .regularExpression))
        XCTAssertFalse(try replays(), "an id changed")
        let duplicated = try check()
        XCTAssertTrue(duplicated.contains { $0.contains("id-duplicate") }, "\(duplicated)")
        XCTAssertEqual(duplicated, try check(cache: false))
    }

    func testAnotherDayOrConfigurationRunsTheRulesAgain() throws {
        _ = try check()
        let later = CheckRequest(directory: repository.directory, environment: [:], now: now.addingTimeInterval(86_400), useCache: true)
        XCTAssertNil(try Checker.load(later, sharing: nil, checking: true).wholePlan?.replayed, "another day")
        try repository.write("smsplan.yaml", try repository.read("smsplan.yaml").replacingOccurrences(of: "rules:\n", with: "rules:\n  reference-unresolved: warning\n"))
        XCTAssertFalse(try replays(), "smsplan.yaml changed")
        let warned = try check()
        XCTAssertTrue(warned.contains { $0.contains("warning reference-unresolved") }, "\(warned)")
        XCTAssertEqual(warned, try check(cache: false))
    }

    func testADamagedMemoIsIgnoredAndWrittenAgain() throws {
        let uncached = try check(cache: false)
        _ = try check()
        try Data("smsplan whole-plan findings\n\u{1}garbage".utf8).write(to: memoFile)
        XCTAssertFalse(try replays())
        XCTAssertEqual(try check(), uncached)
        XCTAssertTrue(try replays(), "written again")
        XCTAssertEqual(try check(), uncached)
    }

    func testTheRulesThatReadDocumentBytesAlwaysRun() {
        let reading = RuleRegistry.corpusRules.filter(\.readsDocumentBytes).map(\.descriptor.id)
        XCTAssertEqual(reading, [ScopeChangedRule.id])
    }
}
