/// A document replaced by an approved one but not marked obsolete.
public struct ObsoleteUnmarkedRule: CorpusRule {
    public static let id: RuleID = "obsolete-unmarked"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "an approved document supersedes another that is not obsolete, or that does not name its successor in superseded-by",
        rationale: "Obsolete documents must not be used by mistake and are marked when kept (ISO/IEC 20000-1:2011 4.3.2).",
        valid: RuleExample.supersededPair,
        invalid: RuleExample(files: [
            ("policies/old.md", RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-000")),
            ("policies/new.md", RuleExample.supersedingPolicy),
        ]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        corpus.documents.filter { $0.status?.value == .approved }.flatMap { successor in
            successor.supersedes.compactMap { reference -> Finding? in
                guard let old = corpus.byID[reference.value], let successorID = successor.id?.value else { return nil }
                if let status = old.status, status.value != .obsolete {
                    return Finding(Self.id, at: status.location,
                                   "\(reference.value) is superseded by approved \(successorID) (\(successor.path)) but its status is \(status.value.rawValue); set status: obsolete and superseded-by: \(successorID)",
                                   path: old.path)
                }
                if old.status?.value == .obsolete && old.keyLocations["superseded-by"] == nil {
                    return Finding(Self.id, at: old.location(ofKey: "status"),
                                   "obsolete \(reference.value) does not name its successor; add superseded-by: \(successorID)", path: old.path)
                }
                return nil
            }
        }
    }
}
