/// The requirement schema in use, as `smsplan schema` prints it.
public struct SchemaReport: Sendable, Encodable {
    public struct Item: Sendable, Encodable {
        /// `8.1/incident-procedure`: stable, for findings and reports.
        public var id: String
        public var type: String
        public var name: String?
        public var recordOf: String?
        public var every: String?
        /// required, or good-practice (shown, never blocking).
        public var level: String
        public var per: String?
        public var topics: [String]
        public var covers: [String]
        public var asIn: String?
    }

    public struct Requirement: Sendable, Encodable {
        public var id: String
        public var title: String
        public var parent: String?
        public var summary: String?
        public var note: String?
        public var excludable: Bool
        public var evidence: [Item]
        public var mapsTo: [String]
    }

    public var id: String
    public var title: String
    public var version: String
    public var requirements: [Requirement]

    public init(schema: RequirementSchema) {
        id = schema.id
        title = schema.title
        version = schema.version
        requirements = schema.requirements.map { requirement in
            Requirement(id: requirement.id, title: requirement.title, parent: requirement.parent, summary: requirement.summary,
                        note: requirement.note, excludable: requirement.excludable,
                        evidence: requirement.evidence.map {
                            Item(id: "\(requirement.id)/\($0.id)", type: $0.types.isEmpty ? "any" : $0.types.map(\.rawValue).joined(separator: " | "),
                                 name: $0.name, recordOf: $0.recordOf, every: $0.every?.description, level: $0.level.rawValue,
                                 per: $0.per?.rawValue, topics: $0.topics, covers: $0.covers, asIn: $0.asIn)
                        },
                        mapsTo: requirement.mapsTo)
        }
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            // Nested, so that the schema's own version does not meet the envelope's.
            struct Payload: Encodable { var schema: SchemaReport }
            return JSONOutput.render(Payload(schema: self), kind: .schema)
        case .text:
            var text = "\(title) (\(id), version \(version))\n\n"
            for requirement in requirements {
                let indent = String(repeating: "  ", count: requirement.id.split(separator: ".").count - 1)
                text += "\(indent)\(requirement.id) \(requirement.title)\(requirement.excludable ? " [excludable]" : "")\n"
                if let summary = requirement.summary { text += "\(indent)    \(summary)\n" }
                for item in requirement.evidence { text += "\(indent)    evidence: \(Self.describe(item))\n" }
                if !requirement.mapsTo.isEmpty { text += "\(indent)    2011: \(requirement.mapsTo.joined(separator: ", "))\n" }
                if let note = requirement.note { text += "\(indent)    note: \(note)\n" }
            }
            return TerminalText.lines(text)
        case .markdown:
            return "# \(MarkdownText.inline(title))\n\n\(MarkdownReporter.code(id)), version \(MarkdownText.inline(version)).\n\n" + MarkdownTable.render(
                ["Clause", "Title", "Summary", "Evidence", "Excludable"],
                requirements.map { requirement in
                    [requirement.id, requirement.title + (requirement.note.map { " (\($0))" } ?? ""), requirement.summary ?? "",
                     requirement.evidence.map(Self.describe).joined(separator: "<br>"), requirement.excludable ? "yes" : "no"]
                })
        }
    }

    private static func describe(_ item: Item) -> String {
        var text = "[\(item.id)] " + (item.asIn.map { "as in \($0)" } ?? item.type)
        if let recordOf = item.recordOf { text += " (\(recordOf))" }
        if let every = item.every { text += " every \(every)" }
        if let per = item.per { text += ", one per \(per)" }
        if let name = item.name { text += ": \(name)" }
        if !item.topics.isEmpty { text += "; topics: \(item.topics.joined(separator: ", "))" }
        if item.level != RequirementSchema.EvidenceItem.Level.required.rawValue { text += " (\(item.level), not blocking)" }
        return text
    }
}
