import Foundation
import GitKit

/// A file a plan source lists.
public struct SourceEntry: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case regular, symlink, other }
    /// Repository-relative path, "/"-separated.
    public var path: String
    public var kind: Kind
    /// The file's git blob id when the source knows it without hashing (the index for an
    /// unchanged working-tree file, a commit's tree), and its size when the listing has it
    /// at hand (no file-system or object-database access): given with the listing, so that
    /// nobody looks them up by path, file by file.
    public var blobID: ObjectID?
    public var listedSize: Int?

    /// The blob id as 40 hexadecimal digits.
    public var blob: String? { blobID?.hex }

    /// `blob`: a blob id as 40 hexadecimal digits (anything else is taken for none).
    public init(path: String, kind: Kind, blob: String? = nil, listedSize: Int? = nil) {
        self.init(path: path, kind: kind, blobID: blob.flatMap(ObjectID.init(hex:)), listedSize: listedSize)
    }

    public init(path: String, kind: Kind, blobID: ObjectID?, listedSize: Int? = nil) {
        self.path = path
        self.kind = kind
        self.blobID = blobID
        self.listedSize = listedSize
    }
}

/// Where the plan's files come from: the working tree, the index, a commit, or memory.
/// Every path is relative to the repository's top level.
public protocol PlanSource: Sendable {
    /// Every file under `folder` ("" for all), recursively, sorted by path.
    func files(under folder: String) throws(SMSPlanError) -> [SourceEntry]
    /// The file's bytes, or nil when there is no such file.
    func read(_ path: String) throws(SMSPlanError) -> Data?
    /// The file's size in bytes when the source knows it without reading the file.
    func size(_ path: String) -> Int?
    /// What a symbolic link at `path` points to, as written in the link; nil for anything else.
    func linkTarget(_ path: String) -> String?
    /// True when `read` and `size` may be called from several threads at once (the loader
    /// then reads files on its worker threads, beside the parsing).
    var readsConcurrently: Bool { get }
}

extension PlanSource {
    public var readsConcurrently: Bool { false }
    public func size(_ path: String) -> Int? { nil }
    public func linkTarget(_ path: String) -> String? { nil }
}

/// A plan held in memory: rule examples, tests and fuzzing use it.
public struct InMemorySource: PlanSource {
    public var readsConcurrently: Bool { true }
    public var contents: [String: Data]
    /// Symbolic links: path -> target as written in the link. Listed, never read.
    public var links: [String: String]

    public init(files: [String: String], links: [String: String] = [:]) {
        self.contents = files.mapValues { Data($0.utf8) }
        self.links = links
    }

    public init(data: [String: Data], links: [String: String] = [:]) {
        self.contents = data
        self.links = links
    }

    public func files(under folder: String) -> [SourceEntry] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let regular = contents.keys.filter { $0.hasPrefix(prefix) }.map { SourceEntry(path: $0, kind: .regular) }
        let linked = links.keys.filter { $0.hasPrefix(prefix) && contents[$0] == nil }.map { SourceEntry(path: $0, kind: .symlink) }
        return (regular + linked).sorted { $0.path < $1.path }
    }

    public func read(_ path: String) -> Data? {
        contents[path]
    }

    public func size(_ path: String) -> Int? {
        contents[path]?.count
    }

    public func linkTarget(_ path: String) -> String? {
        contents[path] == nil ? links[path] : nil
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
