import TestSupport
import XCTest
@testable import SMSPlanKit

/// The master list of documents and the records register, on a small plan judged as of
/// 2026-06-01, and their CSV.
final class RegisterReportTests: XCTestCase {
    /// POL-001 approved 2026-03-01 without next-review; POL-010 with a title that needs CSV
    /// quoting and its own next-review; PRO-002 a draft. REC-001 recorded 2019-05-01 (6 years:
    /// past retention), REC-002 correcting it, REC-003 whose retention ends on the day itself.
    private func plan() throws -> Plan {
        let access = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-010")
            .replacingOccurrences(of: "title: Service management policy", with: "title: 'Access, \"privileged\" users'")
            .replacingOccurrences(of: "approved-on: 2026-03-01\n", with: "approved-on: 2026-03-01\nnext-review: 2026-09-01\nclassification: restricted\n")
        let draft = CoverageTests.procedure.replacingOccurrences(of: "PRO-001", with: "PRO-002")
        let correction = RuleExample.managementReview(on: "2026-05-01").replacingOccurrences(of: "REC-001", with: "REC-002")
            .replacingOccurrences(of: "retention: 6 years", with: "retention: 6 years\ncorrects: REC-001")
        let ending = RuleExample.managementReview(on: "2020-06-01").replacingOccurrences(of: "REC-001", with: "REC-003")
        return try PlanFixtures.load([
            ("procedures/draft.md", draft), ("policies/access.md", access), ("policies/policy.md", RuleExample.approvedPolicy),
            ("records/review.md", RuleExample.managementReview(on: "2019-05-01")), ("records/correction.md", correction),
            ("records/ending.md", ending),
        ])
    }

    func testTheMasterListHasEveryDocumentButRecordsByID() throws {
        let register = DocumentRegister(plan: try plan())
        XCTAssertEqual(register.documents.map(\.id), ["POL-001", "POL-010", "PRO-002"])
        XCTAssertEqual(register.date, "2026-06-01")
        let policy = register.documents[0]
        XCTAssertEqual(policy.nextReview, "2027-03-01", "approved-on + the default 12 months")
        XCTAssertTrue(policy.nextReviewComputed)
        XCTAssertEqual(policy.approvedBy, "top-management")
        XCTAssertEqual(policy.version, "1.0")
        let access = register.documents[1]
        XCTAssertEqual(access.title, "Access, \"privileged\" users")
        XCTAssertEqual(access.nextReview, "2026-09-01")
        XCTAssertFalse(access.nextReviewComputed)
        XCTAssertEqual(access.classification, "restricted")
        XCTAssertNil(register.documents[2].nextReview, "a draft never approved has no review date")
        XCTAssertEqual(register.documents[2].status, "draft")
    }

    func testTheRecordsRegisterComputesDisposalAndCorrections() throws {
        let register = RecordsRegister(plan: try plan())
        XCTAssertEqual(register.records.map(\.id), ["REC-001", "REC-002", "REC-003"])
        let reviewed = register.records[0]
        XCTAssertEqual(reviewed.kind, "management-review")
        XCTAssertEqual(reviewed.disposalDue, "2025-05-01")
        XCTAssertTrue(reviewed.forDisposal)
        XCTAssertEqual(reviewed.correctedBy, ["REC-002"])
        XCTAssertEqual(register.records[1].corrects, "REC-001")
        XCTAssertFalse(register.records[1].forDisposal)
        XCTAssertEqual(register.records[2].disposalDue, "2026-06-01")
        XCTAssertTrue(register.records[2].forDisposal, "the retention has ended on the day it ends")
        XCTAssertEqual(register.forDisposalCount, 2)
        XCTAssertEqual(RecordsRegister.corrections(reviewed), "corrected by REC-002")
        XCTAssertEqual(RecordsRegister.corrections(register.records[1]), "corrects REC-001")
    }

    func testIDsSortNumbersAsNumbersAndDocumentsWithoutIDLast() {
        XCTAssertTrue(RegisterOrder.precedes(("POL-9", "b"), ("POL-10", "a")))
        XCTAssertTrue(RegisterOrder.precedes(("POL-10", "a"), ("", "a")))
        XCTAssertTrue(RegisterOrder.precedes(("", "a"), ("", "b")))
    }

    func testCSVQuotesWhatRFC4180SaysAndEndsLinesInCRLF() throws {
        let text = CSVTable.render(["name", "note"], [["plain", "a, b"], ["say \"hi\"", "two\nlines"], ["", "cr\r\nlf"]])
        XCTAssertEqual(text, "name,note\r\nplain,\"a, b\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n,\"cr\r\nlf\"\r\n")
        XCTAssertEqual(try CSVParser.parse(text), [["name", "note"], ["plain", "a, b"], ["say \"hi\"", "two\nlines"], ["", "cr\r\nlf"]])
    }

    func testRegistersRoundTripThroughCSV() throws {
        let plan = try plan()
        let documents = try CSVParser.table(DocumentRegister(plan: plan).render(.csv))
        XCTAssertEqual(documents.header, DocumentRegister.header)
        XCTAssertEqual(documents.rows.map { $0["ID"] }, ["POL-001", "POL-010", "PRO-002"])
        XCTAssertEqual(documents.rows[1]["Title"], "Access, \"privileged\" users")
        XCTAssertEqual(documents.rows[0]["Next review"], "2027-03-01")
        XCTAssertEqual(documents.rows[2]["Approved on"], "")
        let records = try CSVParser.table(RecordsRegister(plan: plan).render(.csv))
        XCTAssertEqual(records.header, RecordsRegister.header)
        XCTAssertEqual(records.rows.map { $0["For disposal"] }, ["yes", "no", "yes"])
        XCTAssertEqual(records.rows[0]["Corrections"], "corrected by REC-002")
        XCTAssertEqual(records.rows[0]["Disposal due"], "2025-05-01")
    }

    func testTextMarkdownAndJSON() throws {
        let plan = try plan()
        let text = DocumentRegister(plan: plan).render(.text)
        XCTAssertTrue(text.hasPrefix("Master list of controlled documents as of 2026-06-01: 3 documents"), text)
        XCTAssertTrue(text.contains("\nPRO-002  procedure  1.0      draft     service-manager  -"), text)
        let markdown = RecordsRegister(plan: plan).render(.markdown)
        XCTAssertTrue(markdown.contains("3 records, 2 past retention, marked for disposal"), markdown)
        XCTAssertTrue(markdown.contains("| REC-002 | Management review | management-review | 2026-05-01 | 6 years | 2032-05-01 | no | corrects REC-001 |"), markdown)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(RecordsRegister(plan: plan).render(.json).utf8)) as? [String: Any])
        let first = try XCTUnwrap((json["records"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["forDisposal"] as? Bool, true)
        XCTAssertEqual(first["correctedBy"] as? [String], ["REC-002"])
    }
}
