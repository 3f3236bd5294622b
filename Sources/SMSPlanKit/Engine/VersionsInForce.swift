import Foundation
import GitKit

/// The version in force of each document under revision (ISO/IEC 20000-1:2011 4.3.2: a
/// document is approved before issue, and the current version stays available where it is
/// used). While a controlled document is draft or in review above a version that was
/// approved, its last approved version, read from git history, is the one that counts.
enum VersionsInForce {
    /// What the history walk found.
    struct Search {
        /// The last approved version of each document under revision, by id.
        var inForce: [String: Document] = [:]
        /// The commit each version in force was found at.
        var foundAt: [String: ObjectID] = [:]
        /// Ids whose approved version lies beyond the commits a shallow clone has.
        var hidden: [String] = []

        /// The note for a person when a shallow clone hides an approved version.
        var notes: [String] {
            guard let first = hidden.first else { return [] }
            let more = hidden.count > 1 ? " and \(hidden.count - 1) more" : ""
            return ["shallow clone: the approved version of \(first)\(more), now under revision, is not in the commits this clone has, so it does not count; `git fetch --unshallow` fetches the rest"]
        }
    }

    /// True for a controlled document being revised: draft or in review at version 1.0 or
    /// later (a 0.x version was never approved). Records and templates are never revised.
    static func isUnderRevision(_ document: Document) -> Bool {
        guard let status = document.status?.value, status == .draft || status == .review,
            let version = document.version?.value, version.major >= 1, document.id != nil,
            let type = document.type?.value, type != .record, type != .template
        else { return false }
        return true
    }

    /// Walks the commits from `heads` back (newest first), reading at each the path of every
    /// document under revision, until each one's last approved version with the same id and
    /// a lower version is found (an approved version edited in place is not in force). Blobs already read are not read again; decoded front matter comes from the cache.
    static func find(for corpus: Corpus, from heads: [ObjectID], in repository: Repository, cache: DecodeCache?) -> Search {
        var pending: [String: (id: String, version: DocumentVersion)] = [:]
        for document in corpus.documents where isUnderRevision(document) {
            if let id = document.id?.value, let version = document.version?.value, corpus.byID[id]?.path == document.path {
                pending[document.path] = (id, version)
            }
        }
        var search = Search()
        guard !pending.isEmpty else { return search }
        var examined: [String: ObjectID] = [:]
        var visited = Set<ObjectID>()
        var reachedEdge = false
        walk: for head in heads {
            guard let commits = try? repository.ancestry(of: head) else { continue }
            for commit in commits where visited.insert(commit.id).inserted {
                if repository.isShallow && !repository.hasParents(commit) { reachedEdge = true }
                for (path, revised) in pending {
                    guard let entry = try? repository.treeEntries(of: commit.id, under: path).first(where: { $0.path == path }),
                        examined[path] != entry.blob
                    else { continue }
                    examined[path] = entry.blob
                    guard let document = decode(entry.blob, path: path, in: repository, cache: cache),
                        document.id?.value == revised.id, document.status?.value == .approved,
                        let approved = document.version?.value, approved < revised.version
                    else { continue }
                    search.inForce[revised.id] = document
                    search.foundAt[revised.id] = commit.id
                    pending[path] = nil
                }
                if pending.isEmpty { break walk }
            }
        }
        if reachedEdge { search.hidden = pending.values.map(\.id).sorted() }
        return search
    }

    /// The document in a blob, from the decode cache when it was seen before.
    private static func decode(_ blob: ObjectID, path: String, in repository: Repository, cache: DecodeCache?) -> Document? {
        if var document = cache?.lookup(blob)?.document {
            document.path = path
            document.blobID = blob
            return document
        }
        guard let data = try? repository.blobData(blob) else { return nil }
        var decoded = DocumentDecoder.decode(data, path: path)
        decoded.document?.blobID = blob
        cache?.store(blob, DecodeCache.Entry(document: decoded.document, findings: decoded.findings, size: data.count))
        return decoded.document
    }
}

extension Plan {
    /// The last approved version of a document under revision, when git history has one.
    public func versionInForce(of document: Document) -> Document? {
        document.id.flatMap { analysis?.inForce[$0.value] }
    }

    /// Both versions of a document under revision, as every report shows them
    /// (`1.0 approved (in force), 1.1 in review`); nil for any other document.
    public func revisionState(of document: Document) -> String? {
        guard let approved = versionInForce(of: document), let status = document.status?.value else { return nil }
        let old = approved.version?.value.description ?? "?"
        let new = document.version?.value.description ?? "?"
        return "\(old) approved (in force), \(new) in \(status == .review ? "review" : "draft")"
    }
}
