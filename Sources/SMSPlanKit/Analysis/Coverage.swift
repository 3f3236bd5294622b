/// How far one requirement is covered by approved evidence.
public struct RequirementCoverage: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case covered, partial, uncovered, excluded
    }

    /// One evidence item and the documents that meet it.
    public struct ItemCoverage: Sendable {
        public var item: RequirementSchema.EvidenceItem
        /// Ids (or paths) of approved documents or final records that meet the item.
        public var documents: [String]
        /// What a counted item still lacks ("service \"Hosted collaboration\""), or why an
        /// item cannot be met ("no services: list in an approved catalogue").
        public var missing: [String] = []
        /// Records among `documents` held in another system: document id -> system.
        public var heldIn: [String: String] = [:]
        public var isMet: Bool
    }

    public var id: String
    public var status: Status
    public var items: [ItemCoverage]
    /// Every document whose `satisfies` lists the requirement, whatever its status.
    public var listedBy: [String]
    public var duePhase: Int
    /// False when the standard asks for no document here: the items are good practice only,
    /// shown in coverage but never blocking a phase.
    public var documentsRequired: Bool = true
    /// "operated by CloudHarbour Ltd, governed by AGR-002" for processes run by other parties.
    public var parties: [String] = []

    /// True when the requirement holds up a phase: a clause without sub-clauses, not
    /// covered, that asks for documented evidence.
    public var blocks: Bool { documentsRequired && (status == .uncovered || status == .partial) }
}

/// Coverage of every requirement of the schema.
public struct CoverageMap: Sendable {
    public var requirements: [String: RequirementCoverage]
    /// Requirements out of scope, with the exclusion that removed them (inherited by child
    /// clauses). Only a custom schema's excludable requirements can be excluded; an
    /// exclusion of any other requirement changes nothing here (exclusion-not-permitted).
    public var exclusions: [String: PlanConfig.Exclusion]
    /// Governance of processes operated by other parties, by process document id.
    public var parties: [String: PartyGovernance]

    /// - Parameter corpus: the documents to count (issue them as the versions in force).
    init(corpus: Corpus, schema: RequirementSchema, config: PlanConfig, phases: PhasePlanning) {
        var exclusions: [String: PlanConfig.Exclusion] = [:]
        for exclusion in config.exclusions where schema.requirement(exclusion.requirement.value) != nil {
            let subtree = schema.subtree(of: exclusion.requirement.value)
            guard subtree.compactMap(schema.requirement).allSatisfy(\.excludable) else { continue }
            for id in subtree { exclusions[id] = exclusion }
        }
        self.exclusions = exclusions
        let parties = PartyGovernance.all(in: corpus, schema: schema)
        self.parties = parties

        var listing: [String: [Document]] = [:]
        for document in corpus.documents where document.type?.value != .template {
            for requirement in Set(document.satisfies.map(\.value)) { listing[requirement, default: []].append(document) }
        }
        let members = CountedMembers(corpus: corpus)

        var result: [String: RequirementCoverage] = [:]
        var inProgress = Set<String>()
        func cover(_ id: String) -> RequirementCoverage {
            if let known = result[id] { return known }
            inProgress.insert(id)
            defer { inProgress.remove(id) }
            let requirement = schema.requirement(id)
            let documents = (listing[id] ?? []).filter { parties[$0.id?.value ?? ""]?.isGoverned ?? true }
            let evidence = requirement?.evidence ?? []
            let wanted = evidence.isEmpty && schema.isLeaf(id) ? [RequirementSchema.EvidenceItem()] : evidence
            var items = EvidenceMatching.match(wanted, documents: documents, members: members)
            for (position, item) in wanted.enumerated() {
                guard let target = item.asIn else { continue }
                let other = inProgress.contains(target) ? nil : schema.requirement(target).map { cover($0.id) }
                items[position] = .init(item: item, documents: other.map { Array(Set($0.items.flatMap(\.documents))).sorted() } ?? [],
                                        missing: other?.status == .covered ? [] : ["\(target) not covered"], isMet: other?.status == .covered)
            }
            let children = schema.children(of: id).map(cover).filter { $0.status != .excluded }
            var statuses = children.map(\.status)
            let required = items.filter { $0.item.level == .required }
            let counted = required.isEmpty ? items : required
            if !counted.isEmpty {
                let met = counted.filter(\.isMet).count
                statuses.append(met == counted.count ? .covered : met > 0 || !documents.isEmpty ? .partial : .uncovered)
            }
            let status: RequirementCoverage.Status =
                if exclusions[id] != nil || statuses.isEmpty { .excluded }
                else if statuses.allSatisfy({ $0 == .covered }) { .covered }
                else if statuses.allSatisfy({ $0 == .uncovered }) { .uncovered }
                else { .partial }
            var coverage = RequirementCoverage(id: id, status: status, items: items, listedBy: (listing[id] ?? []).map { $0.id?.value ?? $0.path },
                                               duePhase: phases.dueIn[id] ?? phases.finalPhase)
            coverage.documentsRequired = !required.isEmpty || (items.isEmpty && children.contains(where: \.documentsRequired))
            coverage.parties = (listing[id] ?? []).compactMap { parties[$0.id?.value ?? ""]?.summary }
            result[id] = coverage
            return coverage
        }
        for requirement in schema.requirements { _ = cover(requirement.id) }
        self.requirements = result
    }

    /// True when the document is evidence at all: approved and in force, or a final record.
    static func isEvidence(_ document: Document) -> Bool {
        switch document.status?.value {
        case .approved: document.type?.value != .template
        case .final: document.type?.value == .record
        default: false
        }
    }

    /// True when the document is evidence of the item's kind, with every topic it asks for.
    static func meets(_ document: Document, _ item: RequirementSchema.EvidenceItem) -> Bool {
        isEvidence(document) && item.accepts(document.type?.value, recordOf: document.recordOf?.value)
            && RequiredTopics.missing(item, in: document).isEmpty
    }

    /// Counts of requirements by status, over the ids given.
    public func counts(_ ids: [String]) -> [RequirementCoverage.Status: Int] {
        Dictionary(grouping: ids.compactMap { requirements[$0]?.status }, by: { $0 }).mapValues(\.count)
    }
}
