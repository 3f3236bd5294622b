import XCTest
@testable import SMSPlanKit

final class ConfigTests: XCTestCase {
    private func decode(_ text: String) throws -> (PlanConfig, [Finding]) {
        try PlanConfig.decode(Data(text.utf8), path: "smsplan.yaml", knownRules: RuleRegistry.ids)
    }

    func testDefaultsAndOverrides() throws {
        let (config, findings) = try decode("""
            smsplan: 1
            standard: iso20000-1:2018
            current-phase: 2
            documents:
              roots: [docs]
              review-interval: 6 months
              id-prefixes: { policy: POLICY }
            exclusions:
              - { requirement: "7.2", reason: No suppliers }
            rules: { review-overdue: warning, self-approval: off }
            baseline: { tag-prefix: "sms/", sign: true }

            """)
        XCTAssertEqual(findings.map(\.message), [])
        XCTAssertEqual(config.standardID, "iso20000-1:2018")
        XCTAssertEqual(config.currentPhase, 2)
        XCTAssertEqual(config.roots, ["docs"])
        XCTAssertEqual(config.reviewInterval, PlanDuration(count: 6, unit: .months))
        XCTAssertEqual(config.idPrefixes[.policy], "POLICY")
        XCTAssertEqual(config.idPrefixes[.record], "REC")
        XCTAssertEqual(config.exclusions.first?.requirement.value, "7.2")
        XCTAssertEqual(config.ruleSettings["self-approval"], .off)
        XCTAssertEqual(config.baseline.tagPrefix, "sms/")
        XCTAssertTrue(config.baseline.sign)
    }

    func testUnknownKeysAndRulesAreFindingsWithLocations() throws {
        let (config, findings) = try decode("smsplan: 1\ncurent-phase: 2\nrules:\n  no-such-rule: off\n  field-unknown: loud\n")
        XCTAssertEqual(config.currentPhase, 1)
        XCTAssertEqual(findings.map(\.rule), [ConfigInvalidRule.id, ConfigInvalidRule.id, ConfigInvalidRule.id])
        XCTAssertEqual(findings.map(\.location), [
            SourceLocation(line: 2, column: 1), SourceLocation(line: 4, column: 3), SourceLocation(line: 5, column: 18),
        ])
        XCTAssertTrue(findings.allSatisfy { $0.path == "smsplan.yaml" })
    }

    func testANewerFormatOrAnUnreadableFileStopsTheRun() {
        XCTAssertThrowsError(try decode("smsplan: 2\n")) { error in
            XCTAssertEqual("\(error)", "smsplan.yaml:1:10: format version 2 is newer than this smsplan reads (1); upgrade smsplan")
        }
        XCTAssertThrowsError(try decode("smsplan: [1\n"))
        XCTAssertThrowsError(try decode("- a list\n"))
    }

    func testIDPrefixesAreCapitalLettersAndDigits() throws {
        let (config, findings) = try decode("""
            smsplan: 1
            documents:
              id-prefixes: { policy: SMS2, procedure: Proc, record: 1REC, plan: "P-1", process: "PRO C" }

            """)
        XCTAssertEqual(config.idPrefixes[.policy], "SMS2")
        XCTAssertEqual(findings.map(\.message), [
            "id prefix \"Proc\" must be capital letters and digits, such as POL",
            "id prefix \"1REC\" must be capital letters and digits, such as POL",
            "id prefix \"P-1\" must be capital letters and digits, such as POL",
            "id prefix \"PRO C\" must be capital letters and digits, such as POL",
        ])
    }

    /// The id prefix check accepts what the pattern `^[A-Z][A-Z0-9]*$` matches, and nothing else.
    func testIDPrefixCheckAcceptsWhatItsPatternMatches() {
        let pieces = ["A", "Z", "Q", "0", "9", "a", "@", "[", "/", ":", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}",
                      "\u{85}", "\u{2028}", "\u{2029}", "\u{0E}", "\u{301}", "É", "Ａ", "\u{1F600}", "_", "-", "\u{0}"]
        var texts = [""]
        for _ in 1...3 { texts += texts.flatMap { text in pieces.map { text + $0 } } }
        texts += ["POL", "SMS2026", "POL\n\n", "POL\r\r", "POL\n\r", "\nPOL", "PO\nL", "POL\r\n\r\n"]
        for text in Set(texts) {
            let matches = text.range(of: "^[A-Z][A-Z0-9]*$", options: .regularExpression) != nil
            XCTAssertEqual(PlanConfig.isIDPrefix(text), matches, text.debugDescription)
        }
    }

    func testMissingFormatVersionIsReported() throws {
        let (_, findings) = try decode("organization: X\n")
        XCTAssertEqual(findings.map(\.message), ["missing \"smsplan: 1\", the configuration format version"])
    }

    func testRolesRegister() throws {
        let (roles, findings) = try RolesRegister.decode(Data(PlanFixtures.roles.utf8), path: "roles.yaml")
        XCTAssertEqual(findings.map(\.message), [])
        XCTAssertEqual(roles.roles.map(\.id), ["top-management", "service-manager", "quality-manager"])
        XCTAssertEqual(roles.role("service-manager")?.members.first?.handle, "sokafor")
        let (_, duplicate) = try RolesRegister.decode(Data("roles:\n  - { id: a }\n  - { id: a }\n".utf8), path: "roles.yaml")
        XCTAssertEqual(duplicate.map(\.message), ["role \"a\" is listed twice"])
    }

    func testRuleSeverityOverridesApply() throws {
        let overdue = RuleExample.policy(replacing: "approved-on: 2026-03-01", with: "approved-on: 2026-03-01\nnext-review: 2026-05-01")
        let files = overdue.files + [("smsplan.yaml", "smsplan: 1\nrules: { review-overdue: warning }\n")]
        XCTAssertEqual(try PlanFixtures.check(files).diagnostics.map(\.severity), [.warning])
        let off = overdue.files + [("smsplan.yaml", "smsplan: 1\nrules: { review-overdue: off }\n")]
        XCTAssertEqual(try PlanFixtures.check(off).diagnostics.count, 0)
    }

    func testDatesAndDurations() {
        XCTAssertNil(PlanDate("2026-02-30"))
        XCTAssertNotNil(PlanDate("2028-02-29"))
        XCTAssertEqual(PlanDate("2026-01-31")!.adding(months: 1), PlanDate("2026-02-28"))
        XCTAssertEqual(PlanDuration("1 year")!.after(PlanDate("2026-03-01")!), PlanDate("2027-03-01"))
        XCTAssertEqual(PlanDate(Date(timeIntervalSince1970: 1_700_000_000)), PlanDate("2023-11-14"))
        XCTAssertEqual(PlanDate("2026-12-31")!.adding(days: 1), PlanDate("2027-01-01"))
        XCTAssertEqual(PlanDate("2026-03-01")!.adding(days: -1), PlanDate("2026-02-28"))
    }

    /// Dates written `dddd-dd-dd` are read on their bytes; every other spelling as before:
    /// each is read as the split on "-" reads it, with four, two and two ASCII characters
    /// that make whole numbers.
    func testDatesReadAsTheirPartsSay() {
        func byParts(_ text: String) -> PlanDate? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
                let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
            else { return nil }
            return PlanDate(year: year, month: month, day: day)
        }
        let texts = ["2026-03-01", "0000-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10",
                     "2026-01-00", "2026-1-05", "2026-01-5", "+202-01-01", "2026-+1-05", "2026/01/01", "2026-01-01 ",
                     " 2026-01-01", "2026-0a-01", "２０２６-01-01", "2026-01-01-", "2026--01-01", "", "20260101", "2026-01-3\u{0661}"]
        for text in texts {
            XCTAssertEqual(PlanDate(text), byParts(text), text)
        }
        XCTAssertEqual(PlanDate("+202-01-01"), PlanDate(year: 202, month: 1, day: 1))
        XCTAssertEqual(PlanDate("2026-03-01"), PlanDate(year: 2026, month: 3, day: 1))
    }
}
