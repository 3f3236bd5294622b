import TestSupport
import XCTest
@testable import SMSPlanKit

/// The phase baselines a dashboard lists: annotated `<prefix>phase-N` tags in the history of
/// the state read.
final class BaselineTagTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func baselines(_ target: CheckRequest.Target = .workingTree, prefix: String = "baseline/") throws -> [BaselineTag] {
        try Checker.baselines(CheckRequest(directory: repository.directory, target: target), tagPrefix: prefix)
    }

    func testAnnotatedPhaseTagsInTheHistoryOfTheStateRead() throws {
        repository = try TestRepository.withPlanTemplate()
        let first = try repository.git("rev-parse", "HEAD")
        XCTAssertEqual(try baselines(), [])
        try repository.git("tag", "-a", "baseline/phase-1", "-m", "Phase 1 baseline")
        try repository.git("tag", "baseline/phase-2")                        // lightweight: not a baseline
        try repository.git("tag", "-a", "baseline/phase-one", "-m", "not a phase number")
        try repository.git("tag", "-a", "release/phase-1", "-m", "another prefix")
        try repository.write("policies/note.md", "# a note, not yet a document\n")
        let second = try repository.commitAll("Second commit")
        try repository.git("tag", "-a", "baseline/phase-3", "-m", "Phase 3 baseline")

        let all = try baselines()
        XCTAssertEqual(all.map(\.name), ["baseline/phase-1", "baseline/phase-3"])
        XCTAssertEqual(all.map(\.phase), [1, 3])
        XCTAssertEqual(all.map(\.commit), [first, second])
        // The tagger date is the committer date git was given (the next commit's, in TestRepository).
        let tagged = Date(timeIntervalSince1970: TestRepository.authorTime(ofCommit: 2) + TestRepository.commitDelay)
        XCTAssertEqual(all.first?.date, PlanDate(tagged))

        XCTAssertEqual(try baselines(.revision("baseline/phase-1")).map(\.name), ["baseline/phase-1"],
                       "a baseline taken later is not in the history of the first commit")
        XCTAssertEqual(try baselines(.staged).map(\.name), ["baseline/phase-1", "baseline/phase-3"])
        XCTAssertEqual(try baselines(prefix: "release/").map(\.name), ["release/phase-1"])
    }

    func testNoCommitsMeansNoBaselinesAndABadRevisionCannotRun() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        XCTAssertEqual(try baselines(), [])
        XCTAssertThrowsError(try baselines(.revision("baseline/phase-9"))) { error in
            guard case .badRevision(let revision, _)? = error as? SMSPlanError else { return XCTFail("\(error)") }
            XCTAssertEqual(revision, "baseline/phase-9")
        }
    }
}
