/// A process operated by another party without the evidence that the provider governs it.
public struct PartyUngovernedRule: CorpusRule {
    public static let id: RuleID = "party-ungoverned"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "a process document names the party that operates it (operated-by), but no approved agreement has that party, or no approved process governs other parties; operated-by on a document that is not a process",
        rationale: "ISO/IEC 20000-1 accepts no exclusion: a process run by a supplier, an internal group or the customer stays in scope, and the provider shows it governs that party (2011 4.2, 2018 8.2.3) through an agreement and a process that measures it. Until then the process document is not evidence.",
        valid: RuleExample(files: [("processes/hosting.md", Self.operated), ("services/hosting.md", Self.agreement), ("processes/suppliers.md", Self.governing)]),
        invalid: RuleExample(files: [("processes/hosting.md", Self.operated), ("processes/suppliers.md", Self.governing)]))

    static let operated = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "PRC-001")
        .replacingOccurrences(of: "type: policy", with: "type: process\noperated-by: CloudHarbour Ltd")
        .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"6.5\"]")
    static let agreement = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "AGR-001")
        .replacingOccurrences(of: "type: policy", with: "type: agreement\nparty: CloudHarbour Ltd")
        .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"7.2\"]")
    static let governing = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "PRC-002")
        .replacingOccurrences(of: "type: policy", with: "type: process")
        .replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"4.2\"]")

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        // Governance is read from claims; claims of another edition are reported as edition-mismatch.
        guard let coverage = context.analysis?.coverage, context.analysis?.editionMismatch == nil else { return [] }
        return corpus.documents.compactMap { document -> Finding? in
            guard document.isActive, let party = document.operatedBy, document.type?.value != .template else { return nil }
            guard document.type?.value == .process else {
                return Finding(Self.id, at: party.location, "operated-by belongs on a process document; this is a \(document.type?.value.rawValue ?? "document without a type")",
                               path: document.path)
            }
            guard let governance = coverage.parties[EvidenceMatching.key(document)], !governance.isGoverned else { return nil }
            return Finding(Self.id, at: party.location,
                           "process \(governance.process) is operated by \"\(party.value)\", which is not governed: \(governance.gap); until it is, the process is not evidence",
                           path: document.path)
        }
    }
}
