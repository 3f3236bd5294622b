/// The kind of an entry in a tree, the index or the working tree, as git records it.
public enum FileMode: Sendable, Hashable {
    /// A non-executable file (git mode 100644).
    case regular
    /// An executable file (git mode 100755).
    case executable
    /// A symbolic link, whose blob is the link's target (git mode 120000).
    case symlink
    /// A submodule, whose id is a commit in another repository (git mode 160000).
    case submodule
    /// Any other git mode, as recorded.
    case other(UInt32)

    /// Maps a raw git mode. Old-style regular modes such as 100664 count as regular or
    /// executable by their owner-execute bit, as git does.
    init(gitMode: UInt32) {
        switch gitMode & 0o170000 {
        case 0o100000: self = gitMode & 0o100 == 0 ? .regular : .executable
        case 0o120000: self = .symlink
        case 0o160000: self = .submodule
        default: self = .other(gitMode)
        }
    }
}
