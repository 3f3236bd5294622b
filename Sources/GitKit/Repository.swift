import Foundation
internal import CLibGit2

/// An open git repository: read-only access to its commits, trees, index, blobs and working tree.
///
/// Nothing in this type writes to the repository except `create(at:)` and `commitAll`
/// (used by `smsplan init`). Not `Sendable`: use one instance from one
/// thread (or task) at a time, and open another for concurrent work.
public final class Repository {
    /// The `git_repository` handle, owned and freed by this instance.
    let pointer: OpaquePointer
    /// The index file named by `GIT_INDEX_FILE` when opened, or nil for the repository's own index.
    let indexFile: URL?
    /// Which folders' files no filter can apply to, learnt as files are cleaned.
    let filterScreen = FilterScreen()

    init(pointer: OpaquePointer, indexFile: URL?) {
        self.pointer = pointer
        self.indexFile = indexFile
    }

    deinit {
        git_repository_free(pointer)
    }

    /// Gives back what libgit2 holds for this handle: its cached objects, and its object
    /// database with the pack files it opened (a pack file open on any handle keeps the bases
    /// of the deltas it read, up to 16 MiB). Each is opened again, as it was, when next used:
    /// the handle was opened without an object directory of its own (`open` never takes
    /// `GIT_OBJECT_DIRECTORY`), and its index is read from the file each time. Call only while
    /// no other thread uses this handle, and only while nothing holds an object read through it.
    public func releaseCaches() {
        _ = git_repository__cleanup(pointer)
    }

    /// A second handle on the same objects (opened as a bare repository on the common git
    /// directory), with an object cache of its own, given back when it is released (the pack
    /// files it reads are shared with every handle that has them open: see `releaseCaches`).
    /// Nil when it cannot be opened.
    public func reopened() -> Repository? {
        var handle: OpaquePointer?
        guard git_repository_open_bare(&handle, commonDirectory.path) == 0, let handle else {
            git_error_clear()
            return nil
        }
        return Repository(pointer: handle, indexFile: nil)
    }

    /// The absolute, standardized URL of the git directory (`.git`, the bare repository itself,
    /// or a linked worktree's private directory).
    public var gitDirectory: URL {
        Self.directoryURL(String(cString: git_repository_path(pointer)))
    }

    /// The absolute, standardized URL of the working tree, or nil for a bare repository.
    public var workingDirectory: URL? {
        git_repository_workdir(pointer).map { Self.directoryURL(String(cString: $0)) }
    }

    /// Whether the repository has no working tree.
    public var isBare: Bool {
        git_repository_is_bare(pointer) == 1
    }

    /// Whether the repository is a shallow clone.
    public var isShallow: Bool {
        git_repository_is_shallow(pointer) == 1
    }

    /// Whether HEAD names a branch that has no commit yet (a new repository).
    public var isHeadUnborn: Bool {
        git_repository_head_unborn(pointer) == 1
    }

    /// Whether HEAD points straight at a commit rather than at a branch.
    public var isHeadDetached: Bool {
        git_repository_head_detached(pointer) == 1
    }

    /// A directory URL for a path libgit2 reports, which usually ends in "/".
    static func directoryURL(_ path: String) -> URL {
        URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }
}

extension Repository {
    /// The git directory shared by all worktrees (where hooks and config live); the same as
    /// `gitDirectory` outside a linked worktree.
    public var commonDirectory: URL {
        Self.directoryURL(String(cString: git_repository_commondir(pointer)))
    }
}
