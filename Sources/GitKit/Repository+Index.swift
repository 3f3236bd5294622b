internal import CLibGit2
import Foundation

extension Repository {
    /// Every stage-0 entry of the index whose path lies under `prefix` ("" for all), sorted by path.
    ///
    /// Reads the index file named by `GIT_INDEX_FILE` when the repository was opened with one,
    /// otherwise the repository's own index, fresh from disk on every call. Works in a repository
    /// with no commits. Submodules are listed with mode `.submodule` and their commit id in `blob`.
    /// Conflicted paths (stages 1-3 only) are left out, and so are intent-to-add entries
    /// (`git add -N`): like git, the staged state does not hold them until they are added.
    /// - Throws: `GitError` when the index cannot be read.
    public func indexEntries(under prefix: String = "") throws -> [FileEntry] {
        let prefix = try RepositoryPath.normalize(prefix, function: "indexEntries(under:)")
        let index = try openIndex()
        defer { git_index_free(index) }

        var entries: [FileEntry] = []
        for position in 0..<git_index_entrycount(index) {
            // Borrowed from the index: not freed here.
            guard let entry = git_index_get_byindex(index, position), git_index_entry_stage(entry) == 0,
                entry.pointee.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) == 0,
                let rawPath = entry.pointee.path
            else { continue }
            let path = String(cString: rawPath)
            let mode = FileMode(gitMode: entry.pointee.mode)
            guard RepositoryPath.path(path, isUnder: prefix), mode != .other(0o040000) else { continue }
            entries.append(FileEntry(path: path, blob: ObjectID(entry.pointee.id), mode: mode))
        }
        return entries.sorted { RepositoryPath.precedes($0.path, $1.path) }
    }

    /// A new reference to the index to read; the caller frees it with `git_index_free`.
    func openIndex() throws -> OpaquePointer {
        var index: OpaquePointer?
        if let indexFile {
            // A missing file gives an empty index; nothing is created.
            try GitError.check(git_index_open(&index, indexFile.path), "git_index_open")
        } else {
            try GitError.check(git_repository_index(&index, pointer), "git_repository_index")
            // The repository caches its index: read again unless its checksum is the one read
            // (a handle that just read it does not parse it twice); a file gone since is read
            // as gone.
            let onDisk = git_index_path(index).map { access($0, F_OK) == 0 } ?? false
            let result = git_index_read(index, onDisk ? 0 : 1)
            if result < 0 {
                let error = GitError.lastError(code: result, function: "git_index_read")
                git_index_free(index)
                throw error
            }
        }
        guard let index else {
            throw GitError.make(
                GIT_ENOTFOUND, GIT_ERROR_INDEX, function: "git_index_open", message: "no index was returned")
        }
        return index
    }
}
