import Foundation
import TestSupport
import XCTest

/// A check takes unchanged working-tree files from the index and the decode cache without
/// reading them; whatever changes a file is still seen.
final class IndexTrustCommandTests: XCTestCase {
    private var repository: TestRepository!
    private let policyPath = "policies/policy.md"

    override func setUpWithError() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
    }

    override func tearDown() {
        repository.remove()
    }

    private func check() throws -> CommandResult {
        try SMSPlanBinary.run(["check"], in: repository.directory)
    }

    /// The index written well after the files, so that no entry is racy and the index's
    /// stat data are trusted.
    private func ageFiles() throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)],
                                              ofItemAtPath: repository.url(".git/index").path)
    }

    private var uncached: CommandResult {
        get throws {
            try? FileManager.default.removeItem(at: repository.url(".git/smsplan"))
            return try check()
        }
    }

    func testACheckoutThatChangesFilesWithoutChangingTheirSizeIsSeen() throws {
        try repository.write(policyPath, HostileCorpus.policy(id: "POL-001", owner: "service-manager"))
        let clean = try repository.commitAll("Policy")
        // The same number of bytes, an owner roles.yaml lacks.
        try repository.write(policyPath, HostileCorpus.policy(id: "POL-001", owner: "service-managex"))
        let broken = try repository.commitAll("Owner misspelt")
        XCTAssertEqual(try check().status, 1)
        for (commit, status) in [(clean, Int32(0)), (broken, 1), (clean, 0)] {
            try repository.git("checkout", "-q", "--detach", commit)
            try ageFiles()
            let warm = try check()
            XCTAssertEqual(warm.status, status, warm.output)
            XCTAssertEqual(warm.output, try uncached.output)
            XCTAssertEqual(try check().output, warm.output)
        }
    }

    func testAnEditThatKeepsSizeAndModificationTimeIsSeen() throws {
        try repository.write(policyPath, HostileCorpus.policy(id: "POL-001", owner: "service-manager"))
        try repository.commitAll("Policy")
        try ageFiles()
        XCTAssertEqual(try check().output, "1 document checked, no findings\n")
        let modified = try FileManager.default.attributesOfItem(atPath: repository.url(policyPath).path)[.modificationDate]
        try repository.write(policyPath, HostileCorpus.policy(id: "POL-001", owner: "service-managex"))
        try FileManager.default.setAttributes([.modificationDate: try XCTUnwrap(modified)], ofItemAtPath: repository.url(policyPath).path)
        let edited = try check()
        XCTAssertEqual(edited.status, 1, edited.output)
        XCTAssertEqual(edited.output, try uncached.output)
    }
}
