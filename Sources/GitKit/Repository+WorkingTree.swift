import Foundation
internal import CLibGit2

extension Repository {
    /// The files of the working tree at or under the repository-relative `prefix` ("" for all),
    /// recursively, sorted by path (byte order).
    ///
    /// Skips `.git`, the git directory, nested repositories and submodules, and every path git
    /// ignores (`.gitignore` files, `info/exclude`, `core.excludesFile`), whether tracked or not.
    /// Symlinks are listed with mode `.symlink` and never followed. Only regular files and
    /// symlinks are listed; empty folders give nothing. A prefix that names nothing gives an
    /// empty array. Nothing is read or hashed.
    /// - Throws: `GitError` (code `GIT_EBAREREPO`) for a bare repository, or when a folder
    ///   cannot be read.
    public func workingTreeFiles(under prefix: String = "") throws -> [WorkingFile] {
        try walk(under: prefix).map(\.file)
    }

    /// The files of the working tree at or under `prefix`, as `workingTreeFiles(under:)` lists
    /// them, each with the blob id the index holds for it when git would take it as unchanged
    /// without reading it (`git status`): its stat data (size, modification and change time,
    /// inode, mode) match its index entry, and the entry is not racy (the file was not
    /// changed within the index's own timestamp). Skip-worktree entries (sparse checkout)
    /// count with the index's content (`isSkipWorktree`), and those absent from the disk are
    /// listed too. Intent-to-add entries (`git add -N`) are never trusted.
    /// - Throws: `GitError` as `workingTreeFiles(under:)`, or when the index cannot be read.
    ///
    /// Unlike `workingTreeFiles(under:)`, a file the index tracks is listed even where an ignore
    /// rule matches it, as `git status` lists it. `index` is the index read once for several
    /// calls; without it the index is read for this call. `readingRacy`: a racy Markdown
    /// file (up to 1 MiB) is read, as git reads it, and takes the entry's blob id when its
    /// bytes are that blob's.
    public func workingTreeState(under prefix: String = "", index: IndexSnapshot? = nil, readingRacy: Bool = false) throws -> [WorkingFile] {
        let snapshot = try index ?? indexSnapshot()
        let listed = try walk(under: prefix, tracked: snapshot)
        let normalized = try RepositoryPath.normalize(prefix, function: "workingTreeState(under:)")
        return try IndexStat(repository: self, snapshot: snapshot).match(listed, under: normalized, readingRacy: readingRacy)
    }

    private func walk(under prefix: String, tracked: IndexSnapshot? = nil) throws -> [WorkingTreeWalker.Listed] {
        guard let workingDirectory else {
            throw GitError.make(
                GIT_EBAREREPO, GIT_ERROR_REPOSITORY, function: "git_repository_workdir",
                message: "a bare repository has no working tree")
        }
        let prefix = try RepositoryPath.normalize(prefix, function: "workingTreeFiles(under:)")
        let walker = WorkingTreeWalker(
            repository: pointer,
            root: Self.pathWithoutTrailingSlash(workingDirectory),
            gitDirectory: Self.pathWithoutTrailingSlash(gitDirectory),
            tracked: tracked)
        return try walker.files(under: prefix)
    }

    /// The repository-relative, "/"-separated path of an absolute URL inside the working tree:
    /// "" for the working tree itself, nil for a URL outside it or a bare repository.
    /// Both sides are standardized ("." and ".." removed); symlinks are not resolved.
    public func relativePath(of url: URL) -> String? {
        guard let workingDirectory else { return nil }
        let root = Self.pathWithoutTrailingSlash(workingDirectory)
        let path = Self.pathWithoutTrailingSlash(url.absoluteURL.standardizedFileURL)
        if path == root {
            return ""
        }
        let rootWithSlash = root + "/"
        guard path.utf8.starts(with: rootWithSlash.utf8) else { return nil }
        return String(decoding: path.utf8.dropFirst(rootWithSlash.utf8.count), as: UTF8.self)
    }

    private static func pathWithoutTrailingSlash(_ url: URL) -> String {
        var path = url.path
        while path.hasSuffix("/") {
            path.removeLast()
        }
        return path
    }
}
