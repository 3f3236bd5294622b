internal import CLibGit2
import Foundation

/// One file that differs between two trees.
public struct FileChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case added, deleted, modified, renamed, other }
    public let kind: Kind
    /// Path before the change (nil when added).
    public let oldPath: String?
    /// Path after the change (nil when deleted).
    public let newPath: String?
    public let oldBlob: ObjectID?
    public let newBlob: ObjectID?
}

extension Repository {
    /// The files that differ between two commits' trees (`from` nil: an empty tree), with
    /// renames found as `git diff -M` does. Only paths under `prefix` are reported.
    ///
    /// Most commits only add files or only change them: those are listed by walking the two
    /// trees side by side, into the folders whose ids differ only (libgit2's diff reads every
    /// entry of both trees). A commit that both adds and deletes files (a rename may be among
    /// them), or changes a file's kind or mode, goes through libgit2's diff and its rename
    /// detection.
    public func changes(from old: ObjectID?, to new: ObjectID, under prefix: String = "") throws -> [FileChange] {
        try changes(between: [(old, new)], under: prefix)[0].get()
    }

    /// `changes(from:to:under:)` for each pair of commits, in order, each with its own error.
    ///
    /// The pairs' trees are walked together, a folder at a time: every pair's versions of a
    /// folder are read before the next folder's. A folder's versions are deltas of one another
    /// in a pack, and libgit2 keeps at most 16 MiB of the bases it inflated: read commit by
    /// commit, a plan's few large folders push one another's bases out, and each read inflates
    /// its chain of deltas again. Give the pairs in the order of the history (each pair's old
    /// commit the next one's new, or the other way): a version two pairs share is read once.
    /// `deletedOnly`: only the files deleted are listed (a first commit adds every file).
    public func changes(between pairs: [(old: ObjectID?, new: ObjectID)], under prefix: String = "",
                        deletedOnly: Bool = false) -> [Result<[FileChange], any Error>] {
        let walked = walkedChanges(between: pairs, under: prefix, deletedOnly: deletedOnly)
        return pairs.indices.map { index in
            if let listed = walked[index] { return .success(listed) }
            return Result { try diffedChanges(from: pairs[index].old, to: pairs[index].new, under: prefix).filter { !deletedOnly || $0.kind == .deleted } }
        }
    }

    /// `changes(from:to:under:)` through libgit2's diff and rename detection.
    func diffedChanges(from old: ObjectID?, to new: ObjectID, under prefix: String = "") throws -> [FileChange] {
        let oldTree = try old.map(commitTree)
        defer { if let oldTree { git_tree_free(oldTree) } }
        let newTree = try commitTree(new)
        defer { git_tree_free(newTree) }

        var diff: OpaquePointer?
        try GitError.check(git_diff_tree_to_tree(&diff, pointer, oldTree ?? nil, newTree, nil), "git_diff_tree_to_tree")
        defer { git_diff_free(diff) }
        var findOptions = git_diff_find_options()
        try GitError.check(git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue
        try GitError.check(git_diff_find_similar(diff, &findOptions), "git_diff_find_similar")

        let folder = prefix.isEmpty ? "" : prefix.hasSuffix("/") ? prefix : prefix + "/"
        var changes: [FileChange] = []
        for index in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
            let oldPath = delta.old_file.path.map { String(cString: $0) }
            let newPath = delta.new_file.path.map { String(cString: $0) }
            guard [oldPath, newPath].contains(where: { $0?.hasPrefix(folder) == true }) else { continue }
            let kind: FileChange.Kind = switch delta.status {
            case GIT_DELTA_ADDED: .added
            case GIT_DELTA_DELETED: .deleted
            case GIT_DELTA_MODIFIED: .modified
            case GIT_DELTA_RENAMED: .renamed
            default: .other
            }
            changes.append(FileChange(
                kind: kind,
                oldPath: kind == .added ? nil : oldPath, newPath: kind == .deleted ? nil : newPath,
                oldBlob: kind == .added ? nil : ObjectID(delta.old_file.id), newBlob: kind == .deleted ? nil : ObjectID(delta.new_file.id)))
        }
        return changes
    }
}

extension Repository {
    /// The changes from `old`'s tree to `new`'s found by walking both trees; nil when the walk
    /// cannot stand in for the diff: files both added and deleted (a rename may pair them), a
    /// kind or mode that changed, a submodule, a tree that cannot be read.
    func walkedChanges(from old: ObjectID?, to new: ObjectID, under prefix: String) -> [FileChange]? {
        walkedChanges(between: [(old, new)], under: prefix)[0]
    }

    /// `walkedChanges(from:to:under:)` for each pair, their trees read a folder at a time;
    /// with `deletedOnly`, the files deleted only.
    func walkedChanges(between pairs: [(old: ObjectID?, new: ObjectID)], under prefix: String, deletedOnly: Bool = false) -> [[FileChange]?] {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0, let odb else {
            git_error_clear()
            return pairs.map { _ in nil }
        }
        defer { git_odb_free(odb) }
        var walk = TreeWalk(odb: odb, count: pairs.count, deletedOnly: deletedOnly)
        for (index, pair) in pairs.enumerated() {
            let oldRoot = pair.old.map { (try? commitTreeID($0)).flatMap { RawTree($0, in: odb) } }
            let newRoot = (try? commitTreeID(pair.new)).flatMap { RawTree($0, in: odb) }
            if case .some(nil) = oldRoot {
                walk.failed[index] = true
                continue
            }
            guard let newRoot else {
                walk.failed[index] = true
                continue
            }
            walk.compare(oldRoot ?? nil, newRoot, folder: "", pair: index)
        }
        walk.finish()
        let folder = prefix.isEmpty ? "" : prefix.hasSuffix("/") ? prefix : prefix + "/"
        return pairs.indices.map { index in
            guard !walk.failed[index] else { return nil }
            // Git's order of entries, folder within folder, is the byte order of full paths.
            return walk.changes[index].filter { $0.path.hasPrefix(folder) }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }
    }
}

private extension FileChange {
    /// The one path of a change the walk found (it finds no renames).
    var path: String { oldPath ?? newPath ?? "" }
}

/// Pairs of trees walked side by side in git's order of entries. A folder that differs is
/// not entered at once: it waits until the pairs are done with the depth above it, and then
/// each folder's versions are read across the pairs, one folder after another (`finish`).
private struct TreeWalk {
    /// A folder that differs in one pair (nil: that side has none).
    struct Folder {
        let pair: Int
        let old: ObjectID?
        let new: ObjectID?
    }

    /// The object database the trees are read from, as their bytes (`RawTree`).
    let odb: OpaquePointer
    /// Whether only deleted files are listed: an added folder is not entered then (nothing
    /// in it is deleted), though the files it adds still send a commit that also deletes
    /// files to the diff.
    let deletedOnly: Bool
    var changes: [[FileChange]]
    /// The pairs the walk gave up on (the diff answers for them).
    var failed: [Bool]
    var adds: [Bool], deletes: [Bool]
    /// The folders still to compare, by path ("plan/records/").
    var waiting: [String: [Folder]] = [:]

    init(odb: OpaquePointer, count: Int, deletedOnly: Bool) {
        self.odb = odb
        self.deletedOnly = deletedOnly
        changes = Array(repeating: [], count: count)
        failed = Array(repeating: false, count: count)
        adds = failed
        deletes = failed
    }

    /// Compares the waiting folders a depth at a time (a path's list is complete when its
    /// depth comes, since only its parent folder adds to it), each path's versions in the
    /// order of the pairs. A version read is kept while a later pair still compares it.
    mutating func finish() {
        while !waiting.isEmpty {
            let level = waiting
            waiting = [:]
            for path in level.keys.sorted() {
                let folders = level[path] ?? []
                var uses: [ObjectID: Int] = [:]
                for folder in folders {
                    for id in [folder.old, folder.new] { if let id { uses[id, default: 0] += 1 } }
                }
                var kept: [ObjectID: RawTree] = [:]
                func tree(_ id: ObjectID) -> RawTree? {
                    if let known = kept[id] { return known }
                    guard let tree = RawTree(id, in: odb) else { return nil }
                    kept[id] = tree
                    return tree
                }
                func release(_ id: ObjectID?) {
                    guard let id, let left = uses[id] else { return }
                    uses[id] = left > 1 ? left - 1 : nil
                    if left == 1 { kept[id] = nil }
                }
                for folder in folders {
                    defer {
                        release(folder.old)
                        release(folder.new)
                    }
                    guard !failed[folder.pair] else { continue }
                    let old = folder.old.map(tree), new = folder.new.map(tree)
                    if case .some(nil) = old {
                        failed[folder.pair] = true
                        continue
                    }
                    if case .some(nil) = new {
                        failed[folder.pair] = true
                        continue
                    }
                    compare(old ?? nil, new ?? nil, folder: path, pair: folder.pair)
                }
            }
        }
    }

    /// Adds pair `pair`'s changes from `old` to `new` (either nil: an empty tree) in
    /// `folder`, and the folders in it that differ to those waiting; marks the pair failed
    /// when the walk has to give way to the diff.
    mutating func compare(_ old: RawTree?, _ new: RawTree?, folder: String, pair: Int) {
        let oldCount = old?.count ?? 0, newCount = new?.count ?? 0
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldCount || newIndex < newCount, !failed[pair] {
            if let old, let new {
                // The entries both versions hold as they are: most of a folder's.
                let same = RawTree.sameEntries(old, from: oldIndex, new, from: newIndex)
                oldIndex += same
                newIndex += same
                guard oldIndex < oldCount || newIndex < newCount else { break }
            }
            let oldEntry = oldIndex < oldCount ? old?.entry(oldIndex) : nil
            let newEntry = newIndex < newCount ? new?.entry(newIndex) : nil
            let order = switch (oldEntry, newEntry) {
            case (let oldEntry?, let newEntry?): RawTree.order(oldEntry, in: old!, newEntry, in: new!)
            case (_?, nil): -1
            default: 1
            }
            if order < 0, let oldEntry, let old {
                oldIndex += 1
                one(oldEntry, of: old, folder: folder, added: false, pair: pair)
            } else if order > 0, let newEntry, let new {
                newIndex += 1
                one(newEntry, of: new, folder: folder, added: true, pair: pair)
            } else if let oldEntry, let newEntry, let old, let new {
                oldIndex += 1
                newIndex += 1
                // Modes as written: the diff reports a file whose mode changes from one that
                // git once wrote (100664) to the one it writes now (100644).
                let oldID = old.id(of: oldEntry), newID = new.id(of: newEntry)
                guard oldEntry.mode == newEntry.mode else { return failed[pair] = true }
                if oldID == newID { continue }
                switch oldEntry.type {
                case GIT_OBJECT_TREE:
                    waiting[folder + old.name(of: oldEntry) + "/", default: []].append(Folder(pair: pair, old: oldID, new: newID))
                case GIT_OBJECT_BLOB:
                    guard !deletedOnly else { continue }
                    let path = folder + new.name(of: newEntry)
                    changes[pair].append(FileChange(kind: .modified, oldPath: path, newPath: path, oldBlob: oldID, newBlob: newID))
                default:
                    return failed[pair] = true
                }
            } else {
                return failed[pair] = true
            }
        }
    }

    /// An entry only one side has: a file added or deleted, or a folder whose files all are.
    private mutating func one(_ entry: RawTree.Entry, of tree: RawTree, folder: String, added: Bool, pair: Int) {
        if added { adds[pair] = true } else { deletes[pair] = true }
        guard !(adds[pair] && deletes[pair]) else { return failed[pair] = true }
        let type = entry.type
        if added && deletedOnly && (type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB) { return }
        switch type {
        case GIT_OBJECT_TREE:
            let id = tree.id(of: entry)
            waiting[folder + tree.name(of: entry) + "/", default: []].append(Folder(pair: pair, old: added ? nil : id, new: added ? id : nil))
        case GIT_OBJECT_BLOB:
            let path = folder + tree.name(of: entry), blob = tree.id(of: entry)
            changes[pair].append(added ? FileChange(kind: .added, oldPath: nil, newPath: path, oldBlob: nil, newBlob: blob)
                                       : FileChange(kind: .deleted, oldPath: path, newPath: nil, oldBlob: blob, newBlob: nil))
        default:
            failed[pair] = true
        }
    }
}

extension Repository {
    /// The root tree of a commit; the caller frees it.
    func commitTree(_ commitID: ObjectID) throws -> OpaquePointer {
        var oid = commitID.oid
        var commit: OpaquePointer?
        try GitError.check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var tree: OpaquePointer?
        try GitError.check(git_commit_tree(&tree, commit), "git_commit_tree")
        guard let tree else { throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_TREE, function: "git_commit_tree", message: "commit \(commitID) has no tree") }
        return tree
    }

    /// The id of a commit's root tree.
    func commitTreeID(_ commitID: ObjectID) throws -> ObjectID {
        var oid = commitID.oid
        var commit: OpaquePointer?
        try GitError.check(git_commit_lookup(&commit, pointer, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        guard let id = git_commit_tree_id(commit) else {
            throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_TREE, function: "git_commit_tree_id", message: "commit \(commitID) has no tree")
        }
        return ObjectID(id)
    }
}
