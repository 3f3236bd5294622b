import Foundation
import TestSupport
import XCTest

/// `smsplan init` and `smsplan new`, as a new user runs them.
final class AuthoringCommandTests: XCTestCase {
    private var sandbox: URL!

    override func setUpWithError() throws {
        sandbox = try CommandSandbox.make("init")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: sandbox)
    }

    private let identity = CommandSandbox.identity

    private func run(_ arguments: [String], in folder: URL? = nil, binary: URL? = nil) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: folder ?? sandbox, environment: identity, binary: binary)
    }

    /// Every file below `folder` with its bytes.
    private func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true { result[url.path] = try Data(contentsOf: url) }
        }
        return result
    }

    func testInitExampleCopiesTheExemplarAndNeverOverwrites() throws {
        let created = try run(["init", "x", "--example", "--organization", "Acme"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.hasPrefix("created the exemplar plan (iso20000-1:2011) in x: "), created.output)
        let plan = sandbox.appendingPathComponent("x")
        XCTAssertTrue(try String(contentsOf: plan.appendingPathComponent("smsplan.yaml"), encoding: .utf8).contains("organization: \"Acme\"\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: plan.appendingPathComponent(".git").path))
        let check = try run(["check", "-C", "x"])
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertTrue(check.output.hasSuffix("no findings\n"), check.output)
        let status = try run(["status", "-C", "x", "--format", "json"])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        XCTAssertEqual((json["phases"] as? [[String: Any]])?.first?["state"] as? String, "complete")

        let before = try files(in: plan)
        let again = try run(["init", "x", "--example"])
        XCTAssertEqual(again.status, 2)
        let firstFile = try XCTUnwrap(before.keys.filter { !$0.contains("/.git/") }.sorted().first)
        XCTAssertEqual(again.errors, "smsplan: error: \(firstFile) already exists; nothing was written (smsplan never overwrites a file)\n")
        XCTAssertEqual(try files(in: plan), before)
    }

    func testInitCanMakeTheFirstCommit() throws {
        let created = try run(["init", "--example", "--commit"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.contains(", first commit "), created.output)
        let repository = TestRepository(wrapping: sandbox)
        XCTAssertEqual(try repository.git(["log", "--format=%an <%ae>|%s"]), "Ada Lovelace <ada@example.com>|Start the SMS plan from the smsplan template")
        XCTAssertEqual(try repository.git(["status", "--porcelain"]), "")
        XCTAssertEqual(try run(["check", "--rev", "HEAD"]).status, 0)
    }

    func testInitWorksFromAnInstalledBinary() throws {
        let prefix = sandbox.appendingPathComponent("prefix")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/smsplan"), withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/smsplan")
        try FileManager.default.copyItem(at: SMSPlanBinary.url, to: binary)
        try FileManager.default.copyItem(at: ProjectFiles.planTemplate, to: prefix.appendingPathComponent("share/smsplan/plan-template"))
        try FileManager.default.copyItem(at: ProjectFiles.starter, to: prefix.appendingPathComponent("share/smsplan/starter"))
        let example = try run(["init", "plan", "--example"], binary: binary)
        XCTAssertEqual(example.status, 0, example.errors)
        XCTAssertEqual(try run(["check", "-C", "plan"], binary: binary).status, 0)
        let starting = try run(["init", "acme", "--organization", "Acme Hosting"], binary: binary)
        XCTAssertEqual(starting.status, 0, starting.errors)
        XCTAssertTrue(try String(contentsOf: sandbox.appendingPathComponent("acme/README.md"), encoding: .utf8).contains("Acme Hosting"))
    }

    func testNewMakesADraftWithTheNextFreeID() throws {
        XCTAssertEqual(try run(["init", "--example", "--commit"]).status, 0)
        let policies = try files(in: sandbox.appendingPathComponent("policies")).keys
        let highest = policies.compactMap { path -> Int? in
            let text = try? String(contentsOfFile: path, encoding: .utf8)
            return text?.split(separator: "\n").first { $0.hasPrefix("id: POL-") }.flatMap { Int($0.dropFirst("id: POL-".count)) }
        }.max() ?? 0
        let expected = "POL-" + String(format: "%03d", highest + 1)

        let created = try run(["new", "policy", "Access policy", "--owner", "service-manager"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertEqual(created.output, "policies/access-policy.md\n")
        let text = try String(contentsOf: sandbox.appendingPathComponent("policies/access-policy.md"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("---\nid: \(expected)\ntitle: \"Access policy\"\ntype: policy\nversion: \"0.1\"\nstatus: draft\nowner: service-manager\n"), text)
        XCTAssertTrue(text.contains("\n# Access policy\n"))
        let check = try run(["check"])
        XCTAssertEqual(check.status, 0, check.output)

        let second = try run(["new", "policy", "Access policy"])
        XCTAssertEqual(second.output, "policies/access-policy-pol-\(String(format: "%03d", highest + 2)).md\n")
    }

    func testNewRefusesWhatWouldNotPass() throws {
        XCTAssertEqual(try run(["init", "--example"]).status, 0)
        let owner = try run(["new", "policy", "X", "--owner", "nobody"])
        XCTAssertEqual(owner.status, 2)
        XCTAssertTrue(owner.errors.hasPrefix("smsplan: error: owner \"nobody\" is not a role in roles.yaml"), owner.errors)
        XCTAssertEqual(try run(["new", "record", "Review"]).status, 2)
        XCTAssertEqual(try run(["new", "poster", "X"]).status, 64)
        XCTAssertEqual(try run(["new", "policy", ""]).status, 64)
    }
}
