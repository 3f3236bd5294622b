import Foundation

/// What a document-control transition (approve, revise, retire) wrote: one line a file.
public struct TransitionOutcome: Sendable {
    /// One file edited in place.
    public struct Edit: Sendable {
        /// Repository-relative path of the file.
        public var path: String
        public var id: String
        /// What changed, in a few words: "approved by top-management on 2026-11-20 ...".
        public var summary: String
    }

    public var edits: [Edit]
    /// What the user should know though nothing was refused, one line each.
    public var warnings: [String] = []
}

/// A document found by id in the plan, with an editor over its file's front matter.
/// Transitions check the document, edit, then `write` every target at the end, so a
/// refusal leaves every file as it was.
struct TransitionTarget {
    let document: Document
    let id: String
    let url: URL
    /// The working tree, which every write stays inside.
    let root: URL
    let original: Data
    var editor: FrontMatterEditor

    /// The one document of the plan with this id.
    init(id: String, in plan: Plan, root: URL) throws(SMSPlanError) {
        let matches = plan.corpus.documents.filter { $0.id?.value == id }
        guard let document = matches.first else {
            if let near = plan.corpus.byID.keys.sorted().first(where: { $0.caseInsensitiveCompare(id) == .orderedSame }) {
                throw .refused("no document has id \"\(id)\" (did you mean \(near)?)")
            }
            let unreadable = Set(plan.readFindings.filter { [FrontMatterInvalidRule.id, FrontMatterMissingRule.id].contains($0.finding.rule) }.map(\.path))
            let hint = unreadable.isEmpty ? "" : "; the front matter of \(unreadable.count) file\(unreadable.count == 1 ? "" : "s") cannot be read (`smsplan check` names them)"
            throw .refused("no document has id \"\(id)\"\(hint)")
        }
        guard matches.count == 1 else {
            throw .refused("id \(id) is used by \(matches.count) documents (\(matches.map(\.path).joined(separator: ", "))); give each its own id first")
        }
        self.document = document
        self.id = id
        self.root = root
        url = root.appendingPathComponent(document.path)
        do {
            original = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: document.path, reason: error.localizedDescription)
        }
        editor = try FrontMatterEditor(original, path: document.path)
        // The plan was read a moment ago: a command that wrote the file since (a transition
        // run at the same time) would otherwise be undone by this one.
        if let now = DocumentDecoder.decode(original, path: document.path).document, !Self.sameState(now, document) {
            throw .refused("\(document.path) changed while this command ran (another smsplan command or an editor wrote it); nothing was written: run the command again")
        }
    }

    /// True when two readings of a document agree on everything a transition looks at.
    private static func sameState(_ one: Document, _ other: Document) -> Bool {
        one.status?.value == other.status?.value && one.version?.value == other.version?.value
            && one.approvedBy?.value == other.approvedBy?.value && one.approvedOn?.value == other.approvedOn?.value
            && one.history.count == other.history.count && one.supersedes.map(\.value) == other.supersedes.map(\.value)
            && one.supersededBy?.value == other.supersededBy?.value
    }

    var type: DocumentType? { document.type?.value }
    var status: DocumentStatus? { document.status?.value }

    /// The document's version; refuses one that has none that can be read.
    func version(for action: String) throws(SMSPlanError) -> DocumentVersion {
        guard let version = document.version?.value else {
            throw .refused("\(id) has no valid version (\(document.path)); fix it before \(action): `smsplan check` says what is wrong")
        }
        return version
    }

    /// Refuses records, which are never approved, revised or retired.
    func refuseRecord(_ action: String) throws(SMSPlanError) {
        guard type == .record else { return }
        throw .refused("\(id) is a record; records are final and never \(action): a correction is a new record with corrects: \(id)")
    }

    /// The edited file as the decoder reads it; refuses an edit that made the front matter
    /// worse or did not give `expected` (a bug, but never written to disk).
    /// Any other top-level value that the edit changed is refused too: only `keys` may change.
    func checkedEdit(changing keys: Set<String>, _ expected: (Document) -> Bool) throws(SMSPlanError) -> Data {
        let data = editor.data
        let before = DocumentDecoder.decode(original, path: document.path)
        let after = DocumentDecoder.decode(data, path: document.path)
        guard let edited = after.document, after.findings.count <= before.findings.count, edited.id?.value == id, expected(edited) else {
            let problem = after.findings.first.map { ": line \($0.location.line): \($0.message)" } ?? ""
            throw .refused("cannot edit the front matter of \(document.path) in place\(problem); nothing was written")
        }
        if let key = FrontMatterEditor.changedKeys(from: original, to: data).first(where: { !keys.contains($0) }) {
            throw .refused("cannot edit the front matter of \(document.path) in place: the edit would change \"\(key)\" too; nothing was written")
        }
        return data
    }

    /// Writes the edited file over the original, atomically, never through a link that
    /// leads out of the working tree.
    func write(_ data: Data) throws(SMSPlanError) {
        let lock = try DirectoryLock(root)
        try checkUnchanged()
        try AtomicFile.write(data, to: url, overwrite: true, within: root)
        withExtendedLifetime(lock) {}
    }

    /// Refuses when the file is no longer what this command read: another command (or an
    /// editor) wrote it meanwhile, and writing now would lose that edit. Called with the
    /// plan's lock held, so two transitions at once give one edit and one refusal.
    func checkUnchanged() throws(SMSPlanError) {
        guard (try? Data(contentsOf: url)) == original else {
            throw .refused("\(document.path) changed while this command ran (another smsplan command or an editor wrote it); nothing was written: run the command again")
        }
    }
}
