internal import CLibGit2
import Foundation

/// The bytes of `text` as one little-endian number (at most 8 of them).
private func word(_ text: String) -> UInt64 {
    text.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
}

private let fileModeWord = word("100644 ")
private let folderModeWord = word("40000 ")

/// A tree object's bytes as the object database holds them, its entries read in place. A
/// plan's folder holds hundreds of files; two versions of it that differ in a few are
/// compared by their bytes, the entries they share skipped a block at a time
/// (`sameEntries`), instead of libgit2 parsing every entry of both into a table first.
///
/// An entry is `<mode in octal> <name>\0<20-byte id>`, in git's order of names. A tree
/// with an entry that does not read as one (libgit2 would refuse it) is not read.
final class RawTree {
    private let object: OpaquePointer
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each entry's bytes begin, in order; every entry was read once, when the tree was.
    private let starts: [Int]

    /// The tree `id` from `odb`; nil when it cannot be read, is not a tree, or an entry does
    /// not read as one.
    init?(_ id: ObjectID, in odb: OpaquePointer) {
        var oid = id.oid
        var object: OpaquePointer?
        guard git_odb_read(&object, odb, &oid) == 0, let object else {
            git_error_clear()
            return nil
        }
        let bytes = UnsafeBufferPointer(start: git_odb_object_data(object)?.assumingMemoryBound(to: UInt8.self), count: git_odb_object_size(object))
        guard git_odb_object_type(object) == GIT_OBJECT_TREE, let starts = Self.starts(of: bytes) else {
            git_odb_object_free(object)
            return nil
        }
        self.object = object
        self.bytes = bytes
        self.starts = starts
    }

    deinit {
        git_odb_object_free(object)
    }

    /// How many entries the tree holds.
    var count: Int { starts.count }

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

    /// The entry numbered `index`.
    func entry(_ index: Int) -> Entry {
        // Read when the tree was: it reads again.
        Self.entry(in: bytes, at: starts[index])!
    }

    /// The start of every entry of `bytes`, as libgit2 would read them; nil where one does not
    /// read as an entry.
    private static func starts(of bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 48)
        var offset = 0
        while offset < bytes.count {
            guard let entry = entry(in: bytes, at: offset) else { return nil }
            starts.append(offset)
            offset = entry.range.upperBound
        }
        return starts
    }

    /// The entry whose bytes begin at `offset`: octal digits of a mode that fits in 16 bits,
    /// a space, a name of at least one byte, a NUL and 20 bytes of id; nil for anything else.
    private static func entry(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Entry? {
        guard let base = bytes.baseAddress else { return nil }
        let end = bytes.count
        var index = offset
        var mode: UInt32 = 0
        // A file's and a folder's modes as git writes them, each read at once with its space.
        let word = offset &+ 8 <= end ? UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) : 0
        if word & 0x00FF_FFFF_FFFF_FFFF == fileModeWord {
            (mode, index) = (0o100644, offset &+ 6)
        } else if word & 0x0000_FFFF_FFFF_FFFF == folderModeWord {
            (mode, index) = (0o40000, offset &+ 5)
        } else {
            while index < end {
                let byte = base[index]
                if byte == UInt8(ascii: " ") { break }
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 8 else { return nil }
                mode = mode &<< 3 | UInt32(digit)
                guard mode <= 0xFFFF else { return nil }
                index &+= 1
            }
        }
        let nameStart = index &+ 1
        guard index > offset, nameStart < end, let nul = memchr(base + nameStart, 0, end &- nameStart) else { return nil }
        let nameEnd = nameStart &+ UnsafeRawPointer(base + nameStart).distance(to: UnsafeRawPointer(nul))
        guard nameEnd > nameStart, nameEnd &+ 21 <= end else { return nil }
        return Entry(range: offset..<(nameEnd &+ 21), mode: mode, name: nameStart..<nameEnd)
    }

    /// The entry's id.
    func id(of entry: Entry) -> ObjectID {
        ObjectID(raw: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[entry.id])))
    }

    /// The entry's name.
    func name(of entry: Entry) -> String {
        String(decoding: bytes[entry.name], as: UTF8.self)
    }

    /// How many entries, from `oldIndex` of `old` and `newIndex` of `new` on, are the same
    /// bytes in both (the same mode, name and id, one after another): found by comparing the
    /// two trees' bytes from there, a block at a time, rather than entry by entry.
    static func sameEntries(_ old: RawTree, from oldIndex: Int, _ new: RawTree, from newIndex: Int) -> Int {
        guard oldIndex < old.count, newIndex < new.count, let oldBase = old.bytes.baseAddress, let newBase = new.bytes.baseAddress else {
            return 0
        }
        let oldStart = old.starts[oldIndex], newStart = new.starts[newIndex]
        let available = min(old.bytes.count - oldStart, new.bytes.count - newStart)
        let (left, right) = (oldBase + oldStart, newBase + newStart)
        var common = 0
        let block = 256
        while common + block <= available, memcmp(left + common, right + common, block) == 0 { common += block }
        while common < available, left[common] == right[common] { common += 1 }
        // The entries of `old` that end within the common bytes (those of `new` are the same
        // entries: the same bytes from an entry's start read as the same entries).
        func end(_ index: Int) -> Int { index + 1 < old.count ? old.starts[index + 1] : old.bytes.count }
        var (low, high) = (oldIndex, old.count)
        while low < high {
            let middle = (low + high) / 2
            if end(middle) - oldStart <= common { low = middle + 1 } else { high = middle }
        }
        return min(low - oldIndex, new.count - newIndex)
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
