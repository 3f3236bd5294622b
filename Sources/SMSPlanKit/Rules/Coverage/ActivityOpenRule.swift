/// An activity of a finished phase that is not done, or done without approved evidence.
public struct ActivityOpenRule: CorpusRule {
    public static let id: RuleID = "activity-open"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "an activity of a phase before the current one is not done, or names evidence that is not approved",
        rationale: "Each phase builds on the one before (TR 20000-5); moving on with open activities, or with evidence still in draft, leaves a gap that later phases assume closed.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurrent-phase: 2\n"),
                                   ("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity("done"))),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurrent-phase: 2\n"),
                                     ("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity("in-progress"))),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    static func activity(_ status: String) -> String {
        "id: P1-01, title: Issue the policy, requirements: [\"4.1.2\"], status: \(status), evidence: [POL-001]"
    }

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let analysis = context.analysis else { return [] }
        let current = context.config.currentPhase
        return analysis.phases.activities.filter { $0.phase < current }.flatMap { planned -> [Finding] in
            let name = planned.activity.id?.value ?? "an activity"
            guard planned.isDone else {
                let status = planned.activity.status
                return [Finding(Self.id, at: status?.location ?? planned.activity.location,
                                "activity \(name) of phase \(planned.phase) is \(status?.value.rawValue ?? "without a status"), but the plan is in phase \(current)",
                                path: planned.planPath)]
            }
            return planned.activity.evidence.compactMap { reference in
                guard let document = analysis.counted.byID[reference.value], !CoverageMap.isEvidence(document) else { return nil }
                return Finding(Self.id, at: reference.location,
                               "activity \(name) of phase \(planned.phase) is done, but its evidence \(reference.value) is \(document.status?.value.rawValue ?? "without a status")",
                               path: planned.planPath)
            }
        }
    }
}
