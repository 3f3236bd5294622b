/// Phases, coverage and periodic records of a plan, computed once per check, over the
/// versions in force: a document under revision counts with its last approved version.
public struct PlanAnalysis: Sendable {
    /// The newest record of a periodic kind that a requirement calls for, and when the next is due.
    public struct PeriodicRecord: Sendable {
        public var requirement: String
        public var item: RequirementSchema.EvidenceItem
        public var latest: Document?
        /// When the next record is due; nil when there has never been one.
        public var nextDue: PlanDate?
    }

    public var phases: PhasePlanning
    public var coverage: CoverageMap
    public var periodicRecords: [PeriodicRecord]
    /// The last approved version of each document under revision (draft or review above an
    /// approved version), by id, read from git history.
    public var inForce: [String: Document]
    /// The documents that count: the plan's, each one under revision replaced by its version in force.
    public var counted: Corpus

    public init(corpus: Corpus, schema: RequirementSchema, config: PlanConfig, revisionDate: PlanDate, inForce: [String: Document] = [:]) {
        self.inForce = inForce
        let counted = inForce.isEmpty ? corpus : Corpus(documents: corpus.documents.map { document in
            guard let id = document.id?.value, var approved = inForce[id] else { return document }
            approved.path = document.path
            return approved
        })
        self.counted = counted
        let corpus = counted
        phases = PhasePlanning(corpus: corpus, schema: schema, config: config)
        coverage = CoverageMap(corpus: corpus, schema: schema, config: config, phases: phases)
        var periodic: [PeriodicRecord] = []
        for requirement in schema.requirements where coverage.exclusions[requirement.id] == nil {
            for item in requirement.evidence where item.every != nil && item.type == .record {
                let records = corpus.documents.filter {
                    CoverageMap.meets($0, item) && $0.satisfies.contains { $0.value == requirement.id } && $0.recordedOn != nil
                }
                let latest = records.max { $0.recordedOn!.value < $1.recordedOn!.value }
                let nextDue = latest.flatMap { record in item.every.map { $0.after(record.recordedOn!.value) } }
                periodic.append(PeriodicRecord(requirement: requirement.id, item: item, latest: latest, nextDue: nextDue))
            }
        }
        periodicRecords = periodic
    }
}
