import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The dashboard built in memory: escaping, well-formedness, the heat map's cells and their
/// anchors, no external resource, and writing the folder.
final class DashboardTests: XCTestCase {
    private var folder: URL!

    override func tearDown() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    /// The coverage test plan (current phase 2) with text that must be escaped:
    /// an organization and a title holding markup, quotes and an ampersand.
    private func dashboard(baselines: [BaselineTag] = []) throws -> Dashboard {
        let hostile = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002")
            .replacingOccurrences(of: "title: Service management policy", with: "title: '<script>alert(\"x\")</script> & <b>co</b>'")
            .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"4.1.3\"]")
        var files = ["smsplan.yaml": CoverageTests.config.replacingOccurrences(of: "smsplan: 1\n", with: "smsplan: 1\norganization: \"A & B <Services>\"\n"),
                     "roles.yaml": PlanFixtures.roles, "policies/hostile.md": hostile]
        for (path, text) in CoverageTests.documents { files[path] = text }
        let plan = try Engine.load(source: InMemorySource(files: files), planRoot: "", revisionDate: PlanFixtures.reviewDate)
        return Dashboard(plan: plan, result: Engine.check(plan), baselines: baselines, revision: "working tree", generator: "smsplan test")
    }

    private func page(_ dashboard: Dashboard) throws -> (text: String, page: XHTMLPage) {
        let text = try XCTUnwrap(dashboard.files.first { $0.name == "index.html" }).contents
        return (text, try XHTMLPage(data: Data(text.utf8)))
    }

    func testMarkupEscapesEveryInterpolatedString() {
        let title = "<b>\"Tom\" & 'Jerry'</b>\u{0007}"
        let markup: Markup = "<td title=\"\(title)\">\(title)</td>"
        XCTAssertEqual(markup.text, "<td title=\"&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;\u{FFFD}\">&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;\u{FFFD}</td>")
        let inner: Markup = "<em>\("a<b")</em>"
        XCTAssertEqual(("<p>\(inner) \(3) \(2.25)</p>" as Markup).text, "<p><em>a&lt;b</em> 3 2.3</p>")
        XCTAssertEqual(Markup.anchor("clause", "4.1.2"), "clause-4.1.2")
        XCTAssertEqual(Markup.anchor("doc", "A B/\"1\""), "doc-A_B__1_")
    }

    func testChartTextFitsAndWraps() {
        // 10 characters fit 60 units at size 10; 23 fit 130.
        XCTAssertEqual(ChartText.fit("Service management system", width: 60, size: 10), "Service m\u{2026}")
        XCTAssertEqual(ChartText.fit("Short", width: 60, size: 10), "Short")
        XCTAssertEqual(ChartText.wrap("Design and transition of new or changed services", width: 130, size: 10, lines: 3),
                       ["Design and transition", "of new or changed", "services"])
        XCTAssertEqual(ChartText.wrap("one two three four five six seven eight", width: 60, size: 10, lines: 2),
                       ["one two", "three fou\u{2026}"])
        XCTAssertEqual(ChartText.wrap("", width: 60, size: 10, lines: 2), [])
    }

    func testThePageIsWellFormedAndEscapesThePlansText() throws {
        let (text, page) = try page(try dashboard())
        XCTAssertTrue(text.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        XCTAssertEqual(try page.elements("script").count, 0, "the title's markup stays text")
        XCTAssertTrue(text.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;co&lt;/b&gt;"))
        XCTAssertEqual(try page.elements("title").first?.text, "A & B <Services>: SMS dashboard, 2026-06-01")
        XCTAssertEqual(try page.elements("h1").first?.text, "A & B <Services> service management system")
        let row = try XCTUnwrap(try page.element(id: "doc-POL-002"))
        XCTAssertTrue(row.text.contains("<script>alert(\"x\")</script> & <b>co</b>"), row.text)
    }

    func testTheHeatMapHasEveryClauseAndEachCellLinksToItsEvidence() throws {
        let schema = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2011"))
        let (_, page) = try page(try dashboard())
        let cells = try page.elements("a", having: "data-clause")
        XCTAssertEqual(cells.compactMap { $0.value(of: "data-clause") }, schema.requirements.map(\.id))
        XCTAssertEqual(cells.first { $0.value(of: "data-clause") == "7.2" }?.value(of: "data-status"), "uncovered")
        XCTAssertEqual(cells.first { $0.value(of: "data-clause") == "4.1.2" }?.value(of: "data-status"), "covered")
        XCTAssertEqual(cells.first { $0.value(of: "data-clause") == "4.3.2" }?.value(of: "data-status"), "partial")
        XCTAssertEqual(cells.first { $0.value(of: "data-clause") == "9.1" }?.value(of: "data-status"), "uncovered")
        for cell in cells {
            let clause = try XCTUnwrap(cell.value(of: "data-clause"))
            let status = try XCTUnwrap(cell.value(of: "data-status"))
            XCTAssertEqual(cell.value(of: "href"), "#clause-\(clause)")
            XCTAssertTrue(cell.text.hasSuffix("\(clause) \(status)"), "the cell says its status in words: \(cell.text)")
            let evidence = try XCTUnwrap(try page.element(id: "clause-\(clause)"), clause)
            XCTAssertEqual(evidence.value(of: "data-status"), status)
        }
        let policy = try XCTUnwrap(try page.element(id: "clause-4.1.2"))
        XCTAssertTrue(policy.text.contains("service management policy: POL-001"), policy.text)
        XCTAssertEqual(try page.element(id: "clause-7.2")?.text.contains("Excluded"), false, "ISO/IEC 20000-1 accepts no exclusion")
    }

    func testEveryLinkStaysInThePageAndNoIDRepeats() throws {
        let dashboard = try dashboard(baselines: [BaselineTag(name: "baseline/phase-1", phase: 1, date: PlanDate("2026-05-01"),
                                                             commit: String(repeating: "ab", count: 20))])
        let (text, page) = try page(dashboard)
        let ids = try page.attributeValues("id")
        XCTAssertEqual(ids.count, Set(ids).count, "ids are unique")
        let references = try page.attributeValues("href") + page.attributeValues("src")
        XCTAssertFalse(references.isEmpty)
        for reference in references {
            XCTAssertFalse(reference.lowercased().contains("http"), reference)
            if reference.hasPrefix("#") {
                XCTAssertTrue(ids.contains(String(reference.dropFirst())), "\(reference) has a target")
            } else {
                XCTAssertEqual(reference, Dashboard.styleSheetName)
            }
        }
        XCTAssertFalse(text.contains("<script"))
        let css = try XCTUnwrap(dashboard.files.first { $0.name == Dashboard.styleSheetName }).contents
        XCTAssertFalse(css.contains("url("))
        XCTAssertFalse(css.contains("@import"))
        XCTAssertTrue(css.contains("@media print"))
        XCTAssertEqual(try page.elements("tr", having: "data-baseline").first?.text, "baseline/phase-1 1 2026-05-01 \(String(repeating: "ab", count: 20))")
        XCTAssertTrue(try page.elements("svg").contains { $0.value(of: "class") == "timeline" && $0.text.contains("baseline/phase-1") })
    }

    func testPhaseRowsCarryTheStatusFigures() throws {
        let (_, page) = try page(try dashboard())
        let rows = try page.elements("tr", having: "data-phase")
        // CoverageTests: phase 1 has 2 activities, both done, but PRO-001 is a draft.
        XCTAssertEqual(rows.map { $0.value(of: "data-phase") }, ["1", "2", "3"])
        XCTAssertEqual(rows[0].value(of: "data-activities-done"), "1")
        XCTAssertEqual(rows[0].value(of: "data-activities-total"), "2")
        XCTAssertEqual(rows[0].value(of: "data-state"), "behind")
        XCTAssertTrue(rows[0].text.contains("1 of 2 done (50%)"), rows[0].text)
        XCTAssertEqual(rows[1].value(of: "data-state"), "current")
    }

    func testWritingMakesTheFolderReplacesTheFilesAndRefusesAFile() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-dashboard-\(UUID().uuidString)")
        let target = folder.appendingPathComponent("nested/dashboard")
        let dashboard = try dashboard()
        let written = try dashboard.write(to: target)
        XCTAssertEqual(written.map(\.lastPathComponent), [Dashboard.styleSheetName, "index.html"])
        try Data("stale".utf8).write(to: target.appendingPathComponent("index.html"))
        try dashboard.write(to: target)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target.path).sorted(), [Dashboard.styleSheetName, "index.html"],
                       "no temporary file is left behind")
        XCTAssertTrue(try String(contentsOf: target.appendingPathComponent("index.html"), encoding: .utf8).hasPrefix("<!DOCTYPE html>"))

        let file = folder.appendingPathComponent("a-file")
        try Data("keep".utf8).write(to: file)
        XCTAssertThrowsError(try dashboard.write(to: file)) { error in
            XCTAssertTrue("\(error)".contains("is a file, not a folder"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "keep")
    }
}
