import XCTest
@testable import SMSPlanKit

/// Evidence items as an auditor reads them: ids, each met on its own, claims no item can
/// meet, counting, required topics, good practice, periodic records at planned intervals,
/// records held in other systems and processes operated by other parties.
final class EvidenceItemTests: XCTestCase {
    /// An approved document (a final record for `type: record`) with extra front matter and body.
    static func document(_ id: String, _ type: String, _ satisfies: [String], _ extra: String = "", body: String = "") -> String {
        let claims = satisfies.map { "\"\($0)\"" }.joined(separator: ", ")
        let control = type == "record"
            ? "status: final\nrecorded-on: 2026-05-01\nretention: 6 years\n"
            : "version: \"1.0\"\nstatus: approved\napproved-by: top-management\napproved-on: 2026-03-01\nhistory:\n  - { version: \"1.0\", date: 2026-03-01, author: A. Writer, summary: Approved }\n"
        return "---\nid: \(id)\ntitle: \(id)\ntype: \(type)\nowner: service-manager\n\(control)satisfies: [\(claims)]\n\(extra)---\n# \(id)\n\n\(body)"
    }

    private func plan(_ files: [(String, String)], config: String = "smsplan: 1\n") throws -> Plan {
        try PlanFixtures.load([("smsplan.yaml", config)] + files.map { (path: $0.0, text: $0.1) })
    }

    private func coverage(_ plan: Plan, _ id: String) throws -> RequirementCoverage {
        try XCTUnwrap(plan.analysis?.coverage.requirements[id])
    }

    private func messages(_ plan: Plan, _ rule: RuleID) -> [String] {
        Engine.check(plan).diagnostics.filter { $0.rule == rule }.map(\.message)
    }

    // Point 2: items with ids, each met on its own; a claim no item accepts.

    func testItemsHaveStableIDsInTheSchema() throws {
        let schema = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2011"))
        XCTAssertEqual(schema.requirement("8.1")?.evidence.map(\.id),
                       ["incident-procedure", "service-request-procedure", "incident-records", "service-request-records", "process"])
        let text = SchemaReport(schema: schema).render(.text)
        XCTAssertTrue(text.contains("evidence: [8.1/service-request-procedure] procedure: documented procedure for service requests"), text)
        for id in RequirementSchema.bundledIDs {
            for requirement in try XCTUnwrap(RequirementSchema.bundled(id)).requirements {
                XCTAssertEqual(Set(requirement.evidence.map(\.id)).count, requirement.evidence.count, "\(id) \(requirement.id)")
                XCTAssertFalse(requirement.evidence.contains { $0.id.hasPrefix("item-") }, "\(id) \(requirement.id) names its items")
            }
        }
    }

    func testOneProcedureCannotMeetTwoProcedureItems() throws {
        let incident = Self.document("PRO-001", "procedure", ["8.1"])
        let alone = try coverage(try plan([("procedures/incident.md", incident)]), "8.1")
        XCTAssertEqual(alone.items.filter(\.isMet).map(\.item.id), ["incident-procedure"])
        XCTAssertEqual(alone.items.first { $0.item.id == "service-request-procedure" }?.documents, [])
        let both = try coverage(try plan([("procedures/incident.md", incident), ("procedures/requests.md", Self.document("PRO-002", "procedure", ["8.1"]))]), "8.1")
        XCTAssertEqual(both.items.filter(\.isMet).map(\.item.id), ["incident-procedure", "service-request-procedure"])
        XCTAssertEqual(Set(both.items.prefix(2).map(\.documents)), [["PRO-001"], ["PRO-002"]])
    }

    func testAClaimNoItemAcceptsIsAFindingNamingTheAcceptedTypes() throws {
        let plan = try plan([("procedures/p.md", Self.document("PRO-001", "procedure", ["4.1.2", "6", "4.3.1"])),
                             ("records/r.md", Self.document("REC-001", "record", ["4.5.4.3"], "record-of: training\n"))])
        XCTAssertEqual(messages(plan, EvidenceTypeMismatchRule.id), [
            "a procedure cannot be evidence for 4.1.2 \"Service management policy\": its evidence items accept policy (4.1.2/policy)",
            "6 \"Service delivery processes\" takes its coverage from its sub-clauses (6.1, 6.2, 6.3, 6.4, 6.5, 6.6); list the one this procedure is evidence for",
            "a procedure cannot be evidence for 4.3.1 \"Establish and maintain documents\": its evidence items accept external (4.3.1/external-documents)",
            "a record of \"training\" cannot be evidence for 4.5.4.3 \"Management review\": its evidence items accept record (record-of: management-review) (4.5.4.3/review-records)",
        ])
        XCTAssertEqual(Engine.check(plan).diagnostics.first { $0.rule == EvidenceTypeMismatchRule.id }?.severity, .error)
    }

    // Point 3: counting.

    static let catalogue = document("CAT-001", "catalogue", ["6.1", "7.2"], "services: [Service desk, Hosting]\nsuppliers: [CloudHarbour Ltd, Wirenet]\n")

    func testOneAgreementPerServiceAndPerSupplier() throws {
        let sla = Self.document("AGR-001", "agreement", ["6.1"], "party: Calder\nservices: [Service desk]\n", body: Self.slaBody)
        let partial = try plan([("services/catalogue.md", Self.catalogue), ("services/sla.md", sla),
                                ("services/supplier.md", Self.document("AGR-002", "agreement", ["7.2"], "party: CloudHarbour Ltd\n"))])
        let slas = try XCTUnwrap(try coverage(partial, "6.1").items.first { $0.item.id == "slas" })
        XCTAssertFalse(slas.isMet)
        XCTAssertEqual(slas.missing, ["service \"Hosting\""])
        let suppliers = try XCTUnwrap(try coverage(partial, "7.2").items.first { $0.item.id == "supplier-agreements" })
        XCTAssertEqual(suppliers.missing, ["supplier \"Wirenet\""])
        XCTAssertEqual(try coverage(partial, "6.1").status, .partial)

        let second = Self.document("AGR-003", "agreement", ["6.1"], "party: Pennine\nservices: [hosting]\n", body: Self.slaBody)
        let complete = try plan([("services/catalogue.md", Self.catalogue), ("services/sla.md", sla), ("services/sla-2.md", second)])
        let met = try XCTUnwrap(try coverage(complete, "6.1").items.first { $0.item.id == "slas" })
        XCTAssertTrue(met.isMet)
        XCTAssertEqual(Set(met.documents), ["AGR-001", "AGR-003"])
        let none = try XCTUnwrap(try coverage(try plan([("services/sla.md", sla)]), "6.1").items.first { $0.item.id == "slas" })
        XCTAssertEqual(none.missing, ["no approved catalogue lists its services (services:)"])
    }

    // Point 4: content.

    static let slaBody = "## Parties\n## Scope\n## Service levels\n## Responsibilities\n## Reporting and review\n"

    func testTopicsAreHeadingsTheDocumentMustHave() throws {
        let thin = try plan([("plan/sms.md", Self.document("PLN-001", "plan", ["4.5.2"], body: "## Objectives\n## Resources\n"))])
        let missing = messages(thin, HeadingMissingRule.id)
        XCTAssertEqual(missing.count, 9, "\(missing)")
        XCTAssertTrue(missing.contains("no section on \"technology\"; requirement 4.5.2 \"Plan the SMS (Plan)\" asks the service management plan (4.5.2/sms-plan) to address it as a heading"), "\(missing)")
        XCTAssertEqual(try coverage(thin, "4.5.2").status, .partial, "a plan without the topics does not meet the item")
        let review = try plan([("records/review.md", Self.document("REC-001", "record", ["4.5.4.3"], "record-of: management-review\n", body: "## Inputs reviewed\n## Actions\n"))])
        XCTAssertEqual(messages(review, HeadingMissingRule.id), [
            "no section on \"decisions\"; requirement 4.5.4.3 \"Management review\" asks the management review records (4.5.4.3/review-records) to address it as a heading",
        ])
        let sla = try plan([("services/sla.md", Self.document("AGR-001", "agreement", ["6.1"], body: "## Parties\n"))])
        XCTAssertEqual(messages(sla, HeadingMissingRule.id).count, 4)
    }

    // Point 5: corrected evidence lists; good practice does not block.

    func testCorrectedEvidenceLists() throws {
        let schema = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2011"))
        XCTAssertEqual(schema.requirement("4.3.1")?.evidence.compactMap(\.asIn), ["4.1.2", "4.1.1", "4.5.2", "6.1", "4.3.2", "4.3.3"])
        XCTAssertEqual(schema.requirement("4.1.1")?.evidence.map(\.id), ["commitment", "objectives"])
        for (clause, kind) in [("4.5.5.1", "corrective-action"), ("6.2", "service-report"), ("8.1", "service-request"), ("6.3.3", "availability-monitoring")] {
            XCTAssertTrue(schema.requirement(clause)?.evidence.contains { $0.recordOf == kind && $0.level == .required } == true, clause)
        }
        XCTAssertEqual(schema.requirement("4.4.1")?.evidence.map(\.level), [.goodPractice])
        let schema2018 = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2018"))
        XCTAssertEqual(schema2018.requirement("7.5.4")?.evidence.filter { $0.level == .required }.allSatisfy { $0.asIn != nil }, true)
        for clause in ["4.1", "4.2", "7.1", "7.3", "7.4", "7.6"] {
            XCTAssertEqual(schema2018.requirement(clause)?.evidence.map(\.level), [.goodPractice], clause)
        }
        for clause in ["7.4", "7.5.2", "7.5.3", "10.2"] {
            XCTAssertTrue(schema2018.requirement(clause)?.evidence.first?.accepts(.procedure, recordOf: nil) == true, clause)
        }
        XCTAssertTrue(schema2018.requirement("8.3.4.1")?.evidence.contains { $0.accepts(.procedure, recordOf: nil) } == true)
        XCTAssertTrue(schema2018.requirement("9.4")?.evidence.contains { $0.recordOf == "service-report" } == true)
    }

    func testGoodPracticeShowsButNeverBlocks() throws {
        let plan = try plan([("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: "id: P1-01, requirements: [\"4.4.1\", \"4.3.1\"], status: open"))])
        let resources = try coverage(plan, "4.4.1")
        XCTAssertEqual(resources.status, .uncovered)
        XCTAssertFalse(resources.documentsRequired)
        XCTAssertFalse(resources.blocks)
        let uncovered = messages(plan, RequirementUncoveredRule.id)
        XCTAssertEqual(uncovered.map { $0.split(separator: " ")[1] }, ["4.3.1"], "\(uncovered)")
        XCTAssertTrue(uncovered.first?.contains("service management policy [4.3.1/policy] (4.1.2 not covered)") == true, "\(uncovered)")
    }

    // Point 6: periodic records at planned intervals; corrections do not reset the clock.

    func testACorrectionDoesNotResetRecordDue() throws {
        let review = RuleExample.managementReview(on: "2025-04-01")
        let correction = review.replacingOccurrences(of: "REC-001", with: "REC-002").replacingOccurrences(of: "2025-04-01", with: "2026-05-20")
            .replacingOccurrences(of: "satisfies:", with: "corrects: REC-001\nsatisfies:")
        XCTAssertEqual(messages(try plan([("records/review.md", review), ("records/correction.md", correction)]), RecordDueRule.id), [
            "the newest management-review record for 4.5.4.3, REC-001 of 2025-04-01, is older than 12 months; the next one was due on 2026-04-01",
        ])
    }

    func testTheIntervalIsPlannedInTheConfiguration() throws {
        let review = [("records/review.md", RuleExample.managementReview(on: "2025-11-01"))]
        XCTAssertEqual(messages(try plan(review), RecordDueRule.id), [])
        XCTAssertEqual(messages(try plan(review, config: "smsplan: 1\nrecord-intervals: { management-review: 6 months }\n"), RecordDueRule.id), [
            "the newest management-review record for 4.5.4.3, REC-001 of 2025-11-01, is older than 6 months; the next one was due on 2026-05-01",
        ])
        let bad = try plan(review, config: "smsplan: 1\nrecord-intervals: { management-review: often }\n")
        XCTAssertEqual(Engine.check(bad).diagnostics.filter { $0.rule == ConfigInvalidRule.id }.map(\.message),
                       ["\"record-intervals.management-review\" must be a period such as \"6 months\"; found \"often\""])
    }

    // Point 7: records held in other systems.

    static let heldReview = RuleExample.managementReview(on: "2026-05-01")
        .replacingOccurrences(of: "satisfies:", with: "held-in: { system: Board portal, url: \"https://board.example/reviews\", owner: top-management, last-checked: 2025-03-01 }\nsatisfies:")

    func testARecordHeldElsewhereCountsAndIsJudgedByLastChecked() throws {
        let plan = try plan([("records/review.md", Self.heldReview)])
        let item = try XCTUnwrap(try coverage(plan, "4.5.4.3").items.first)
        XCTAssertTrue(item.isMet)
        XCTAssertEqual(item.heldIn, ["REC-001": "Board portal"])
        XCTAssertEqual(messages(plan, RecordDueRule.id), [
            "the newest management-review record for 4.5.4.3, REC-001, held in Board portal and last checked of 2025-03-01, is older than 12 months; the next one was due on 2026-03-01",
        ])
        let report = try XCTUnwrap(CoverageReport(plan: plan))
        XCTAssertTrue(report.render(.text).contains("REC-001 (held in Board portal)"), report.render(.text))
        let noQuery = try PlanFixtures.check([("records/review.md", Self.heldReview.replacingOccurrences(of: "url: \"https://board.example/reviews\", ", with: ""))])
        XCTAssertEqual(noQuery.diagnostics.filter { $0.rule == FieldMissingRule.id }.map(\.message),
                       ["held-in has neither \"query\" nor \"url\"; say how to find the records in Board portal"])
    }

    // Operated by other parties.

    func testAProcessOperatedByAnotherPartyNeedsItsGovernance() throws {
        let operated = try plan([("processes/hosting.md", PartyUngovernedRule.operated)])
        XCTAssertEqual(messages(operated, PartyUngovernedRule.id), [
            "process PRC-001 is operated by \"CloudHarbour Ltd\", which is not governed: no approved agreement names \"CloudHarbour Ltd\" as its party; no approved process for governing other parties or managing suppliers; until it is, the process is not evidence",
        ])
        XCTAssertEqual(try coverage(operated, "6.5").items.first { $0.item.id == "process" }?.documents, [])
        let governed = try plan([("processes/hosting.md", PartyUngovernedRule.operated), ("services/hosting.md", PartyUngovernedRule.agreement),
                                 ("processes/suppliers.md", PartyUngovernedRule.governing)])
        XCTAssertEqual(messages(governed, PartyUngovernedRule.id), [])
        let capacity = try coverage(governed, "6.5")
        XCTAssertEqual(capacity.parties, ["PRC-001 operated by CloudHarbour Ltd, governed by AGR-001 (PRC-002)"])
        XCTAssertEqual(capacity.items.first { $0.item.id == "process" }?.documents, ["PRC-001"])
        XCTAssertTrue(try XCTUnwrap(CoverageReport(plan: governed)).render(.markdown).contains("PRC-001 operated by CloudHarbour Ltd, governed by AGR-001 (PRC-002)"))
    }
}
