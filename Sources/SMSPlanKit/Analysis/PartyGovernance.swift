/// A process operated by another party (`operated-by:`, 2011 4.2, 2018 8.2.3): the provider
/// stays accountable and shows it governs the party through an approved agreement with it
/// and an approved process that manages and measures it (governance of other parties, or
/// supplier management).
public struct PartyGovernance: Sendable {
    /// The process document's id (or path).
    public var process: String
    public var party: String
    /// Approved agreements whose `party:` is the operating party.
    public var agreements: [String]
    /// Approved process documents (other than this one) for governing other parties or managing suppliers.
    public var governingProcesses: [String]

    public var isGoverned: Bool { !agreements.isEmpty && !governingProcesses.isEmpty }

    /// "operated by CloudHarbour Ltd, governed by AGR-002 (PRC-017)".
    public var summary: String {
        guard isGoverned else { return "\(process) operated by \(party), not governed: \(gap)" }
        return "\(process) operated by \(party), governed by \(agreements.joined(separator: ", ")) (\(governingProcesses.joined(separator: ", ")))"
    }

    /// What is missing for the party to be governed.
    public var gap: String {
        var missing: [String] = []
        if agreements.isEmpty { missing.append("no approved agreement names \"\(party)\" as its party") }
        if governingProcesses.isEmpty { missing.append("no approved process for governing other parties or managing suppliers") }
        return missing.joined(separator: "; ")
    }

    /// The clauses whose process governs other parties: 2011 4.2 and 7.2, 2018 8.2.3 and 8.3.4.
    static let governanceClauses: Set<String> = ["4.2", "7.2", "8.2.3", "8.3.4", "8.3.4.1", "8.3.4.2"]

    /// Every active document that names an operating party, by id.
    static func all(in corpus: Corpus, schema: RequirementSchema) -> [String: PartyGovernance] {
        let clauses = governanceClauses.filter { schema.requirement($0) != nil }
        var result: [String: PartyGovernance] = [:]
        for document in corpus.documents where document.isActive && document.type?.value != .template {
            guard let party = document.operatedBy?.value else { continue }
            let key = EvidenceMatching.key(document)
            let agreements = corpus.documents.filter {
                $0.type?.value == .agreement && CoverageMap.isEvidence($0)
                    && $0.party.map { CountedMembers.normalized($0.value) == CountedMembers.normalized(party) } == true
            }
            let governing = corpus.documents.filter {
                $0.type?.value == .process && CoverageMap.isEvidence($0) && EvidenceMatching.key($0) != key && $0.operatedBy == nil
                    && $0.satisfies.contains { clauses.contains($0.value) }
            }
            result[key] = PartyGovernance(process: key, party: party, agreements: agreements.map(EvidenceMatching.key),
                                          governingProcesses: governing.map(EvidenceMatching.key))
        }
        return result
    }
}
