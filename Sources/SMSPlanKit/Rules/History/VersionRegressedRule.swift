/// A document whose version went down.
public struct VersionRegressedRule: HistoryRule {
    public static let id: RuleID = "version-regressed"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "a document's version is lower than in its previous committed state",
        rationale: "Versions identify revisions in order; going back makes two different texts carry one version and breaks the change history.",
        valid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)], to: [("policies/p.md", ApprovedContentChangedRule.revised)]),
        invalid: .change(from: [("policies/p.md", ApprovedContentChangedRule.revised)],
                         to: [("policies/p.md", ApprovedContentChangedRule.revised.replacingOccurrences(of: "\nversion: \"1.1\"", with: "\nversion: \"1.0\""))]))

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        change.pairs.compactMap { pair in
            guard let old = pair.old.version?.value, let new = pair.new.version, new.value < old else { return nil }
            return Finding(Self.id, at: new.location, "version \(new.value) is lower than the committed version \(old)", path: pair.new.path)
        }
    }
}
