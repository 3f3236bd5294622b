import Foundation

/// A file found in the working tree (not read, only described).
public struct WorkingFile: Sendable, Hashable {
    /// The repository-relative, "/"-separated path.
    public let path: String
    /// The absolute file URL of the file (for a symlink, of the link itself).
    public let url: URL
    /// `.regular`, `.executable` or `.symlink`.
    public let mode: FileMode
    /// The size in bytes; for a symlink, the length of its target path (what git would store).
    public let size: Int
    /// The blob id the index holds for the file when git takes the file as unchanged without
    /// reading it: its stat data match the index entry and the entry is not racy, or the
    /// entry is marked skip-worktree (sparse checkout). Nil when the file must be read.
    public let indexBlob: ObjectID?
    /// True for a skip-worktree entry of the index (sparse checkout), on the disk or not:
    /// git counts it with the index's content (`indexBlob`), whatever the disk holds.
    public let isSkipWorktree: Bool

    /// Makes a working file from its parts.
    public init(path: String, url: URL, mode: FileMode, size: Int, indexBlob: ObjectID? = nil, isSkipWorktree: Bool = false) {
        self.path = path
        self.url = url
        self.mode = mode
        self.size = size
        self.indexBlob = indexBlob
        self.isSkipWorktree = isSkipWorktree
    }
}
