import Foundation
import TestSupport
import XCTest

/// Editions never mixed, and `smsplan migrate --to iso20000-1:2018` on the exemplar: the
/// finding when standard: changes alone, a dry run that writes nothing, the decisions a person
/// makes, and baselines from before the migration that still verify.
final class MigrateCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    @discardableResult
    private func smsplan(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity)
    }

    private func findings(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.hasSuffix("]") && ($0.contains(": error: ") || $0.contains(": warning: ")) }
    }

    private func rule(_ line: String) -> String {
        String(line[line.index(after: line.lastIndex(of: "[")!)...].dropLast())
    }

    func testSwitchingTheStandardAloneIsAnErrorAndCountsNoClaimOfTheOtherEdition() throws {
        repository = try TestRepository.withPlanTemplate()
        let config = try repository.read("smsplan.yaml")
        XCTAssertTrue(config.contains("claims-edition: iso20000-1:2011\n"), "the exemplar records its claims' edition")
        try repository.write("smsplan.yaml", config.replacingOccurrences(of: "standard: iso20000-1:2011\n", with: "standard: iso20000-1:2018\n"))
        let check = try smsplan("check")
        XCTAssertEqual(check.status, 1)
        let found = findings(check.output)
        XCTAssertEqual(found.map(rule), ["edition-mismatch"], check.output)
        XCTAssertTrue(found[0].hasPrefix("smsplan.yaml:7:17: error: satisfies claims are written for \"iso20000-1:2011\""), found[0])
        XCTAssertTrue(found[0].contains("`smsplan migrate --to iso20000-1:2018`"), found[0])

        let coverage = try SMSPlanBinary.json(["coverage", "--format", "json"], in: repository.directory)
        XCTAssertEqual(coverage["edition"] as? String, "iso20000-1:2018")
        XCTAssertEqual(coverage["claimsEdition"] as? String, "iso20000-1:2011")
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        XCTAssertEqual(rows.filter { $0["status"] as? String != "uncovered" }.compactMap { $0["id"] as? String }, [],
                       "no clause is covered by ids of the other edition")
        let leadership = try XCTUnwrap(rows.first { $0["id"] as? String == "5.1" })
        let documents = (leadership["evidence"] as? [[String: Any]] ?? []).flatMap { $0["documentIds"] as? [String] ?? [] }
        XCTAssertEqual(documents, [], "2011 5.1 design and transition does not cover 2018 5.1 leadership")
        let status = try smsplan("status")
        XCTAssertTrue(status.output.contains("the satisfies claims are written for iso20000-1:2011, not iso20000-1:2018"), status.output)
    }

    func testDryRunWritesNothingAndListsWhatWouldChange() throws {
        repository = try TestRepository.withPlanTemplate()
        let before = try repository.snapshot()
        let dry = try smsplan("migrate", "--to", "iso20000-1:2018", "--dry-run")
        XCTAssertEqual(dry.status, 0, dry.errors)
        XCTAssertTrue(dry.output.hasPrefix("would migrate the plan's claims from iso20000-1:2011 to iso20000-1:2018 (--dry-run: nothing written)\n"), dry.output)
        XCTAssertTrue(dry.output.contains("policies/service-management-policy.md:13"), dry.output)
        XCTAssertEqual(try repository.snapshot(), before, "--dry-run writes nothing")
        let markdown = try smsplan("migrate", "--to", "iso20000-1:2018", "--dry-run", "--format", "markdown")
        XCTAssertTrue(markdown.output.contains("## Decisions ("), markdown.output)
        XCTAssertTrue(markdown.output.contains("| 8.2.5 | Asset management | yes | process definition for asset management |"), markdown.output)
        XCTAssertEqual(try repository.snapshot(), before)
    }

    func testMigratingTheExampleListsItsDecisionsAndChecksCleanOnceTheyAreMade() throws {
        let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-migrate-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
        repository = TestRepository(wrapping: sandbox)
        XCTAssertEqual(try SMSPlanBinary.run(["init", "plan", "--example"], in: sandbox, environment: identity).status, 0)
        let plan = TestRepository(wrapping: sandbox.appendingPathComponent("plan"))
        func commit(_ message: String) throws {
            try plan.git("add", "-A")
            try plan.git("-c", "user.name=Ada Lovelace", "-c", "user.email=ada@example.com", "commit", "-q", "--no-verify", "-m", message)
        }
        try commit("The exemplar")
        let untouched = try plan.read("procedures/incident-management.md")

        let result = try SMSPlanBinary.run(["migrate", "--to", "iso20000-1:2018", "--format", "json"], in: plan.directory)
        XCTAssertEqual(result.status, 0, result.errors)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        XCTAssertEqual(report["version"] as? Int, 1)
        XCTAssertEqual(report["kind"] as? String, "migrate")
        let decisions = try XCTUnwrap(report["decisions"] as? [[String: Any]])
        let rewrites = try XCTUnwrap(report["rewrites"] as? [[String: Any]])
        let uncovered = try XCTUnwrap(report["uncovered"] as? [[String: Any]])
        let policy = try XCTUnwrap(decisions.first { $0["path"] as? String == "policies/service-management-policy.md" })
        XCTAssertEqual(policy["clause"] as? String, "4.1.2")
        XCTAssertEqual(policy["candidates"] as? [String], ["5.2.1", "5.2.2"], "a one-to-many clause is never guessed")
        XCTAssertTrue(rewrites.contains { $0["path"] as? String == "plan/phase-2.md" && $0["from"] as? String == "6.4" && $0["to"] as? String == "8.4.1" })
        let new = Set(uncovered.filter { $0["newInEdition"] as? Bool == true }.compactMap { $0["id"] as? String })
        XCTAssertEqual(new, ["4.1", "4.2", "7.6", "8.2.5", "8.4.2"])
        XCTAssertTrue(uncovered.allSatisfy { !($0["evidence"] as? [String] ?? []).isEmpty }, "each uncovered clause says what evidence it needs")

        // Only the clause ids changed: the policy keeps every other byte.
        let migrated = try plan.read("policies/service-management-policy.md")
        XCTAssertTrue(migrated.contains("satisfies: [\"from-2011:4.1.2\"]\n"), migrated)
        let config = try plan.read("smsplan.yaml")
        XCTAssertTrue(config.contains("standard: iso20000-1:2018\nclaims-edition: iso20000-1:2018\n"), config)
        XCTAssertEqual(try plan.read("procedures/incident-management.md").replacingOccurrences(of: "\"from-2011:8.1\"", with: "\"8.1\""), untouched)

        // Before the decisions: each is an error at its place, and nothing else is an error.
        let open = try SMSPlanBinary.run(["check"], in: plan.directory)
        let errors = findings(open.output).filter { $0.contains(": error: ") }
        XCTAssertEqual(Set(errors.map(rule)), ["requirement-unknown"], open.output)
        XCTAssertEqual(Set(errors.map { String($0.prefix { $0 != ":" }) }), Set(decisions.compactMap { $0["path"] as? String }))
        XCTAssertEqual(findings(open.output).filter { $0.contains(": warning: ") }.map(rule).filter { $0 != "requirement-uncovered" }, [])

        // The decisions as a person makes them: the first choice listed (the SMS plan is the
        // plan of 6.3), and a clause with no counterpart the document can be evidence for removed.
        let chosen = ["plan/sms-plan.md": "6.3"]
        for decision in decisions {
            let path = try XCTUnwrap(decision["path"] as? String), line = try XCTUnwrap(decision["line"] as? Int)
            let written = "\"\(try XCTUnwrap(decision["written"] as? String))\""
            let candidates = decision["candidates"] as? [String] ?? []
            var lines = try plan.read(path).components(separatedBy: "\n")
            if decision["fits"] as? Bool == true, let first = chosen[path] ?? candidates.first {
                lines[line - 1] = lines[line - 1].replacingOccurrences(of: written, with: "\"\(first)\"")
            } else {
                let removal = [", " + written, written + ", ", written].first { lines[line - 1].contains($0) }!
                lines[line - 1] = lines[line - 1].replacingOccurrences(of: removal, with: "")
            }
            try plan.write(path, lines.joined(separator: "\n"))
        }
        let decided = try SMSPlanBinary.run(["check"], in: plan.directory)
        let left = findings(decided.output)
        XCTAssertEqual(Set(left.map(rule)), ["requirement-uncovered"], decided.output)
        let uncoveredIDs = Set(uncovered.compactMap { $0["id"] as? String })
        for finding in left {
            let clause = String(finding.components(separatedBy: "requirement ")[1].prefix { $0 != " " })
            XCTAssertTrue(uncoveredIDs.contains(clause), "\(clause) is one the migration listed as uncovered: \(finding)")
        }
        try commit("Migrate the claims to ISO/IEC 20000-1:2018")
        let committed = try SMSPlanBinary.run(["check", "--rev", "HEAD"], in: plan.directory)
        XCTAssertEqual(findings(committed.output).map(rule).filter { $0 != "requirement-uncovered" }, [],
                       "the migration commit's claims are no change of approved documents or records: \(committed.output)")
    }

    func testABaselineTakenUnder2011VerifiesAfterTheMigration() throws {
        repository = try TestRepository.withPlanTemplate()
        XCTAssertEqual(try smsplan("baseline", "create", "1").status, 0)
        let tag = try repository.git("cat-file", "-p", "baseline/phase-1")
        XCTAssertTrue(tag.contains("\"edition\" : \"iso20000-1:2011\""), tag)
        XCTAssertEqual(try smsplan("migrate", "--to", "iso20000-1:2018").status, 0)
        try repository.commitAll("Migrate the claims to ISO/IEC 20000-1:2018")
        let verify = try smsplan("baseline", "verify", "baseline/phase-1")
        XCTAssertEqual(verify.status, 0, verify.output + verify.errors)
        let status = try SMSPlanBinary.json(["status", "--format", "json"], in: repository.directory)
        XCTAssertEqual(status["edition"] as? String, "iso20000-1:2018")
        XCTAssertNil(status["claimsEdition"], "claims and schema agree after the migration")
    }

    func testAnApprovedVersionFromBeforeTheMigrationCountsWithItsMigratedClaims() throws {
        repository = try TestRepository.withPlanTemplate()
        let path = "services/sla-pennine-legal.md"
        let approved = try repository.read(path)
        try repository.write(path, approved.replacingOccurrences(of: "version: \"1.0\"\nstatus: approved", with: "version: \"1.1\"\nstatus: draft")
            .replacingOccurrences(of: "after the complaint REC-009 was resolved }\n", with: "after the complaint REC-009 was resolved }\n  - { version: \"1.1\", date: 2026-11-25, author: Hannah Brooks, summary: Reporting dates }\n"))
        try repository.commitAll("Revise the Pennine Legal SLA")
        XCTAssertEqual(try smsplan("migrate", "--to", "iso20000-1:2018").status, 0)
        let migrated = try repository.read(path)
        XCTAssertTrue(migrated.contains("satisfies: [\"from-2011:6.1\"]\n"), migrated)
        try repository.write(path, migrated.replacingOccurrences(of: "\"from-2011:6.1\"", with: "\"8.3.3\""))
        let coverage = try SMSPlanBinary.json(["coverage", "--format", "json"], in: repository.directory)
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        func listed(_ clause: String) -> [String] { rows.first { $0["id"] as? String == clause }?["listedBy"] as? [String] ?? [] }
        XCTAssertFalse(listed("6.1").contains("AGR-003"), "version 1.0's 2011 claim 6.1 (service levels) is not 2018 6.1 (risks)")
        XCTAssertTrue(listed("8.3.3").contains("AGR-003"), "version 1.0 counts for 8.3.3, its claim as migrated")
    }

    func testACustomSchemaExtendsTheNewEditionAndKeepsItsOwnRequirements() throws {
        repository = try TestRepository.withPlanTemplate(commit: false)
        try repository.write("in-house.yaml", "schema: 1\nid: in-house\nextends: iso20000-1:2011 # the seed's edition\nrequirements:\n  - { id: \"IH-1\", title: On-site safety, evidence: [{ type: procedure }] }\n")
        let config = try repository.read("smsplan.yaml").replacingOccurrences(of: "standard: iso20000-1:2011\n", with: "standard: in-house.yaml\n")
        try repository.write("smsplan.yaml", config)
        try repository.commitAll("An in-house schema on top of 2011")
        XCTAssertEqual(try smsplan("migrate", "--to", "iso20000-1:2018").status, 0)
        XCTAssertEqual(try repository.read("in-house.yaml"), "schema: 1\nid: in-house\nextends: iso20000-1:2018 # the seed's edition\nrequirements:\n  - { id: \"IH-1\", title: On-site safety, evidence: [{ type: procedure }] }\n")
        XCTAssertEqual(try repository.read("smsplan.yaml"), config.replacingOccurrences(of: "claims-edition: iso20000-1:2011\n", with: "claims-edition: iso20000-1:2018\n"))
        let status = try smsplan("status")
        XCTAssertTrue(status.output.hasPrefix("Northwind Service Desk Ltd - in-house (edition iso20000-1:2018), phase 2"), status.output)
        let check = try smsplan("check")
        XCTAssertFalse(check.output.contains("[edition-mismatch]"), check.output)
        let again = try smsplan("migrate", "--to", "iso20000-1:2018")
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.errors.contains("already written for iso20000-1:2018; nothing to migrate"), again.errors)
    }
}
