import Foundation

/// The scope document changed since the last phase baseline.
public struct ScopeChangedRule: CorpusRule {
    public static let id: RuleID = "scope-changed"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "the scope document (scope: in smsplan.yaml) changed since the last phase baseline",
        rationale: "TR 20000-5 keeps the SMS scope fixed from phase to phase; a scope change means a new implementation plan, decided deliberately (switch the rule off for that commit's review, or re-plan).",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nscope: plan/scope.md\n"), ("plan/scope.md", Self.scope)],
                           baselineScope: Self.scope),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nscope: plan/scope.md\n"),
                                     ("plan/scope.md", Self.scope + "The hosting service joins the scope.\n")],
                             baselineScope: Self.scope))

    static let scope = RuleExample.approvedPolicy
        .replacingOccurrences(of: "POL-001", with: "PLN-001")
        .replacingOccurrences(of: "type: policy", with: "type: plan")
        .replacingOccurrences(of: "title: Service management policy", with: "title: Scope")
        .replacingOccurrences(of: "\"4.1.2\"", with: "\"4.5.1\"")

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let baseline = context.baselineScope else { return [] }
        guard let current = corpus.byPath[baseline.path] else {
            return [Finding(Self.id, at: context.config.scope?.location ?? .fileStart,
                            "the scope document \(baseline.path) of \(baseline.tag) is gone", path: context.configPath)]
        }
        guard current.contents != baseline.contents else { return [] }
        var old = Document(path: baseline.path)
        old.contents = baseline.contents ?? Data()
        return [Finding(Self.id, at: PlanChange.firstDifference(old, current),
                        "the scope document changed since \(baseline.tag); the SMS scope stays fixed across phases", path: current.path)]
    }
}
