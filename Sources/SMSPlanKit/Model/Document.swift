import Foundation

/// A controlled document or record, decoded from its front matter and body.
///
/// Every field keeps the location where it was written. A field that is absent or
/// invalid is nil (or empty); the decoder has already reported why.
public struct Document: Sendable {
    /// Every field, shared between copies until one of them changes (copy on write): a
    /// document is copied often (corpora, filters, changes), so a copy is one reference.
    private var fields: DocumentFields

    /// Path relative to the repository's top level.
    public var path: String {
        get { fields.path }
        _modify { yield &unique().path }
    }
    public var id: Located<String>? {
        get { fields.id }
        _modify { yield &unique().id }
    }
    public var title: Located<String>? {
        get { fields.title }
        _modify { yield &unique().title }
    }
    public var type: Located<DocumentType>? {
        get { fields.type }
        _modify { yield &unique().type }
    }
    public var version: Located<DocumentVersion>? {
        get { fields.version }
        _modify { yield &unique().version }
    }
    public var status: Located<DocumentStatus>? {
        get { fields.status }
        _modify { yield &unique().status }
    }
    public var owner: Located<String>? {
        get { fields.owner }
        _modify { yield &unique().owner }
    }
    public var author: Located<String>? {
        get { fields.author }
        _modify { yield &unique().author }
    }
    public var approvedBy: Located<String>? {
        get { fields.approvedBy }
        _modify { yield &unique().approvedBy }
    }
    public var approvedOn: Located<PlanDate>? {
        get { fields.approvedOn }
        _modify { yield &unique().approvedOn }
    }
    public var nextReview: Located<PlanDate>? {
        get { fields.nextReview }
        _modify { yield &unique().nextReview }
    }
    public var classification: Located<Classification>? {
        get { fields.classification }
        _modify { yield &unique().classification }
    }
    public var satisfies: [Located<String>] {
        get { fields.satisfies }
        _modify { yield &unique().satisfies }
    }
    public var phase: Located<Int>? {
        get { fields.phase }
        _modify { yield &unique().phase }
    }
    public var supersedes: [Located<String>] {
        get { fields.supersedes }
        _modify { yield &unique().supersedes }
    }
    public var supersededBy: Located<String>? {
        get { fields.supersededBy }
        _modify { yield &unique().supersededBy }
    }
    public var source: Located<String>? {
        get { fields.source }
        _modify { yield &unique().source }
    }
    public var distribution: [Located<String>] {
        get { fields.distribution }
        _modify { yield &unique().distribution }
    }
    public var history: [HistoryEntry] {
        get { fields.history }
        _modify { yield &unique().history }
    }
    public var recordOf: Located<String>? {
        get { fields.recordOf }
        _modify { yield &unique().recordOf }
    }
    public var recordedOn: Located<PlanDate>? {
        get { fields.recordedOn }
        _modify { yield &unique().recordedOn }
    }
    public var retention: Located<String>? {
        get { fields.retention }
        _modify { yield &unique().retention }
    }
    public var corrects: Located<String>? {
        get { fields.corrects }
        _modify { yield &unique().corrects }
    }
    /// For a disposal record: the ids of the records it disposes of.
    public var disposes: [Located<String>] {
        get { fields.disposes }
        _modify { yield &unique().disposes }
    }
    public var activities: [Activity] {
        get { fields.activities }
        _modify { yield &unique().activities }
    }
    /// For `type: template`: the document type whose required headings this template defines.
    public var templateFor: Located<DocumentType>? {
        get { fields.templateFor }
        _modify { yield &unique().templateFor }
    }
    /// A catalogue: the services it lists; another document: the services it concerns (an SLA's).
    public var services: [Located<String>] {
        get { fields.services }
        _modify { yield &unique().services }
    }
    /// A catalogue: the suppliers the services depend on.
    public var suppliers: [Located<String>] {
        get { fields.suppliers }
        _modify { yield &unique().suppliers }
    }
    /// An agreement: the other party (a customer or a supplier), as `suppliers:` or `operated-by:` name it.
    public var party: Located<String>? {
        get { fields.party }
        _modify { yield &unique().party }
    }
    /// Ids of the process documents a document concerns (an audit programme's processes).
    public var processes: [Located<String>] {
        get { fields.processes }
        _modify { yield &unique().processes }
    }
    /// A process document: the other party that operates the process (2011 4.2, 2018 8.2.3).
    public var operatedBy: Located<String>? {
        get { fields.operatedBy }
        _modify { yield &unique().operatedBy }
    }
    /// A record held in another system instead of in the file.
    public var heldIn: ExternalRecord? {
        get { fields.heldIn }
        _modify { yield &unique().heldIn }
    }
    /// Where each top-level key was written, by key.
    public var keyLocations: [String: SourceLocation] {
        get { fields.keyLocations }
        _modify { yield &unique().keyLocations }
    }
    /// The Markdown body after the front matter.
    public var body: MarkdownBody {
        get { fields.body }
        _modify { yield &unique().body }
    }
    /// The file's bytes, to compare revisions of the document (not kept in the cache). A
    /// document taken from the cache reads them only when asked.
    public var contents: Data {
        get { fields.storage.data }
        set { unique().storage = DocumentContents(newValue) }
    }
    var storage: DocumentContents {
        get { fields.storage }
        set { unique().storage = newValue }
    }
    /// The file's git blob id (not kept in the cache).
    public var blob: String? {
        get { fields.blob }
        _modify { yield &unique().blob }
    }

    public init(path: String) {
        fields = DocumentFields(path: path)
    }

    /// The fields, copied first when another document shares them.
    private mutating func unique() -> DocumentFields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
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

/// The stored fields of a `Document`; changed only through a document that holds the
/// only reference (see `Document.unique()`).
final class DocumentFields: @unchecked Sendable {
    var path: String
    var id: Located<String>?
    var title: Located<String>?
    var type: Located<DocumentType>?
    var version: Located<DocumentVersion>?
    var status: Located<DocumentStatus>?
    var owner: Located<String>?
    var author: Located<String>?
    var approvedBy: Located<String>?
    var approvedOn: Located<PlanDate>?
    var nextReview: Located<PlanDate>?
    var classification: Located<Classification>?
    var satisfies: [Located<String>] = []
    var phase: Located<Int>?
    var supersedes: [Located<String>] = []
    var supersededBy: Located<String>?
    var source: Located<String>?
    var distribution: [Located<String>] = []
    var history: [HistoryEntry] = []
    var recordOf: Located<String>?
    var recordedOn: Located<PlanDate>?
    var retention: Located<String>?
    var corrects: Located<String>?
    var disposes: [Located<String>] = []
    var activities: [Activity] = []
    var templateFor: Located<DocumentType>?
    var services: [Located<String>] = []
    var suppliers: [Located<String>] = []
    var party: Located<String>?
    var processes: [Located<String>] = []
    var operatedBy: Located<String>?
    var heldIn: ExternalRecord?
    var keyLocations: [String: SourceLocation] = [:]
    var body: MarkdownBody = MarkdownBody()
    var storage = DocumentContents(Data())
    var blob: String?

    init(path: String) {
        self.path = path
    }

    func copy() -> DocumentFields {
        let copy = DocumentFields(path: path)
        copy.id = id
        copy.title = title
        copy.type = type
        copy.version = version
        copy.status = status
        copy.owner = owner
        copy.author = author
        copy.approvedBy = approvedBy
        copy.approvedOn = approvedOn
        copy.nextReview = nextReview
        copy.classification = classification
        copy.satisfies = satisfies
        copy.phase = phase
        copy.supersedes = supersedes
        copy.supersededBy = supersededBy
        copy.source = source
        copy.distribution = distribution
        copy.history = history
        copy.recordOf = recordOf
        copy.recordedOn = recordedOn
        copy.retention = retention
        copy.corrects = corrects
        copy.disposes = disposes
        copy.activities = activities
        copy.templateFor = templateFor
        copy.services = services
        copy.suppliers = suppliers
        copy.party = party
        copy.processes = processes
        copy.operatedBy = operatedBy
        copy.heldIn = heldIn
        copy.keyLocations = keyLocations
        copy.body = body
        copy.storage = storage
        copy.blob = blob
        return copy
    }
}
