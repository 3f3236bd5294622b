/// A plan and its previous committed state, documents matched by id (a moved or renamed
/// file is the same document).
public struct PlanChange: Sendable {
    /// A document present before and after.
    public struct Pair: Sendable {
        public var old: Document
        public var new: Document

        /// True when the file's bytes differ (a move alone changes nothing).
        public var contentChanged: Bool { old.contents != new.contents }
    }

    public var previous: Corpus
    public var current: Corpus
    /// The commit being checked, for messages, when checking a range of commits.
    public var commit: String?
    /// Ids that documents deleted earlier in history had, with the path they had.
    public var retiredIDs: [String: String]

    public init(previous: Corpus, current: Corpus, commit: String? = nil, retiredIDs: [String: String] = [:]) {
        self.previous = previous
        self.current = current
        self.commit = commit
        self.retiredIDs = retiredIDs
    }

    /// Documents with the same id before and after.
    public var pairs: [Pair] {
        current.documents.compactMap { new in
            guard let id = new.id?.value, current.byID[id]?.path == new.path, let old = previous.byID[id] else { return nil }
            return Pair(old: old, new: new)
        }
    }

    /// Documents whose id is gone.
    public var removed: [Document] {
        previous.documents.filter { old in
            guard let id = old.id?.value, previous.byID[id]?.path == old.path else { return false }
            return current.byID[id] == nil
        }
    }

    /// Documents whose id is new.
    public var added: [Document] {
        current.documents.filter { new in
            guard let id = new.id?.value, current.byID[id]?.path == new.path else { return false }
            return previous.byID[id] == nil
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
