/// `satisfies` (or an activity's `requirements`) naming a requirement the schema lacks.
public struct RequirementUnknownRule: DocumentRule, CorpusRule {
    public static let id: RuleID = "requirement-unknown"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "satisfies, an activity's requirements or an exclusion name a requirement that is not in the schema in use",
        rationale: "Coverage is counted from satisfies; a mistyped clause number makes a document count for nothing and a clause look uncovered.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "satisfies: [\"4.1.2\"]", with: "satisfies: [\"4.9.9\"]"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        // Claims of another edition are reported once, as edition-mismatch.
        guard let schema = context.schema, context.editionMismatch == nil else { return [] }
        let named = document.satisfies + document.activities.flatMap(\.requirements)
        return named.filter { schema.requirement($0.value) == nil }.map {
            Finding(Self.id, at: $0.location, MigrationDecision.openMessage(for: $0.value)
                ?? "requirement \"\($0.value)\" is not in schema \(schema.id)")
        }
    }

    /// Exclusions in smsplan.yaml that name no requirement.
    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let schema = context.schema, context.editionMismatch == nil else { return [] }
        return context.config.exclusions.map(\.requirement).filter { schema.requirement($0.value) == nil }.map {
            Finding(Self.id, at: $0.location, "excluded requirement \"\($0.value)\" is not in schema \(schema.id)", path: context.configPath)
        }
    }
}
