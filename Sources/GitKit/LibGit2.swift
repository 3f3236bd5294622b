internal import CLibGit2

/// Process-wide libgit2 initialisation.
///
/// `git_libgit2_init()` runs exactly once, the first time `ensureInitialized()` is called
/// (Swift runs a static stored property's initialiser once, thread-safely). libgit2 is never
/// shut down. Every entry point that does not already hold a `Repository` calls
/// `ensureInitialized()` first; a `Repository` can only be made by `Repository.open`, which does.
enum LibGit2 {
    private static let initialization: Int32 = {
        let count = git_libgit2_init()
        // Objects are read as git reads them, without hashing each again to verify its id
        // (a check of a large plan's history reads every changed folder's tree of every
        // commit: hundreds of megabytes of SHA-1). Corruption is `git fsck`'s to find; zlib's
        // checksum still refuses a damaged object.
        _ = smsplan_verify_objects_on_read(0)
        // Pack files are mapped a window of 1 MiB at a time, at most 16 MiB of them, the least
        // recently used unmapped first: reading a large plan's history touches most of its
        // pack, which otherwise stays mapped, and counted, to the end of the run.
        _ = smsplan_limit_pack_windows(1 << 20, 16 << 20)
        return count
    }()

    static func ensureInitialized() {
        _ = initialization
    }
}
