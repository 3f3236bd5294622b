/// A problem in smsplan.yaml or roles.yaml that does not stop the check. The loader finds
/// most; the check of the whole plan adds a `current-phase` beyond every approved phase plan.
public struct ConfigInvalidRule: CorpusRule {
    public static let id: RuleID = "config-invalid"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "smsplan.yaml or roles.yaml has an unknown key, a value of the wrong type, an unknown rule or schema, a missing document root, or a current-phase beyond the approved phase plans",
        rationale: "A misspelt configuration key silently falls back to a default; a configuration that cannot be read at all stops the run with exit code 2 instead.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurrent-phase: 1\n"), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurent-phase: 2\n"), ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let phases = context.analysis?.phases, context.config.currentPhase > phases.finalPhase else { return [] }
        let planned = phases.lastPlannedPhase == 0 ? "no phase plan is approved" : "the approved phase plans end with phase \(phases.lastPlannedPhase)"
        return [Finding(Self.id, at: context.config.currentPhaseLocation ?? .fileStart,
                        "current-phase \(context.config.currentPhase) is beyond the phases planned: \(planned); approve a phase plan for phase \(context.config.currentPhase) or correct current-phase",
                        path: context.configPath)]
    }
}
