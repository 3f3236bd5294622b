/// An active document that points at an obsolete one.
public struct ObsoleteReferencedRule: CorpusRule {
    public static let id: RuleID = "obsolete-referenced"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "a document in force names an obsolete document as evidence, or links to its file",
        rationale: "Readers follow references; a link to an obsolete document leads to its unintended use (ISO/IEC 20000-1:2011 4.3.2). supersedes is the one reference that may name an obsolete document.",
        valid: RuleExample(files: RuleExample.supersededPair.files + [("policies/reader.md", Self.reader("new.md"))]),
        invalid: RuleExample(files: RuleExample.supersededPair.files + [("policies/reader.md", Self.reader("old.md"))]))

    static func reader(_ target: String) -> String {
        RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002")
            + "See the [policy](\(target)).\n"
    }

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        corpus.documents.filter(\.isActive).flatMap { document -> [Finding] in
            let evidence = document.activities.flatMap(\.evidence).compactMap { reference -> Finding? in
                guard let target = corpus.byID[reference.value], target.status?.value == .obsolete else { return nil }
                return Finding(Self.id, at: reference.location, Self.message(reference.value, target), path: document.path)
            }
            let links = document.body.links.compactMap { link -> Finding? in
                guard let path = DocumentLink.resolve(link.target, from: document.path),
                    let target = corpus.byPath[path], target.status?.value == .obsolete
                else { return nil }
                return Finding(Self.id, at: link.location, Self.message(target.id?.value ?? path, target), path: document.path)
            }
            return evidence + links
        }
    }

    private static func message(_ name: String, _ target: Document) -> String {
        let successor = target.supersededBy.map { "; refer to \($0.value) instead" } ?? ""
        return "\(name) (\(target.path)) is obsolete\(successor)"
    }
}
