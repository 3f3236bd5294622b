internal import CLibGit2
import Foundation

/// A tree object's bytes as the object database holds them, its entries read in place, one
/// at a time. A plan's folder holds hundreds of files; two versions of it that differ in a
/// few are compared entry by entry, each entry's bytes at once, instead of libgit2 parsing
/// every entry of both into a table first.
///
/// An entry is `<mode in octal> <name>\0<20-byte id>`, in git's order of names. An entry
/// that does not read as one (libgit2 would refuse the tree) ends the walk of its tree.
final class RawTree {
    private let object: OpaquePointer
    let bytes: UnsafeBufferPointer<UInt8>

    /// The tree `id` from `odb`; nil when it cannot be read or is not a tree.
    init?(_ id: ObjectID, in odb: OpaquePointer) {
        var oid = id.oid
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &oid) == 0, let object else {
            git_error_clear()
            return nil
        }
        guard git_odb_object_type(object) == GIT_OBJECT_TREE else {
            git_odb_object_free(object)
            return nil
        }
        self.object = object
        let size = git_odb_object_size(object)
        bytes = UnsafeBufferPointer(start: git_odb_object_data(object)?.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        git_odb_object_free(object)
    }

    /// One entry: where its bytes lie in the tree's, its mode and its name.
    struct Entry {
        /// The whole entry, mode to id.
        let range: Range<Int>
        /// The mode as written (libgit2 keeps it in 16 bits).
        let mode: UInt32
        let name: Range<Int>

        var id: Range<Int> { (name.upperBound + 1)..<range.upperBound }

        /// libgit2's kind of an entry by its mode: a submodule's commit, a folder's tree,
        /// else a blob (a file or a link).
        var type: git_object_t {
            switch mode & 0o170000 {
            case 0o160000: GIT_OBJECT_COMMIT
            case 0o040000: GIT_OBJECT_TREE
            default: GIT_OBJECT_BLOB
            }
        }
    }

    /// The entry whose bytes begin at `offset`; nil where none does (the end, or bytes that
    /// are not an entry: an empty or unreadable mode, no name, a cut id).
    func entry(at offset: Int) -> Entry? {
        var index = offset
        var mode: UInt32 = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: " ") {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 8 else { return nil }
            mode = mode << 3 | UInt32(digit)
            guard mode <= 0xFFFF else { return nil }
            index += 1
        }
        guard index > offset, index < bytes.count else { return nil }
        let nameStart = index + 1
        guard nameStart < bytes.count, let base = bytes.baseAddress,
            let nul = memchr(base + nameStart, 0, bytes.count - nameStart)
        else { return nil }
        let nameEnd = base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
        let end = nameEnd + 1 + 20
        guard nameEnd > nameStart, end <= bytes.count else { return nil }
        return Entry(range: offset..<end, mode: mode, name: nameStart..<nameEnd)
    }

    /// The entry's id.
    func id(of entry: Entry) -> ObjectID {
        ObjectID(raw: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[entry.id])))
    }

    /// The entry's name.
    func name(of entry: Entry) -> String {
        String(decoding: bytes[entry.name], as: UTF8.self)
    }

    /// Whether two entries of two trees are the same bytes: the same mode, name and id.
    static func same(_ left: Entry, in leftTree: RawTree, _ right: Entry, in rightTree: RawTree) -> Bool {
        left.range.count == right.range.count
            && memcmp(leftTree.bytes.baseAddress! + left.range.lowerBound, rightTree.bytes.baseAddress! + right.range.lowerBound,
                      left.range.count) == 0
    }

    /// Git's order of two entries: by name bytes, a tree's name read as if it ended in "/".
    static func order(_ left: Entry, in leftTree: RawTree, _ right: Entry, in rightTree: RawTree) -> Int {
        let leftName = leftTree.bytes.baseAddress! + left.name.lowerBound
        let rightName = rightTree.bytes.baseAddress! + right.name.lowerBound
        let leftLength = left.name.count, rightLength = right.name.count
        let shared = min(leftLength, rightLength)
        let compared = memcmp(leftName, rightName, shared)
        if compared != 0 { return compared < 0 ? -1 : 1 }
        func next(_ name: UnsafePointer<UInt8>, _ length: Int, _ entry: Entry) -> UInt8 {
            length > shared ? name[shared] : entry.type == GIT_OBJECT_TREE ? UInt8(ascii: "/") : 0
        }
        let leftNext = next(leftName, leftLength, left), rightNext = next(rightName, rightLength, right)
        if leftNext == rightNext { return leftLength == rightLength ? 0 : (leftLength < rightLength ? -1 : 1) }
        return leftNext < rightNext ? -1 : 1
    }
}
