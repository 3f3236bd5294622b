import Foundation
import TestSupport
import XCTest

/// `check --range --format sarif` places every alert on the head tree, where code
/// scanning looks for it.
final class SARIFRangeCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    func testAFindingOfAnEarlierCommitIsReportedWhereTheHeadTreeHasTheDocument() throws {
        repository = try TestRepository.withPlanTemplate()
        let path = "policies/service-management-policy.md"
        try repository.write(path, try repository.read(path) + "\nA sentence added without a new version.\n")
        _ = try repository.commitAll("Edit the policy in place")
        try repository.git("mv", path, "policies/policy.md")
        _ = try repository.commitAll("Move the policy")

        let result = try SMSPlanBinary.run(["check", "--range", "HEAD~2..HEAD", "--format", "sarif"], in: repository.directory)
        XCTAssertEqual(result.status, 1, result.errors)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let changed = try XCTUnwrap(results.first { $0["ruleId"] as? String == "approved-content-changed" }, "\(results)")
        let location = (changed["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        XCTAssertEqual((location?["artifactLocation"] as? [String: Any])?["uri"] as? String, "policies/policy.md")
        let uris = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] }
            .compactMap { $0["uri"] as? String }
        XCTAssertFalse(uris.contains(path), "\(uris)")
    }
}
