import Foundation

/// A file found in the working tree (not read, only described).
public struct WorkingFile: Sendable, Hashable {
    /// The repository-relative, "/"-separated path.
    public let path: String
    /// The absolute file URL of the file (for a symlink, of the link itself), made when asked:
    /// a listing holds tens of thousands of files and rarely needs their URLs.
    public var url: URL {
        URL(fileURLWithPath: root + "/" + path, isDirectory: isFolder)
    }
    /// The working tree's folder, without a trailing "/" ("" for the file system's root);
    /// one string shared by every file of a listing.
    private let root: String
    /// True for a folder named like a document (listed with mode `.other`).
    private let isFolder: Bool
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
    /// `root` is the working tree's folder, as `Repository.workingDirectory` gives it.
    public init(path: String, root: String, isFolder: Bool = false, mode: FileMode, size: Int, indexBlob: ObjectID? = nil,
                isSkipWorktree: Bool = false) {
        self.path = path
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.isFolder = isFolder
        self.mode = mode
        self.size = size
        self.indexBlob = indexBlob
        self.isSkipWorktree = isSkipWorktree
    }

    /// This file with the index's verdict on it.
    func vouched(by blob: ObjectID?, skipWorktree: Bool) -> WorkingFile {
        WorkingFile(path: path, root: root, isFolder: isFolder, mode: mode, size: size, indexBlob: blob, isSkipWorktree: skipWorktree)
    }
}
