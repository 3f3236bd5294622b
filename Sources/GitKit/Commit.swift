import Foundation
internal import CLibGit2

/// A commit, copied out of libgit2.
public struct Commit: Sendable, Hashable {
    /// The commit's id.
    public let id: ObjectID
    /// The first paragraph of the message, joined into one line (as `git log --format=%s`).
    public let summary: String
    /// The author's name.
    public let authorName: String
    /// The author's e-mail address.
    public let authorEmail: String
    /// The committer time.
    public let time: Date
    /// The parents' ids, in order; empty for a root commit.
    public let parents: [ObjectID]

    /// Makes a commit from its parts.
    public init(
        id: ObjectID, summary: String, authorName: String, authorEmail: String, time: Date,
        parents: [ObjectID]
    ) {
        self.id = id
        self.summary = summary
        self.authorName = authorName
        self.authorEmail = authorEmail
        self.time = time
        self.parents = parents
    }
}

extension Commit {
    /// Copies a `git_commit` into a value; the caller still owns and frees the handle.
    init(copying commit: OpaquePointer) {
        let author = git_commit_author(commit)
        let parentCount = git_commit_parentcount(commit)
        self.init(
            id: ObjectID(git_commit_id(commit)),
            summary: git_commit_summary(commit).map { String(cString: $0) } ?? "",
            authorName: author.flatMap { $0.pointee.name }.map { String(cString: $0) } ?? "",
            authorEmail: author.flatMap { $0.pointee.email }.map { String(cString: $0) } ?? "",
            time: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit))),
            parents: (0..<parentCount).compactMap { index in
                git_commit_parent_id(commit, index).map { ObjectID($0) }
            })
    }
}
