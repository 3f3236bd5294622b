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
        var odb: OpaquePointer?
        try GitError.check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        guard let odb else { return [] }
        if prefix.isEmpty {
            try appendEntries(of: ObjectID(git_tree_id(root)), base: "", to: &entries, odb: odb)
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
                let mode = git_tree_entry_filemode_raw(entry).rawValue
                try appendEntry(mode: mode, id: ObjectID(git_tree_entry_id(entry)), path: prefix, to: &entries, odb: odb)
            }
        }
        return entries.sorted { RepositoryPath.precedes($0.path, $1.path) }
    }

    /// Appends the files of the tree `id` (recursively), their paths prefixed with `base`. The
    /// tree's entries are read from its bytes (`RawTree`); one that libgit2 reads otherwise
    /// than `RawTree` would is read by libgit2, which then says what is wrong with it.
    private func appendEntries(of id: ObjectID, base: String, to entries: inout [FileEntry], odb: OpaquePointer) throws {
        guard let tree = RawTree(id, in: odb) else { return try appendEntriesThroughLibgit2(of: id, base: base, to: &entries, odb: odb) }
        for index in 0..<tree.count {
            let entry = tree.entry(index)
            try appendEntry(mode: entry.mode, id: tree.id(of: entry), path: base + tree.name(of: entry), to: &entries, odb: odb)
        }
    }

    private func appendEntriesThroughLibgit2(of id: ObjectID, base: String, to entries: inout [FileEntry], odb: OpaquePointer) throws {
        var oid = id.oid
        var tree: OpaquePointer?
        try GitError.check(git_tree_lookup(&tree, pointer, &oid), "git_tree_lookup")
        defer { git_tree_free(tree) }
        guard let tree else { return }
        for index in 0..<git_tree_entrycount(tree) {
            // Borrowed from the tree: not freed here.
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = base + String(cString: git_tree_entry_name(entry))
            try appendEntry(mode: git_tree_entry_filemode_raw(entry).rawValue, id: ObjectID(git_tree_entry_id(entry)), path: path,
                            to: &entries, odb: odb)
        }
    }

    /// Appends one tree entry by its mode as written: a blob or submodule itself, or the
    /// files of a subtree (libgit2's kinds of entries: `RawTree.Entry.type`).
    private func appendEntry(mode: UInt32, id: ObjectID, path: String, to entries: inout [FileEntry], odb: OpaquePointer) throws {
        switch mode & 0o170000 {
        case 0o040000:
            try appendEntries(of: id, base: path + "/", to: &entries, odb: odb)
        default:
            entries.append(FileEntry(path: path, blob: id, mode: FileMode(gitMode: mode)))
        }
    }
}
