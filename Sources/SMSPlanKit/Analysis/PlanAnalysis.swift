/// Phases, coverage and periodic records of a plan, computed once per check, over the
/// versions in force: a document under revision counts with its last approved version.
public struct PlanAnalysis: Sendable {
    /// The newest record of a periodic kind that a requirement calls for, and when the next is due.
    public struct PeriodicRecord: Sendable {
        public var requirement: String
        public var item: RequirementSchema.EvidenceItem
        /// The planned interval: smsplan.yaml's `record-intervals` for the kind, else the schema's `every`.
        public var interval: PlanDuration
        /// The newest record, not counting corrections (a correction fixes an old record; it is not a new one).
        public var latest: Document?
        /// The date judged: `recorded-on`, or `held-in.last-checked` for a record held in another system.
        public var latestDate: Located<PlanDate>?
        /// When the next record is due; nil when there has never been one.
        public var nextDue: PlanDate?
    }

    /// The date a periodic record stands for: when it was recorded, or for a record held in
    /// another system, when that system was last checked.
    static func judgedDate(_ record: Document) -> Located<PlanDate>? {
        record.heldIn != nil ? record.heldIn?.lastChecked : record.recordedOn
    }

    public var phases: PhasePlanning
    public var coverage: CoverageMap
    public var periodicRecords: [PeriodicRecord]
    /// The last approved version of each document under revision (draft or review above an
    /// approved version), by id, read from git history.
    public var inForce: [String: Document]
    /// The documents that count: the plan's, each one under revision replaced by its version in force.
    /// Without their claims when the claims belong to another edition (`editionMismatch`).
    public var counted: Corpus
    /// Set when the claims are written for another edition than the schema's: then no claim
    /// counts for coverage or phases.
    public var editionMismatch: EditionMismatch?

    public init(corpus: Corpus, schema: RequirementSchema, config: PlanConfig, revisionDate: PlanDate, inForce: [String: Document] = [:]) {
        self.inForce = inForce
        let counted = inForce.isEmpty ? corpus : Corpus(documents: corpus.documents.map { document in
            guard let id = document.id?.value, var approved = inForce[id] else { return document }
            approved.path = document.path
            return approved
        })
        let mismatch = EditionMismatch.check(config: config, schema: schema)
        editionMismatch = mismatch
        self.counted = mismatch == nil ? counted : counted.withoutClaims()
        let corpus = self.counted
        phases = PhasePlanning(corpus: corpus, schema: schema, config: config)
        coverage = CoverageMap(corpus: corpus, schema: schema, config: config, phases: phases)
        var periodic: [PeriodicRecord] = []
        // The documents that claim each requirement, in the corpus's order.
        var claimants: [String: [Int]] = [:]
        for (position, document) in corpus.documents.enumerated() {
            for claim in Set(document.satisfies.map(\.value)) { claimants[claim, default: []].append(position) }
        }
        for requirement in schema.requirements where coverage.exclusions[requirement.id] == nil {
            for item in requirement.evidence where item.isPeriodic {
                guard let interval = item.recordOf.flatMap({ config.recordIntervals[$0] }) ?? item.every else { continue }
                // A correction stands for the record it corrects, with that record's date.
                let dated: [(record: Document, date: Located<PlanDate>)] = (claimants[requirement.id] ?? []).compactMap { position in
                    let record = corpus.documents[position]
                    guard CoverageMap.meets(record, item) else { return nil }
                    let original = record.corrects.flatMap { corpus.byID[$0.value] } ?? record
                    return Self.judgedDate(original).map { (original, $0) }
                }
                let newest = dated.max { $0.date.value < $1.date.value }
                let latest = newest?.record
                let date = newest?.date
                periodic.append(PeriodicRecord(requirement: requirement.id, item: item, interval: interval, latest: latest, latestDate: date,
                                               nextDue: date.map { interval.after($0.value) }))
            }
        }
        periodicRecords = periodic
    }
}
