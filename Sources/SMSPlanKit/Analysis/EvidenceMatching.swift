/// Matches documents to the evidence items of one requirement so that each item is met on
/// its own: a document meets at most one item (the incident procedure cannot stand in for
/// the service request procedure). A maximum matching decides which items are met; each item
/// then lists its candidates that no other item needs.
enum EvidenceMatching {
    static func match(_ items: [RequirementSchema.EvidenceItem], documents: [Document], members: CountedMembers)
        -> [RequirementCoverage.ItemCoverage] {
        let candidates = items.map { item in documents.indices.filter { CoverageMap.meets(documents[$0], item) } }
        let assigned = maximumMatching(candidates)
        return items.indices.map { position in
            let item = items[position]
            let taken = Set(assigned.enumerated().compactMap { $0.offset == position ? nil : $0.element })
            let own = candidates[position].filter { !taken.contains($0) }.map { documents[$0] }
            var coverage = RequirementCoverage.ItemCoverage(item: item, documents: own.map(key), isMet: assigned[position] != nil)
            for document in own {
                if let system = document.heldIn?.system?.value { coverage.heldIn[key(document)] = system }
            }
            if let per = item.per {
                let wanted = members.names(per)
                if wanted.isEmpty {
                    coverage.missing = [members.source(per)]
                } else {
                    let named = Set(own.flatMap { CountedMembers.names(per, of: $0) }.map(CountedMembers.normalized))
                    coverage.missing = wanted.filter { !named.contains(CountedMembers.normalized($0)) }.map { "\(per.rawValue) \"\($0)\"" }
                }
                coverage.isMet = coverage.isMet && coverage.missing.isEmpty
            }
            return coverage
        }
    }

    static func key(_ document: Document) -> String { document.id?.value ?? document.path }

    /// For each item, the index of the document assigned to it (augmenting paths; the lists are short).
    private static func maximumMatching(_ candidates: [[Int]]) -> [Int?] {
        var owner: [Int: Int] = [:]
        func augment(_ item: Int, _ visited: inout Set<Int>) -> Bool {
            for document in candidates[item] where visited.insert(document).inserted {
                if let other = owner[document], !augment(other, &visited) { continue }
                owner[document] = item
                return true
            }
            return false
        }
        for item in candidates.indices {
            var visited = Set<Int>()
            _ = augment(item, &visited)
        }
        var result = [Int?](repeating: nil, count: candidates.count)
        for (document, item) in owner { result[item] = document }
        return result
    }
}

/// What counted items count: the services and suppliers that approved catalogues list, and
/// the approved process documents.
struct CountedMembers: Sendable {
    let services: [String]
    let suppliers: [String]
    let processes: [String]

    init(corpus: Corpus) {
        let catalogues = corpus.documents.filter { $0.type?.value == .catalogue && CoverageMap.isEvidence($0) }
        services = Self.unique(catalogues.flatMap(\.services).map(\.value))
        suppliers = Self.unique(catalogues.flatMap(\.suppliers).map(\.value))
        processes = Self.unique(corpus.documents.filter { $0.type?.value == .process && CoverageMap.isEvidence($0) }.compactMap(\.id?.value))
    }

    func names(_ per: RequirementSchema.EvidenceItem.Counting) -> [String] {
        switch per {
        case .service: services
        case .supplier: suppliers
        case .process: processes
        }
    }

    /// Why nothing can be counted yet.
    func source(_ per: RequirementSchema.EvidenceItem.Counting) -> String {
        switch per {
        case .service: "no approved catalogue lists its services (services:)"
        case .supplier: "no approved catalogue lists its suppliers (suppliers:)"
        case .process: "no approved process document"
        }
    }

    /// The members a document names: an agreement's party and services, a document's processes.
    static func names(_ per: RequirementSchema.EvidenceItem.Counting, of document: Document) -> [String] {
        switch per {
        case .service: document.services.map(\.value)
        case .supplier: (document.party.map { [$0.value] } ?? []) + document.suppliers.map(\.value)
        case .process: document.processes.map(\.value)
        }
    }

    static func normalized(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert(normalized($0)).inserted }
    }
}
