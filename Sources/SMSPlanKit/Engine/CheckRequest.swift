import Foundation

/// What to check and where: the folder (as git's `-C`), and which state of the plan.
public struct CheckRequest: Sendable {
    /// Which state of the plan repository to check.
    public enum Target: Sendable, Hashable {
        /// Files on disk now, judged by today's date.
        case workingTree
        /// What the index holds: what `git commit` is about to record.
        case staged
        /// A committed revision (a commit, branch or tag), judged by its commit date.
        case revision(String)
        /// Each commit of `BASE..HEAD` against its parent, and HEAD's tree in full.
        case range(String)
    }

    public var directory: URL
    public var target: Target
    /// The environment git variables are read from (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE).
    public var environment: [String: String]
    /// Today, for the working tree and the index.
    public var now: Date
    /// Use (and update) the decode cache in the git directory. Off: parse everything.
    public var useCache: Bool

    public init(directory: URL, target: Target = .workingTree,
                environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date(), useCache: Bool = true) {
        self.directory = directory
        self.target = target
        self.environment = environment
        self.now = now
        self.useCache = useCache
    }
}
