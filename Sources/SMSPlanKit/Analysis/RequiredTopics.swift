/// The topics an evidence item asks its document to address, each as a heading: a heading
/// of any level whose text contains the topic's words ("## Objectives and measures" addresses
/// "objectives"), compared without case.
enum RequiredTopics {
    static func missing(_ item: RequirementSchema.EvidenceItem, in document: Document) -> [String] {
        guard !item.topics.isEmpty else { return [] }
        let headings = document.body.headings.map { normalized($0.text) }
        return item.topics.filter { topic in
            let wanted = normalized(topic)
            return !headings.contains { $0.contains(wanted) }
        }
    }

    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" }).joined(separator: " ")
    }
}

extension RequiredTopics {
    /// heading-missing findings: for each claim whose evidence items (those the document's type
    /// can meet) all ask for topics, each topic the document does not address. A record that a
    /// final correction restates is left to the correction.
    static func findings(_ corpus: Corpus, schema: RequirementSchema, rule: RuleID) -> [Finding] {
        let corrected = Set(corpus.documents.filter { CoverageMap.isEvidence($0) }.compactMap(\.corrects?.value))
        return corpus.documents.flatMap { document -> [Finding] in
            guard document.isActive, let type = document.type?.value, type != .template else { return [] }
            // A record restated by a correction is answered by the correction.
            if let id = document.id?.value, corrected.contains(id) { return [] }
            return document.satisfies.flatMap { claim -> [Finding] in
                guard let requirement = schema.requirement(claim.value) else { return [] }
                let accepting = requirement.evidence.filter { $0.accepts(type, recordOf: document.recordOf?.value) }
                // Measured against the first item it could meet, unless it already meets one.
                guard let item = accepting.first, accepting.allSatisfy({ !$0.topics.isEmpty }),
                    !accepting.contains(where: { missing($0, in: document).isEmpty })
                else { return [] }
                return missing(item, in: document).map { topic in
                    Finding(rule, at: claim.location,
                            "no section on \"\(topic)\"; requirement \(requirement.id) \"\(requirement.title)\" asks the \(item.name ?? type.rawValue) (\(requirement.id)/\(item.id)) to address it as a heading",
                            path: document.path)
                }
            }
        }
    }
}
