import Foundation
import TestSupport
import XCTest

/// `smsplan rules` and `--help`, as printed.
final class RulesCommandTests: XCTestCase {

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: FileManager.default.temporaryDirectory)
    }

    func testRulesListsEveryRuleWithItsSeverity() throws {
        let result = try smsplan("rules")
        XCTAssertEqual(result.status, 0)
        for id in DesignRules.ids {
            XCTAssertTrue(result.output.contains("  \(id) "), "\(id) missing from:\n\(result.output)")
        }
        let fieldUnknown = result.output.split(separator: "\n").first { $0.hasPrefix("  field-unknown ") }
        XCTAssertEqual(fieldUnknown?.split(separator: " ", maxSplits: 2).dropFirst().first, "warning")
    }

    func testOneRuleIsExplainedWithBothExamples() throws {
        let result = try smsplan("rules", "field-invalid")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.output.hasPrefix("field-invalid (structure, default severity: error)\n"), result.output)
        XCTAssertTrue(result.output.contains("Why: "))
        XCTAssertTrue(result.output.contains("Passes:\n  policies/example.md:\n    ---\n"))
        XCTAssertTrue(result.output.contains("    version: 1.10"))
        let unknown = try smsplan("rules", "no-such-rule")
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.errors.contains("unknown rule 'no-such-rule'"), unknown.errors)
    }

    func testRulesDocIsCurrent() throws {
        let doc = try String(contentsOf: ProjectFiles.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for id in DesignRules.ids {
            let explained = try smsplan("rules", id).output
            XCTAssertTrue(doc.contains("## \(id)\n\n```\n\(explained)```\n"), "docs/rules.md is stale for \(id); run make rules-doc")
        }
    }

    func testHelpTeachesTheCommands() throws {
        let help = try smsplan("--help")
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("check"))
        XCTAssertTrue(help.output.contains("Exit codes"))
        let checkHelp = try smsplan("check", "--help")
        XCTAssertTrue(checkHelp.output.contains("--format <format>"))
        XCTAssertTrue(checkHelp.output.contains("text, json"))
        XCTAssertTrue(checkHelp.output.contains("-C <dir>"))
    }
}
