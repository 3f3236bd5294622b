import Foundation

/// A file a plan source lists.
public struct SourceEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case regular, symlink, other }
    /// Repository-relative path, "/"-separated.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Where the plan's files come from: the working tree, the index, a commit, or memory.
/// Every path is relative to the repository's top level.
public protocol PlanSource: Sendable {
    /// Every file under `folder` ("" for all), recursively, sorted by path.
    func files(under folder: String) throws(SMSPlanError) -> [SourceEntry]
    /// The file's bytes, or nil when there is no such file.
    func read(_ path: String) throws(SMSPlanError) -> Data?
    /// The file's git blob id when the source knows it without hashing (index, commits).
    func blobID(_ path: String) -> String?
}

extension PlanSource {
    public func blobID(_ path: String) -> String? { nil }
}

/// A plan held in memory: rule examples, tests and fuzzing use it.
public struct InMemorySource: PlanSource {
    public var contents: [String: Data]

    public init(files: [String: String]) {
        self.contents = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        self.contents = data
    }

    public func files(under folder: String) -> [SourceEntry] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) }.sorted().map { SourceEntry(path: $0, kind: .regular) }
    }

    public func read(_ path: String) -> Data? {
        contents[path]
    }
}

extension String {
    /// `self` and `child` joined with "/", where an empty side adds nothing.
    func appendingPathComponent(_ child: String) -> String {
        if isEmpty { return child }
        if child.isEmpty { return self }
        return self + "/" + child
    }
}
