internal import CLibGit2

extension Repository {
    /// The commit HEAD points at, or nil when HEAD is unborn (no commits yet).
    /// - Throws: `GitError` when HEAD cannot be read or does not lead to a commit.
    public func headCommit() throws -> Commit? {
        var reference: OpaquePointer?
        let result = git_repository_head(&reference, pointer)
        if result == GIT_EUNBORNBRANCH.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_repository_head")
        defer { git_reference_free(reference) }

        var object: OpaquePointer?
        try GitError.check(git_reference_peel(&object, reference, GIT_OBJECT_COMMIT), "git_reference_peel")
        defer { git_object_free(object) }
        return object.map { Commit(copying: $0) }
    }

    /// Resolves any revision git understands (`HEAD~2`, a branch, a tag name including annotated
    /// tags, a short or full id, ...) and peels it to its commit.
    /// - Throws: `GitError` for an unknown or ambiguous revision (`git_revparse_single`), or one
    ///   that does not lead to a commit (`git_object_peel`).
    public func resolveCommit(_ revision: String) throws -> Commit {
        var object: OpaquePointer?
        try GitError.check(git_revparse_single(&object, pointer, revision), "git_revparse_single")
        defer { git_object_free(object) }

        var commit: OpaquePointer?
        try GitError.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_object_free(commit) }
        guard let commit else {
            throw GitError.make(
                GIT_ENOTFOUND, GIT_ERROR_OBJECT, function: "git_object_peel",
                message: "'\(revision)' did not peel to a commit")
        }
        return Commit(copying: commit)
    }
}
