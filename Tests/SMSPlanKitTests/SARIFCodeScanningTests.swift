import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// SARIF against what GitHub code scanning asks of an upload beyond the 2.1.0 schema: rule
/// help and links, precision and problem.severity, fingerprints, regions with an end, and
/// messages without raw control characters.
final class SARIFCodeScanningTests: XCTestCase {
    private func log(_ result: CheckResult, rulesURI: String? = ReporterTests.rulesURI) throws -> (rules: [[String: Any]], results: [[String: Any]]) {
        let data = Data(SARIFReporter(toolVersion: ReporterTests.toolVersion, rulesURI: rulesURI).render(result).utf8)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        return (try XCTUnwrap(driver["rules"] as? [[String: Any]]), try XCTUnwrap(run["results"] as? [[String: Any]]))
    }

    func testEveryRuleHasHelpALinkPrecisionAndProblemSeverity() throws {
        let (rules, _) = try log(try ReporterTests.sampleResult())
        XCTAssertEqual(rules.count, RuleRegistry.all.count)
        for (rule, descriptor) in zip(rules, RuleRegistry.all.map(\.descriptor)) {
            let help = try XCTUnwrap(rule["help"] as? [String: Any], descriptor.id.rawValue)
            XCTAssertEqual(help["text"] as? String, descriptor.explanation)
            let markdown = try XCTUnwrap(help["markdown"] as? String)
            XCTAssertTrue(markdown.hasPrefix("## \(descriptor.id)\n\n\(descriptor.summary)\n"), markdown)
            XCTAssertTrue(markdown.contains("### Fails"), markdown)
            XCTAssertEqual(rule["helpUri"] as? String, "\(ReporterTests.rulesURI)#\(descriptor.id)")
            let properties = try XCTUnwrap(rule["properties"] as? [String: Any])
            XCTAssertEqual(properties["precision"] as? String, "very-high")
            XCTAssertEqual(properties["problem.severity"] as? String, descriptor.defaultSeverity.rawValue)
        }
        XCTAssertNil(try log(try ReporterTests.sampleResult(), rulesURI: nil).rules.first?["helpUri"], "no link without an address")
    }

    func testResultsHaveFingerprintsThatSurviveMovedLinesAndRegionsWithAnEnd() throws {
        let sample = try ReporterTests.sampleResult()
        let (_, results) = try log(sample)
        let fingerprints = results.map { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        XCTAssertFalse(fingerprints.contains(nil), "\(results)")
        XCTAssertEqual(Set(fingerprints).count, results.count, "each finding its own fingerprint")
        for (entry, diagnostic) in zip(results, sample.diagnostics) {
            let location = (entry["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let region = try XCTUnwrap(location?["region"] as? [String: Int])
            XCTAssertEqual(region, ["startLine": diagnostic.line, "startColumn": diagnostic.column,
                                    "endLine": diagnostic.line, "endColumn": diagnostic.column + 1])
        }

        var moved = sample
        moved.diagnostics = sample.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.line += 3
            return diagnostic
        }
        let movedFingerprints = try log(moved).results.map { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        XCTAssertEqual(movedFingerprints, fingerprints)

        var twice = sample
        twice.diagnostics = [sample.diagnostics[0], sample.diagnostics[0]]
        let repeated = try log(twice).results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        XCTAssertEqual(Set(repeated).count, 2, "the same finding twice is two alerts")
    }

    func testMessagesCarryNoRawControlCharacters() throws {
        let diagnostic = Diagnostic(rule: "field-invalid", severity: .error, path: "policies/a.md", location: SourceLocation(line: 2, column: 1),
                                    message: "title \"a\u{1B}[31mred\u{7}\" has\ttabs\nand lines")
        let result = CheckResult(diagnostics: [diagnostic], documentCount: 1, fileCount: 1, checkedPaths: ["policies/a.md"], schemaID: nil,
                                 revisionDate: PlanFixtures.reviewDate, repositoryRoot: nil)
        let text = try XCTUnwrap((try log(result).results.first?["message"] as? [String: Any])?["text"] as? String)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, text)
        XCTAssertEqual(text, "title \"a\\033[31mred\\007\" has\\ttabs\\nand lines")
    }
}
