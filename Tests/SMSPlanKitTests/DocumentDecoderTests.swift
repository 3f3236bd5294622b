import XCTest
@testable import SMSPlanKit

final class DocumentDecoderTests: XCTestCase {
    private func decode(_ frontMatter: String) -> (document: Document?, findings: [Finding]) {
        DocumentDecoder.decode(Data("---\n\(frontMatter)---\n".utf8), path: "policies/x.md")
    }

    private let base = "id: POL-001\ntitle: T\ntype: policy\nversion: \"1.0\"\nstatus: draft\nowner: service-manager\n"

    func testTypedFieldsAndTheirLocations() throws {
        let result = decode(base + "approved-on: 2026-03-01\nsatisfies: [\"4.1.2\", 4.3]\nphase: 2\n")
        let document = try XCTUnwrap(result.document)
        XCTAssertEqual(result.findings.map(\.message), [])
        XCTAssertEqual(document.type?.value, .policy)
        XCTAssertEqual(document.version?.value, DocumentVersion("1.0"))
        XCTAssertEqual(document.approvedOn?.value, PlanDate("2026-03-01"))
        XCTAssertEqual(document.approvedOn?.location, SourceLocation(line: 8, column: 14))
        XCTAssertEqual(document.satisfies.map(\.value), ["4.1.2", "4.3"])
        XCTAssertEqual(document.phase?.value, 2)
    }

    func testUnquotedVersionIsInvalidAndNamesTheFix() {
        let result = decode(base.replacingOccurrences(of: "version: \"1.0\"", with: "version: 1.10"))
        XCTAssertEqual(result.findings.map(\.rule), [FieldInvalidRule.id])
        XCTAssertEqual(result.findings.first?.location, SourceLocation(line: 5, column: 10))
        XCTAssertEqual(result.findings.first?.message, "\"version\" 1.10 is not quoted, so YAML reads it as a number; write \"1.10\"")
        XCTAssertNil(result.document?.version)
    }

    func testImpossibleDatesEnumsAndShapesAreInvalid() {
        let result = decode(base.replacingOccurrences(of: "status: draft", with: "status: done")
            + "approved-on: 2026-02-30\nclassification: secret\nsatisfies: 4.1.2\n")
        XCTAssertEqual(result.findings.map(\.rule), Array(repeating: FieldInvalidRule.id, count: 4))
        XCTAssertEqual(result.findings.map(\.location.line), [6, 8, 9, 10])
        XCTAssertTrue(result.findings[1].message.contains("2026-02-30"))
    }

    func testMissingFieldsDependOnTheType() {
        let record = decode("id: REC-001\ntitle: T\ntype: record\nstatus: final\nowner: service-manager\n")
        XCTAssertEqual(Set(record.findings.map(\.message)), [
            "required field \"record-of\" is missing (every record has it)",
            "required field \"recorded-on\" is missing (every record has it)",
            "required field \"retention\" is missing (every record has it)",
        ])
        let policy = decode("id: POL-001\ntype: policy\nstatus: final\n")
        XCTAssertEqual(policy.findings.filter { $0.rule == FieldInvalidRule.id }.count, 1, "final is not a policy status")
        XCTAssertEqual(Set(policy.findings.filter { $0.rule == FieldMissingRule.id }.map(\.message)), [
            "required field \"title\" is missing", "required field \"owner\" is missing", "required field \"version\" is missing",
        ])
    }

    func testUnknownFieldsAreWarnedWithASuggestion() {
        let result = decode(base + "aproved-by: top-management\n")
        XCTAssertEqual(result.findings.map(\.rule), [FieldUnknownRule.id])
        XCTAssertEqual(result.findings.first?.message, "unknown field \"aproved-by\" (did you mean \"approved-by\"?)")
        XCTAssertEqual(result.findings.first?.location, SourceLocation(line: 8, column: 1))
    }

    func testHistoryAndActivitiesAreDecodedWithTheirOwnChecks() throws {
        let result = decode(base + """
            history:
              - { version: "0.1", date: 2026-01-10, author: A, summary: Draft }
              - { version: 1.0, date: 2026-01-11 }
              - { date: 2026-01-12, by: B }
            activities:
              - { id: P1-01, requirements: ["4.1"], status: done, evidence: [POL-001] }
              - { title: no id, status: finished }

            """)
        let document = try XCTUnwrap(result.document)
        XCTAssertEqual(document.history.count, 3)
        XCTAssertEqual(document.activities.first?.evidence.map(\.value), ["POL-001"])
        XCTAssertEqual(result.findings.map { "\($0.rule) \($0.location.line)" }, [
            "field-invalid 10", "field-unknown 11", "field-missing 11", "field-invalid 14", "field-missing 14",
        ])
    }
}
