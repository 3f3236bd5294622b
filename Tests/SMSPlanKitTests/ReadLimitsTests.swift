import Foundation
import XCTest
@testable import SMSPlanKit

/// Schemas and dates that once crashed or hung every command.
final class ReadLimitsTests: XCTestCase {
    private func schemaFile(_ requirements: [String]) -> String {
        "schema: 1\nid: in-house\nrequirements:\n" + requirements.map { "  - \($0)\n" }.joined()
    }

    func testParentCyclesAreFoundAndCut() throws {
        let text = schemaFile(["{ id: A, title: A, parent: A }", "{ id: B, title: B, parent: C }", "{ id: C, title: C, parent: B }",
                               "{ id: D, title: D, parent: B }"])
        let result = try PlanFixtures.check([("smsplan.yaml", "smsplan: 1\nstandard: schema.yaml\n"), ("schema.yaml", text),
                                             ("policies/p.md", RuleExample.approvedPolicy)])
        let messages = result.diagnostics.filter { $0.rule == "schema-invalid" }.map(\.message)
        XCTAssertEqual(messages, [
            "requirement \"A\" is its own ancestor (parents A -> A); its parent is ignored",
            "requirement \"C\" is its own ancestor (parents B -> C -> B); its parent is ignored",
        ])
    }

    func testASixThousandDeepChainIsReportedWithoutAStackOverflow() throws {
        let requirements = ["{ id: R0, title: R }"] + (1..<6_000).map { "{ id: R\($0), title: R, parent: R\($0 - 1) }" }
        let result = try PlanFixtures.check([("smsplan.yaml", "smsplan: 1\nstandard: schema.yaml\n"), ("schema.yaml", schemaFile(requirements)),
                                             ("policies/p.md", RuleExample.approvedPolicy)])
        let deep = result.diagnostics.filter { $0.message.contains("more than 32 levels below") }
        XCTAssertEqual(deep.first?.message, "requirement \"R33\" sits more than 32 levels below its top-level clause; its parent is ignored")
        XCTAssertEqual(deep.count, 6_000 / 33)
    }

    func testDatesFarInTheFutureAreOneStepAway() {
        let start = Date()
        let far = PlanDate(Date(timeIntervalSince1970: 9_000_000_000_000_000))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1)
        XCTAssertGreaterThan(far.year, 285_000_000)
        XCTAssertEqual(PlanDate(Date(timeIntervalSince1970: 1_704_067_200)).description, "2024-01-01")
        XCTAssertEqual(PlanDate(Date(timeIntervalSince1970: -86_400)).description, "1969-12-31")
        XCTAssertEqual(PlanDate("2024-02-28")!.adding(days: 1).description, "2024-02-29")
        XCTAssertEqual(PlanDate("2100-02-28")!.adding(days: 1).description, "2100-03-01")
        XCTAssertEqual(PlanDate("2000-03-01")!.adding(days: -1).description, "2000-02-29")
        XCTAssertEqual(PlanDate(Date(timeIntervalSince1970: .infinity)), PlanDate(Date(timeIntervalSince1970: 1e15 * 86_400)))
        // Day by day, across four centuries and back: the same calendar as stepping one day at a time.
        var date = PlanDate("1899-12-25")!
        for offset in 1...146_097 {
            let next = date.adding(days: 1)
            XCTAssertEqual(next, PlanDate("1899-12-25")!.adding(days: offset))
            XCTAssertTrue(next > date)
            date = next
        }
        XCTAssertEqual(date.adding(days: -146_097).description, "1899-12-25")
    }
}
