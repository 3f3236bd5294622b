/// A reference to a document id that no document has.
public struct ReferenceUnresolvedRule: CorpusRule {
    public static let id: RuleID = "reference-unresolved"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "supersedes, superseded-by, corrects or an activity's evidence names an id no document has",
        rationale: "A dangling reference breaks the chain an auditor follows from a requirement to its evidence, or from a document to the one it replaced.",
        valid: RuleExample.supersededPair,
        invalid: .document(RuleExample.supersedingPolicy))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        corpus.documents.flatMap { document in
            Self.references(of: document).compactMap { field, reference in
                guard corpus.byID[reference.value] == nil else { return nil }
                return Finding(Self.id, at: reference.location, "\(field) names \"\(reference.value)\", but no document has that id", path: document.path)
            }
        }
    }

    /// Every id a document refers to, with the field that holds it.
    static func references(of document: Document) -> [(field: String, id: Located<String>)] {
        document.supersedes.map { ("supersedes", $0) }
            + [document.supersededBy, document.corrects].enumerated().compactMap { index, value in
                value.map { (index == 0 ? "superseded-by" : "corrects", $0) }
            }
            + document.activities.flatMap { activity in activity.evidence.map { ("evidence of \(activity.id?.value ?? "an activity")", $0) } }
    }
}
