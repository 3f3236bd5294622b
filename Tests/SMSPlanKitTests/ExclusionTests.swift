import XCTest
@testable import SMSPlanKit

/// ISO/IEC 20000-1 accepts no exclusion of its requirements (1.2 of both editions): an
/// exclusion under a bundled schema is an error, with or without a reason, and changes no
/// coverage; only a custom schema's `excludable: true` requirements may be excluded.
final class ExclusionTests: XCTestCase {
    private static let inHouse = """
        schema: 1
        id: in-house
        extends: iso20000-1:2011
        requirements:
          - { id: "IH-1", title: On-site safety, excludable: true, evidence: [{ type: procedure }] }
          - { id: "IH-2", title: Badges, evidence: [{ type: procedure }] }

        """

    private func check(_ config: String, schema: String? = nil) throws -> (Plan, CheckResult) {
        var files: [(path: String, text: String)] = [("smsplan.yaml", config), ("policies/p.md", RuleExample.approvedPolicy)]
        if let schema { files.append(("in-house.yaml", schema)) }
        let plan = try PlanFixtures.load(files)
        return (plan, Engine.check(plan))
    }

    private func exclusionFindings(_ result: CheckResult) -> [String] {
        result.diagnostics.filter { $0.rule.rawValue.hasPrefix("exclusion-") }.map { "\($0.rule) \($0.severity) \($0.line):\($0.column) \($0.message)" }
    }

    func testAnExclusionOfABundledRequirementIsAnErrorWithOrWithoutAReason() throws {
        for entry in ["{ requirement: \"7.2\", reason: No external suppliers }", "{ requirement: \"7.2\" }"] {
            let (plan, result) = try check("smsplan: 1\nexclusions:\n  - \(entry)\n")
            XCTAssertEqual(exclusionFindings(result), [
                "exclusion-not-permitted error 3:20 exclusion of 7.2 \"Supplier management\" is not permitted: iso20000-1:2011 accepts no exclusion of its requirements; a process run by another party stays in scope (operated-by)",
            ], entry)
            XCTAssertNotEqual(plan.analysis?.coverage.requirements["7.2"]?.status, .excluded, "the exclusion changes no coverage")
            XCTAssertNil(plan.analysis?.coverage.exclusions["7.2"])
        }
        let (_, parent) = try check("smsplan: 1\nstandard: iso20000-1:2018\nexclusions:\n  - { requirement: \"8.3\", reason: Done by the group }\n")
        XCTAssertEqual(exclusionFindings(parent).count, 1)
        XCTAssertTrue(exclusionFindings(parent).first?.hasPrefix("exclusion-not-permitted error") == true)
    }

    func testACustomSchemaMayAllowExclusionsOfItsOwnRequirements() throws {
        let (plan, unjustified) = try check("smsplan: 1\nstandard: in-house.yaml\nexclusions:\n  - { requirement: \"IH-1\" }\n  - { requirement: \"IH-2\", reason: No badges }\n  - { requirement: \"4.2\", reason: None }\n", schema: Self.inHouse)
        XCTAssertEqual(exclusionFindings(unjustified), [
            "exclusion-unjustified error 4:20 exclusion of IH-1 \"On-site safety\" gives no reason",
            "exclusion-not-permitted error 5:20 exclusion of IH-2 \"Badges\" is not permitted: the schema does not mark it excludable",
            "exclusion-not-permitted error 6:20 exclusion of 4.2 \"Governance of processes operated by other parties\" is not permitted: the schema does not mark it excludable",
        ])
        XCTAssertEqual(plan.analysis?.coverage.requirements["IH-1"]?.status, .excluded)
        let (justified, result) = try check("smsplan: 1\nstandard: in-house.yaml\nexclusions:\n  - { requirement: \"IH-1\", reason: No on-site work }\n", schema: Self.inHouse)
        XCTAssertEqual(exclusionFindings(result), [])
        let report = try XCTUnwrap(CoverageReport(plan: justified))
        XCTAssertTrue(report.exclusionsAllowed)
        XCTAssertTrue(report.render(.markdown).contains("| IH-1 | On-site safety | no | No on-site work | excluded |"), report.render(.markdown))
    }

    func testACustomSchemaCannotMakeAnISORequirementExcludable() throws {
        let text = Self.inHouse + "  - { id: \"7.2\", title: Supplier management, excludable: true, evidence: [{ type: agreement }] }\n"
        let (schema, findings) = RequirementSchema.decode(Data(text.utf8), path: "in-house.yaml", base: RequirementSchema.bundled)
        XCTAssertEqual(findings.map(\.message), [
            "requirement \"7.2\" belongs to the bundled schema it extends, which accepts no exclusion; it cannot be made excludable",
        ])
        XCTAssertEqual(schema?.requirement("IH-1")?.excludable, true)
        XCTAssertEqual(schema?.requirement("IH-2")?.excludable, false, "not excludable unless the schema says so")
    }

    func testNoBundledRequirementIsExcludable() throws {
        for id in RequirementSchema.bundledIDs {
            let schema = try XCTUnwrap(RequirementSchema.bundled(id))
            XCTAssertEqual(schema.requirements.filter(\.excludable).map(\.id), [], id)
        }
    }
}
