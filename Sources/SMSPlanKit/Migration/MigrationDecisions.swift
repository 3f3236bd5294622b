import Foundation
import Yams

/// Decisions for the placeholders a migration leaves (`from-2011:4.1.2`), written down in a
/// file so that they can be made again on the same plan: for each document and old clause,
/// the clauses of the new edition the placeholder becomes (none: the claim is removed).
///
/// ```yaml
/// decisions:
///   - { path: policies/service-management-policy.md, clause: "4.1.2", becomes: ["5.2.1", "5.2.2"] }
/// ```
public struct MigrationDecisions: Sendable {
    /// One decision: in the document at `path`, the placeholder of `clause` becomes `becomes`.
    public struct Decision: Sendable, Equatable {
        public var path: String
        public var clause: String
        public var becomes: [String]
    }

    public var decisions: [Decision]

    /// Reads a decisions file; `shown` names it in errors.
    public init(_ data: Data, shown: String) throws(SMSPlanError) {
        let root: Any?
        do {
            root = try Yams.load(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw .unreadable(path: shown, reason: "\(error)")
        }
        guard let entries = (root as? [String: Any])?["decisions"] as? [[String: Any]] else {
            throw .unreadable(path: shown, reason: "it holds no list of decisions")
        }
        var decisions: [Decision] = []
        for (index, entry) in entries.enumerated() {
            guard let path = entry["path"] as? String, let clause = entry["clause"] as? String,
                let becomes = entry["becomes"] as? [Any]
            else { throw .unreadable(path: shown, reason: "decision \(index + 1) needs path, clause and becomes") }
            decisions.append(Decision(path: path, clause: clause, becomes: becomes.map { "\($0)" }))
        }
        self.decisions = decisions
    }

    /// Applies every decision to the migrated plan in the folder `root` (the plan's folder),
    /// as edits of the placeholders where they are written: in `satisfies` and in activity
    /// requirement lists. A decision whose placeholder the plan does not hold is refused, so a
    /// decisions file that no longer fits its plan is found at once.
    public func apply(to plan: Plan, root: URL, edition: String) throws(SMSPlanError) {
        var edits = FileEdits()
        for decision in decisions {
            let placeholder = MigrationDecision.placeholder(decision.clause, edition: edition)
            let document = plan.corpus.byPath[plan.path(decision.path)]
            let ids = (document?.satisfies ?? []) + (document?.activities.flatMap(\.requirements) ?? [])
            let found = ids.filter { $0.value == placeholder }
            guard !found.isEmpty else {
                throw .refused("\(decision.path) holds no open decision \"\(placeholder)\"; the decisions file no longer fits the plan")
            }
            for id in found {
                edits.replaceItem(in: plan.path(decision.path), at: id.location, old: placeholder, with: decision.becomes)
            }
        }
        _ = try edits.apply(root: root, frontMatter: Set(plan.corpus.documents.map(\.path)), dryRun: false)
    }
}
