/// An exclusion of a requirement that may not be excluded: every requirement of a bundled
/// ISO/IEC 20000-1 schema, and any a custom schema does not mark `excludable: true`.
public struct ExclusionNotPermittedRule: CorpusRule {
    public static let id: RuleID = "exclusion-not-permitted"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "smsplan.yaml excludes a requirement that may not be excluded, with or without a reason: any requirement of ISO/IEC 20000-1",
        rationale: "ISO/IEC 20000-1 (clause 1.2 of both editions) accepts no exclusion of any of its requirements when conformity is claimed; a process run by another party stays in scope and is governed (2011 4.2, 2018 8.2.3, `operated-by:`). Only a custom schema may mark its own requirements excludable.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\n"), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nexclusions:\n  - { requirement: \"7.2\", reason: No external suppliers }\n"),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let schema = context.schema else { return [] }
        return context.config.exclusions.compactMap { exclusion -> Finding? in
            let id = exclusion.requirement
            guard let requirement = schema.requirement(id.value) else { return nil }
            guard let locked = schema.subtree(of: id.value).compactMap(schema.requirement).first(where: { !$0.excludable }) else { return nil }
            let clause = locked.id == requirement.id ? "" : " (its sub-clause \(locked.id) \"\(locked.title)\" may not be excluded)"
            let why = schema.allowsExclusions
                ? "the schema does not mark it excludable"
                : "\(schema.id) accepts no exclusion of its requirements; a process run by another party stays in scope (operated-by)"
            return Finding(Self.id, at: id.location,
                           "exclusion of \(requirement.id) \"\(requirement.title)\" is not permitted\(clause): \(why)", path: context.configPath)
        }
    }
}
