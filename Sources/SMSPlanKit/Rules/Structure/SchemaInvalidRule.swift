/// A custom requirement schema file that cannot be used as written.
public struct SchemaInvalidRule: Rule {
    public static let id: RuleID = "schema-invalid"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "the requirement schema file named by standard: has a syntax error, an unknown key, a duplicate or orphaned requirement, or bad evidence",
        rationale: "Coverage is only as good as the schema it is measured against; an in-house schema (or one that extends a bundled edition) is checked as strictly as documents are.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: schema.yaml\n"), ("schema.yaml", Self.schema), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: schema.yaml\n"),
                                     ("schema.yaml", Self.schema.replacingOccurrences(of: "type: policy", with: "type: poster")),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    static let schema = """
        schema: 1
        id: in-house
        title: In-house requirements
        extends: iso20000-1:2011
        requirements:
          - id: "IH-1"
            title: "Acceptable use"
            summary: "Staff know what they may do with customer systems."
            evidence:
              - { type: policy, name: "acceptable use policy" }

        """

    public init() {}
}
