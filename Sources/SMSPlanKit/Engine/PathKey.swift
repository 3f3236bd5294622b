import Foundation

/// A repository path compared as git compares paths: by its bytes. Swift's `String`
/// equality is canonical equivalence, under which the NFC and NFD spellings of "café.md"
/// are one string although they name two files. Holds the string itself (no copy of its
/// bytes), so that a key costs no allocation of its own.
struct PathKey: Hashable, Sendable {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (left: PathKey, right: PathKey) -> Bool {
        var (first, second) = (left.path, right.path)
        return first.withUTF8 { a in
            second.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
