/// An exclusion of an excludable requirement of a custom schema that gives no reason.
public struct ExclusionUnjustifiedRule: CorpusRule {
    public static let id: RuleID = "exclusion-unjustified"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "an exclusion in smsplan.yaml of a requirement a custom schema marks excludable gives no reason",
        rationale: "A custom schema may let in-house requirements be excluded (`excludable: true`); each exclusion then says why, so a reviewer can judge it. Requirements of ISO/IEC 20000-1 are never excludable (exclusion-not-permitted).",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: in-house.yaml\nexclusions:\n  - { requirement: \"IH-1\", reason: No on-site work }\n"),
                                   ("in-house.yaml", Self.schema), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: in-house.yaml\nexclusions:\n  - { requirement: \"IH-1\" }\n"),
                                     ("in-house.yaml", Self.schema), ("policies/example.md", RuleExample.approvedPolicy)]))

    static let schema = """
        schema: 1
        id: in-house
        extends: iso20000-1:2011
        requirements:
          - { id: "IH-1", title: On-site safety, excludable: true, evidence: [{ type: procedure }] }

        """

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let schema = context.schema else { return [] }
        return context.config.exclusions.compactMap { exclusion -> Finding? in
            let id = exclusion.requirement
            guard let requirement = schema.requirement(id.value),
                schema.subtree(of: id.value).compactMap(schema.requirement).allSatisfy(\.excludable)
            else { return nil }
            guard let reason = exclusion.reason, !reason.value.trimmingSpaces().isEmpty else {
                return Finding(Self.id, at: id.location, "exclusion of \(requirement.id) \"\(requirement.title)\" gives no reason", path: context.configPath)
            }
            return nil
        }
    }
}
