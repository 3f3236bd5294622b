import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The dashboard for screen readers, low vision and print: links reachable (never inside
/// an element with role="img"), WCAG AA contrast of the colours the page had too light,
/// headings kept with what follows them in print, an errors tile that stands out, and
/// unique HTML ids when a document id is given twice. (scripts/check-dashboard runs the Nu
/// HTML Checker and a contrast check of every colour.)
final class DashboardAccessibilityTests: XCTestCase {
    private func dashboard(extra: [String: String] = [:], clean: Bool = false) throws -> (page: XHTMLPage, css: String) {
        var files = ["smsplan.yaml": CoverageTests.config, "roles.yaml": PlanFixtures.roles]
        for (path, text) in CoverageTests.documents { files[path] = text }
        files.merge(extra) { _, new in new }
        let plan = try Engine.load(source: InMemorySource(files: files), planRoot: "", revisionDate: PlanFixtures.reviewDate)
        var result = Engine.check(plan)
        if clean { result.diagnostics = [] }
        let made = Dashboard(plan: plan, result: result, baselines: [], revision: "working tree", generator: "smsplan test")
        let html = try XCTUnwrap(made.files.first { $0.name == "index.html" }).contents
        let css = try XCTUnwrap(made.files.first { $0.name == Dashboard.styleSheetName }).contents
        return (try XHTMLPage(data: Data(html.utf8)), css)
    }

    func testEveryLinkIsOutsideAnImageAndTheHeatMapsLinksHaveNames() throws {
        let (page, _) = try dashboard()
        let hidden = try page.document.nodes(forXPath: "//*[@role='img']//*[local-name()='a']")
        XCTAssertEqual(hidden.count, 0, "links inside role=img are hidden from screen readers")
        let cells = try page.elements("a", having: "data-clause")
        XCTAssertGreaterThan(cells.count, 50)
        for cell in cells {
            let clause = try XCTUnwrap(cell.value(of: "data-clause"))
            XCTAssertTrue(cell.value(of: "aria-label")?.hasPrefix("\(clause) ") == true, "\(cell.value(of: "aria-label") ?? "no name")")
        }
    }

    /// WCAG 2 contrast ratio of two #rrggbb colours.
    private func contrast(_ first: String, _ second: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            let bytes: [Int] = [value >> 16, (value >> 8) & 0xFF, value & 0xFF]
            let channels: [Double] = bytes.map { byte in
                let share = Double(byte) / 255
                return share <= 0.03928 ? share / 12.92 : pow((share + 0.055) / 1.055, 2.4)
            }
            let weighted: Double = 0.2126 * channels[0] + 0.7152 * channels[1]
            return weighted + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    func testDisposalDatesObsoleteRowsAndEmptyCellsReachFourAndAHalfToOne() throws {
        let (_, css) = try dashboard()
        for selector in [".dispose", "tr.status-obsolete td", "td.empty"] {
            let rule = try XCTUnwrap(css.components(separatedBy: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(selector + " {") }, selector)
            let colour = try XCTUnwrap(rule.range(of: #"(?<![-a-z])color: (#[0-9a-f]{6})"#, options: .regularExpression).map { String(rule[$0].suffix(7)) }, rule)
            for surface in ["#ffffff", "#fafbfc", "#fff4e0"] {
                XCTAssertGreaterThanOrEqual(contrast(colour, surface), 4.5, "\(selector) \(colour) on \(surface)")
            }
        }
    }

    func testHeadingsStayWithWhatFollowsThemInPrint() throws {
        let (_, css) = try dashboard()
        let print = try XCTUnwrap(css.components(separatedBy: "@media print").last)
        let rule = try XCTUnwrap(print.components(separatedBy: "\n").first { $0.contains("break-after: avoid") }, print)
        XCTAssertTrue(rule.contains("h2") && rule.contains("h3"), rule)
    }

    func testTheErrorsTileStandsOutOnlyWhenThereAreErrors() throws {
        let (page, css) = try dashboard()
        let tile = try XCTUnwrap(try page.elements("li").first { $0.value(of: "data-errors") != nil })
        XCTAssertNotEqual(tile.value(of: "data-errors"), "0")
        XCTAssertEqual(tile.value(of: "class"), "figure figure-findings alert")
        XCTAssertTrue(css.contains(".figure.alert { background: "), css)
        let (clean, _) = try dashboard(clean: true)
        let quiet = try XCTUnwrap(try clean.elements("li").first { $0.value(of: "data-errors") != nil })
        XCTAssertEqual(quiet.value(of: "class"), "figure figure-findings")
    }

    func testADocumentIDGivenTwiceGivesNoDuplicateHTMLID() throws {
        let policy = RuleExample.approvedPolicy
        let (page, _) = try dashboard(extra: ["policies/copy.md": policy, "policies/again.md": policy])
        let ids = try page.attributeValues("id")
        XCTAssertEqual(ids.count, Set(ids).count, "ids repeat: \(Dictionary(grouping: ids) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        XCTAssertNotNil(try page.element(id: "doc-POL-001"), "the first row keeps its anchor")
    }
}
