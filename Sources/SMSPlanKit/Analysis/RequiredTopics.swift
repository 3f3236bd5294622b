/// The topics an evidence item asks its document to address, each as a heading: a heading
/// of any level whose text contains the topic's words ("## Objectives and measures" addresses
/// "objectives"), compared without case.
enum RequiredTopics {
    static func missing(_ item: RequirementSchema.EvidenceItem, in document: Document) -> [String] {
        guard !item.topics.isEmpty else { return [] }
        let headings = document.body.headings
        return item.topics.filter { topic in
            let wanted = normalized(topic)
            return !headings.contains { addresses($0.text, wanted) }
        }
    }

    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "-" }).joined(separator: " ")
    }

    /// Whether `heading`, normalized, contains `wanted` (normalized already). Each document's
    /// headings are compared with each topic of each claim, in the analysis and in
    /// heading-missing: ASCII text is compared byte by byte, as it normalizes, without
    /// making the normalized heading.
    static func addresses(_ heading: String, _ wanted: String) -> Bool {
        asciiAddresses(heading, wanted) ?? normalized(heading).contains(wanted)
    }

    /// `addresses` for ASCII text and a topic that is not empty; nil otherwise. ASCII
    /// lowercases byte by byte, its whitespace is 9 to 13 and 32 (a CR LF pair is one
    /// character, and whitespace), and every byte is a character of its own.
    private static func asciiAddresses(_ heading: String, _ wanted: String) -> Bool? {
        var heading = heading, wanted = wanted
        return heading.withUTF8 { text in
            wanted.withUTF8 { topic -> Bool? in
                guard !topic.isEmpty, text.allSatisfy({ $0 < 0x80 }), topic.allSatisfy({ $0 < 0x80 }) else { return nil }
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: text.count) { buffer in
                    var count = 0, gap = false
                    for byte in text {
                        if (9...13).contains(byte) || byte == 32 || byte == UInt8(ascii: "-") {
                            gap = count > 0
                            continue
                        }
                        if gap {
                            buffer[count] = 32
                            count += 1
                            gap = false
                        }
                        buffer[count] = (65...90).contains(byte) ? byte + 32 : byte
                        count += 1
                    }
                    guard count >= topic.count else { return false }
                    return (0...(count - topic.count)).contains { start in
                        (0..<topic.count).allSatisfy { buffer[start + $0] == topic[$0] }
                    }
                }
            }
        }
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
