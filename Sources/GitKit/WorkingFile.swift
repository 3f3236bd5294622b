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

    /// Makes a working file from its parts.
    public init(path: String, url: URL, mode: FileMode, size: Int) {
        self.path = path
        self.url = url
        self.mode = mode
        self.size = size
    }
}
