import Foundation
@testable import SMSPlanKit
import XCTest

/// A document listed twice (under two roots, one holding the other, or twice in one listing,
/// as the index lists a conflicted file once per side) is read once.
final class ListedOnceTests: XCTestCase {
    /// A source that lists what `base` lists with some entries given again, out of order.
    private struct Repeating: PlanSource {
        let base: InMemorySource
        let again: Set<String>

        func files(under folder: String) throws(SMSPlanError) -> [SourceEntry] {
            let entries = base.files(under: folder)
            return entries + entries.filter { again.contains($0.path) }
        }

        func read(_ path: String) throws(SMSPlanError) -> Data? { base.read(path) }
    }

    private func contents(roots: String) -> [String: String] {
        [
            "smsplan.yaml": PlanFixtures.config + "roots: \(roots)\n", "roles.yaml": PlanFixtures.roles,
            "policies/a.md": RuleExample.approvedPolicy, "policies/b.md": RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002"),
        ]
    }

    func testRootsThatHoldOneAnotherListADocumentOnce() throws {
        for roots in ["[policies, ./policies]", "[policies, policies/]", "[\".\", policies]", "[policies, policies]"] {
            let plan = try Engine.load(source: InMemorySource(files: contents(roots: roots)), planRoot: "", revisionDate: PlanFixtures.reviewDate)
            XCTAssertEqual(plan.corpus.documents.map(\.path), ["policies/a.md", "policies/b.md"], roots)
            XCTAssertEqual(plan.fileCount, 2, roots)
        }
    }

    func testAPathListedTwiceInOneListingIsReadOnce() throws {
        let source = Repeating(base: InMemorySource(files: contents(roots: "[policies]")), again: ["policies/a.md"])
        let plan = try Engine.load(source: source, planRoot: "", revisionDate: PlanFixtures.reviewDate)
        XCTAssertEqual(plan.corpus.documents.map(\.path), ["policies/a.md", "policies/b.md"])
        XCTAssertEqual(plan.fileCount, 2)
    }

    func testDisjointRoots() {
        XCTAssertTrue(PlanLoader.areDisjoint(["policies", "procedures", "plan"]))
        XCTAssertTrue(PlanLoader.areDisjoint(["docs/policies", "docs/policy"]))
        XCTAssertFalse(PlanLoader.areDisjoint(["policies", "./policies"]))
        XCTAssertFalse(PlanLoader.areDisjoint(["docs", "docs/policies"]))
        XCTAssertFalse(PlanLoader.areDisjoint(["", "policies"]))
        XCTAssertFalse(PlanLoader.areDisjoint(["policies", "x/../policies"]))
        XCTAssertFalse(PlanLoader.areDisjoint(["policies/", "policies"]))
    }
}
