import Foundation
import TestSupport
import XCTest

/// `smsplan register` through the real binary on a copy of the bundled template.
final class RegisterCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory)
    }

    /// Every document of plan-template: path (relative to the template), id and type, read
    /// from the front matter's own lines.
    private func templateDocuments() throws -> [(path: String, id: String, type: String)] {
        let root = ProjectFiles.planTemplate.standardizedFileURL
        var documents: [(String, String, String)] = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "md", url.deletingLastPathComponent().standardizedFileURL != root else { continue }
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            let frontMatter = lines.dropFirst().prefix { $0 != "---" }
            func value(_ key: String) -> String? {
                frontMatter.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
            }
            let path = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            documents.append((path, try XCTUnwrap(value("id"), path), try XCTUnwrap(value("type"), path)))
        }
        XCTAssertEqual(documents.count, ProjectFiles.templateDocumentCount)
        return documents
    }

    func testTheCSVMasterListOpensAsATableWithEveryDocumentOfTheTemplate() throws {
        repository = try TestRepository.withPlanTemplate()
        let result = try smsplan("register", "--format", "csv")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertTrue(result.output.hasSuffix("\r\n"))
        XCTAssertFalse(result.output.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let table = try CSVParser.table(result.output)
        XCTAssertEqual(table.header, ["ID", "Title", "Type", "Version", "Status", "Owner", "Approved by", "Approved on",
                                      "Next review", "Classification", "Path"])
        let expected = try templateDocuments().filter { $0.type != "record" }
        XCTAssertEqual(table.rows.count, expected.count)
        XCTAssertEqual(Set(table.rows.compactMap { $0["ID"] }), Set(expected.map(\.id)))
        for document in expected {
            let row = try XCTUnwrap(table.rows.first { $0["ID"] == document.id }, document.id)
            XCTAssertEqual(row["Path"], document.path)
            XCTAssertEqual(row["Type"], document.type)
        }
        XCTAssertEqual(table.rows.map { $0["ID"] ?? "" }, table.rows.map { $0["ID"] ?? "" }.sorted(), "sorted by id")
        let policy = try XCTUnwrap(table.rows.first { $0["ID"] == "POL-001" })
        XCTAssertEqual(policy["Title"], "Service management policy")
        XCTAssertEqual(policy["Approved on"], "2026-10-12")
        XCTAssertEqual(policy["Next review"], "2027-10-12")
        let quoted = try XCTUnwrap(table.rows.first { $0["Title"]?.contains(",") == true }, "the template has a title with a comma")
        XCTAssertTrue(result.output.contains("\"\(quoted["Title"]!)\""))
    }

    func testTheCSVKeepsVersionsAsTextAndTakesAByteOrderMarkForExcel() throws {
        repository = try TestRepository.withPlanTemplate()
        let policy = "policies/service-management-policy.md"
        try repository.write(policy, try repository.read(policy).replacingOccurrences(of: "title: Service management policy", with: "title: Politique de qualité"))
        let plain = try smsplan("register", "--format", "csv")
        XCTAssertEqual(plain.status, 0, plain.errors)
        XCTAssertFalse(plain.output.hasPrefix("\u{FEFF}"))
        let table = try CSVParser.table(plain.output)
        let versions = table.rows.compactMap { $0["Version"] }.filter { !$0.isEmpty }
        XCTAssertFalse(versions.isEmpty)
        XCTAssertTrue(versions.allSatisfy { Double($0) == nil }, "a reader takes none for a number: \(versions)")
        XCTAssertEqual(table.rows.first { $0["ID"] == "POL-001" }?["Version"], "v1.0")

        let result = try SMSPlanBinary.run(["register", "--format", "csv", "--bom"], in: repository.directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(Array(result.output.utf8.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(result.output.unicodeScalars.dropFirst()), plain.output)
        XCTAssertTrue(result.output.contains("Politique de qualité"))
        let json = try smsplan("register", "--format", "json", "--bom")
        XCTAssertEqual(json.status, 64, json.errors)
    }

    func testTheCSVRecordsRegisterHasEveryRecordWithRetentionAndCorrections() throws {
        repository = try TestRepository.withPlanTemplate()
        let result = try smsplan("register", "--records", "--format", "csv")
        XCTAssertEqual(result.status, 0, result.errors)
        let table = try CSVParser.table(result.output)
        XCTAssertEqual(table.header, ["ID", "Title", "Kind", "Recorded on", "Retention", "Disposal due", "For disposal", "Corrections", "Path"])
        let expected = try templateDocuments().filter { $0.type == "record" }
        XCTAssertEqual(Set(table.rows.compactMap { $0["ID"] }), Set(expected.map(\.id)))
        let reviewed = try XCTUnwrap(table.rows.first { $0["ID"] == "REC-006" })
        XCTAssertEqual(reviewed["Kind"], "service-review")
        XCTAssertEqual(reviewed["Recorded on"], "2026-11-19")
        XCTAssertEqual(reviewed["Disposal due"], "2032-11-19")
        XCTAssertEqual(reviewed["For disposal"], "no")
        XCTAssertEqual(reviewed["Corrections"], "corrected by REC-016")
        XCTAssertEqual(table.rows.first { $0["ID"] == "REC-016" }?["Corrections"], "corrects REC-006")
    }

    func testRecordsPastRetentionAtTheRevisionDateAreMarkedForDisposal() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        try repository.write("records/old-training.md", """
            ---
            id: REC-090
            title: Induction training, 2015
            type: record
            status: final
            owner: service-manager
            record-of: training
            recorded-on: 2015-03-02
            retention: 6 years
            classification: internal
            satisfies: []
            ---
            # Induction training, 2015

            """)
        try repository.commitAll("An old record")
        let json = try smsplan("register", "--records", "--format", "json", "--rev", "HEAD")
        XCTAssertEqual(json.status, 0, json.errors)
        let register = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let records = try XCTUnwrap(register["records"] as? [[String: Any]])
        let old = try XCTUnwrap(records.first { $0["id"] as? String == "REC-090" })
        XCTAssertEqual(old["disposalDue"] as? String, "2021-03-02")
        XCTAssertEqual(old["forDisposal"] as? Bool, true)
        XCTAssertEqual(records.filter { $0["forDisposal"] as? Bool == true }.count, 1)
        let text = try smsplan("register", "--records")
        XCTAssertTrue(text.output.hasPrefix("Records register as of "), text.output)
        XCTAssertTrue(text.output.contains("1 past retention, marked for disposal"), text.output)
    }

    func testTextAndMarkdownMasterList() throws {
        repository = try TestRepository.withPlanTemplate()
        let text = try smsplan("register")
        XCTAssertEqual(text.status, 0, text.errors)
        XCTAssertTrue(text.output.contains("documents (next review: next-review, else approved-on + 12 months)"), text.output)
        XCTAssertTrue(text.output.contains("\nPOL-001  policy "), text.output)
        let markdown = try smsplan("register", "--format", "markdown")
        XCTAssertTrue(markdown.output.hasPrefix("# Northwind Service Desk Ltd: master list of controlled documents"), markdown.output)
        XCTAssertTrue(markdown.output.contains("| POL-001 | Service management policy | policy | 1.0 | approved | service-manager | top-management | 2026-10-12 | 2027-10-12 | internal | policies/service-management-policy.md |"), markdown.output)
        XCTAssertEqual(try smsplan("register", "--format", "sarif").status, 64)
    }
}
