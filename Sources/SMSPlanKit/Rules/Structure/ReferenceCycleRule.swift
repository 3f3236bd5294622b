/// A document that supersedes or corrects itself, or a chain of `supersedes` (or `corrects`)
/// that comes back to where it started.
public struct ReferenceCycleRule: CorpusRule {
    public static let id: RuleID = "reference-cycle"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a document supersedes or corrects itself, or a supersedes or corrects chain comes back to itself",
        rationale: "Replacement and correction run one way, from the old document to the new: a loop leaves no document in force and no original for an auditor to trace.",
        valid: RuleExample.supersededPair,
        invalid: RuleExample(files: [("records/review.md", RuleExample.managementReview(on: "2026-03-01")
                .replacingOccurrences(of: "satisfies:", with: "corrects: REC-001\nsatisfies:"))]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (field, links) in [("supersedes", { (document: Document) in document.supersedes }),
                               ("corrects", { (document: Document) in document.corrects.map { [$0] } ?? [] })] {
            for document in corpus.documents {
                guard let id = document.id?.value else { continue }
                for reference in links(document) {
                    if reference.value == id {
                        findings.append(Finding(Self.id, at: reference.location, "\(id) \(field) itself", path: document.path))
                    } else if let path = Self.path(from: reference.value, back: id, field: links, in: corpus) {
                        findings.append(Finding(Self.id, at: reference.location,
                                                "\(field) goes round in a circle: \(([id] + path).joined(separator: " -> "))", path: document.path))
                    }
                }
            }
        }
        return findings
    }

    /// The ids from `start` to `target` following `field`, when `target` can be reached;
    /// walked breadth first without recursion, each id once.
    private static func path(from start: String, back target: String, field: (Document) -> [Located<String>], in corpus: Corpus) -> [String]? {
        var previous: [String: String] = [start: ""]
        var queue = [start]
        var index = 0
        while index < queue.count {
            let current = queue[index]
            index += 1
            if current == target {
                var path = [current]
                while let before = previous[path[0]], !before.isEmpty { path.insert(before, at: 0) }
                return path
            }
            guard let document = corpus.byID[current] else { continue }
            for next in field(document).map(\.value) where previous[next] == nil {
                previous[next] = current
                queue.append(next)
            }
        }
        return nil
    }
}
