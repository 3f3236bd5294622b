/// An id that belonged to another document.
public struct IDReusedRule: HistoryRule {
    public static let id: RuleID = "id-reused"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "a document takes an id that belonged to another document: one of another type, or one deleted earlier in history",
        rationale: "Ids are never reused: references, registers and audit trails made with the old id would silently point at the new document.",
        valid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)], to: [("policies/moved.md", RuleExample.approvedPolicy)]),
        invalid: .change(from: [("policies/p.md", ApprovedContentChangedRule.revised)],
                         to: [("policies/p.md", ApprovedContentChangedRule.revised.replacingOccurrences(of: "type: policy", with: "type: other")
                            .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"4.1.4\"]"))]))

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        let retyped = change.pairs.compactMap { pair -> Finding? in
            guard let oldType = pair.old.type?.value, let newType = pair.new.type, newType.value != oldType, let id = pair.new.id else { return nil }
            return Finding(Self.id, at: id.location, "id \(id.value) belonged to a \(oldType.rawValue) (\(pair.old.path)); this \(newType.value.rawValue) needs an id of its own",
                           path: pair.new.path)
        }
        let revived = change.added.compactMap { document -> Finding? in
            guard let id = document.id, let path = change.retiredIDs[id.value] else { return nil }
            return Finding(Self.id, at: id.location, "id \(id.value) belonged to a document deleted earlier in history (\(path)); ids are never reused",
                           path: document.path)
        }
        return retyped + revived
    }
}
