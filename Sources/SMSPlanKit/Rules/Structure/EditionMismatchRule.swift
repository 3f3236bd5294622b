/// The plan's claims are written for another edition of ISO/IEC 20000-1 than the schema in
/// use: `standard:` was changed without `smsplan migrate`.
public struct EditionMismatchRule: CorpusRule {
    public static let id: RuleID = "edition-mismatch"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "claims-edition in smsplan.yaml names another edition of ISO/IEC 20000-1 than the schema in use (standard:), so no satisfies claim counts until smsplan migrate rewrites them",
        rationale: "A clause number means something else in the other edition (2011 5.1 is design and transition; 2018 5.1 is leadership); counting claims written for one edition against the other would show coverage that is not there. Coverage is computed from no claim until the claims are migrated.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: iso20000-1:2011\nclaims-edition: iso20000-1:2011\n"),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nstandard: iso20000-1:2018\nclaims-edition: iso20000-1:2011\n"),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let mismatch = context.analysis?.editionMismatch else { return [] }
        let message = "satisfies claims are written for \"\(mismatch.claims)\" (claims-edition) but the schema in use is \"\(mismatch.schema)\"; \(mismatch.remedy)"
        return [Finding(Self.id, at: mismatch.location, message, path: context.configPath)]
    }
}
