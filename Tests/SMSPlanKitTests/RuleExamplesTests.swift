import TestSupport
import XCTest
@testable import SMSPlanKit

/// Every rule's own examples: the valid one passes every rule, the invalid one triggers the rule.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasADistinctIDAndText() {
        let ids = RuleRegistry.all.map(\.descriptor.id)
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule ids")
        for descriptor in RuleRegistry.all.map(\.descriptor) {
            XCTAssertFalse(descriptor.summary.isEmpty, "\(descriptor.id) has no summary")
            XCTAssertFalse(descriptor.rationale.isEmpty, "\(descriptor.id) has no rationale")
            let first = descriptor.summary.first.map(String.init) ?? ""
            XCTAssertEqual(first, first.lowercased(), "\(descriptor.id): summaries start in lower case")
        }
    }

    func testTheRulesOfTheDesignAreAllThere() {
        let expected = Set(DesignRules.ids.map { RuleID(rawValue: $0) })
        XCTAssertEqual(RuleRegistry.ids, expected)
    }

    func testValidExamplesHaveNoFindings() throws {
        for descriptor in RuleRegistry.all.map(\.descriptor) {
            let result = try PlanFixtures.check(descriptor.valid)
            XCTAssertEqual(PlanFixtures.summary(result), [], "valid example of \(descriptor.id)")
            XCTAssertGreaterThan(result.documentCount, 0, "valid example of \(descriptor.id) has a document")
        }
    }

    func testInvalidExamplesTriggerTheirRuleAndNoOther() throws {
        for descriptor in RuleRegistry.all.map(\.descriptor) {
            let result = try PlanFixtures.check(descriptor.invalid)
            let rules = Set(result.diagnostics.map(\.rule))
            XCTAssertEqual(rules, [descriptor.id], "invalid example of \(descriptor.id): \(PlanFixtures.summary(result))")
        }
    }
}
