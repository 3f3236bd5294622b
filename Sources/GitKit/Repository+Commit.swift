import Foundation
internal import CLibGit2

extension Repository {
    /// The identity git would record: `GIT_<role>_NAME` and `GIT_<role>_EMAIL` from the
    /// environment when set, else `user.name` and `user.email` of the configuration.
    /// `role` is "AUTHOR" or "COMMITTER".
    public func identity(_ role: String, environment: [String: String]) -> (name: String, email: String)? {
        let name = environment["GIT_\(role)_NAME"].flatMap { $0.isEmpty ? nil : $0 } ?? configString("user.name")
        let email = environment["GIT_\(role)_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? configString("user.email")
        guard let name, let email else { return nil }
        return (name, email)
    }

    /// Stages every file of the working tree (as `git add -A`) and commits it on HEAD.
    /// This and `create(at:)` are the only GitKit calls that write to a repository.
    /// - Throws: `GitError`, also when no author identity is configured.
    @discardableResult
    public func commitAll(message: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ObjectID {
        var index: OpaquePointer?
        try GitError.check(git_repository_index(&index, pointer), "git_repository_index")
        defer { git_index_free(index) }
        try GitError.check(git_index_add_all(index, nil, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil), "git_index_add_all")
        try GitError.check(git_index_write(index), "git_index_write")
        var treeID = git_oid()
        try GitError.check(git_index_write_tree(&treeID, index), "git_index_write_tree")
        var tree: OpaquePointer?
        try GitError.check(git_tree_lookup(&tree, pointer, &treeID), "git_tree_lookup")
        defer { git_tree_free(tree) }

        let author = try signature("AUTHOR", environment: environment)
        defer { git_signature_free(author) }
        let committer = try signature("COMMITTER", environment: environment)
        defer { git_signature_free(committer) }

        var parent: OpaquePointer?
        if let head = try headCommit() {
            var oid = head.id.oid
            try GitError.check(git_commit_lookup(&parent, pointer, &oid), "git_commit_lookup")
        }
        defer { if parent != nil { git_commit_free(parent) } }
        var parents: [OpaquePointer?] = parent.map { [$0] } ?? []
        var commitID = git_oid()
        let result = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&commitID, pointer, "HEAD", author, committer, nil, message, tree, buffer.count, buffer.baseAddress)
        }
        try GitError.check(result, "git_commit_create")
        return ObjectID(commitID)
    }

    private func signature(_ role: String, environment: [String: String]) throws -> UnsafeMutablePointer<git_signature>? {
        guard let identity = identity(role, environment: environment) else {
            throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_CONFIG, function: "git_signature_now",
                                message: "no \(role.lowercased()) identity: set user.name and user.email (git config) or GIT_\(role)_NAME and GIT_\(role)_EMAIL")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_now(&signature, identity.name, identity.email), "git_signature_now")
        return signature
    }
}
