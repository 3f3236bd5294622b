internal import CLibGit2

extension Repository {
    /// The commits reachable from `head` but not from `base` (`git rev-list base..head`),
    /// oldest first, parents before children.
    /// - Throws: `GitError` when a revision is unknown.
    public func commits(from base: ObjectID, to head: ObjectID) throws -> [Commit] {
        try walk(from: head, hiding: base, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
    }

    /// Every commit reachable from `head`, newest first.
    public func ancestry(of head: ObjectID) throws -> [Commit] {
        try walk(from: head, hiding: nil, sorting: GIT_SORT_TOPOLOGICAL.rawValue)
    }

    /// The commit with this id.
    public func commit(_ id: ObjectID) throws -> Commit {
        var oid = id.oid
        var commit: OpaquePointer?
        try GitError.check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        guard let commit else {
            throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_OBJECT, function: "git_commit_lookup", message: "no commit \(id)")
        }
        return Commit(copying: commit)
    }

    private func walk(from head: ObjectID, hiding base: ObjectID?, sorting: UInt32) throws -> [Commit] {
        var walker: OpaquePointer?
        try GitError.check(git_revwalk_new(&walker, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        try GitError.check(git_revwalk_sorting(walker, sorting), "git_revwalk_sorting")
        var headID = head.oid
        try GitError.check(git_revwalk_push(walker, &headID), "git_revwalk_push")
        if let base {
            var baseID = base.oid
            try GitError.check(git_revwalk_hide(walker, &baseID), "git_revwalk_hide")
        }
        var commits: [Commit] = []
        var next = git_oid()
        while true {
            let result = git_revwalk_next(&next, walker)
            if result == GIT_ITEROVER.rawValue { break }
            try GitError.check(result, "git_revwalk_next")
            commits.append(try commit(ObjectID(next)))
        }
        return commits
    }
}
