/// Where the implementation stands: phase by phase, documents by status, what comes due.
public struct StatusReport: Sendable, Encodable {
    /// One phase of the implementation.
    public struct Phase: Sendable, Encodable {
        public var phase: Int
        /// complete, current, planned, or behind (a phase before the current one not complete).
        public var state: String
        public var activitiesDone: Int
        public var activitiesTotal: Int
        public var openActivities: [String]
        public var requirementsDue: Int
        public var requirementsCovered: Int
        public var uncoveredRequirements: [String]
        /// Those of `uncoveredRequirements` that some evidence already covers in part.
        public var partialRequirements: [String]
    }

    /// A controlled document being revised: its version in force and the one in progress.
    public struct Revision: Sendable, Encodable {
        public var id: String
        public var path: String
        public var inForce: String
        public var revised: String
        /// `1.0 approved (in force), 1.1 in review`.
        public var state: String
    }

    /// A phase plan not approved yet: shown, but it schedules nothing.
    public struct ProposedPlan: Sendable, Encodable {
        public var id: String
        public var path: String
        public var phase: Int
        public var status: String
        public var activities: Int
    }

    /// A document review or a periodic record coming due.
    public struct Due: Sendable, Encodable {
        public var id: String
        public var path: String
        public var what: String
        public var due: String
        public var overdue: Bool
    }

    public var organization: String?
    public var schema: String?
    /// The edition of ISO/IEC 20000-1 the schema belongs to.
    public var edition: String?
    /// Set only when the claims are written for another edition (edition-mismatch).
    public var claimsEdition: String?
    public var date: String
    public var currentPhase: Int
    public var phases: [Phase]
    /// Documents by status (draft, review, approved, obsolete), records by `final`, templates apart.
    public var documents: [String: Int]
    /// Documents under revision, whose last approved version counts meanwhile.
    public var underRevision: [Revision]
    /// Phase plans in draft or review.
    public var proposedPlans: [ProposedPlan]
    public var reviewsDue: [Due]
    public var recordsDue: [Due]
    public var errors: Int
    public var warnings: Int

    /// In JSON, `documents` is always a list of documents; the counts by status are `documentCounts`.
    private enum CodingKeys: String, CodingKey {
        case organization, schema, edition, claimsEdition, date, currentPhase, phases, underRevision, proposedPlans, reviewsDue, recordsDue, errors, warnings
        case documents = "documentCounts"
    }

    /// How many days ahead reviews and records count as coming due.
    public static let horizonDays = 30

    /// Approved documents whose review falls due within the horizon (or is overdue) at the plan's date.
    public static func reviewsDue(in plan: Plan) -> [Due] {
        let date = plan.revisionDate
        let horizon = date.adding(days: horizonDays)
        let reviewInterval = plan.config.reviewInterval
        return plan.corpus.documents.compactMap { document in
            guard document.status?.value == .approved,
                let due = document.nextReview?.value ?? document.approvedOn.map({ reviewInterval.after($0.value) }), due <= horizon
            else { return nil }
            return Due(id: document.id?.value ?? document.path, path: document.path, what: "review", due: due.description, overdue: due < date)
        }.sorted { $0.due < $1.due }
    }

    public init(plan: Plan, result: CheckResult) {
        let date = plan.revisionDate
        let horizon = date.adding(days: Self.horizonDays)
        organization = plan.config.organization
        schema = plan.schema?.id
        edition = plan.schema?.edition
        claimsEdition = plan.analysis?.editionMismatch?.claims
        self.date = date.description
        currentPhase = plan.config.currentPhase
        errors = result.errorCount
        warnings = result.warningCount

        var phases: [Phase] = []
        if let analysis = plan.analysis, let schema = plan.schema {
            for phase in 1...analysis.phases.finalPhase {
                let activities = analysis.phases.activities(in: phase)
                let due = schema.requirements.filter { requirement in
                    schema.isLeaf(requirement.id) && analysis.coverage.requirements[requirement.id].map { $0.duePhase == phase && $0.status != .excluded } == true
                }.map(\.id)
                let uncovered = due.filter { analysis.coverage.requirements[$0]?.blocks == true }
                let partial = uncovered.filter { analysis.coverage.requirements[$0]?.status == .partial }
                let open = activities.filter { !$0.isComplete(in: analysis.counted) }.map { $0.activity.id?.value ?? "?" }
                let finished = open.isEmpty && uncovered.isEmpty
                let state = phase > currentPhase ? "planned" : phase == currentPhase ? (finished ? "complete" : "current") : (finished ? "complete" : "behind")
                phases.append(Phase(phase: phase, state: state, activitiesDone: activities.count - open.count, activitiesTotal: activities.count,
                                    openActivities: open, requirementsDue: due.count,
                                    requirementsCovered: due.filter { analysis.coverage.requirements[$0]?.status == .covered }.count,
                                    uncoveredRequirements: uncovered, partialRequirements: partial))
            }
        }
        self.phases = phases

        var documents: [String: Int] = [:]
        for document in plan.corpus.documents {
            let key = document.type?.value == .template ? "template" : document.status?.value.rawValue ?? "unknown"
            documents[key, default: 0] += 1
        }
        self.documents = documents
        underRevision = plan.corpus.documents.compactMap { document in
            guard let state = plan.revisionState(of: document), let approved = plan.versionInForce(of: document) else { return nil }
            return Revision(id: document.id?.value ?? document.path, path: document.path, inForce: approved.version?.value.description ?? "",
                            revised: document.version?.value.description ?? "", state: state)
        }
        proposedPlans = plan.corpus.documents.compactMap { document in
            guard document.type?.value == .phasePlan, let status = document.status?.value, status == .draft || status == .review,
                plan.versionInForce(of: document) == nil, let phase = document.phase?.value
            else { return nil }
            return ProposedPlan(id: document.id?.value ?? document.path, path: document.path, phase: phase, status: status.rawValue,
                                activities: document.activities.count)
        }

        reviewsDue = Self.reviewsDue(in: plan)
        recordsDue = (plan.analysis?.periodicRecords ?? []).compactMap { periodic in
            guard let due = periodic.nextDue, due <= horizon, let latest = periodic.latest else { return nil }
            return Due(id: latest.id?.value ?? latest.path, path: latest.path, what: "\(periodic.item.recordOf ?? "record") for \(periodic.requirement)",
                       due: due.description, overdue: due < date)
        }.sorted { $0.due < $1.due }
    }
}
