import Foundation
import TestSupport
import XCTest

/// The commands that write never write through a symbolic link out of the repository, and
/// leave everything as it was when they fail half-way.
final class WriteSafetyCommandTests: XCTestCase {
    private var repository: TestRepository!
    private var outside: URL!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        outside = repository.sandbox.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    }

    override func tearDown() {
        repository.remove()
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    private func smsplan(_ arguments: String..., in folder: URL? = nil) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: folder ?? repository.directory, environment: identity)
    }

    /// Replaces a folder of the repository by a symbolic link to the (empty) outside folder.
    private func linkOutside(_ folder: String, in base: URL? = nil) throws {
        let url = (base ?? repository.directory).appendingPathComponent(folder)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: outside.path)
    }

    private var outsideFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: outside.path)) ?? []
    }

    /// Every file of the sandbox with its bytes, the git folder included, smsplan's cache left out.
    private func everything() throws -> [String: Data] {
        try repository.snapshot()
    }

    // MARK: - Links out of the repository

    func testNewRefusesAFolderThatLeadsOutOfTheRepository() throws {
        try linkOutside("policies")
        let before = try everything()
        let result = try smsplan("new", "policy", "Access policy", "--owner", "service-manager")
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertEqual(result.errors, "smsplan: error: \(repository.url("policies").path) is a symbolic link to \(outside.path), which leads outside \(repository.directory.path); smsplan never writes through such a link: nothing was written\n")
        XCTAssertEqual(outsideFiles, [])
        XCTAssertEqual(try everything(), before)
    }

    func testCodeOwnersRefusesALinkedFolder() throws {
        try linkOutside(".github")
        let before = try everything()
        let result = try smsplan("codeowners", "--write")
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.errors.contains(".github is a symbolic link, which smsplan never follows"), result.errors)
        XCTAssertEqual(outsideFiles, [])
        XCTAssertEqual(try everything(), before)
    }

    func testInitRefusesALinkedFolderBeforeWritingAnything() throws {
        let target = repository.sandbox.appendingPathComponent("new-plan")
        try linkOutside("policies", in: target)
        let result = try smsplan("init", target.path, "--example", "--commit", in: repository.sandbox)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: \(target.appendingPathComponent("policies").path) is a symbolic link to \(outside.path), which leads outside \(target.path)"), result.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["policies"], "no .git, no file")
        XCTAssertEqual(outsideFiles, [])
    }

    func testHooksInstallRefusesAHooksFolderThatLeadsOutOfTheRepository() throws {
        try linkOutside(".git/hooks")
        let result = try smsplan("hooks", "install")
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.errors.contains(".git/hooks is a symbolic link to \(outside.path), which leads outside"), result.errors)
        XCTAssertEqual(outsideFiles, [])
    }

    func testAHookLinkedToTheSameScriptIsLeftAlone() throws {
        XCTAssertEqual(try smsplan("hooks", "install").status, 0)
        let hook = repository.url(".git/hooks/pre-commit")
        try FileManager.default.createDirectory(at: repository.url("tools"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: hook, to: repository.url("tools/pre-commit"))
        try FileManager.default.createSymbolicLink(atPath: hook.path, withDestinationPath: "../../tools/pre-commit")
        let again = try smsplan("hooks", "install")
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: hook.path), "../../tools/pre-commit")
    }

    func testALinkInsideTheRepositoryIsFollowedForWriting() throws {
        // policies -> handbook/policies: the link stays in the working tree, so writing through it is fine.
        try FileManager.default.createDirectory(at: repository.url("handbook"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: repository.url("policies"), to: repository.url("handbook/policies"))
        try FileManager.default.createSymbolicLink(atPath: repository.url("policies").path, withDestinationPath: "handbook/policies")
        try repository.write("smsplan.yaml", try repository.read("smsplan.yaml").replacingOccurrences(of: "[plan, policies,", with: "[plan, handbook/policies,"))
        let result = try smsplan("new", "policy", "Access policy", "--owner", "service-manager")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.url("handbook/policies/access-policy.md").path))
    }

    // MARK: - Nothing changed on error

    func testInitThatFailsHalfWayRemovesWhatItMade() throws {
        let target = repository.sandbox.appendingPathComponent("half-plan")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        // A file where the template has a folder: plan/ and policies/ are written, procedures/ fails.
        try Data("not a folder\n".utf8).write(to: target.appendingPathComponent("procedures"))
        let result = try smsplan("init", target.path, "--example", "--commit", in: repository.sandbox)
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: cannot write \(target.path)/procedures/"), result.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path), ["procedures"])
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("procedures"), encoding: .utf8), "not a folder\n")
    }

    func testHooksInstallThatFailsOnTheSecondHookPutsTheFirstBack() throws {
        let hooks = repository.url(".git/hooks")
        try FileManager.default.createDirectory(at: hooks.appendingPathComponent("pre-push/in-the-way"), withIntermediateDirectories: true)
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho my own hook\n", executable: true)
        let before = try everything()
        let plain = try smsplan("hooks", "install")
        XCTAssertEqual(plain.status, 2)
        XCTAssertEqual(try everything(), before, "refused before writing: the pre-commit hook is someone else's")

        let forced = try smsplan("hooks", "install", "--force")
        XCTAssertEqual(forced.status, 2, forced.output)
        XCTAssertTrue(forced.errors.contains("pre-push already exists; nothing was written"), forced.errors)
        XCTAssertEqual(try everything(), before, "the backup is moved back and the new pre-commit removed")
        let mode = try FileManager.default.attributesOfItem(atPath: hooks.appendingPathComponent("pre-commit").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o755)
    }

    /// A new draft policy from `smsplan new`: its path and id.
    private func newPolicy(_ title: String) throws -> (url: URL, id: String) {
        let created = try smsplan("new", "policy", title, "--owner", "service-manager")
        XCTAssertEqual(created.status, 0, created.errors)
        let path = try XCTUnwrap(created.output.split(separator: "\n").first.map(String.init))
        let id = try XCTUnwrap(try repository.read(path).split(separator: "\n").first { $0.hasPrefix("id: ") }?.dropFirst(4))
        return (repository.url(path), String(id))
    }

    func testRetireThatFailsOnTheSuccessorPutsTheRetiredDocumentBack() throws {
        let successor = try newPolicy("Successor policy")
        guard Unreplaceable.set(successor.url) else { throw XCTSkip("cannot make a file unreplaceable here") }
        defer { Unreplaceable.clear(successor.url) }
        let before = try everything()
        // The release policy (POL-013) is written first, then the successor fails.
        let result = try smsplan("retire", "POL-013", "--superseded-by", successor.id)
        XCTAssertEqual(result.status, 2, result.output + result.errors)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: cannot write \(successor.url.path): "), result.errors)
        XCTAssertEqual(try everything(), before, "both documents as they were, no temporary file")
    }

    func testApproveThatCannotReplaceTheDocumentChangesNothing() throws {
        let draft = try newPolicy("Access policy")
        guard Unreplaceable.set(draft.url) else { throw XCTSkip("cannot make a file unreplaceable here") }
        defer { Unreplaceable.clear(draft.url) }
        let before = try everything()
        let result = try smsplan("approve", draft.id, "--by", "top-management")
        XCTAssertEqual(result.status, 2, result.output + result.errors)
        XCTAssertTrue(result.errors.hasPrefix("smsplan: error: cannot write \(draft.url.path): "), result.errors)
        XCTAssertEqual(try everything(), before)
    }

    func testNewAndCodeOwnersThatCannotMakeTheirFolderChangeNothing() throws {
        for folder in ["policies", ".github"] {
            try FileManager.default.removeItem(at: repository.url(folder))
            try repository.write(folder, "a file where the folder was\n")
        }
        let before = try everything()
        let new = try smsplan("new", "policy", "Access policy", "--owner", "service-manager")
        XCTAssertEqual(new.status, 2, new.output)
        XCTAssertTrue(new.errors.hasPrefix("smsplan: error: cannot write \(repository.url("policies").path)/access-policy.md: "), new.errors)
        let owners = try smsplan("codeowners", "--write")
        XCTAssertEqual(owners.status, 2, owners.output)
        XCTAssertTrue(owners.errors.hasPrefix("smsplan: error: cannot write \(repository.url(".github/CODEOWNERS").path): "), owners.errors)
        XCTAssertEqual(try everything(), before)
    }
}
