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
        public var isMet: Bool { !documents.isEmpty }
    }

    public var id: String
    public var status: Status
    public var items: [ItemCoverage]
    /// Every document whose `satisfies` lists the requirement, whatever its status.
    public var listedBy: [String]
    public var duePhase: Int
}

/// Coverage of every requirement of the schema.
public struct CoverageMap: Sendable {
    public var requirements: [String: RequirementCoverage]
    /// Requirements out of scope, with the exclusion that removed them (inherited by child
    /// clauses). Only a custom schema's excludable requirements can be excluded; an
    /// exclusion of any other requirement changes nothing here (exclusion-not-permitted).
    public var exclusions: [String: PlanConfig.Exclusion]

    init(corpus: Corpus, schema: RequirementSchema, config: PlanConfig, phases: PhasePlanning) {
        var exclusions: [String: PlanConfig.Exclusion] = [:]
        for exclusion in config.exclusions where schema.requirement(exclusion.requirement.value) != nil {
            let subtree = schema.subtree(of: exclusion.requirement.value)
            guard subtree.compactMap(schema.requirement).allSatisfy(\.excludable) else { continue }
            for id in subtree { exclusions[id] = exclusion }
        }
        self.exclusions = exclusions

        var listing: [String: [Document]] = [:]
        for document in corpus.documents where document.type?.value != .template {
            for requirement in Set(document.satisfies.map(\.value)) { listing[requirement, default: []].append(document) }
        }

        var result: [String: RequirementCoverage] = [:]
        func cover(_ id: String) -> RequirementCoverage {
            if let known = result[id] { return known }
            let requirement = schema.requirement(id)
            let documents = listing[id] ?? []
            let evidence = requirement?.evidence ?? []
            let wanted = evidence.isEmpty && schema.isLeaf(id) ? [RequirementSchema.EvidenceItem()] : evidence
            let items = wanted.map { item in
                RequirementCoverage.ItemCoverage(item: item, documents: documents.filter { Self.meets($0, item) }.map { $0.id?.value ?? $0.path })
            }
            let children = schema.children(of: id).map(cover).filter { $0.status != .excluded }
            var statuses = children.map(\.status)
            if !items.isEmpty {
                let met = items.filter(\.isMet).count
                statuses.append(met == items.count ? .covered : met > 0 || !documents.isEmpty ? .partial : .uncovered)
            }
            let status: RequirementCoverage.Status =
                if exclusions[id] != nil || statuses.isEmpty { .excluded }
                else if statuses.allSatisfy({ $0 == .covered }) { .covered }
                else if statuses.allSatisfy({ $0 == .uncovered }) { .uncovered }
                else { .partial }
            let coverage = RequirementCoverage(id: id, status: status, items: items, listedBy: documents.map { $0.id?.value ?? $0.path },
                                               duePhase: phases.dueIn[id] ?? phases.finalPhase)
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

    /// True when the document is evidence of the item's kind.
    static func meets(_ document: Document, _ item: RequirementSchema.EvidenceItem) -> Bool {
        guard isEvidence(document) else { return false }
        if let type = item.type, document.type?.value != type { return false }
        if let kind = item.recordOf, document.recordOf?.value != kind { return false }
        return true
    }

    /// Counts of requirements by status, over the ids given.
    public func counts(_ ids: [String]) -> [RequirementCoverage.Status: Int] {
        Dictionary(grouping: ids.compactMap { requirements[$0]?.status }, by: { $0 }).mapValues(\.count)
    }
}
