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

extension PathKey {
    /// The order of two paths by their bytes, as git orders them: negative when `left`
    /// comes first, zero for the same bytes, positive when `right` comes first.
    static func order(_ left: String, _ right: String) -> Int {
        var (first, second) = (left, right)
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? Int(order) : a.count - b.count
            }
        }
    }
}
