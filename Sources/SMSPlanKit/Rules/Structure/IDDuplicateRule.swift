/// Two documents with the same id.
public struct IDDuplicateRule: CorpusRule {
    public static let id: RuleID = "id-duplicate"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "two documents carry the same id",
        rationale: "Identity is the id, never the path: references, coverage, history and registers all resolve ids, so each must name exactly one document.",
        valid: RuleExample(files: [
            ("policies/a.md", RuleExample.approvedPolicy),
            ("policies/b.md", RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002")),
        ]),
        invalid: RuleExample(files: [
            ("policies/a.md", RuleExample.approvedPolicy),
            ("policies/b.md", RuleExample.approvedPolicy),
        ]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        corpus.documents.compactMap { document in
            guard let id = document.id, let first = corpus.byID[id.value], first.path != document.path else { return nil }
            return Finding(Self.id, at: id.location, "id \"\(id.value)\" is also used by \(first.path); ids must be unique: give one of them a free id with `smsplan renumber \(id.value) NEW-ID --path \(document.path)`", path: document.path)
        }
    }
}
