import Foundation

/// The values written by their place in these lists rather than as text. The lists are the
/// format: a new case goes at the end, or `DecodeCache.formatVersion` is bumped.
private let documentTypes = DocumentType.allCases
private let documentStatuses = DocumentStatus.allCases
private let classifications = Classification.allCases
private let activityStatuses = ActivityStatus.allCases
/// Front-matter keys, which are nearly always known fields: written as their place here
/// plus one, or 0 and the text for any other key.
private let fieldNames = DocumentField.allCases.map(\.rawValue)
/// Each front-matter key's place in `fieldNames`, the first where a name comes twice.
private let fieldNumbers = Dictionary(fieldNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

extension ByteWriter {
    /// What a check that replays the whole-plan findings reads of a document it does not
    /// check again (`ByteReader.summary(path:)`): nothing for one with findings of its own.
    mutating func summary(of d: Document?, findings: [Finding]) {
        guard let d, findings.isEmpty else { return bool(false) }
        bool(true)
        optional(d.id?.value) { $0.string($1) }
        optional(d.type?.value) { $0.choice($1, in: documentTypes) }
        optional(d.version?.value) { $0.int($1.major); $0.int($1.minor) }
        optional(d.status?.value) { $0.choice($1, in: documentStatuses) }
        array(d.disposes) { $0.string($1.value) }
    }

    mutating func document(_ d: Document) {
        string(d.path)
        located(d.id) { $0.string($1) }
        located(d.title) { $0.string($1) }
        located(d.type) { $0.choice($1, in: documentTypes) }
        located(d.version) { $0.int($1.major); $0.int($1.minor) }
        located(d.status) { $0.choice($1, in: documentStatuses) }
        located(d.owner) { $0.string($1) }
        located(d.author) { $0.string($1) }
        located(d.approvedBy) { $0.string($1) }
        located(d.approvedOn) { $0.date($1) }
        located(d.nextReview) { $0.date($1) }
        located(d.classification) { $0.choice($1, in: classifications) }
        texts(d.satisfies)
        located(d.phase) { $0.int($1) }
        texts(d.supersedes)
        located(d.supersededBy) { $0.string($1) }
        located(d.source) { $0.string($1) }
        texts(d.distribution)
        array(d.history) { writer, entry in
            writer.located(entry.version) { $0.int($1.major); $0.int($1.minor) }
            writer.located(entry.date) { $0.date($1) }
            writer.located(entry.author) { $0.string($1) }
            writer.located(entry.summary) { $0.string($1) }
            writer.location(entry.location)
        }
        located(d.recordOf) { $0.string($1) }
        located(d.recordedOn) { $0.date($1) }
        located(d.retention) { $0.string($1) }
        located(d.corrects) { $0.string($1) }
        texts(d.disposes)
        array(d.activities) { writer, activity in
            writer.located(activity.id) { $0.string($1) }
            writer.located(activity.title) { $0.string($1) }
            writer.texts(activity.requirements)
            writer.located(activity.status) { $0.choice($1, in: activityStatuses) }
            writer.texts(activity.evidence)
            writer.location(activity.location)
        }
        located(d.templateFor) { $0.choice($1, in: documentTypes) }
        texts(d.services)
        texts(d.suppliers)
        located(d.party) { $0.string($1) }
        texts(d.processes)
        located(d.operatedBy) { $0.string($1) }
        optional(d.heldIn) { writer, record in
            writer.located(record.system) { $0.string($1) }
            writer.located(record.query) { $0.string($1) }
            writer.located(record.url) { $0.string($1) }
            writer.located(record.owner) { $0.string($1) }
            writer.located(record.lastChecked) { $0.date($1) }
            writer.location(record.location)
        }
        array(d.keyLocations.sorted) { writer, pair in
            if let field = fieldNumbers[pair.key] {
                writer.int(field + 1)
            } else {
                writer.int(0)
                writer.string(pair.key)
            }
            writer.location(pair.value)
        }
        array(d.body.headings) { $0.int($1.level); $0.string($1.text); $0.int($1.line) }
        array(d.body.links) { $0.string($1.target); $0.location($1.location) }
    }

    mutating func finding(_ f: Finding) {
        string(f.rule.rawValue)
        location(f.location)
        string(f.message)
        optional(f.path) { $0.string($1) }
    }

    mutating func date(_ value: PlanDate) {
        int(value.year)
        int(value.month)
        int(value.day)
    }

    mutating func texts(_ values: [Located<String>]) {
        array(values) { $0.string($1.value); $0.location($1.location) }
    }
}

extension ByteReader {
    /// The summary `ByteWriter.summary(of:findings:)` wrote, as a document at `path`; nil
    /// where none was written.
    mutating func summary(path: String) throws -> Document? {
        guard try bool() else { return nil }
        var d = Document(path: path)
        d.isSummary = true
        d.id = try optional { try $0.string() }.map { Located($0, at: .fileStart) }
        d.type = try optional { try $0.choice(in: documentTypes) }.map { Located($0, at: .fileStart) }
        d.version = try optional { try $0.version() }.map { Located($0, at: .fileStart) }
        d.status = try optional { try $0.choice(in: documentStatuses) }.map { Located($0, at: .fileStart) }
        d.disposes = try array { Located(try $0.string(), at: .fileStart) }
        return atEnd ? d : nil
    }

    mutating func document() throws -> Document {
        var d = Document(path: try string())
        d.id = try located { try $0.string() }
        d.title = try located { try $0.string() }
        d.type = try located { try $0.choice(in: documentTypes) }
        d.version = try located { try $0.version() }
        d.status = try located { try $0.choice(in: documentStatuses) }
        d.owner = try located { try $0.string() }
        d.author = try located { try $0.string() }
        d.approvedBy = try located { try $0.string() }
        d.approvedOn = try located { try $0.date() }
        d.nextReview = try located { try $0.date() }
        d.classification = try located { try $0.choice(in: classifications) }
        d.satisfies = try texts()
        d.phase = try located { try $0.int() }
        d.supersedes = try texts()
        d.supersededBy = try located { try $0.string() }
        d.source = try located { try $0.string() }
        d.distribution = try texts()
        d.history = try array { reader in
            var entry = HistoryEntry(location: .fileStart)
            entry.version = try reader.located { try $0.version() }
            entry.date = try reader.located { try $0.date() }
            entry.author = try reader.located { try $0.string() }
            entry.summary = try reader.located { try $0.string() }
            entry.location = try reader.location()
            return entry
        }
        d.recordOf = try located { try $0.string() }
        d.recordedOn = try located { try $0.date() }
        d.retention = try located { try $0.string() }
        d.corrects = try located { try $0.string() }
        d.disposes = try texts()
        d.activities = try array { reader in
            var activity = Activity(location: .fileStart)
            activity.id = try reader.located { try $0.string() }
            activity.title = try reader.located { try $0.string() }
            activity.requirements = try reader.texts()
            activity.status = try reader.located { try $0.choice(in: activityStatuses) }
            activity.evidence = try reader.texts()
            activity.location = try reader.location()
            return activity
        }
        d.templateFor = try located { try $0.choice(in: documentTypes) }
        d.services = try texts()
        d.suppliers = try texts()
        d.party = try located { try $0.string() }
        d.processes = try texts()
        d.operatedBy = try located { try $0.string() }
        d.heldIn = try optional { reader in
            var record = ExternalRecord(location: .fileStart)
            record.system = try reader.located { try $0.string() }
            record.query = try reader.located { try $0.string() }
            record.url = try reader.located { try $0.string() }
            record.owner = try reader.located { try $0.string() }
            record.lastChecked = try reader.located { try $0.date() }
            record.location = try reader.location()
            return record
        }
        d.keyLocations = try keyLocations()
        d.body.headings = try array { MarkdownBody.Heading(level: try $0.int(), text: try $0.string(), line: try $0.int()) }
        d.body.links = try array { MarkdownBody.Link(target: try $0.string(), location: try $0.location()) }
        return d
    }

    mutating func finding() throws -> Finding {
        let rule = RuleID(rawValue: try string())
        let location = try location()
        let message = try string()
        return Finding(rule, at: location, message, path: try optional { try $0.string() })
    }

    mutating func date() throws -> PlanDate {
        guard let date = PlanDate(year: try int(), month: try int(), day: try int()) else { throw Malformed() }
        return date
    }

    /// A version's two numbers, each as the front matter allows it (up to six digits).
    mutating func version() throws -> DocumentVersion {
        let (major, minor) = (try int(), try int())
        guard (0...999_999).contains(major), (0...999_999).contains(minor) else { throw Malformed() }
        return DocumentVersion(major: major, minor: minor)
    }

    /// Where each front-matter key is written; a known field's name is not decoded from text.
    mutating func keyLocations() throws -> KeyLocations {
        KeyLocations(pairs: try array { reader in
            let field = try reader.int()
            guard (0...fieldNames.count).contains(field) else { throw Malformed() }
            return (key: field == 0 ? try reader.string() : fieldNames[field - 1], location: try reader.location())
        })
    }

    mutating func texts() throws -> [Located<String>] {
        try array { Located(try $0.string(), at: try $0.location()) }
    }
}
