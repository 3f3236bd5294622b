import Foundation
internal import CLibGit2

extension Repository {
    /// Opens the repository the way git itself and git hooks do.
    ///
    /// - With `GIT_DIR` set, opens that git directory (a relative path is resolved against
    ///   `directory`) without discovery. Otherwise discovers the repository upward from
    ///   `directory`, stopping at `GIT_CEILING_DIRECTORIES` and, unless
    ///   `GIT_DISCOVERY_ACROSS_FILESYSTEM` is true, at file-system boundaries.
    /// - With `GIT_WORK_TREE` set, uses it as the working tree (resolved the same way).
    /// - With `GIT_INDEX_FILE` set, reads the index from that file (resolved the same way).
    ///
    /// Empty variables count as unset. Nothing is written to the repository.
    /// - Throws: `GitError`; for a folder in no repository, one whose `isNotFound` is true.
    public static func open(
        at directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Repository {
        LibGit2.ensureInitialized()
        let base = directory.absoluteURL.standardizedFileURL
        func variable(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }

        var handle: OpaquePointer?
        if let gitDirectory = variable("GIT_DIR") {
            let path = resolve(gitDirectory, against: base)
            let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue
            try GitError.check(git_repository_open_ext(&handle, path, flags, nil), "git_repository_open_ext")
        } else {
            let crossFileSystems = variable("GIT_DISCOVERY_ACROSS_FILESYSTEM").map(isTrue) ?? false
            let flags = crossFileSystems ? GIT_REPOSITORY_OPEN_CROSS_FS.rawValue : 0
            let ceilings = variable("GIT_CEILING_DIRECTORIES")
            let result = git_repository_open_ext(&handle, base.path, flags, ceilings)
            if result == GIT_ENOTFOUND.rawValue, let foreign = foreignRepository(above: base, ceilings: ceilings) {
                // libgit2 refuses a repository another user owns (git's safe.directory) but,
                // while discovering, reports it as no repository at all.
                git_error_clear()
                throw GitError.make(
                    GIT_EOWNER, GIT_ERROR_CONFIG, function: "git_repository_open_ext",
                    message: "repository path '\(foreign)/' is not owned by current user")
            }
            try GitError.check(result, "git_repository_open_ext")
        }
        guard let handle else {
            throw GitError.make(
                GIT_ENOTFOUND, GIT_ERROR_REPOSITORY, function: "git_repository_open_ext",
                message: "no repository was returned for '\(base.path)'")
        }

        let indexFile = variable("GIT_INDEX_FILE").map {
            URL(fileURLWithPath: resolve($0, against: base), isDirectory: false)
        }
        // Made before anything else can fail, so that the handle is freed on every path.
        let repository = Repository(pointer: handle, indexFile: indexFile)
        if let workTree = variable("GIT_WORK_TREE") {
            // update_gitlink 0: only the in-memory repository changes, nothing is written.
            try GitError.check(
                git_repository_set_workdir(handle, resolve(workTree, against: base), 0),
                "git_repository_set_workdir")
        }
        return repository
    }

    /// The nearest folder at or above `folder` (below the ceilings) holding a `.git` that
    /// another user owns, if that is what stopped discovery.
    private static func foreignRepository(above folder: URL, ceilings: String?) -> String? {
        let stops = Set((ceilings ?? "").split(separator: ":").map { URL(fileURLWithPath: String($0)).standardizedFileURL.path })
        var current = folder.standardizedFileURL
        while true {
            var info = stat()
            if lstat(current.appendingPathComponent(".git").path, &info) == 0 {
                var owner = stat()
                guard stat(current.path, &owner) == 0 else { return nil }
                return owner.st_uid != geteuid() || info.st_uid != geteuid() ? current.path : nil
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path || stops.contains(parent.path) { return nil }
            current = parent
        }
    }

    /// An absolute, standardized path for `path`, relative paths taken from `base`.
    private static func resolve(_ path: String, against base: URL) -> String {
        let url = path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: base.path, isDirectory: true).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }

    /// git's reading of a boolean environment variable.
    private static func isTrue(_ value: String) -> Bool {
        ["1", "true", "yes", "on"].contains(value.lowercased())
    }
}
