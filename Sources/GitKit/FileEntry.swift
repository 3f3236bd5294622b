/// A file recorded in a tree or in the index.
public struct FileEntry: Sendable, Hashable {
    /// The repository-relative, "/"-separated path.
    public let path: String
    /// The blob id of the file's contents; for a submodule, the id of its commit.
    public let blob: ObjectID
    /// The file's mode.
    public let mode: FileMode

    /// Makes an entry from its parts.
    public init(path: String, blob: ObjectID, mode: FileMode) {
        self.path = path
        self.blob = blob
        self.mode = mode
    }
}
