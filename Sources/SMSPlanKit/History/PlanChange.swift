import GitKit

/// A plan and its previous committed state, documents matched by id (a moved or renamed
/// file is the same document).
///
/// `previous` and `current` may hold only the documents whose content differs between the
/// two states (the ones history rules can find anything in); the ids of the documents left
/// out are given apart, so that a document is not taken for removed or added.
public struct PlanChange: Sendable {
    /// A document present before and after.
    public struct Pair: Sendable {
        public var old: Document
        public var new: Document
        /// True in a migration to another edition: a change of the claims alone is no change.
        var ignoresClaims = false

        /// True when the file's bytes differ (a move alone changes nothing); told by the blob
        /// ids when both are known. In a migration, claims rewritten for the new edition
        /// (satisfies, activities' requirements) do not count.
        public var contentChanged: Bool {
            let differs: Bool
            if let oldBlob = old.blobID, let newBlob = new.blobID { differs = oldBlob != newBlob } else { differs = old.contents != new.contents }
            guard differs, ignoresClaims else { return differs }
            return ClaimLines.withoutClaims(old) != ClaimLines.withoutClaims(new)
        }
    }

    /// Set when the two states' claims belong to different editions (`smsplan migrate`):
    /// the edition before and after.
    public var migration: (from: String, to: String)?

    public var previous: Corpus
    public var current: Corpus
    /// The commit being checked, for messages, when checking a range of commits.
    public var commit: String?
    /// Ids that documents deleted earlier in history had, with the path they had.
    public var retiredIDs: [String: String]
    /// Ids of unchanged documents, present in both states but left out of the corpora.
    public var unchangedIDs: Set<String>
    /// Records that disposal records of the current state dispose of, unchanged ones included.
    public var disposed: Set<String>
    /// Who made the change (a commit's author, the identity committing the index); nil for
    /// the working tree, which approval-unverified does not judge.
    public var author: ChangeAuthor?

    public init(previous: Corpus, current: Corpus, commit: String? = nil, retiredIDs: [String: String] = [:],
                unchangedIDs: Set<String> = [], disposed: Set<String> = []) {
        self.previous = previous
        self.current = current
        self.commit = commit
        self.retiredIDs = retiredIDs
        self.unchangedIDs = unchangedIDs
        self.disposed = disposed.union(current.documents.filter { $0.type?.value == .record }.flatMap { $0.disposes.map(\.value) })
    }

    /// Documents with the same id before and after.
    public var pairs: [Pair] {
        current.documents.compactMap { new in
            guard let id = new.id?.value, current.byID[id]?.path == new.path, let old = previous.byID[id] else { return nil }
            return Pair(old: old, new: new, ignoresClaims: migration != nil)
        }
    }

    /// Files of the current state that are there but could not be read or decoded: a
    /// document whose file is among them is not taken for removed (the file's own finding
    /// says what is wrong with it).
    var unread = UnreadFiles()

    /// Documents whose id is gone.
    public var removed: [Document] {
        previous.documents.filter { old in
            guard let id = old.id?.value, previous.byID[id]?.path == old.path else { return false }
            return current.byID[id] == nil && !unchangedIDs.contains(id) && !unread.contains(old.path)
        }
    }

    /// Documents the change approves: approved now, and before not approved or at another
    /// version, or added approved.
    public var approvals: [Document] {
        pairs.filter { pair in
            pair.new.status?.value == .approved && (pair.old.status?.value != .approved || pair.old.version?.value != pair.new.version?.value)
        }.map(\.new) + added.filter { $0.status?.value == .approved }
    }

    /// Documents whose id is new.
    public var added: [Document] {
        current.documents.filter { new in
            guard let id = new.id?.value, current.byID[id]?.path == new.path else { return false }
            return previous.byID[id] == nil && !unchangedIDs.contains(id)
        }
    }

    /// The first line where two revisions of a file differ, for messages and locations.
    static func firstDifference(_ old: Document, _ new: Document) -> SourceLocation {
        let oldLines = String(decoding: old.contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = String(decoding: new.contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let index = Array(zip(oldLines, newLines)).firstIndex { $0 != $1 } ?? min(oldLines.count, newLines.count)
        return SourceLocation(line: min(index + 1, max(newLines.count, 1)), column: 1)
    }
}
