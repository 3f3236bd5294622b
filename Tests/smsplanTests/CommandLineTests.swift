import Foundation
import TestSupport
import XCTest

/// The command line as a git user expects it: `-C` on either side of the subcommand, "did
/// you mean" for a misspelt subcommand, exit 2 for a folder that is not there.
final class CommandLineTests: XCTestCase {
    func testDashCWorksBeforeTheSubcommandAsInGit() throws {
        let repository = try TestRepository()
        try repository.copyTree(from: ProjectFiles.planTemplate, to: "plan")
        try repository.commitAll("Plan in a subfolder")
        let after = try SMSPlanBinary.run(["check", "-C", "plan"], in: repository.directory)
        let before = try SMSPlanBinary.run(["-C", "plan", "check"], in: repository.directory)
        XCTAssertEqual(before.status, 0, before.errors)
        XCTAssertEqual(before.output, after.output)
        XCTAssertTrue(before.output.hasSuffix("no findings\n"), before.output)
        // Each -C is taken from the one before, as git does; a -C after the subcommand from there too.
        let chained = try SMSPlanBinary.run(["-C", "plan", "-C", "policies", "status", "--format", "json"], in: repository.directory)
        XCTAssertEqual(chained.status, 0, chained.errors)
        XCTAssertTrue(chained.output.contains("\"organization\" : \"Northwind Service Desk Ltd\""), chained.output)
        XCTAssertEqual(try SMSPlanBinary.run(["-Cplan", "check", "-C", "records"], in: repository.directory).status, 0)
        let relative = try SMSPlanBinary.run(["-C", "plan", "new", "policy", "Access policy", "--owner", "service-manager"], in: repository.directory)
        XCTAssertEqual(relative.output, "policies/access-policy.md\n", relative.errors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.url("plan/policies/access-policy.md").path))
    }

    func testAMissingFolderCouldNotBeRunIn() throws {
        let repository = try TestRepository.withPlanTemplate()
        for arguments in [["check", "-C", "no/such/folder"], ["-C", "no/such/folder", "check"], ["status", "-C", "no/such/folder"]] {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.errors, "smsplan: error: cannot change to 'no/such/folder': no such folder\n")
        }
        let bare = try SMSPlanBinary.run(["-C"], in: repository.directory)
        XCTAssertEqual(bare.status, 64)
        XCTAssertEqual(bare.errors, "smsplan: error: option '-C' needs a folder: smsplan -C DIR COMMAND\n")
    }

    func testAMisspeltSubcommandGetsDidYouMean() throws {
        let repository = try TestRepository.withPlanTemplate()
        let cases = [
            (["chek"], "smsplan: error: unknown command 'chek' for 'smsplan'; did you mean 'check'?\n"),
            (["baseline", "creat", "1"], "smsplan: error: unknown command 'creat' for 'smsplan baseline'; did you mean 'create'?\n"),
            (["-C", ".", "stauts"], "smsplan: error: unknown command 'stauts' for 'smsplan'; did you mean 'status'?\n"),
            (["hooks", "instal"], "smsplan: error: unknown command 'instal' for 'smsplan hooks'; did you mean 'install'?\n"),
        ]
        for (arguments, message) in cases {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
            XCTAssertEqual(result.errors, message)
        }
        let unlike = try SMSPlanBinary.run(["frobnicate"], in: repository.directory)
        XCTAssertEqual(unlike.status, 64)
        XCTAssertFalse(unlike.errors.contains("did you mean"), unlike.errors)
        // Arguments of a subcommand are never taken for subcommands.
        XCTAssertEqual(try SMSPlanBinary.run(["rules", "chek"], in: repository.directory).errors.contains("did you mean"), false)
    }
}
