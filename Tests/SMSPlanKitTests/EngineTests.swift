import XCTest
@testable import SMSPlanKit

/// The engine on small in-memory plans: one finding per fault, at the right place.
final class EngineTests: XCTestCase {
    private let policy = RuleExample.approvedPolicy

    private func findings(adding text: String, at path: String = "policies/broken.md") throws -> [String] {
        PlanFixtures.summary(try PlanFixtures.check([("policies/good.md", policy), (path, text)]))
    }

    private func variant(_ id: String, _ original: String, _ replacement: String) -> String {
        policy.replacingOccurrences(of: "POL-001", with: id).replacingOccurrences(of: original, with: replacement)
    }

    func testEachFaultGivesOneFindingAtItsKeyOrValue() throws {
        XCTAssertEqual(try findings(adding: "# Notes\n"), ["front-matter-missing policies/broken.md:1:1"])
        XCTAssertEqual(try findings(adding: variant("POL-002", "title: Service", "title: [Service")),
                       ["front-matter-invalid policies/broken.md:3:8"])
        XCTAssertEqual(try findings(adding: variant("POL-002", "approved-by: top-management\n", "")),
                       ["approval-incomplete policies/broken.md:6:9"])
        XCTAssertEqual(try findings(adding: policy, at: "policies/zz-copy.md"), ["id-duplicate policies/zz-copy.md:2:5"])
        XCTAssertEqual(try findings(adding: variant("POL-002", "\"4.1.2\"", "\"4.9.9\"")),
                       ["requirement-unknown policies/broken.md:10:13"])
        XCTAssertEqual(try findings(adding: variant("POL-002", "owner: service-manager", "owner: nobody")),
                       ["owner-unknown policies/broken.md:7:8"])
        XCTAssertEqual(try findings(adding: variant("POL-002", "\nversion: \"1.0\"", "\nversion: 1.10")),
                       ["field-invalid policies/broken.md:5:10"])
    }

    func testFindingsComeSortedAndCarryTheDocumentID() throws {
        let result = try PlanFixtures.check([
            ("policies/b.md", variant("POL-003", "owner: service-manager", "owner: nobody")),
            ("policies/a.md", variant("POL-002", "\nversion: \"1.0\"", "\nversion: \"2.0\"")),
        ])
        XCTAssertEqual(PlanFixtures.summary(result), ["history-missing policies/a.md:5:10", "owner-unknown policies/b.md:7:8"])
        XCTAssertEqual(result.diagnostics.map(\.document), ["POL-002", "POL-003"])
        XCTAssertEqual(result.documentCount, 2)
    }

    func testReviewIsJudgedByTheRevisionDate() throws {
        let source = InMemorySource(files: ["smsplan.yaml": PlanFixtures.config, "roles.yaml": PlanFixtures.roles,
                                            "policies/p.md": policy])
        let before = try Engine.check(source: source, planRoot: "", revisionDate: PlanDate("2027-02-28")!)
        XCTAssertEqual(before.diagnostics.count, 0)
        let after = try Engine.check(source: source, planRoot: "", revisionDate: PlanDate("2027-03-02")!)
        XCTAssertEqual(after.diagnostics.map(\.rule), [ReviewOverdueRule.id])
        XCTAssertEqual(after.diagnostics.first?.message,
                       "review was due on 2027-03-01 (approved-on plus the review interval of 12 months); the revision checked is dated 2027-03-02")
    }

    func testPlanInASubfolderReportsRepositoryRelativePaths() throws {
        let result = try PlanFixtures.check([("policies/p.md", variant("POL-001", "owner: service-manager", "owner: nobody"))],
                                            planRoot: "sms")
        XCTAssertEqual(PlanFixtures.summary(result), ["owner-unknown sms/policies/p.md:7:8"])
    }

    func testMissingRolesAndUnknownStandardAreConfigFindings() throws {
        let source = InMemorySource(files: ["smsplan.yaml": "smsplan: 1\nstandard: iso9999\n", "policies/p.md": policy])
        let result = try Engine.check(source: source, planRoot: "", revisionDate: PlanFixtures.reviewDate)
        XCTAssertEqual(PlanFixtures.summary(result), ["config-invalid smsplan.yaml:1:1", "config-invalid smsplan.yaml:2:11"])
    }

    func testNoConfigurationMeansNoPlan() {
        XCTAssertThrowsError(try Engine.check(source: InMemorySource(files: [:]), planRoot: "", revisionDate: PlanFixtures.reviewDate)) {
            guard case SMSPlanError.noPlan = $0 else { return XCTFail("\($0)") }
        }
    }
}
