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
        if let listed = walkedChanges(from: old, to: new, under: prefix) { return listed }
        return try diffedChanges(from: old, to: new, under: prefix)
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
        var oldRoot: OpaquePointer?
        if let old {
            guard let root = try? commitTree(old) else { return nil }
            oldRoot = root
        }
        defer { if let oldRoot { git_tree_free(oldRoot) } }
        guard let newRoot = try? commitTree(new) else { return nil }
        defer { git_tree_free(newRoot) }
        var walk = TreeWalk(trees: TreeReader(repository: self))
        defer { walk.trees.finish() }
        guard walk.compare(oldRoot, newRoot, folder: "") else { return nil }
        let folder = prefix.isEmpty ? "" : prefix.hasSuffix("/") ? prefix : prefix + "/"
        return walk.changes.filter { ($0.oldPath ?? $0.newPath ?? "").hasPrefix(folder) }
    }
}

/// Two trees walked side by side in git's order of entries, which is the order of full paths
/// libgit2's diff reports them in.
private struct TreeWalk {
    var trees: TreeReader
    var changes: [FileChange] = []
    var adds = false, deletes = false

    /// Adds the changes from `old` to `new` (either nil: an empty tree) below `folder`;
    /// false when the walk has to give way to the diff.
    mutating func compare(_ old: OpaquePointer?, _ new: OpaquePointer?, folder: String) -> Bool {
        let oldCount = old.map { git_tree_entrycount($0) } ?? 0, newCount = new.map { git_tree_entrycount($0) } ?? 0
        var oldIndex = 0, newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let oldEntry = oldIndex < oldCount ? old.flatMap { git_tree_entry_byindex($0, oldIndex) } : nil
            let newEntry = newIndex < newCount ? new.flatMap { git_tree_entry_byindex($0, newIndex) } : nil
            if oldIndex < oldCount, oldEntry == nil { return false }
            if newIndex < newCount, newEntry == nil { return false }
            let order = switch (oldEntry, newEntry) {
            case (let oldEntry?, let newEntry?): Repository.gitOrder(oldEntry, newEntry)
            case (_?, nil): -1
            default: 1
            }
            if order < 0, let oldEntry {
                oldIndex += 1
                guard one(oldEntry, folder: folder, added: false) else { return false }
            } else if order > 0, let newEntry {
                newIndex += 1
                guard one(newEntry, folder: folder, added: true) else { return false }
            } else if let oldEntry, let newEntry {
                oldIndex += 1
                newIndex += 1
                let oldMode = git_tree_entry_filemode(oldEntry), newMode = git_tree_entry_filemode(newEntry)
                let same = git_oid_equal(git_tree_entry_id(oldEntry), git_tree_entry_id(newEntry)) != 0
                if same && oldMode == newMode { continue }
                guard oldMode == newMode else { return false }
                switch git_tree_entry_type(oldEntry) {
                case GIT_OBJECT_TREE:
                    guard let oldTree = trees.tree(oldEntry) else { return false }
                    defer { git_tree_free(oldTree) }
                    guard let newTree = trees.tree(newEntry) else { return false }
                    defer { git_tree_free(newTree) }
                    guard compare(oldTree, newTree, folder: path(of: oldEntry, in: folder) + "/") else { return false }
                case GIT_OBJECT_BLOB:
                    let path = path(of: newEntry, in: folder)
                    changes.append(FileChange(kind: .modified, oldPath: path, newPath: path,
                                              oldBlob: ObjectID(git_tree_entry_id(oldEntry).pointee),
                                              newBlob: ObjectID(git_tree_entry_id(newEntry).pointee)))
                default:
                    return false
                }
            } else {
                return false
            }
        }
        return true
    }

    /// An entry only one side has: a file added or deleted, or every file of a folder.
    private mutating func one(_ entry: OpaquePointer, folder: String, added: Bool) -> Bool {
        if added { adds = true } else { deletes = true }
        guard !(adds && deletes) else { return false }
        switch git_tree_entry_type(entry) {
        case GIT_OBJECT_TREE:
            guard let tree = trees.tree(entry) else { return false }
            defer { git_tree_free(tree) }
            let below = path(of: entry, in: folder) + "/"
            return added ? compare(nil, tree, folder: below) : compare(tree, nil, folder: below)
        case GIT_OBJECT_BLOB:
            let path = path(of: entry, in: folder), blob = ObjectID(git_tree_entry_id(entry).pointee)
            changes.append(added ? FileChange(kind: .added, oldPath: nil, newPath: path, oldBlob: nil, newBlob: blob)
                                 : FileChange(kind: .deleted, oldPath: path, newPath: nil, oldBlob: blob, newBlob: nil))
            return true
        default:
            return false
        }
    }

    private func path(of entry: OpaquePointer, in folder: String) -> String {
        folder + String(cString: git_tree_entry_name(entry))
    }
}

/// The trees the last walk of two commits' trees read, kept until the next walk. A range's
/// commits are walked oldest first, each against its parent, and the history of deletions
/// newest first: either way, one walk's trees of one side are the next walk's of the other,
/// and a folder of thousands of files is a tree of hundreds of kilobytes, inflated from its
/// pack on every read otherwise. Two commits' changed trees at a time.
final class WalkedTrees {
    private(set) var trees: [ObjectID: OpaquePointer] = [:]

    /// Keeps `trees` (references the caller hands over) in place of the last walk's.
    func keep(_ newer: [ObjectID: OpaquePointer]) {
        for tree in trees.values { git_tree_free(tree) }
        trees = newer
    }

    deinit {
        for tree in trees.values { git_tree_free(tree) }
    }
}

/// Reads the trees of one walk, from the last walk's when it read them too, and hands what
/// it read to `WalkedTrees` when finished.
struct TreeReader {
    let repository: Repository
    private var read: [ObjectID: OpaquePointer] = [:]

    init(repository: Repository) {
        self.repository = repository
    }

    /// The tree an entry names; the caller frees it. Nil when it cannot be read.
    mutating func tree(_ entry: OpaquePointer) -> OpaquePointer? {
        let id = ObjectID(git_tree_entry_id(entry).pointee)
        var tree: OpaquePointer?
        if let known = read[id] ?? repository.walkedTrees.trees[id] {
            guard git_tree_dup(&tree, known) == 0 else { return nil }
        } else {
            guard git_tree_lookup(&tree, repository.pointer, git_tree_entry_id(entry)) == 0 else {
                git_error_clear()
                return nil
            }
        }
        if read[id] == nil, let tree {
            var kept: OpaquePointer?
            if git_tree_dup(&kept, tree) == 0, let kept { read[id] = kept }
        }
        return tree
    }

    /// Leaves what this walk read for the next.
    mutating func finish() {
        repository.walkedTrees.keep(read)
        read = [:]
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

    /// Git's order of tree entries: by name bytes, a tree's name read as if it ended in "/".
    static func gitOrder(_ left: OpaquePointer, _ right: OpaquePointer) -> Int {
        guard let leftName = git_tree_entry_name(left), let rightName = git_tree_entry_name(right) else { return 0 }
        let leftLength = strlen(leftName), rightLength = strlen(rightName)
        let shared = min(leftLength, rightLength)
        let compared = memcmp(leftName, rightName, shared)
        if compared != 0 { return compared < 0 ? -1 : 1 }
        func next(_ name: UnsafePointer<CChar>, _ length: Int, _ entry: OpaquePointer) -> UInt8 {
            length > shared ? UInt8(bitPattern: name[shared]) : git_tree_entry_type(entry) == GIT_OBJECT_TREE ? UInt8(ascii: "/") : 0
        }
        let leftNext = next(leftName, leftLength, left), rightNext = next(rightName, rightLength, right)
        if leftNext == rightNext { return leftLength == rightLength ? 0 : (leftLength < rightLength ? -1 : 1) }
        return leftNext < rightNext ? -1 : 1
    }
}
