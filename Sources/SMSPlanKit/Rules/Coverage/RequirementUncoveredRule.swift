/// A requirement due by the current phase without approved evidence.
public struct RequirementUncoveredRule: CorpusRule {
    public static let id: RuleID = "requirement-uncovered"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "a requirement due by the current phase has no approved evidence (records: final) of each kind its schema entry asks for",
        rationale: "Each phase of TR 20000-5 ends with its requirements met; a requirement is due in the phase of the last activity that lists it, and covered when every evidence item is met by an approved document whose satisfies lists it.",
        valid: RuleExample(files: [("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity)),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("plan/phase-1.md", RuleExample.phasePlan(phase: 1, activity: Self.activity)),
                                     ("policies/example.md", RuleExample.approvedPolicy
                                        .replacingOccurrences(of: "status: approved", with: "status: review"))]))

    static let activity = "id: P1-01, title: Issue the policy, requirements: [\"4.1.2\"], status: open, evidence: [POL-001]"

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let schema = context.schema, let analysis = context.analysis else { return [] }
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
            let message = "requirement \(requirement.id) \"\(requirement.title)\" is due by phase \(coverage.duePhase) and not covered: missing \(missing) (\(listed))"
            if let listing = analysis.phases.listings[requirement.id] {
                return Finding(Self.id, at: listing.location, message, path: listing.path)
            }
            return Finding(Self.id, at: context.config.currentPhaseLocation ?? .fileStart, message, path: context.configPath)
        }
    }
}
