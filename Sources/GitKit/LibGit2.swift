internal import CLibGit2

/// Process-wide libgit2 initialisation.
///
/// `git_libgit2_init()` runs exactly once, the first time `ensureInitialized()` is called
/// (Swift runs a static stored property's initialiser once, thread-safely). libgit2 is never
/// shut down. Every entry point that does not already hold a `Repository` calls
/// `ensureInitialized()` first; a `Repository` can only be made by `Repository.open`, which does.
enum LibGit2 {
    private static let initialization: Int32 = git_libgit2_init()

    static func ensureInitialized() {
        _ = initialization
    }
}
