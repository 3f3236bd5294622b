/// A repository path compared as git compares paths: by its bytes. Swift's `String`
/// equality is canonical equivalence, under which the NFC and NFD spellings of "café.md"
/// are one string although they name two files.
struct PathKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ path: String) {
        bytes = Array(path.utf8)
    }
}
