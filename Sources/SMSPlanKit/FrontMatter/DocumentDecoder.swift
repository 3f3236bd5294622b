import Foundation

/// Decodes a document's front matter into the typed `Document`, reporting
/// `field-missing`, `field-invalid` and `field-unknown` as it goes.
public enum DocumentDecoder {
    /// Parses and decodes one Markdown file. Returns the document when its front matter
    /// is a mapping (even with invalid fields), and every finding on the way.
    public static func decode(_ data: Data, path: String) -> (document: Document?, findings: [Finding]) {
        let parsed = FrontMatterParser.parse(data)
        guard let root = parsed.frontMatter, let pairs = root.pairs else { return (nil, parsed.findings) }
        var reader = NodeReader(invalidRule: FieldInvalidRule.id)
        var document = Document(path: path)
        document.body = parsed.body
        document.contents = data
        var seen: [String: SourceLocation] = [:]
        // The type decides which statuses are allowed, so it is read first.
        if let typePair = pairs.first(where: { $0.keyText == DocumentField.type.rawValue }) {
            DocumentField.type.decode(typePair.value, into: &document, reader: &reader)
        }
        for pair in pairs {
            guard let key = pair.keyText else {
                reader.report(FieldUnknownRule.id, at: pair.key.location, "a key must be a name, found \(pair.key.kindDescription)")
                continue
            }
            seen[key] = pair.key.location
            guard let field = DocumentField(rawValue: key) else {
                reader.report(FieldUnknownRule.id, at: pair.key.location, "unknown field \"\(key)\"\(suggestion(for: key))")
                continue
            }
            if field == .type { continue }
            field.decode(pair.value, into: &document, reader: &reader)
        }
        document.keyLocations = KeyLocations(seen)
        for field in DocumentField.required(for: document.type?.value) where seen[field.rawValue] == nil {
            reader.report(FieldMissingRule.id, at: .fileStart, "required field \"\(field.rawValue)\" is missing\(field.requirementNote(for: document.type?.value))")
        }
        return (document, parsed.findings + reader.findings)
    }

    /// " (did you mean \"owner\"?)" for a key one or two edits from a known field.
    static func suggestion(for key: String) -> String {
        let candidates = DocumentField.allCases.map(\.rawValue).filter { EditDistance.between($0, key) <= 2 }
        guard let best = candidates.min(by: { EditDistance.between($0, key) < EditDistance.between($1, key) }) else { return "" }
        return " (did you mean \"\(best)\"?)"
    }
}

/// The fields a document's front matter may carry.
enum DocumentField: String, CaseIterable {
    case id, title, type, version, status, owner, author
    case approvedBy = "approved-by", approvedOn = "approved-on", nextReview = "next-review"
    case classification, satisfies, phase, supersedes, supersededBy = "superseded-by"
    case source, distribution, history
    case recordOf = "record-of", recordedOn = "recorded-on", retention, corrects, disposes
    case activities, templateFor = "template-for"
    case services, suppliers, party, processes, operatedBy = "operated-by", heldIn = "held-in"

    /// The fields every document of `type` must have.
    static func required(for type: DocumentType?) -> [DocumentField] {
        var fields: [DocumentField] = [.id, .title, .type, .status, .owner]
        switch type {
        case .record: fields += [.recordOf, .recordedOn, .retention]
        case .phasePlan: fields += [.version, .phase]
        default: fields += [.version]
        }
        return fields
    }

    func requirementNote(for type: DocumentType?) -> String {
        switch self {
        case .recordOf, .recordedOn, .retention: " (every record has it)"
        case .phase: " (every phase plan has it)"
        default: ""
        }
    }

    func decode(_ node: YAMLNode, into document: inout Document, reader: inout NodeReader) {
        let name = rawValue
        switch self {
        case .id: document.id = reader.text(node, name)
        case .title: document.title = reader.text(node, name)
        case .type: document.type = reader.choice(node, name)
        case .version: document.version = reader.version(node, name)
        case .status:
            document.status = reader.choice(node, name, allowed: DocumentStatus.allowed(for: document.type?.value))
        case .owner: document.owner = reader.text(node, name)
        case .author: document.author = reader.text(node, name)
        case .approvedBy: document.approvedBy = reader.text(node, name)
        case .approvedOn: document.approvedOn = reader.date(node, name)
        case .nextReview: document.nextReview = reader.date(node, name)
        case .classification: document.classification = reader.choice(node, name)
        case .satisfies: document.satisfies = reader.list(node, name)
        case .phase: document.phase = reader.integer(node, name, in: 1...99)
        case .supersedes: document.supersedes = reader.list(node, name)
        case .supersededBy: document.supersededBy = reader.text(node, name)
        case .source: document.source = reader.text(node, name)
        case .distribution: document.distribution = reader.list(node, name)
        case .history: document.history = Self.history(node, reader: &reader)
        case .recordOf: document.recordOf = reader.text(node, name)
        case .recordedOn: document.recordedOn = reader.date(node, name)
        case .retention:
            if let text = reader.text(node, name) {
                if PlanDuration(text.value) == nil {
                    reader.invalid(at: text.location, "\"retention\" must be a period such as \"6 years\" or \"18 months\"; found \"\(text.value)\"")
                } else {
                    document.retention = text
                }
            }
        case .corrects: document.corrects = reader.text(node, name)
        case .disposes: document.disposes = reader.list(node, name)
        case .activities: document.activities = Self.activities(node, reader: &reader)
        case .templateFor: document.templateFor = reader.choice(node, name)
        case .services: document.services = reader.list(node, name)
        case .suppliers: document.suppliers = reader.list(node, name)
        case .party: document.party = reader.text(node, name)
        case .processes: document.processes = reader.list(node, name)
        case .operatedBy: document.operatedBy = reader.text(node, name)
        case .heldIn: document.heldIn = Self.heldIn(node, reader: &reader)
        }
    }

    private static func history(_ node: YAMLNode, reader: inout NodeReader) -> [HistoryEntry] {
        entries(node, list: "history", entry: "history entry", keys: ["version", "date", "author", "summary"],
                required: ["version", "date"], make: { HistoryEntry(location: $0) }, reader: &reader) { entry, key, value, reader in
            switch key {
            case "version": entry.version = reader.version(value, "history version")
            case "date": entry.date = reader.date(value, "history date")
            case "author": entry.author = reader.text(value, "history author")
            default: entry.summary = reader.text(value, "history summary")
            }
        }
    }

    private static func heldIn(_ node: YAMLNode, reader: inout NodeReader) -> ExternalRecord? {
        guard reader.mapping(node, "held-in") != nil else { return nil }
        let records = entries(YAMLNode.sequence([node], node.location), list: "held-in", entry: "held-in",
                              keys: ["system", "query", "url", "owner", "last-checked"], required: ["system", "last-checked"],
                              make: { ExternalRecord(location: $0) }, reader: &reader) { record, key, value, reader in
            switch key {
            case "system": record.system = reader.text(value, "held-in system")
            case "query": record.query = reader.text(value, "held-in query")
            case "url": record.url = reader.text(value, "held-in url")
            case "owner": record.owner = reader.text(value, "held-in owner")
            default: record.lastChecked = reader.date(value, "held-in last-checked")
            }
        }
        guard let record = records.first else { return nil }
        if record.query == nil && record.url == nil {
            reader.report(FieldMissingRule.id, at: record.location, "held-in has neither \"query\" nor \"url\"; say how to find the records in \(record.system?.value ?? "the system")")
        }
        return record
    }

    private static func activities(_ node: YAMLNode, reader: inout NodeReader) -> [Activity] {
        entries(node, list: "activities", entry: "activity", keys: ["id", "title", "requirements", "status", "evidence"],
                required: ["id"], make: { Activity(location: $0) }, reader: &reader) { activity, key, value, reader in
            switch key {
            case "id": activity.id = reader.text(value, "activity id")
            case "title": activity.title = reader.text(value, "activity title")
            case "requirements": activity.requirements = reader.list(value, "activity requirements")
            case "status": activity.status = reader.choice(value, "activity status")
            default: activity.evidence = reader.list(value, "activity evidence")
            }
        }
    }

    /// Decodes a list of small mappings (history entries, activities): each known key is
    /// handed to `assign`; unknown keys and absent required keys are reported.
    private static func entries<Entry>(
        _ node: YAMLNode, list: String, entry: String, keys: [String], required: [String],
        make: (SourceLocation) -> Entry, reader: inout NodeReader,
        assign: (inout Entry, String, YAMLNode, inout NodeReader) -> Void
    ) -> [Entry] {
        guard let items = reader.sequence(node, list) else { return [] }
        return items.compactMap { item in
            guard let pairs = reader.mapping(item, entry) else { return nil }
            var value = make(item.location)
            for pair in pairs {
                guard let key = pair.keyText, keys.contains(key) else {
                    let known = keys.dropLast().joined(separator: ", ") + " and " + (keys.last ?? "")
                    let article = "aeiou".contains(entry.first ?? "x") ? "an" : "a"
                    reader.report(FieldUnknownRule.id, at: pair.key.location,
                                  "unknown \(entry) field \"\(pair.keyText ?? "?")\"; \(article) \(entry) has \(known)")
                    continue
                }
                assign(&value, key, pair.value, &reader)
            }
            for key in required where !pairs.contains(where: { $0.keyText == key }) {
                reader.report(FieldMissingRule.id, at: item.location, "\(entry) has no \"\(key)\"")
            }
            return value
        }
    }
}
