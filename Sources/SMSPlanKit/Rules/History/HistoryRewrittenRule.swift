/// A committed history entry edited or removed.
public struct HistoryRewrittenRule: HistoryRule {
    public static let id: RuleID = "history-rewritten"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "an entry of a document's change history was edited or removed after it was committed",
        rationale: "The change history is a record of what happened; entries are only ever added at the end.",
        valid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)], to: [("policies/p.md", ApprovedContentChangedRule.revised)]),
        invalid: .change(from: [("policies/p.md", ApprovedContentChangedRule.revised)],
                         to: [("policies/p.md", ApprovedContentChangedRule.revised.replacingOccurrences(of: "summary: First draft", with: "summary: Early draft"))]))

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        change.pairs.flatMap { pair -> [Finding] in
            let (old, new) = (pair.old.history, pair.new.history)
            return old.enumerated().compactMap { index, entry -> Finding? in
                let name = "history entry \(index + 1) (version \(entry.version?.value.description ?? "?"))"
                guard index < new.count else {
                    return Finding(Self.id, at: pair.new.location(ofKey: "history"), "\(name) was removed; entries are only ever added", path: pair.new.path)
                }
                let edited = new[index]
                guard edited.version?.value != entry.version?.value || edited.date?.value != entry.date?.value
                    || edited.author?.value != entry.author?.value || edited.summary?.value != entry.summary?.value
                else { return nil }
                return Finding(Self.id, at: edited.location, "\(name) was edited after it was committed; add a new entry instead", path: pair.new.path)
            }
        }
    }
}
