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
    /// Where each top-level key was written, by key.
    public var keyLocations: [String: SourceLocation] = [:]
    /// The Markdown body after the front matter.
    public var body: MarkdownBody = MarkdownBody()
    /// The file's bytes, to compare revisions of the document (not kept in the cache). A
    /// document taken from the cache reads them only when asked.
    public var contents: Data {
        get { storage.data }
        set { storage = DocumentContents(newValue) }
    }
    var storage = DocumentContents(Data())
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

/// A document's bytes, held or read once on first use (from the source the document was
/// listed in); shared by the copies of a document, never changed once read.
final class DocumentContents: @unchecked Sendable {
    private var loaded: Data?
    private let load: (@Sendable () -> Data)?
    private let lock = NSLock()

    init(_ data: Data) {
        loaded = data
        load = nil
    }

    init(reading load: @escaping @Sendable () -> Data) {
        self.load = load
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let data = load?() ?? Data()
        loaded = data
        return data
    }
}
