import Foundation
import TestSupport
import XCTest

/// `smsplan report --html DIR` through the real binary: the dashboard of the template against
/// `status`, `coverage` and `register` on the same repository, a tagged revision, and refusals.
final class ReportCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    private func json(_ arguments: String...) throws -> [String: Any] {
        try SMSPlanBinary.json(arguments, in: repository.directory)
    }

    /// Renders the dashboard into `folder` (relative to the repository) and parses it as XML.
    private func render(_ folder: String, _ extra: String...) throws -> XHTMLPage {
        let result = try SMSPlanBinary.run(["report", "--html", folder] + extra, in: repository.directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "dashboard: \(folder)/index.html\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: repository.url(folder).path).sorted(), ["dashboard.css", "index.html"])
        return try XHTMLPage(contentsOf: repository.url(folder + "/index.html"))
    }

    func testTheTemplatesDashboardAgreesWithStatusCoverageAndRegister() throws {
        repository = try TestRepository.withPlanTemplate()
        let page = try render("out/dashboard")

        // Phases: the figures of `smsplan status --format json`.
        let status = try json("status", "--format", "json")
        let phases = try XCTUnwrap(status["phases"] as? [[String: Any]])
        let rows = try page.elements("tr", having: "data-phase")
        XCTAssertEqual(rows.count, phases.count)
        for (row, phase) in zip(rows, phases) {
            let number = try XCTUnwrap(phase["phase"] as? Int)
            XCTAssertEqual(row.value(of: "data-phase"), "\(number)")
            XCTAssertEqual(row.value(of: "data-state"), phase["state"] as? String)
            let done = try XCTUnwrap(phase["activitiesDone"] as? Int), total = try XCTUnwrap(phase["activitiesTotal"] as? Int)
            let covered = try XCTUnwrap(phase["requirementsCovered"] as? Int), due = try XCTUnwrap(phase["requirementsDue"] as? Int)
            XCTAssertEqual(row.value(of: "data-activities-done"), "\(done)")
            XCTAssertEqual(row.value(of: "data-activities-total"), "\(total)")
            XCTAssertEqual(row.value(of: "data-requirements-covered"), "\(covered)")
            XCTAssertEqual(row.value(of: "data-requirements-due"), "\(due)")
            XCTAssertTrue(row.text.contains("\(done) of \(total) done"), row.text)
            XCTAssertTrue(row.text.contains("\(covered) of \(due) due covered"), row.text)
            for open in phase["openActivities"] as? [String] ?? [] { XCTAssertTrue(row.text.contains(open), "\(open) in \(row.text)") }
        }
        XCTAssertEqual(rows.map { $0.value(of: "data-state") }, ["complete", "current", "planned"])
        let figures = try XCTUnwrap(try page.elements("li").first { $0.value(of: "data-errors") != nil })
        XCTAssertEqual(figures.value(of: "data-errors"), "\(status["errors"] as? Int ?? -1)")
        XCTAssertEqual(figures.value(of: "data-warnings"), "\(status["warnings"] as? Int ?? -1)")
        let documents = try XCTUnwrap(status["documentCounts"] as? [String: Int])
        XCTAssertEqual(try page.elements("li").first { $0.value(of: "data-approved") != nil }?.value(of: "data-approved"), "\(documents["approved"] ?? -1)")
        XCTAssertEqual(try page.elements("li").first { $0.value(of: "data-current-phase") != nil }?.value(of: "data-current-phase"),
                       "\(status["currentPhase"] as? Int ?? -1)")

        // The heat map: every clause of the schema, with the status `coverage` gives it.
        let schema = try XCTUnwrap((try json("schema", "--format", "json")["schema"] as? [String: Any])?["requirements"] as? [[String: Any]])
        let coverage = try XCTUnwrap(try json("coverage", "--format", "json")["requirements"] as? [[String: Any]])
        let cells = try page.elements("a", having: "data-clause")
        XCTAssertEqual(cells.compactMap { $0.value(of: "data-clause") }, schema.compactMap { $0["id"] as? String })
        XCTAssertEqual(cells.count, 53)
        XCTAssertEqual(cells.compactMap { $0.value(of: "data-status") }, coverage.compactMap { $0["status"] as? String })
        let heatMap = try XCTUnwrap(try page.elements("figure", having: "data-clauses").first)
        XCTAssertEqual(heatMap.value(of: "data-clauses"), "53")
        for cell in cells {
            let clause = try XCTUnwrap(cell.value(of: "data-clause"))
            XCTAssertNotNil(try page.element(id: "clause-\(clause)"), "the evidence of \(clause)")
        }
        let review = try XCTUnwrap(try page.element(id: "clause-4.5.4.3"))
        // REC-022 restates the review REC-001 under the topics the item asks for.
        XCTAssertTrue(review.text.contains("management review records, every 12 months: REC-022"), review.text)

        // The registers: the rows of `smsplan register`.
        let register = try XCTUnwrap(try json("register", "--format", "json")["documents"] as? [[String: Any]])
        let records = try XCTUnwrap(try json("register", "--records", "--format", "json")["records"] as? [[String: Any]])
        XCTAssertEqual(try page.elements("table").first { $0.value(of: "class") == "register documents" }?
            .elements(forName: "tbody").first?.elements(forName: "tr").count, register.count)
        XCTAssertEqual(try page.elements("table").first { $0.value(of: "class") == "register records" }?
            .elements(forName: "tbody").first?.elements(forName: "tr").count, records.count)
        for document in register + records {
            let id = try XCTUnwrap(document["id"] as? String)
            XCTAssertNotNil(try page.element(id: "doc-\(id)"), id)
        }
        let findings = try XCTUnwrap(try page.element(id: "findings"))
        XCTAssertEqual(findings.value(of: "data-errors"), "0")
        XCTAssertTrue(findings.text.contains("No findings"), findings.text)

        // Nothing from elsewhere: no http or https reference in any src or href.
        let references = try page.attributeValues("src") + page.attributeValues("href")
        XCTAssertGreaterThan(references.count, 100)
        XCTAssertEqual(references.filter { $0.lowercased().hasPrefix("http") || $0.hasPrefix("//") }, [])
        XCTAssertEqual(try page.elements("script").count, 0)
        let css = try repository.read("out/dashboard/dashboard.css")
        XCTAssertFalse(css.contains("http"))
        XCTAssertTrue(css.contains("@media print"))
    }

    func testTheDashboardOfATaggedRevision() throws {
        repository = try TestRepository.withPlanTemplate()
        let tagged = try repository.git("rev-parse", "HEAD")
        try repository.git("tag", "-a", "baseline/phase-1", "-m", "Phase 1 baseline")
        let policy = try repository.read("policies/service-management-policy.md")
        try repository.write("policies/access-policy.md", policy.replacingOccurrences(of: "id: POL-001", with: "id: POL-020")
            .replacingOccurrences(of: "title: Service management policy", with: "title: Access policy"))
        try repository.commitAll("Access policy")

        let page = try render("from-tag", "--rev", "baseline/phase-1")
        XCTAssertNil(try page.element(id: "doc-POL-020"), "the tagged revision has no access policy")
        XCTAssertNotNil(try page.element(id: "doc-POL-001"))
        let baseline = try XCTUnwrap(try page.elements("tr", having: "data-baseline").first)
        XCTAssertEqual(baseline.value(of: "data-baseline"), "baseline/phase-1")
        XCTAssertTrue(baseline.text.contains(tagged), baseline.text)
        XCTAssertTrue(try page.elements("p").contains { $0.value(of: "class") == "subtitle" && $0.text.contains("revision baseline/phase-1") })
        let status = try json("status", "--rev", "baseline/phase-1", "--format", "json")
        let rows = try page.elements("tr", having: "data-phase")
        XCTAssertEqual(rows.map { $0.value(of: "data-activities-done") },
                       (status["phases"] as? [[String: Any]] ?? []).map { "\($0["activitiesDone"] as? Int ?? -1)" })
        XCTAssertTrue(try page.elements("p").contains { $0.value(of: "class") == "subtitle" && $0.text.contains("as of \(status["date"] as? String ?? "?")") })

        let current = try render("now")
        XCTAssertNotNil(try current.element(id: "doc-POL-020"))
        XCTAssertEqual(try current.elements("tr", having: "data-baseline").count, 1, "the baseline is in HEAD's history too")
    }

    func testAFileInTheWayABadRevisionAndAMissingFolderOption() throws {
        repository = try TestRepository.withPlanTemplate()
        try repository.write("report.html", "not a folder\n")
        let file = try smsplan("report", "--html", "report.html")
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.errors.hasPrefix("smsplan: error: "), file.errors)
        XCTAssertTrue(file.errors.contains("report.html is a file, not a folder"), file.errors)
        XCTAssertEqual(try repository.read("report.html"), "not a folder\n")

        let revision = try smsplan("report", "--html", "out", "--rev", "baseline/phase-9")
        XCTAssertEqual(revision.status, 2)
        XCTAssertTrue(revision.errors.contains("unknown revision \"baseline/phase-9\""), revision.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.url("out").path))

        XCTAssertEqual(try smsplan("report").status, 64)
    }

    func testTheFolderIsRelativeToTheFolderDashCNames() throws {
        repository = try TestRepository()
        try repository.copyTree(from: ProjectFiles.planTemplate, to: "sms")
        try repository.commitAll("plan in a subfolder")
        let result = try SMSPlanBinary.run(["report", "-C", "sms", "--html", "site"], in: repository.directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "dashboard: site/index.html\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.url("sms/site/index.html").path))
    }
}
