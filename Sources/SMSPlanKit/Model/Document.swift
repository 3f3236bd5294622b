import Foundation

/// A controlled document or record, decoded from its front matter and body.
///
/// Every field keeps the location where it was written. A field that is absent or
/// invalid is nil (or empty); the decoder has already reported why.
public struct Document: Sendable {
    /// Path relative to the repository's top level.
    public var path: String
    public var id: Located<String>?
    public var title: Located<String>?
    public var type: Located<DocumentType>?
    public var version: Located<DocumentVersion>?
    public var status: Located<DocumentStatus>?
    public var owner: Located<String>?
    public var author: Located<String>?
    public var approvedBy: Located<String>?
    public var approvedOn: Located<PlanDate>?
    public var nextReview: Located<PlanDate>?
    public var classification: Located<Classification>?
    public var satisfies: [Located<String>] = []
    public var phase: Located<Int>?
    public var supersedes: [Located<String>] = []
    public var supersededBy: Located<String>?
    public var source: Located<String>?
    public var distribution: [Located<String>] = []
    public var history: [HistoryEntry] = []
    public var recordOf: Located<String>?
    public var recordedOn: Located<PlanDate>?
    public var retention: Located<String>?
    public var corrects: Located<String>?
    /// For a disposal record: the ids of the records it disposes of.
    public var disposes: [Located<String>] = []
    public var activities: [Activity] = []
    /// For `type: template`: the document type whose required headings this template defines.
    public var templateFor: Located<DocumentType>?
    /// A catalogue: the services it lists; another document: the services it concerns (an SLA's).
    public var services: [Located<String>] = []
    /// A catalogue: the suppliers the services depend on.
    public var suppliers: [Located<String>] = []
    /// An agreement: the other party (a customer or a supplier), as `suppliers:` or `operated-by:` name it.
    public var party: Located<String>?
    /// Ids of the process documents a document concerns (an audit programme's processes).
    public var processes: [Located<String>] = []
    /// A process document: the other party that operates the process (2011 4.2, 2018 8.2.3).
    public var operatedBy: Located<String>?
    /// A record held in another system instead of in the file.
    public var heldIn: ExternalRecord?
    /// Where each top-level key was written, by key.
    public var keyLocations: [String: SourceLocation] = [:]
    /// The Markdown body after the front matter.
    public var body: MarkdownBody = MarkdownBody()
    /// The file's bytes, to compare revisions of the document (not kept in the cache).
    public var contents: Data = Data()
    /// The file's git blob id (not kept in the cache).
    public var blob: String?

    public init(path: String) {
        self.path = path
    }

    /// True when the document is in force: neither obsolete nor a draft template.
    public var isActive: Bool { status?.value != .obsolete }

    /// The place to point at for a finding about a key: the key itself, else the file start.
    public func location(ofKey key: String) -> SourceLocation {
        keyLocations[key] ?? .fileStart
    }
}

/// Where a record kept in another tool (the service desk, HR) is held: `held-in:`.
public struct ExternalRecord: Sendable {
    public var system: Located<String>?
    /// How to find the records in that system: a saved query or a URL.
    public var query: Located<String>?
    public var url: Located<String>?
    /// Who answers for the records there (a role id or a name).
    public var owner: Located<String>?
    /// When someone last confirmed the records there are complete and current.
    public var lastChecked: Located<PlanDate>?
    public var location: SourceLocation
}

/// One entry of a document's change history.
public struct HistoryEntry: Sendable {
    public var version: Located<DocumentVersion>?
    public var date: Located<PlanDate>?
    public var author: Located<String>?
    public var summary: Located<String>?
    public var location: SourceLocation
}

/// One activity of a phase plan.
public struct Activity: Sendable {
    public var id: Located<String>?
    public var title: Located<String>?
    public var requirements: [Located<String>] = []
    public var status: Located<ActivityStatus>?
    public var evidence: [Located<String>] = []
    public var location: SourceLocation
}
