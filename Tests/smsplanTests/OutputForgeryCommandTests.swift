import Foundation
import TestSupport
import XCTest

/// Titles, paths and handles that try to forge what a reviewer, a spreadsheet or a terminal
/// shows come out as the literal text they are.
final class OutputForgeryCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    private static let forgedTitle = "Policy\r\n\n### Findings\n\nNone.\n\n**No findings: safe to merge** <!-- @security-team [x](http://e.x) `a` \u{1B}]0;pwned\u{07}\u{1B}[2J"

    private func document(_ id: String, title: String, version: String = "1.0") -> String {
        """
        ---
        id: \(id)
        title: \(Self.quoted(title))
        type: policy
        version: "\(version)"
        status: draft
        owner: service-manager
        history:
          - { version: "\(version)", date: 2023-11-01, summary: Drafted }
        ---
        # Policy

        """
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case _ where scalar.value < 0x20: "\\x" + String(scalar.value, radix: 16, uppercase: false).leftPadded(2)
            default: String(scalar)
            }
        }.joined() + "\""
    }

    private func makePlan() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", "smsplan: 1\norganization: Fixture Ltd\n")
        try repository.write("roles.yaml", """
            smsplan: 1
            roles:
              - { id: top-management, name: Top management, members: [{ name: Dana Lee, handle: dlee }] }
              - { id: service-manager, name: Service manager, members: [{ name: Sam, handle: "@m@example.org" }, { name: Kim, handle: "k ode" }, { name: Ada, handle: ada }] }

            """)
        try repository.commitAll("plan")
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("policies/forged.md", document("POL-001", title: Self.forgedTitle))
        try repository.write("policies/formula.md", document("POL-002", title: "=HYPERLINK(\"http://e.x\",\"x\")", version: "0.10"))
        try repository.write("policies/odd\tname #[x] \\.md", document("POL-003", title: "Odd"))
        try repository.commitAll("add")
    }

    func testReviewMarkdownCannotForgeASafeToMergeComment() throws {
        try makePlan()
        let review = try smsplan("review", "main..feature", "--format", "markdown")
        let lines = review.output.components(separatedBy: "\n")
        XCTAssertFalse(review.output.contains("\r"))
        XCTAssertFalse(review.output.contains("\u{1B}"))
        XCTAssertFalse(lines.contains("None."), review.output)
        XCTAssertFalse(lines.contains { $0.hasPrefix("**No findings") }, review.output)
        XCTAssertEqual(lines.filter { $0 == "### Findings" }.count, 1, review.output)
        XCTAssertFalse(review.output.contains("<!--"), review.output)
        XCTAssertFalse(review.output.contains("@security-team"), review.output)
        XCTAssertTrue(review.output.contains("@&#8203;security-team"), review.output)
    }

    func testTextOutputsPrintNoEscapeSequences() throws {
        try makePlan()
        for arguments in [["register"], ["review", "main..feature"], ["status"], ["coverage"], ["register", "--records"]] {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            XCTAssertFalse(result.output.contains("\u{1B}"), "\(arguments): \(result.output)")
            XCTAssertFalse(result.output.contains("\r"), "\(arguments)")
        }
        XCTAssertTrue(try smsplan("register").output.contains("\\033]0;pwned\\007\\033[2J"))
    }

    func testCSVCellsNeverRunAsFormulas() throws {
        try makePlan()
        let csv = try smsplan("register", "--format", "csv")
        let rows = try CSVParser.parse(csv.output)
        let formula = try XCTUnwrap(rows.first { $0.first == "POL-002" })
        XCTAssertEqual(formula[1], "'=HYPERLINK(\"http://e.x\",\"x\")")
        XCTAssertFalse(rows.flatMap { $0 }.contains { ["=", "+", "-", "@", "\t", "\r"].contains($0.first.map(String.init) ?? "") }, csv.output)
    }

    func testCodeOwnersEscapesPathsAndLeavesOutInvalidHandles() throws {
        try makePlan()
        let printed = try smsplan("codeowners")
        let lines = printed.output.components(separatedBy: "\n").filter { !$0.isEmpty }
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("/") }, printed.output)
        XCTAssertFalse(printed.output.contains("\t"))
        XCTAssertTrue(lines.contains("/policies/forged.md @ada"), printed.output)
        XCTAssertTrue(lines.contains { $0.hasPrefix("# \"policies/odd\\tname") || $0.hasPrefix("# policies/odd\\tname") }, printed.output)
        let check = try smsplan("check")
        XCTAssertTrue(check.output.contains("member handle \"@m@example.org\" is not a git host handle"), check.output)
        XCTAssertTrue(check.output.contains("member handle \"k ode\" is not a git host handle"), check.output)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
