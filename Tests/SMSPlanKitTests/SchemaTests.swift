import XCTest
@testable import SMSPlanKit

/// The bundled schemas against the clause lists of the standards (Fixtures/iso20000-1-clauses.md).
final class SchemaTests: XCTestCase {
    /// (id, title, unconfirmed) rows of the table under `heading` in the fixture.
    private func referenceClauses(under heading: String) throws -> [(id: String, title: String, unconfirmed: Bool)] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/iso20000-1-clauses.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: heading).dropFirst().first)
        var rows: [(String, String, Bool)] = []
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard line.hasPrefix("| "), cells.count == 2, cells[0].first?.isNumber == true else {
                if !rows.isEmpty && !line.hasPrefix("|") { break }
                continue
            }
            let unconfirmed = cells[1].hasSuffix(" (?)")
            rows.append((cells[0], unconfirmed ? String(cells[1].dropLast(4)) : cells[1], unconfirmed))
        }
        return rows
    }

    private func assertSchema(_ id: String, matches heading: String, count: Int) throws {
        let schema = try XCTUnwrap(RequirementSchema.bundled(id))
        let reference = try referenceClauses(under: heading)
        XCTAssertEqual(reference.count, count)
        XCTAssertEqual(schema.requirements.map(\.id), reference.map(\.id))
        XCTAssertEqual(schema.requirements.map(\.title), reference.map(\.title))
        for (requirement, row) in zip(schema.requirements, reference) {
            XCTAssertEqual(requirement.note != nil, row.unconfirmed, "note on \(requirement.id)")
            XCTAssertFalse(requirement.summary?.isEmpty ?? true, "\(requirement.id) has a summary")
            XCTAssertEqual(schema.isLeaf(requirement.id), !requirement.evidence.isEmpty, "\(requirement.id): leaves and only leaves carry evidence")
            if let parent = requirement.parent { XCTAssertNotNil(schema.requirement(parent), "parent of \(requirement.id)") }
        }
    }

    func testThe2011SchemaHasEveryClause() throws {
        try assertSchema("iso20000-1:2011", matches: "## ISO/IEC 20000-1:2011 (second edition)", count: 53)
    }

    func testThe2018SchemaHasEveryClauseAndMapsTo2011() throws {
        try assertSchema("iso20000-1:2018", matches: "## ISO/IEC 20000-1:2018 (third edition)", count: 77)
        let schema2018 = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2018"))
        let schema2011 = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2011"))
        for requirement in schema2018.requirements {
            for counterpart in requirement.mapsTo {
                XCTAssertNotNil(schema2011.requirement(counterpart), "\(requirement.id) maps to unknown \(counterpart)")
            }
        }
        XCTAssertEqual(schema2018.requirement("9.3")?.mapsTo, ["4.5.4.3"])
    }

    func testBundledSchemasAreAskedForByID() throws {
        XCTAssertEqual(RequirementSchema.bundledIDs, ["iso20000-1:2011", "iso20000-1:2018"])
        XCTAssertNil(RequirementSchema.bundled("iso20000-1:2005"))
        XCTAssertNil(RequirementSchema.bundled("schema.yaml"))
        let counts = RequirementCounts()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let id = RequirementSchema.bundledIDs[index % 2]
            counts.record(id, RequirementSchema.bundled(id)?.requirements.count)
        }
        XCTAssertEqual(counts.values, ["iso20000-1:2011": [53], "iso20000-1:2018": [77]])
        let schema = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2018"))
        XCTAssertEqual(schema.id, "iso20000-1:2018")
        XCTAssertEqual(schema.edition, "iso20000-1:2018")
        XCTAssertFalse(schema.allowsExclusions)
    }

    func testBundledSchemasDecodeWithoutFindings() {
        for source in BundledSchemas.sources {
            let (schema, findings) = RequirementSchema.decode(Data(source.bytes), path: source.path, base: { _ in nil })
            XCTAssertEqual(schema?.id, source.id, source.path)
            XCTAssertEqual(findings.map(\.message), [], source.path)
        }
    }

    func testSMSRequirementsCannotBeExcluded() throws {
        let schema = try XCTUnwrap(RequirementSchema.bundled("iso20000-1:2011"))
        XCTAssertEqual(schema.requirement("4.3.2")?.excludable, false)
        XCTAssertEqual(schema.requirement("7.2")?.excludable, false, "ISO/IEC 20000-1 accepts no exclusion")
        XCTAssertFalse(schema.allowsExclusions)
        XCTAssertEqual(schema.requirement("4.5.4.3")?.evidence.first?.every, PlanDuration(count: 12, unit: .months))
    }

    func testACustomSchemaExtendsABundledOneAndIsValidatedWithLocations() throws {
        let text = """
            schema: 1
            id: in-house
            extends: iso20000-1:2011
            requirements:
              - id: "IH-1"
                title: "Acceptable use"
                evidence:
                  - { type: poster }
              - id: "4.1.2"
                title: "Service management policy, board-approved"
                evidence: [{ type: policy }]
              - { id: "IH-2", title: "Orphan", parent: "IH-9", colour: blue }

            """
        let (schema, findings) = RequirementSchema.decode(Data(text.utf8), path: "sms/schema.yaml", base: RequirementSchema.bundled)
        XCTAssertEqual(schema?.requirements.count, 55)
        XCTAssertEqual(schema?.requirement("4.1.2")?.title, "Service management policy, board-approved")
        XCTAssertEqual(findings.map { "\($0.rule) \($0.location)" }, [
            "schema-invalid 8:17", "schema-invalid 12:52", "schema-invalid 12:11",
        ])
        XCTAssertTrue(findings.allSatisfy { $0.path == "sms/schema.yaml" })
        XCTAssertEqual(findings.last?.message, "requirement \"IH-2\" names parent \"IH-9\", which the schema does not have")
    }

    func testAPlanUsesItsCustomSchemaFile() throws {
        let result = try PlanFixtures.check([
            ("smsplan.yaml", "smsplan: 1\nstandard: rules/in-house.yaml\n"),
            ("rules/in-house.yaml", "schema: 1\nid: in-house\nrequirements:\n  - { id: \"IH-1\", title: \"Acceptable use\" }\n"),
            ("policies/p.md", RuleExample.approvedPolicy),
        ])
        XCTAssertEqual(result.schemaID, "in-house")
        XCTAssertEqual(PlanFixtures.summary(result), ["requirement-unknown policies/p.md:10:13"])
        let missing = try PlanFixtures.check([("smsplan.yaml", "smsplan: 1\nstandard: nowhere.yaml\n")])
        XCTAssertEqual(missing.diagnostics.map(\.message), ["schema file \"nowhere.yaml\" not found in the plan repository"])
    }
}

/// Requirement counts of bundled schemas, gathered from several threads.
private final class RequirementCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Set<Int>] = [:]

    func record(_ id: String, _ count: Int?) {
        lock.lock()
        defer { lock.unlock() }
        counts[id, default: []].insert(count ?? -1)
    }

    var values: [String: Set<Int>] {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
