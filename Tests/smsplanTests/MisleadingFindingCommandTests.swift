import Foundation
import TestSupport
import XCTest

/// Configuration and revisions that once gave a misleading message, or none, now get a
/// finding that names the problem.
final class MisleadingFindingCommandTests: XCTestCase {
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

    private func config(replacing old: String, with new: String) throws {
        let text = try repository.read("smsplan.yaml")
        XCTAssertTrue(text.contains(old))
        try repository.write("smsplan.yaml", text.replacingOccurrences(of: old, with: new))
    }

    func testARootOutsideThePlanIsAConfigFinding() throws {
        try config(replacing: "roots: [plan,", with: "roots: [../x, plan,")
        let result = try smsplan("check")
        XCTAssertEqual(result.status, 1, result.errors)
        XCTAssertTrue(result.output.contains("error: documents root \"../x\" must be a folder inside the plan repository [config-invalid]"), result.output)
        XCTAssertEqual(result.errors, "")
    }

    func testATagPrefixGitWouldRefuseIsAConfigFinding() throws {
        try config(replacing: "tag-prefix: baseline/", with: "tag-prefix: \"/\"")
        let result = try smsplan("check")
        XCTAssertTrue(result.output.contains("baseline.tag-prefix \"/\" cannot start with \"/\"; the default \"baseline/\" is used [config-invalid]"), result.output)
    }

    func testAScopeNamingAMissingFileIsAConfigFinding() throws {
        try config(replacing: "scope: plan/scope.md", with: "scope: plan/no-such-scope.md")
        let result = try smsplan("check")
        XCTAssertTrue(result.output.contains("scope file \"plan/no-such-scope.md\" is not in the plan repository, so scope-changed cannot watch it [config-invalid]"), result.output)
    }

    func testARevisionThatIsNotACommitSaysSo() throws {
        let tree = try smsplan("check", "--rev", "HEAD^{tree}")
        XCTAssertEqual(tree.status, 2)
        XCTAssertEqual(tree.errors, "smsplan: error: unknown revision \"HEAD^{tree}\": that names a tree, not a commit; give a commit, such as HEAD or main\n")
        let file = try smsplan("check", "--rev", "HEAD:smsplan.yaml")
        XCTAssertTrue(file.errors.contains("that names a file in a commit, not a commit"), file.errors)
    }
}

extension MisleadingFindingCommandTests {
    func testSelfReferencesAndSupersedeCirclesAreFound() throws {
        let policy = try repository.read("policies/supplier-policy.md")
        let id = try XCTUnwrap(policy.split(separator: "\n").first { $0.hasPrefix("id: ") }).dropFirst(4)
        try repository.write("policies/supplier-policy.md", policy.replacingOccurrences(of: "\nsatisfies:", with: "\nsupersedes: [\(id)]\nsatisfies:"))
        let result = try smsplan("check")
        XCTAssertTrue(result.output.contains("error: \(id) supersedes itself [reference-cycle]"), result.output)
    }

    func testTwoSpellingsOfOneNumberAreOneId() throws {
        let policy = try repository.read("policies/supplier-policy.md")
        let line = try XCTUnwrap(policy.split(separator: "\n").first { $0.hasPrefix("id: POL-") })
        let number = try XCTUnwrap(Int(line.dropFirst("id: POL-".count)))
        try repository.write("policies/copy.md", policy.replacingOccurrences(of: String(line), with: "id: POL-\(number)"))
        let result = try smsplan("check")
        XCTAssertTrue(result.output.contains("id \"POL-\(number)\" is the same number as \(line.dropFirst(4))") || result.output.contains("id \"\(line.dropFirst(4))\" is the same number as POL-\(number)"), result.output)
    }
}
