import XCTest
@testable import SMSPlanKit

/// The registry's lists by kind of check against what each rule conforms to.
final class RuleRegistryTests: XCTestCase {
    func testEveryRuleIsInTheListOfEachCheckItConformsTo() {
        let all = RuleRegistry.all
        XCTAssertEqual(RuleRegistry.documentRules.map(\.descriptor.id), all.filter { $0 is any DocumentRule }.map(\.descriptor.id))
        XCTAssertEqual(RuleRegistry.corpusRules.map(\.descriptor.id), all.filter { $0 is any CorpusRule }.map(\.descriptor.id))
        XCTAssertEqual(RuleRegistry.historyRules.map(\.descriptor.id), all.filter { $0 is any HistoryRule }.map(\.descriptor.id))
    }

    func testEveryRuleIsListedOnceAndByItsID() {
        let ids = RuleRegistry.all.map(\.descriptor.id)
        XCTAssertEqual(ids.count, RuleRegistry.entries.count)
        XCTAssertEqual(RuleRegistry.ids, Set(ids))
        for id in ids {
            XCTAssertEqual(RuleRegistry.descriptor(id)?.id, id)
        }
    }
}
