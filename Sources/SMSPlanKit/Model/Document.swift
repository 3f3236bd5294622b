import Foundation
import GitKit

/// A controlled document or record, decoded from its front matter and body.
///
/// Every field keeps the location where it was written. A field that is absent or
/// invalid is nil (or empty); the decoder has already reported why.
public struct Document: Sendable {
    /// Every field, shared between copies until one of them changes (copy on write): a
    /// document is copied often (corpora, filters, changes), so a copy is one reference.
    private var box: DocumentFieldsBox

    /// Path relative to the repository's top level.
    public var path: String {
        get { box.value.path }
        _modify { yield &unique().value.path }
    }
    public var id: Located<String>? {
        get { box.value.id }
        _modify { yield &unique().value.id }
    }
    public var title: Located<String>? {
        get { box.value.title }
        _modify { yield &unique().value.title }
    }
    public var type: Located<DocumentType>? {
        get { box.value.type }
        _modify { yield &unique().value.type }
    }
    public var version: Located<DocumentVersion>? {
        get { box.value.version }
        _modify { yield &unique().value.version }
    }
    public var status: Located<DocumentStatus>? {
        get { box.value.status }
        _modify { yield &unique().value.status }
    }
    public var owner: Located<String>? {
        get { box.value.owner }
        _modify { yield &unique().value.owner }
    }
    public var author: Located<String>? {
        get { box.value.author }
        _modify { yield &unique().value.author }
    }
    public var approvedBy: Located<String>? {
        get { box.value.approvedBy }
        _modify { yield &unique().value.approvedBy }
    }
    public var approvedOn: Located<PlanDate>? {
        get { box.value.approvedOn }
        _modify { yield &unique().value.approvedOn }
    }
    public var nextReview: Located<PlanDate>? {
        get { box.value.nextReview }
        _modify { yield &unique().value.nextReview }
    }
    public var classification: Located<Classification>? {
        get { box.value.classification }
        _modify { yield &unique().value.classification }
    }
    public var satisfies: [Located<String>] {
        get { box.value.satisfies }
        _modify { yield &unique().value.satisfies }
    }
    public var phase: Located<Int>? {
        get { box.value.phase }
        _modify { yield &unique().value.phase }
    }
    public var supersedes: [Located<String>] {
        get { box.value.supersedes }
        _modify { yield &unique().value.supersedes }
    }
    public var supersededBy: Located<String>? {
        get { box.value.supersededBy }
        _modify { yield &unique().value.supersededBy }
    }
    public var source: Located<String>? {
        get { box.value.source }
        _modify { yield &unique().value.source }
    }
    public var distribution: [Located<String>] {
        get { box.value.distribution }
        _modify { yield &unique().value.distribution }
    }
    public var history: [HistoryEntry] {
        get { box.value.history }
        _modify { yield &unique().value.history }
    }
    public var recordOf: Located<String>? {
        get { box.value.recordOf }
        _modify { yield &unique().value.recordOf }
    }
    public var recordedOn: Located<PlanDate>? {
        get { box.value.recordedOn }
        _modify { yield &unique().value.recordedOn }
    }
    public var retention: Located<String>? {
        get { box.value.retention }
        _modify { yield &unique().value.retention }
    }
    public var corrects: Located<String>? {
        get { box.value.corrects }
        _modify { yield &unique().value.corrects }
    }
    /// For a disposal record: the ids of the records it disposes of.
    public var disposes: [Located<String>] {
        get { box.value.disposes }
        _modify { yield &unique().value.disposes }
    }
    public var activities: [Activity] {
        get { box.value.activities }
        _modify { yield &unique().value.activities }
    }
    /// For `type: template`: the document type whose required headings this template defines.
    public var templateFor: Located<DocumentType>? {
        get { box.value.templateFor }
        _modify { yield &unique().value.templateFor }
    }
    /// A catalogue: the services it lists; another document: the services it concerns (an SLA's).
    public var services: [Located<String>] {
        get { box.value.services }
        _modify { yield &unique().value.services }
    }
    /// A catalogue: the suppliers the services depend on.
    public var suppliers: [Located<String>] {
        get { box.value.suppliers }
        _modify { yield &unique().value.suppliers }
    }
    /// An agreement: the other party (a customer or a supplier), as `suppliers:` or `operated-by:` name it.
    public var party: Located<String>? {
        get { box.value.party }
        _modify { yield &unique().value.party }
    }
    /// Ids of the process documents a document concerns (an audit programme's processes).
    public var processes: [Located<String>] {
        get { box.value.processes }
        _modify { yield &unique().value.processes }
    }
    /// A process document: the other party that operates the process (2011 4.2, 2018 8.2.3).
    public var operatedBy: Located<String>? {
        get { box.value.operatedBy }
        _modify { yield &unique().value.operatedBy }
    }
    /// A record held in another system instead of in the file.
    public var heldIn: ExternalRecord? {
        get { box.value.heldIn }
        _modify { yield &unique().value.heldIn }
    }
    /// Where each top-level key was written, by key.
    public var keyLocations: KeyLocations {
        get { box.value.keyLocations }
        _modify { yield &unique().value.keyLocations }
    }
    /// The Markdown body after the front matter.
    public var body: MarkdownBody {
        get { box.value.body }
        _modify { yield &unique().value.body }
    }
    /// The file's bytes, to compare revisions of the document (not kept in the cache). A
    /// document taken from the cache reads them only when asked.
    public var contents: Data {
        get { box.value.storage.data }
        set { unique().value.storage = DocumentContents(newValue) }
    }
    var storage: DocumentContents {
        get { box.value.storage }
        set { unique().value.storage = newValue }
    }
    /// The file's git blob id, as 40 lowercase hexadecimal digits (not kept in the cache).
    public var blob: String? { box.value.blob?.hex }
    /// The file's git blob id (not kept in the cache).
    var blobID: ObjectID? {
        get { box.value.blob }
        _modify { yield &unique().value.blob }
    }
    /// True for a document read from the decode cache's summary of it (`DecodeCache.summary`):
    /// its path, blob, id, type, version, status and disposes only, each at the file's
    /// start. Only `Checker.load` makes one, for a check that reads nothing else of it.
    var isSummary: Bool {
        get { box.value.isSummary }
        set { unique().value.isSummary = newValue }
    }

    public init(path: String) {
        box = DocumentFieldsBox(DocumentFields(path: path))
    }

    /// The fields, copied first when another document shares them.
    private mutating func unique() -> DocumentFieldsBox {
        if !isKnownUniquelyReferenced(&box) { box = DocumentFieldsBox(box.value) }
        return box
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
///
/// Small, since a plan holds one per document: the path and one reader shared by every
/// document of a load, and a lock from a shared set rather than one of its own.
final class DocumentContents: @unchecked Sendable {
    private var loaded: Data?
    private let path: String
    private let reader: ContentsReader?

    private static let locks = (0..<16).map { _ in NSLock() }
    /// No bytes: what a document made in memory holds until it is given some. One shared
    /// object, never changed (its bytes are loaded already), rather than one per document.
    static let none = DocumentContents(Data())

    init(_ data: Data) {
        loaded = data
        path = ""
        reader = nil
    }

    /// Bytes that `reader` reads for `path` when first asked.
    init(path: String, reader: ContentsReader) {
        self.path = path
        self.reader = reader
    }

    var data: Data {
        let lock = Self.locks[Int(UInt(bitPattern: ObjectIdentifier(self).hashValue) >> 4 & 15)]
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let data = reader?.read(path) ?? Data()
        loaded = data
        return data
    }
}

/// Reads a document's bytes by path, for every document of one load.
final class ContentsReader: Sendable {
    let read: @Sendable (String) -> Data

    init(_ read: @escaping @Sendable (String) -> Data) {
        self.read = read
    }
}

/// The stored fields of a `Document`.
struct DocumentFields: Sendable {
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
    /// Boxed: few documents are held elsewhere, and the record is larger than the rest of a
    /// document's optional fields together.
    private var heldInBox: ExternalRecordBox?
    var heldIn: ExternalRecord? {
        get { heldInBox?.value }
        set { heldInBox = newValue.map(ExternalRecordBox.init) }
    }
    var keyLocations = KeyLocations()
    var body: MarkdownBody = MarkdownBody()
    var storage = DocumentContents.none
    var blob: ObjectID?
    var isSummary = false

    init(path: String) {
        self.path = path
    }

}

/// An `ExternalRecord` out of line, never changed once made.
final class ExternalRecordBox: Sendable {
    let value: ExternalRecord

    init(_ value: ExternalRecord) {
        self.value = value
    }
}

/// The one shared copy of a document's fields; a document that changes them while others
/// share the box copies it first (see `Document.unique()`).
final class DocumentFieldsBox: @unchecked Sendable {
    var value: DocumentFields

    init(_ value: DocumentFields) {
        self.value = value
    }
}
