import Foundation
internal import CLibGit2

/// Lists the files of a working tree the way git sees them: never following symlinks, skipping
/// `.git`, the git directory, nested repositories and submodules, and whatever git ignores.
struct WorkingTreeWalker {
    /// The `git_repository` handle, borrowed from the `Repository` for the duration of one walk.
    let repository: OpaquePointer
    /// Absolute path of the working tree, without a trailing "/" ("" for the file-system root).
    let root: String
    /// Absolute path of the git directory, without a trailing "/".
    let gitDirectory: String
    /// The index's paths, which are listed whatever the ignore rules say (as git lists them);
    /// nil: ignore rules apply to every path.
    var tracked: IndexSnapshot? = nil
    /// Where the next tracked file's entry is likely to be: the walk lists files in the
    /// index's order, so each is looked for first just after the one before.
    private let cursor = Cursor()

    /// A file the walk found, with the `lstat` it was found by and the position of its
    /// first index entry (any stage), when the index tracks it.
    struct Listed {
        let file: WorkingFile
        let info: stat
        var indexPosition: Int? = nil
    }

    private final class Cursor {
        var next = 0
    }

    init(repository: OpaquePointer, root: String, gitDirectory: String, tracked: IndexSnapshot? = nil) {
        self.repository = repository
        self.root = root
        self.gitDirectory = gitDirectory
        self.tracked = tracked
    }

    /// The position of `path`'s first index entry: the one after the last found when it
    /// is that path (by its bytes), else libgit2's search.
    private func indexPosition(of path: String) -> Int? {
        guard let tracked else { return nil }
        let guess = cursor.next
        let found = tracked.entry(at: guess, is: path) ? guess : tracked.position(of: path)
        if let found { cursor.next = found + 1 }
        return found
    }

    /// The files at or under the normalized repository-relative `prefix`, sorted by path.
    func files(under prefix: String) throws -> [Listed] {
        var files: [Listed] = []
        if prefix.isEmpty {
            try appendFolder("", to: &files)
        } else if try isReachable(prefix) {
            try appendItem(prefix, to: &files)
        }
        // Each folder's names are taken in git's order, so the walk lists the files sorted
        // already, but for a folder named like a document beside a name that sorts between
        // it and its files: checked in one pass, sorted when it is not.
        let inOrder = zip(files, files.dropFirst()).allSatisfy { RepositoryPath.precedes($0.file.path, $1.file.path) }
        return inOrder ? files : files.sorted { RepositoryPath.precedes($0.file.path, $1.file.path) }
    }

    /// Whether the walk from the root would get to `path`: no folder above it is skipped.
    private func isReachable(_ path: String) throws -> Bool {
        let components = path.split(separator: "/")
        guard !components.contains(".git") else { return false }
        var folder = ""
        for component in components.dropLast() {
            folder = folder.isEmpty ? String(component) : folder + "/" + component
            guard let info = try status(of: folder), info.st_mode & S_IFMT == S_IFDIR else { return false }
            guard try isEnterable(folder) else { return false }
        }
        return true
    }

    /// Appends `path` if it is a file or symlink git would see, or the files of the folder it names.
    /// `known`: its `lstat`, when the caller took it already.
    private func appendItem(_ path: String, known: stat? = nil, to files: inout [Listed]) throws {
        guard let info = try known ?? status(of: path) else { return }
        let mode: FileMode
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard try isEnterable(path) else { return }
            // A folder named like a document is listed too (mode `.other`), so that the
            // caller can say it is no document; its files are listed as usual.
            if Self.isMarkdownName(path) {
                files.append(Listed(file: WorkingFile(path: path, root: root, isFolder: true, mode: .other(UInt32(info.st_mode)), size: 0),
                                    info: info))
            }
            try appendFolder(path, to: &files)
            return
        case S_IFREG:
            mode = info.st_mode & S_IXUSR == 0 ? .regular : .executable
        case S_IFLNK:
            mode = .symlink
        default:
            // Sockets, FIFOs and devices are nothing git can track; one named like a document
            // is listed (mode `.other`) so that the caller can say so instead of skipping it.
            guard Self.isMarkdownName(path) else { return }
            mode = .other(UInt32(info.st_mode))
        }
        let position = indexPosition(of: path)
        guard try position != nil || !isIgnored(path) else { return }
        files.append(Listed(file: WorkingFile(path: path, root: root, mode: mode, size: Int(info.st_size)), info: info, indexPosition: position))
    }

    private func appendFolder(_ folder: String, to files: inout [Listed]) throws {
        for name in try names(in: folder) where name.text != ".git" {
            let path = folder.isEmpty ? name.text : folder + "/" + name.text
            if let info = name.undecodable {
                appendUndecodable(path, info, to: &files)
            } else {
                try appendItem(path, known: name.info, to: &files)
            }
        }
    }

    /// A file whose name is not UTF-8 is listed under the name with U+FFFD in place of the
    /// bad bytes, so that the caller can say so; it cannot be opened by that name. Such a
    /// folder is not entered.
    private func appendUndecodable(_ path: String, _ info: stat, to files: inout [Listed]) {
        let mode: FileMode
        switch info.st_mode & S_IFMT {
        case S_IFREG: mode = info.st_mode & S_IXUSR == 0 ? .regular : .executable
        case S_IFLNK: mode = .symlink
        default: return
        }
        files.append(Listed(file: WorkingFile(path: path, root: root, mode: mode, size: Int(info.st_size)), info: info))
    }

    /// Whether the name ends in `.md`, as document names do (any case).
    static func isMarkdownName(_ path: String) -> Bool {
        MarkdownName.matches(path)
    }

    /// Whether the walk goes into `folder`: not the git directory, not a nested repository or
    /// submodule (a folder holding a `.git` file or folder), not ignored.
    private func isEnterable(_ folder: String) throws -> Bool {
        let path = absolute(folder)
        guard path != gitDirectory else { return false }
        var info = stat()
        guard lstat(path + "/.git", &info) != 0 else { return false }
        return try tracked?.tracks(folder: folder) == true || !isIgnored(folder)
    }

    private func isIgnored(_ path: String) throws -> Bool {
        var ignored: Int32 = 0
        try GitError.check(git_ignore_path_is_ignored(&ignored, repository, path), "git_ignore_path_is_ignored")
        return ignored == 1
    }

    /// `lstat` of a repository-relative path; nil when it does not exist (any more).
    private func status(of path: String) throws -> stat? {
        var info = stat()
        guard lstat(absolute(path), &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw Self.systemError("lstat", absolute(path))
        }
        return info
    }

    /// A name in a folder, with its `lstat` taken relative to the open folder (nil when that
    /// failed: the walk takes it again by path, and says why); for a name that is not UTF-8,
    /// `undecodable` holds it (taken by the raw bytes).
    private struct Name {
        let text: String
        var info: stat? = nil
        let undecodable: stat?
    }

    /// The names in a folder, without "." and "..".
    private func names(in folder: String) throws -> [Name] {
        let path = absolute(folder)
        guard let directory = opendir(path) else {
            if errno == ENOENT { return [] }
            throw Self.systemError("opendir", path)
        }
        defer { closedir(directory) }
        // The names first, then their `lstat`s: those of a large folder on several threads,
        // as git's preloaded index takes them.
        var listed: [(text: String, bytes: [UInt8]?)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw Self.systemError("readdir", path) }
                break
            }
            let named = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (text: String, bytes: [UInt8]?)? in
                let bytes = raw.prefix { $0 != 0 }
                if let name = String(validating: bytes, as: UTF8.self) {
                    return name == "." || name == ".." ? nil : (name, nil)
                }
                return (String(decoding: bytes, as: UTF8.self), Array(bytes))
            }
            if let named { listed.append(named) }
        }
        let descriptor = dirfd(directory)
        let named = listed
        // The `lstat`s of the names, each taken by one thread.
        let infos = ThreadSlots(count: named.count, initial: stat())
        let found = ThreadSlots(count: named.count, initial: false)
        @Sendable func take(_ range: Range<Int>) {
            for index in range {
                let name = named[index]
                if let bytes = name.bytes {
                    found[index] = (bytes + [0]).withUnsafeBufferPointer { raw in
                        raw.withMemoryRebound(to: CChar.self) { fstatat(descriptor, $0.baseAddress!, &infos[index], AT_SYMLINK_NOFOLLOW) == 0 }
                    }
                } else {
                    found[index] = name.text.withCString { fstatat(descriptor, $0, &infos[index], AT_SYMLINK_NOFOLLOW) == 0 }
                }
            }
        }
        let parts = named.count >= Self.namesPerThread * 2 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
        if parts > 1 {
            let size = (named.count + parts - 1) / parts
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                take(min(part * size, named.count)..<min((part + 1) * size, named.count))
            }
        } else {
            take(0..<named.count)
        }
        var names: [Name] = []
        names.reserveCapacity(named.count)
        for (index, name) in named.enumerated() {
            if name.bytes == nil {
                names.append(Name(text: name.text, info: found[index] ? infos[index] : nil, undecodable: nil))
            } else if found[index] {
                names.append(Name(text: name.text, undecodable: infos[index]))
            }
        }
        return Self.inGitOrder(names)
    }

    /// Below twice this many names in a folder, their `lstat`s are taken on one thread.
    private static let namesPerThread = 256

    /// A folder's names in the order git sorts their paths (by bytes, a folder's name
    /// followed by "/"), so that the files under them come out sorted.
    private static func inGitOrder(_ names: [Name]) -> [Name] {
        let keys = names.map { name -> [UInt8] in
            let folder = (name.info ?? name.undecodable).map { $0.st_mode & S_IFMT == S_IFDIR } ?? false
            return Array(name.text.utf8) + (folder ? [UInt8(ascii: "/")] : [])
        }
        let order = keys.indices.sorted { left, right in
            keys[left].withUnsafeBufferPointer { a in
                keys[right].withUnsafeBufferPointer { b in
                    let common = min(a.count, b.count)
                    let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                    return order != 0 ? order < 0 : a.count < b.count
                }
            }
        }
        return order.map { names[$0] }
    }

    private func absolute(_ path: String) -> String {
        path.isEmpty ? (root.isEmpty ? "/" : root) : root + "/" + path
    }

    /// A `GitError` for a failed system call, read from `errno` at once.
    private static func systemError(_ function: String, _ path: String) -> GitError {
        let reason = String(cString: strerror(errno))
        return GitError.make(GIT_ERROR, GIT_ERROR_OS, function: function, message: "\(path): \(reason)")
    }
}
