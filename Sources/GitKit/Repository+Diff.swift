internal import CLibGit2

/// One file that differs between two trees.
public struct FileChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case added, deleted, modified, renamed, other }
    public let kind: Kind
    /// Path before the change (nil when added).
    public let oldPath: String?
    /// Path after the change (nil when deleted).
    public let newPath: String?
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID?
}

extension Repository {
    /// The files that differ between two commits' trees (`from` nil: an empty tree), with
    /// renames found as `git diff -M` does. Only paths under `prefix` are reported.
    public func changes(from old: ObjectID?, to new: ObjectID, under prefix: String = "") throws -> [FileChange] {
        func tree(of commitID: ObjectID) throws -> OpaquePointer? {
            var oid = commitID.oid
            var commit: OpaquePointer?
            try GitError.check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
            defer { git_commit_free(commit) }
            var tree: OpaquePointer?
            try GitError.check(git_commit_tree(&tree, commit), "git_commit_tree")
            return tree
        }
        let oldTree = try old.map(tree)
        defer { if let oldTree { git_tree_free(oldTree) } }
        let newTree = try tree(of: new)
        defer { git_tree_free(newTree) }

        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_tree(&diff, pointer, oldTree ?? nil, newTree, nil), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        var findOptions = git_diff_find_options()
        try GitError.check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try GitError.check(git_diff_find_similar(diff, &findOptions), "git_diff_find_similar")

        let folder = prefix.isEmpty ? "" : prefix.hasSuffix("/") ? prefix : prefix + "/"
        var changes: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) }
            guard [oldPath, newPath].contains(where: { $0?.hasPrefix(folder) == true }) else { continue }
            let kind: FileChange.Kind = switch delta.status {
            case GIT_DELTA_ADDED: .added
            case GIT_DELTA_DELETED: .deleted
            case GIT_DELTA_MODIFIED: .modified
            case GIT_DELTA_RENAMED: .renamed
            default: .other
            }
            changes.append(FileChange(
                kind: kind,
                oldPath: kind == .added ? nil : oldPath, newPath: kind == .deleted ? nil : newPath,
                oldBlob: kind == .added ? nil : ObjectID(delta.old_file.id), newBlob: kind == .deleted ? nil : ObjectID(delta.new_file.id)))
        }
        return changes
    }
}
