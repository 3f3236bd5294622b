import Foundation
import TestSupport
import XCTest

/// Coverage as an auditor reads it, through the real binary on the exemplar: evidence items
/// met on their own, their ids in `smsplan schema`, and records held in other systems on
/// the dashboard.
final class CoverageCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    func testDeletingTheServiceRequestProcedureLeavesEightOneNotCovered() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        XCTAssertEqual(try smsplan("check").status, 0)
        try FileManager.default.removeItem(at: repository.url("procedures/service-requests.md"))
        let check = try smsplan("check")
        XCTAssertEqual(check.status, 1)
        let uncovered = check.output.split(separator: "\n").filter { $0.contains("requirement 8.1 ") && $0.hasSuffix("[requirement-uncovered]") }
        XCTAssertEqual(uncovered.count, 1, check.output)
        XCTAssertTrue(uncovered.first?.contains("missing documented procedure for service requests [8.1/service-request-procedure]") == true, check.output)
        let coverage = try SMSPlanBinary.json(["coverage", "--format", "json"], in: repository.directory)
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        let clause = try XCTUnwrap(rows.first { $0["id"] as? String == "8.1" })
        XCTAssertEqual(clause["status"] as? String, "partial")
        let items = try XCTUnwrap(clause["evidence"] as? [[String: Any]])
        let requests = try XCTUnwrap(items.first { $0["id"] as? String == "8.1/service-request-procedure" })
        XCTAssertEqual(requests["met"] as? Bool, false)
        XCTAssertEqual(requests["documentIds"] as? [String], [], "the incident procedure does not stand in for it")
    }

    func testSchemaShowsTheItemIDs() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        let text = try smsplan("schema")
        XCTAssertTrue(text.output.contains("evidence: [8.1/incident-procedure] procedure: documented procedure for incidents and major incidents"), text.output)
        XCTAssertTrue(text.output.contains("[6.1/slas] agreement, one per service: service level agreement for each service of the catalogue; topics: parties, scope, service levels, responsibilities, reporting"), text.output)
        let json = try SMSPlanBinary.json(["schema", "--format", "json"], in: repository.directory)
        let requirements = try XCTUnwrap((json["schema"] as? [String: Any])?["requirements"] as? [[String: Any]])
        let ids = requirements.flatMap { ($0["evidence"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        XCTAssertTrue(ids.contains("8.1/service-request-procedure"))
        XCTAssertEqual(ids.count, Set(ids).count, "item ids are unique")
    }

    func testRecordsHeldInOtherSystemsShowApartOnTheDashboard() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        XCTAssertEqual(try smsplan("report", "--html", "out").status, 0)
        let page = try repository.read("out/index.html")
        XCTAssertTrue(page.contains("held in Service desk tool</span>"), "8.1's service request records")
        XCTAssertTrue(page.contains("held in Platform monitoring</span>"))
        XCTAssertTrue(page.contains("<span class=\"held\">held in Service desk tool, last checked 2026-11-27</span>"), "the records register marks them")
        let register = try SMSPlanBinary.json(["register", "--records", "--format", "json"], in: repository.directory)
        let records = try XCTUnwrap(register["records"] as? [[String: Any]])
        XCTAssertEqual(records.first { $0["id"] as? String == "REC-019" }?["heldIn"] as? String, "Service desk tool")
        let coverage = try smsplan("coverage")
        XCTAssertTrue(coverage.output.contains("REC-019 (held in Service desk tool)"), coverage.output)
    }
}
