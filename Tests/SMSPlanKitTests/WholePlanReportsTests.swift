import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// What `status` and a baseline's gate keep of a plan: kept by key and name, the newest
/// first and a few only; a damaged or foreign file is ignored and replaced; a kept report
/// reads back as it was made, and a command given one prints what it prints without it.
final class WholePlanReportsTests: XCTestCase {
    private var repository: TestRepository!
    private let now = Date(timeIntervalSince1970: 1_796_000_000)

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private var folder: URL { repository.url(".git/smsplan") }
    private var file: URL { folder.appendingPathComponent(WholePlanReports.fileName) }

    private func request(_ target: CheckRequest.Target = .workingTree, cache: Bool = true) -> CheckRequest {
        CheckRequest(directory: repository.directory, target: target, environment: [:], now: now, useCache: cache)
    }

    func testReportsAreKeptByKeyAndNameNewestFirstAndAFewOnly() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        WholePlanReports(folder: folder).store("status", [1, 2, 3], for: "a")
        WholePlanReports(folder: folder).store("gate", [4], for: "a")
        let read = WholePlanReports(folder: folder)
        XCTAssertEqual(read.report("status", for: "a"), [1, 2, 3])
        XCTAssertEqual(read.report("gate", for: "a"), [4])
        XCTAssertNil(read.report("status", for: "b"))
        XCTAssertNil(read.report("other", for: "a"))
        for index in 0..<WholePlanReports.kept {
            WholePlanReports(folder: folder).store("status", [UInt8(index)], for: "key \(index)")
        }
        let after = WholePlanReports(folder: folder)
        XCTAssertEqual(after.report("status", for: "key 0"), [0], "among the newest")
        XCTAssertNil(after.report("status", for: "a"), "the oldest went")
        XCTAssertNil(after.report("gate", for: "a"), "the oldest went")
        WholePlanReports(folder: folder).store("status", [9], for: "key 0")
        XCTAssertEqual(WholePlanReports(folder: folder).report("status", for: "key 0"), [9], "replaced")
    }

    func testADamagedOrForeignFileIsIgnoredAndReplaced() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        WholePlanReports(folder: folder).store("status", [1, 2, 3], for: "a")
        let written = try Data(contentsOf: file)
        for damaged in [Data(), Data("not a reports file".utf8), written.dropLast(1), written + Data([0]), Data(repeating: 0, count: 64)] {
            try damaged.write(to: file)
            XCTAssertNil(WholePlanReports(folder: folder).report("status", for: "a"))
            WholePlanReports(folder: folder).store("status", [7], for: "a")
            XCTAssertEqual(WholePlanReports(folder: folder).report("status", for: "a"), [7])
        }
    }

    func testAStatusReportAndGateFactsReadBackAsMade() throws {
        var report = try Checker.status(request()).report
        report.recordsDue.append(.init(id: "REC-1", path: "records/r.md", what: "review", due: "2026-12-01", overdue: true))
        report.claimsEdition = "2011"
        XCTAssertFalse(report.phases.isEmpty)
        let again = try XCTUnwrap(StatusReport(encoded: report.encoded))
        XCTAssertEqual(again.encoded, report.encoded)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(again), try encoder.encode(report))
        XCTAssertNil(StatusReport(encoded: Array(report.encoded.dropLast())))

        let head = try repository.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let made = try Baselines.gateFacts(request(.revision(head)), phase: 1, commit: head, toolVersion: "test")
        let facts = try XCTUnwrap(Baselines.GateFacts(encoded: made.facts.encoded))
        XCTAssertEqual(facts.manifest, made.facts.manifest)
        XCTAssertEqual(facts.shortfalls, made.facts.shortfalls)
        XCTAssertEqual(facts.revisions, made.facts.revisions)
        XCTAssertFalse(facts.manifest.documents.isEmpty)
        XCTAssertNil(Baselines.GateFacts(encoded: Array(made.facts.encoded.dropLast())))
    }

    /// A plan checked before, for a report none is kept for, is read in full from the start
    /// (not as summaries decoded afterwards), and with one kept, as summaries, unanalysed.
    func testALoadForAReportReadsTheDocumentsInFullOnlyWhereNoneIsKept() throws {
        _ = try Checker.check(request())
        let unkept = try Checker.load(request(), sharing: nil, checking: true, keptReport: "status")
        XCTAssertNotNil(unkept.wholePlan?.replayed)
        XCTAssertNotNil(unkept.analysis)
        XCTAssertFalse(unkept.corpus.documents.contains { $0.isSummary })
        XCTAssertGreaterThan(unkept.corpus.documents.count, 50)
        _ = try Checker.status(request())
        let kept = try Checker.load(request(), sharing: nil, checking: true, keptReport: "status")
        XCTAssertNotNil(kept.wholePlan?.replayed)
        XCTAssertNil(kept.analysis)
        XCTAssertEqual(kept.corpus.documents.filter { !$0.isSummary }.map(\.path), [])
        // Another report is not kept for it.
        XCTAssertFalse(try Checker.load(request(), sharing: nil, checking: true, keptReport: "other").corpus.documents.contains { $0.isSummary })
    }

    func testStatusTakesTheKeptReportOnlyForThePlanItWasMadeFor() throws {
        let uncached = try Checker.status(request(cache: false)).report.encoded
        _ = try Checker.check(request())
        XCTAssertEqual(try Checker.status(request()).report.encoded, uncached, "made, after a check")
        XCTAssertEqual(WholePlanReports(folder: folder).entriesCount, 1)
        XCTAssertEqual(try Checker.status(request()).report.encoded, uncached, "taken again")
        // The report kept is what is printed: one changed by hand shows (and so was used).
        let key = try XCTUnwrap(Checker.load(request(), sharing: nil, checking: true).wholePlan?.key)
        var changed = try XCTUnwrap(StatusReport(encoded: try XCTUnwrap(WholePlanReports(folder: folder).report("status", for: key))))
        changed.organization = "Kept by hand"
        WholePlanReports(folder: folder).store("status", changed.encoded, for: key)
        XCTAssertEqual(try Checker.status(request()).report.organization, "Kept by hand")
        // Another plan (a document edited) does not take it.
        let policy = "policies/change-management-policy.md"
        try repository.write(policy, try repository.read(policy).replacingOccurrences(of: "\n## ", with: "\n## Renamed "))
        XCTAssertEqual(try Checker.status(request()).report.encoded, try Checker.status(request(cache: false)).report.encoded)
    }
}
