import Foundation
internal import CLibGit2

extension Repository {
    /// Makes a new, empty repository with a working tree at `directory` (`git init`),
    /// or opens the one already there.
    public static func create(at directory: URL) throws -> Repository {
        LibGit2.ensureInitialized()
        var handle: OpaquePointer?
        try GitError.check(git_repository_init(&handle, directory.standardizedFileURL.path, 0), "git_repository_init")
        guard let handle else {
            throw GitError.make(GIT_ERROR, GIT_ERROR_REPOSITORY, function: "git_repository_init", message: "no repository returned")
        }
        return Repository(pointer: handle, indexFile: nil)
    }

    /// A string value of the repository's configuration (local, global and system), such
    /// as `user.name`; nil when unset.
    public func configString(_ key: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
        return String(cString: value)
    }
}
