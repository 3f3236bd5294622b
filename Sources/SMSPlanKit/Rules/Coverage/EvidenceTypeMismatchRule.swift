/// A claim (`satisfies`) that the document's type can never meet.
public struct EvidenceTypeMismatchRule: CorpusRule {
    public static let id: RuleID = "evidence-type-mismatch"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "a document lists in satisfies a requirement that no evidence item of its type (records: of its kind) can be met by, or a clause that takes its coverage from its sub-clauses",
        rationale: "A claim that cannot count is a false assurance: a procedure listing a clause whose evidence is a set of documented controls would otherwise be silently ignored. The message names the types the clause's items accept.",
        valid: RuleExample(files: [("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("policies/example.md", RuleExample.approvedPolicy.replacingOccurrences(of: "[\"4.1.2\"]", with: "[\"6.6.3\"]"))]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        // Claims of another edition are judged after `smsplan migrate`; edition-mismatch says so.
        guard let schema = context.schema, context.analysis?.editionMismatch == nil else { return [] }
        return corpus.documents.flatMap { document -> [Finding] in
            guard document.isActive, let type = document.type?.value, type != .template else { return [] }
            return document.satisfies.compactMap { claim -> Finding? in
                guard let requirement = schema.requirement(claim.value) else { return nil }
                // Most claims are accepted: nothing is built for them.
                let recordOf = document.recordOf?.value
                if requirement.evidence.contains(where: { $0.asIn == nil && $0.accepts(type, recordOf: recordOf) }) { return nil }
                let items = requirement.evidence.filter { $0.asIn == nil }
                let name = "\(requirement.id) \"\(requirement.title)\""
                if requirement.evidence.isEmpty {
                    guard !schema.isLeaf(requirement.id) else { return nil }
                    return Finding(Self.id, at: claim.location,
                                   "\(name) takes its coverage from its sub-clauses (\(schema.children(of: requirement.id).joined(separator: ", "))); list the one this \(type.rawValue) is evidence for",
                                   path: document.path)
                }
                let accepted = items.isEmpty ? "it asks for no document of its own: it is covered when the clauses it names are (\(requirement.evidence.compactMap(\.asIn).joined(separator: ", ")))"
                    : "its evidence items accept " + items.map { "\($0.typeLabel) (\(requirement.id)/\($0.id))" }.joined(separator: "; ")
                let what = type == .record ? "a record of \"\(document.recordOf?.value ?? "?")\"" : "a \(type.rawValue)"
                return Finding(Self.id, at: claim.location, "\(what) cannot be evidence for \(name): \(accepted)", path: document.path)
            }
        }
    }
}
