import Foundation
import TestSupport
import XCTest

/// Every JSON output through the real binary: one envelope (`"version": 1`, then `"kind"`),
/// findings called `diagnostics`, `documents` always a list of documents, and a JSON Schema
/// per output from `smsplan schema --output KIND`. (scripts/check-json-outputs validates
/// each output against its schema with check-jsonschema.)
final class JSONContractCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        repository?.remove()
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    private func smsplan(_ arguments: [String]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: identity)
    }

    /// The template, baselined at phase 1, then a commit adding a policy with an unknown owner.
    private func makePlan() throws {
        repository = try TestRepository.withPlanTemplate()
        let created = try smsplan(["baseline", "create", "1"])
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        let policy = try String(contentsOf: ProjectFiles.planTemplate.appendingPathComponent("policies/service-management-policy.md"), encoding: .utf8)
        try repository.write("policies/copy.md", policy.replacingOccurrences(of: "POL-001", with: "POL-099")
            .replacingOccurrences(of: "owner: service-manager", with: "owner: nobody"))
        _ = try repository.commitAll("A copied policy")
    }

    /// Each JSON output by the kind it must name.
    private let outputs: [(kind: String, arguments: [String])] = [
        ("check", ["check", "--format", "json"]),
        ("check", ["check", "--range", "HEAD~1..HEAD", "--format", "json"]),
        ("status", ["status", "--format", "json"]),
        ("coverage", ["coverage", "--format", "json"]),
        ("register", ["register", "--format", "json"]),
        ("register", ["register", "--records", "--format", "json"]),
        ("review", ["review", "HEAD~1..HEAD", "--format", "json"]),
        ("baseline-list", ["baseline", "list", "--format", "json"]),
        ("baseline-verify", ["baseline", "verify", "baseline/phase-1", "--format", "json"]),
        ("baseline-diff", ["baseline", "diff", "baseline/phase-1", "HEAD", "--format", "json"]),
        ("rules", ["rules", "--format", "json"]),
        ("rules", ["rules", "field-missing", "--format", "json"]),
        ("schema", ["schema", "--format", "json"]),
    ]

    func testEveryJSONOutputStartsWithVersionThenKind() throws {
        try makePlan()
        for (kind, arguments) in outputs {
            let result = try smsplan(arguments)
            XCTAssertLessThanOrEqual(result.status, 1, "\(arguments): \(result.errors)")
            XCTAssertTrue(result.output.hasPrefix("{\n  \"version\" : 1,\n  \"kind\" : \"\(kind)\",\n"),
                          "smsplan \(arguments.joined(separator: " ")) starts with \(result.output.prefix(60))")
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "\(arguments)")
        }
    }

    func testFindingsAreDiagnosticsAndDocumentsAreAlwaysAList() throws {
        try makePlan()
        for (_, arguments) in outputs {
            let object = try JSONSerialization.jsonObject(with: Data(try smsplan(arguments).output.utf8))
            for (path, value) in Self.members(of: object, at: "") {
                XCTAssertFalse(path.hasSuffix(".findings"), "smsplan \(arguments.joined(separator: " ")): \(path)")
                if path.hasSuffix(".documents") {
                    XCTAssertNotNil(value as? [[String: Any]], "smsplan \(arguments.joined(separator: " ")): \(path) is not a list of documents")
                }
            }
        }
        let review = try JSONSerialization.jsonObject(with: Data(try smsplan(["review", "HEAD~1..HEAD", "--format", "json"]).output.utf8))
        let diagnostics = try XCTUnwrap((review as? [String: Any])?["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diagnostics.map { $0["rule"] as? String }, ["owner-unknown"])
        let records = try SMSPlanBinary.json(["register", "--records", "--format", "json"], in: repository.directory)
        XCTAssertEqual(records["register"] as? String, "records")
        XCTAssertNotNil((records["records"] as? [[String: Any]])?.first?["recordOf"] as? String, "what a record records is recordOf, not kind")
    }

    func testRulesAndBaselineVerifyTakeAFormat() throws {
        try makePlan()
        let rules = try SMSPlanBinary.json(["rules", "--format", "json"], in: repository.directory)
        let listed = try XCTUnwrap(rules["rules"] as? [[String: Any]])
        XCTAssertGreaterThan(listed.count, 30)
        let missing = try XCTUnwrap(listed.first { $0["id"] as? String == "field-missing" })
        XCTAssertEqual(missing["defaultSeverity"] as? String, "error")
        XCTAssertNotNil((missing["examples"] as? [String: Any])?["fails"] as? [[String: Any]])
        let markdown = try smsplan(["rules", "--format", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.errors)
        XCTAssertTrue(markdown.output.hasPrefix("# Rules\n"), markdown.output)
        XCTAssertTrue(markdown.output.contains("\n## field-missing\n"), markdown.output)
        XCTAssertEqual(try smsplan(["rules", "--format", "text"]).output, try smsplan(["rules"]).output)

        let verify = try SMSPlanBinary.json(["baseline", "verify", "baseline/phase-1", "--format", "json"], in: repository.directory)
        XCTAssertEqual(verify["verified"] as? Bool, true)
        XCTAssertEqual(verify["tag"] as? String, "baseline/phase-1")
        XCTAssertEqual(verify["problems"] as? [String], [])
    }

    func testSchemaOutputPrintsTheJSONSchemaOfEachKind() throws {
        repository = try TestRepository()
        for kind in ["check", "status", "coverage", "register", "review", "baseline-list", "baseline-verify", "baseline-diff", "rules", "schema"] {
            let schema = try SMSPlanBinary.json(["schema", "--output", kind], in: repository.directory)
            XCTAssertEqual(schema["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema", kind)
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let variants = (schema["oneOf"] as? [[String: Any]] ?? []).compactMap { $0["properties"] as? [String: Any] }
            for members in [properties].filter({ !$0.isEmpty }) + variants {
                XCTAssertEqual((members["kind"] as? [String: Any])?["const"] as? String, kind)
                XCTAssertEqual((members["version"] as? [String: Any])?["const"] as? Int, 1, kind)
            }
        }
        let unknown = try SMSPlanBinary.run(["schema", "--output", "findings"], in: repository.directory)
        XCTAssertEqual(unknown.status, 64, unknown.errors)
    }

    /// Every member of a JSON value with its path (`.summary.errors`, `.diagnostics[].rule`).
    private static func members(of value: Any, at path: String) -> [(String, Any)] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, member in [("\(path).\(key)", member)] + members(of: member, at: "\(path).\(key)") }
        }
        if let array = value as? [Any] {
            return array.flatMap { members(of: $0, at: "\(path)[]") }
        }
        return []
    }
}
