/// The phases of the implementation, read from the approved phase plans (their versions in
/// force): which activities belong to which phase, and by which phase each requirement is
/// due. A phase plan never approved is a proposal: shown, but it schedules nothing.
public struct PhasePlanning: Sendable {
    /// An activity together with its phase and the phase plan that lists it.
    public struct PlannedActivity: Sendable {
        public var phase: Int
        public var planPath: String
        public var planID: String?
        public var activity: Activity

        public var isDone: Bool { activity.status?.value == .done }

        /// Done, and every piece of its evidence approved (records: final).
        public func isComplete(in corpus: Corpus) -> Bool {
            isDone && activity.evidence.allSatisfy { corpus.byID[$0.value].map(CoverageMap.isEvidence) ?? false }
        }
    }

    /// Where a requirement is planned: the activity (of the latest phase) that lists it.
    public struct Listing: Sendable {
        public var phase: Int
        public var path: String
        public var location: SourceLocation
        public var activityID: String?
    }

    public var activities: [PlannedActivity]
    /// Activities of phase plans not approved yet (draft or in review, never approved).
    public var proposed: [PlannedActivity]
    /// The last phase of the implementation: at least 3 (TR 20000-5), more if approved plans say so.
    public var finalPhase: Int
    /// The highest phase an approved phase plan is for; 0 without any.
    public var lastPlannedPhase: Int
    /// The phase by which each requirement of the schema is due.
    public var dueIn: [String: Int]
    /// Where each requirement that some activity lists is planned.
    public var listings: [String: Listing]

    init(corpus: Corpus, schema: RequirementSchema, config: PlanConfig) {
        var activities: [PlannedActivity] = []
        var proposed: [PlannedActivity] = []
        var planned: [Int] = []
        for plan in corpus.documents where plan.type?.value == .phasePlan && plan.isActive {
            guard let phase = plan.phase?.value else { continue }
            let listed = plan.activities.map { PlannedActivity(phase: phase, planPath: plan.path, planID: plan.id?.value, activity: $0) }
            if plan.status?.value == .approved {
                activities += listed
                planned.append(phase)
            } else {
                proposed += listed
            }
        }
        self.activities = activities
        self.proposed = proposed
        lastPlannedPhase = planned.max() ?? 0
        finalPhase = max(3, lastPlannedPhase)

        // A requirement is due in the phase of the last activity that lists it (or lists a clause above it).
        var listings: [String: Listing] = [:]
        for planned in self.activities {
            for requirement in planned.activity.requirements where schema.requirement(requirement.value) != nil {
                for id in schema.subtree(of: requirement.value) where (listings[id]?.phase ?? 0) <= planned.phase {
                    listings[id] = Listing(phase: planned.phase, path: planned.planPath, location: requirement.location,
                                           activityID: planned.activity.id?.value)
                }
            }
        }
        self.listings = listings

        var dueIn: [String: Int] = [:]
        let finalPhase = self.finalPhase
        func due(_ id: String) -> Int {
            if let known = dueIn[id] { return known }
            let children = schema.children(of: id)
            let value = children.isEmpty ? (listings[id]?.phase ?? finalPhase) : children.map(due).max() ?? finalPhase
            dueIn[id] = value
            return value
        }
        for requirement in schema.requirements { _ = due(requirement.id) }
        self.dueIn = dueIn
    }

    /// Activities of one phase.
    public func activities(in phase: Int) -> [PlannedActivity] {
        activities.filter { $0.phase == phase }
    }
}
