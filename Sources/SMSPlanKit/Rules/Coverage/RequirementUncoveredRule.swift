/// A requirement due by the current phase without approved evidence: an error for a phase
/// before the current one, a warning (open work) for the current phase's own.
public struct RequirementUncoveredRule: CorpusRule {
    public static let id: RuleID = "requirement-uncovered"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "a requirement due by the current phase has no approved evidence in force (records: final) of each kind its schema entry asks for; a warning for the current phase's own requirements, an error for earlier phases",
        rationale: "Each phase of TR 20000-5 ends with its requirements met; a requirement is due in the phase of the last activity that lists it, and covered when every evidence item is met by an approved document whose satisfies lists it. While a phase runs, its requirements not yet covered are its open work (a warning, so work in progress can be committed); baseline create then requires them all.",
        valid: RuleExample(files: [("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity)),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurrent-phase: 2\n"),
                                     ("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity)),
                                     ("policies/example.md", RuleExample.approvedPolicy
                                        .replacingOccurrences(of: "status: approved", with: "status: review"))]))

    static let activity = "id: P1-01, title: Issue the policy, requirements: [\"4.1.2\"], status: done, evidence: []"

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        // Claims of another edition count for nothing; edition-mismatch says so once.
        guard let schema = context.schema, let analysis = context.analysis, analysis.editionMismatch == nil else { return [] }
        let phase = context.config.currentPhase
        return schema.requirements.compactMap { requirement -> Finding? in
            guard schema.isLeaf(requirement.id), let coverage = analysis.coverage.requirements[requirement.id],
                coverage.duePhase <= phase, coverage.blocks
            else { return nil }
            let missing = coverage.items.filter { !$0.isMet && $0.item.level == .required }.map { item in
                item.missing.isEmpty ? "\(item.item.label) [\(requirement.id)/\(item.item.id)]"
                    : "\(item.item.label) [\(requirement.id)/\(item.item.id)] (\(item.missing.joined(separator: ", ")))"
            }.joined(separator: "; ")
            let listed = coverage.listedBy.isEmpty ? "no document lists it in satisfies" : "listed by \(coverage.listedBy.joined(separator: ", "))"
            let open = coverage.duePhase == phase
            let state = coverage.status == .partial ? "only partly covered" : "not covered"
            let message = open
                ? "requirement \(requirement.id) \"\(requirement.title)\" is due by phase \(coverage.duePhase), the current one, and \(state) yet: missing \(missing) (\(listed)); baseline create requires it"
                : "requirement \(requirement.id) \"\(requirement.title)\" is due by phase \(coverage.duePhase) and \(state): missing \(missing) (\(listed))"
            let ceiling: Severity? = open ? .warning : nil
            if let listing = analysis.phases.listings[requirement.id] {
                return Finding(Self.id, at: listing.location, message, path: listing.path, ceiling: ceiling)
            }
            return Finding(Self.id, at: context.config.currentPhaseLocation ?? .fileStart, message, path: context.configPath, ceiling: ceiling)
        }
    }
}
