internal import CLibGit2

extension Repository {
    /// The commits reachable from `head` but not from `base` (`git rev-list base..head`),
    /// oldest first, parents before children. In a shallow clone, the walk stops where the
    /// clone's history does.
    /// - Throws: `GitError` when a revision is unknown.
    public func commits(from base: ObjectID, to head: ObjectID) throws -> [Commit] {
        if isShallow {
            let hidden = Set(try shallowAncestry(of: base).map(\.id))
            return try shallowAncestry(of: head).filter { !hidden.contains($0.id) }.reversed()
        }
        return try walk(from: head, hiding: base, sorting: GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
    }

    /// Every commit reachable from `head`, newest first (children before their parents). In
    /// a shallow clone, the commits the clone has.
    public func ancestry(of head: ObjectID) throws -> [Commit] {
        if isShallow { return try shallowAncestry(of: head) }
        return try walk(from: head, hiding: nil, sorting: GIT_SORT_TOPOLOGICAL.rawValue)
    }

    /// Whether the commit's parents are all in the repository: false at the edge of a
    /// shallow clone, whose last commits name parents it never fetched.
    public func hasParents(_ commit: Commit) -> Bool {
        commit.parents.allSatisfy { (try? self.commit($0)) != nil }
    }

    /// The ancestry walked by hand, since libgit2's revwalk stops with "object not found" at
    /// a parent that a shallow clone lacks: every commit reachable from `head` that the
    /// repository has, children before parents (a depth-first post-order, reversed).
    private func shallowAncestry(of head: ObjectID) throws -> [Commit] {
        let first = try commit(head)
        var order: [Commit] = []
        var seen: Set<ObjectID> = [first.id]
        var stack: [(commit: Commit, next: Int)] = [(first, 0)]
        while let top = stack.last {
            if top.next < top.commit.parents.count {
                stack[stack.count - 1].next += 1
                let parentID = top.commit.parents[top.next]
                guard seen.insert(parentID).inserted, let parent = try? commit(parentID) else { continue }
                stack.append((parent, 0))
            } else {
                order.append(top.commit)
                stack.removeLast()
            }
        }
        return order.reversed()
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
