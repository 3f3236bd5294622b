/// An exclusion without a reason, or of a requirement that cannot be excluded.
public struct ExclusionUnjustifiedRule: CorpusRule {
    public static let id: RuleID = "exclusion-unjustified"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "an exclusion in smsplan.yaml gives no reason, or excludes a requirement the schema marks as not excludable",
        rationale: "The statement of applicability must justify every exclusion; the SMS requirements themselves (clause 4 of the 2011 edition) can never be excluded.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nexclusions:\n  - { requirement: \"7.2\", reason: No external suppliers }\n"),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nexclusions:\n  - { requirement: \"7.2\" }\n"),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let schema = context.schema else { return [] }
        return context.config.exclusions.compactMap { exclusion -> Finding? in
            let id = exclusion.requirement
            guard let requirement = schema.requirement(id.value) else { return nil }
            if let locked = schema.subtree(of: id.value).compactMap(schema.requirement).first(where: { !$0.excludable }) {
                return Finding(Self.id, at: id.location,
                               "requirement \(locked.id) \"\(locked.title)\" cannot be excluded; the schema marks it as always applicable",
                               path: context.configPath)
            }
            guard let reason = exclusion.reason, !reason.value.trimmingSpaces().isEmpty else {
                return Finding(Self.id, at: id.location, "exclusion of \(requirement.id) \"\(requirement.title)\" gives no reason", path: context.configPath)
            }
            return nil
        }
    }
}
