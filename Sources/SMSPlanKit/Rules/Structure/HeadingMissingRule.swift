/// A document without a section its type's template requires.
public struct HeadingMissingRule: CorpusRule {
    public static let id: RuleID = "heading-missing"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a document lacks a level-2 section (## Heading) that the template for its type has, or a topic (a heading) that an evidence item of a requirement it claims asks for",
        rationale: "Templates (TR 20000-5 Annex E) fix what every policy, plan or procedure must address; a missing section is usually a missing decision. A template is a document with type: template and template-for: <type>. Some evidence items name their topics (the SMS plan, the management review, the audit programme, an SLA, a service report); a document without them does not meet the item.",
        valid: RuleExample(files: [("templates/policy.md", Self.template), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [
            ("templates/policy.md", Self.template.replacingOccurrences(of: "## Purpose", with: "## Purpose\n\n## Scope")),
            ("policies/example.md", RuleExample.approvedPolicy),
        ]))

    static let template = RuleExample.approvedPolicy
        .replacingOccurrences(of: "POL-001", with: "TPL-001")
        .replacingOccurrences(of: "type: policy", with: "type: template\ntemplate-for: policy")
        .replacingOccurrences(of: "satisfies: [\"4.1.2\"]\n", with: "")

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        var templates: [DocumentType: Document] = [:]
        for template in corpus.documents where template.type?.value == .template {
            guard let type = template.templateFor?.value else { continue }
            if let chosen = templates[type], Self.precedes(chosen, template) { continue }
            templates[type] = template
        }
        // Each template's sections (level 2), normalized once.
        let required = templates.mapValues { template in
            template.body.headings.filter { $0.level == 2 }.map { (text: $0.text, key: Self.normalized($0.text)) }
        }
        let topics = context.schema.map { RequiredTopics.findings(corpus, schema: $0, rule: Self.id) } ?? []
        return topics + corpus.documents.flatMap { document -> [Finding] in
            guard let type = document.type, type.value != .template, let template = templates[type.value],
                let sections = required[type.value], !sections.isEmpty
            else { return [] }
            let present = Set(document.body.headings.map { Self.normalized($0.text) })
            return sections.filter { !present.contains($0.key) }.map {
                Finding(Self.id, at: type.location,
                        "section \"## \($0.text)\" is missing; the \(type.value.rawValue) template \(template.id?.value ?? template.path) requires it", path: document.path)
            }
        }
    }

    /// Approved templates win over others; then the lower id.
    private static func precedes(_ lhs: Document, _ rhs: Document) -> Bool {
        let lhsApproved = lhs.status?.value == .approved, rhsApproved = rhs.status?.value == .approved
        if lhsApproved != rhsApproved { return lhsApproved }
        return (lhs.id?.value ?? lhs.path) < (rhs.id?.value ?? rhs.path)
    }

    /// Lower case, runs of white space as one space, none at either end. ASCII (nearly every
    /// heading) is done byte by byte, with the same result as the general way.
    static func normalized(_ heading: String) -> String {
        let utf8 = heading.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return heading.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var space = false
        for byte in utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !bytes.isEmpty
                continue
            }
            if space {
                bytes.append(0x20)
                space = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
