internal import CLibGit2

extension Repository {
    /// Every file in the tree of `commit` whose path lies under `prefix`, recursively, sorted by
    /// path (byte order, as git sorts the index).
    ///
    /// `prefix` is repository-relative: "" for the whole tree, "plan-template" for that folder
    /// (or that one file). A prefix that names nothing gives an empty array. Submodules are
    /// listed with mode `.submodule` and their commit id in `blob`. `commit` may also be the id
    /// of a tag or a tree.
    /// - Throws: `GitError` when the object is missing or has no tree.
    public func treeEntries(of commit: ObjectID, under prefix: String = "") throws -> [FileEntry] {
        let prefix = try RepositoryPath.normalize(prefix, function: "treeEntries(of:under:)")
        var oid = commit.oid
        var object: OpaquePointer?
        try GitError.check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_ANY), "git_object_lookup")
        defer { git_object_free(object) }
        var root: OpaquePointer?
        try GitError.check(git_object_peel(&root, object, GIT_OBJECT_TREE), "git_object_peel")
        defer { git_object_free(root) }
        guard let root else { return [] }

        var entries: [FileEntry] = []
        if prefix.isEmpty {
            try appendEntries(of: root, base: "", to: &entries)
        } else {
            var entry: OpaquePointer?
            let result = git_tree_entry_bypath(&entry, root, prefix)
            if result == GIT_ENOTFOUND.rawValue {
                git_error_clear()
                return []
            }
            try GitError.check(result, "git_tree_entry_bypath")
            defer { git_tree_entry_free(entry) }
            if let entry {
                try appendEntry(entry, path: prefix, to: &entries)
            }
        }
        return entries.sorted { RepositoryPath.precedes($0.path, $1.path) }
    }

    /// Appends the files of `tree` (recursively), their paths prefixed with `base`.
    private func appendEntries(of tree: OpaquePointer, base: String, to entries: inout [FileEntry]) throws {
        for index in 0..<git_tree_entrycount(tree) {
            // Borrowed from the tree: not freed here.
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = base + String(cString: git_tree_entry_name(entry))
            try appendEntry(entry, path: path, to: &entries)
        }
    }

    /// Appends one tree entry: a blob or submodule itself, or the files of a subtree.
    private func appendEntry(_ entry: OpaquePointer, path: String, to entries: inout [FileEntry]) throws {
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_TREE:
            var subtree: OpaquePointer?
            try GitError.check(git_tree_lookup(&subtree, pointer, git_tree_entry_id(entry)), "git_tree_lookup")
            defer { git_tree_free(subtree) }
            if let subtree {
                try appendEntries(of: subtree, base: path + "/", to: &entries)
            }
        case GIT_OBJECT_BLOB, GIT_OBJECT_COMMIT:
            let mode = FileMode(gitMode: git_tree_entry_filemode_raw(entry).rawValue)
            entries.append(FileEntry(path: path, blob: ObjectID(git_tree_entry_id(entry)), mode: mode))
        default:
            break
        }
    }
}
