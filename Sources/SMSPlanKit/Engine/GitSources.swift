import Foundation
import GitKit

/// The working tree: files as they are on disk now (ignored files left out), as git sees
/// them. A file whose stat data match the index is known by the index's blob id without
/// being read; a skip-worktree file (sparse checkout) counts with the index's content; a
/// file that is read passes through git's filters (`core.autocrlf`, attributes) first, so
/// its content compares with the committed one as in `git status`.
struct WorkingTreeSource: PlanSource, @unchecked Sendable {
    let repository: Repository
    let root: URL
    private let listing = Listing()
    /// The index, read once for the listings of every documents root.
    private let index = LazyIndex()
    /// libgit2 objects are used from one thread at a time: the filters and the object
    /// database go through this lock; the files themselves are read without it.
    private let git = NSLock()
    /// The folders files were read from, each opened once.
    private let folders = FolderDescriptors()

    /// Files are read with POSIX calls on any thread; what goes through libgit2 is locked.
    var readsConcurrently: Bool { true }

    /// The index is read here, once: the handle's own copy is what git's filters consult,
    /// and a handle that lets go of its caches (`Repository.releaseCaches`) would otherwise
    /// read it again for the listing. (A failure is met again, and thrown, by `files(under:)`.)
    init(repository: Repository, root: URL) {
        self.repository = repository
        self.root = root
        _ = try? index.snapshot(of: repository)
        // The filter screen reads git's configuration and the attributes files the index
        // holds here, once: the decode's workers then ask it without the lock (`read`).
        _ = repository.mayFilter(".gitattributes")
    }

    func files(under folder: String) throws(SMSPlanError) -> [SourceEntry] {
        let files: [WorkingFile]
        do {
            files = try repository.workingTreeState(under: folder, index: try index.snapshot(of: repository), readingRacy: true)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "workingTreeFiles", message: "\(error)"))
        }
        listing.record(files)
        return files.map { file in
            let kind: SourceEntry.Kind = switch file.mode {
            case .symlink: .symlink
            case .regular, .executable: .regular
            case .submodule, .other: .other
            }
            return SourceEntry(path: file.path, kind: kind, blobID: file.indexBlob, listedSize: file.mode == .symlink ? nil : file.size)
        }
    }

    /// The file's bytes as git would store them (after its filters); for a skip-worktree
    /// file, the index's.
    func read(_ path: String) throws(SMSPlanError) -> Data? {
        if let file = listing.skipWorktree(path), let blob = file.indexBlob {
            guard file.mode != .symlink else { return nil }
            do {
                git.lock()
                defer { git.unlock() }
                return try repository.blobData(blob)
            } catch {
                throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "blobData", message: "\(error)"))
            }
        }
        guard let data = try readFile(path) else { return nil }
        // Asked outside the lock: most files no filter can apply to.
        guard repository.mayFilter(path) else { return data }
        do {
            git.lock()
            defer { git.unlock() }
            return try repository.cleaned(data, path: path)
        } catch {
            throw .unreadable(path: path, reason: (error as? GitError)?.message ?? "\(error)")
        }
    }

    /// Reads a regular file without following a symbolic link, at `path` or in any folder
    /// on the way to it from the top of the working tree, so nothing outside the repository
    /// is ever read; never blocks on a named pipe or device; a folder counts as no file.
    private func readFile(_ path: String) throws(SMSPlanError) -> Data? {
        let parts = path.split(separator: "/").map(String.init)
        let folderPath = parts.dropLast().joined(separator: "/")
        let folder: Int32
        var owned = false
        if let shared = folders.descriptor(folderPath) {
            folder = shared
        } else {
            guard let fresh = try openFolder(parts.dropLast(), of: path) else { return nil }
            folder = fresh
            owned = !folders.keep(folderPath, fresh)
        }
        let descriptor = openat(folder, parts.last ?? ".", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        let code = errno
        if owned { close(folder) }
        guard descriptor >= 0 else {
            if code == ENOENT || code == ENOTDIR { return nil }
            if code == ELOOP { throw .unreadable(path: path, reason: "it is a symbolic link, which smsplan never follows") }
            throw .unreadable(path: path, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return nil
        default: throw .unreadable(path: path, reason: "it is not a regular file")
        }
        return try readContents(of: descriptor, expecting: Int(info.st_size), path: path)
    }

    /// Opens a folder of the working tree without following a symbolic link on the way to
    /// it from the top; nil when it is not there.
    private func openFolder(_ parts: ArraySlice<String>, of path: String) throws(SMSPlanError) -> Int32? {
        var folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        for (index, part) in parts.enumerated() {
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(folder)
            let walked = parts.prefix(index + 1)
            guard next >= 0 else {
                if code == ENOENT || code == ENOTDIR && !isLink(walked) { return nil }
                if code == ELOOP || code == ENOTDIR {
                    throw .unreadable(path: path, reason: "\(walked.joined(separator: "/")) is a symbolic link, which smsplan never follows")
                }
                throw .unreadable(path: path, reason: String(cString: strerror(code)))
            }
            folder = next
        }
        return folder
    }

    /// Whether the repository-relative folder is a symbolic link (`open` with `O_NOFOLLOW`
    /// and `O_DIRECTORY` says ENOTDIR for a link on some systems, ELOOP on others).
    private func isLink(_ parts: ArraySlice<String>) -> Bool {
        var info = stat()
        return lstat(root.appendingPathComponent(parts.joined(separator: "/")).path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The size `lstat` gives a regular file (when listed, as it was listed); nil for anything else.
    func size(_ path: String) -> Int? {
        if let file = listing[path] { return file.mode == .symlink ? nil : file.size }
        var info = stat()
        guard lstat(root.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent(path).path)
    }
}

/// The bytes of an open file, read with `read(2)` into a buffer of the size `fstat` gave
/// (grown if the file is longer), without Foundation's file handle in between.
private func readContents(of descriptor: Int32, expecting size: Int, path: String) throws(SMSPlanError) -> Data {
    // One byte more than fstat gave, so that a file that has grown since is read whole.
    var buffer = Data(count: max(size, 0) + 1)
    var filled = 0
    while true {
        if filled == buffer.count { buffer.count += max(buffer.count, 4096) }
        let count = buffer.withUnsafeMutableBytes { bytes in
            read(descriptor, bytes.baseAddress! + filled, bytes.count - filled)
        }
        if count == 0 { break }
        if count < 0 {
            if errno == EINTR { continue }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        filled += count
        // As much as fstat gave: taken as the whole file, as git takes it, without a
        // second call to find its end.
        if filled == size { break }
    }
    buffer.count = filled
    return buffer
}

/// Open descriptors of the folders a working-tree source reads files from, by
/// repository-relative path: a file is then opened relative to its folder, instead of
/// walking the path from the top for each file. At most `limit` are kept open; they are
/// closed with the source.
private final class FolderDescriptors: @unchecked Sendable {
    private var open: [String: Int32] = [:]
    private let lock = NSLock()
    private let limit = 64

    /// The kept descriptor of a folder, or nil.
    func descriptor(_ folder: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return open[folder]
    }

    /// Keeps `descriptor` open for the folder; false (the caller closes it) when one is
    /// kept already or the limit is reached.
    func keep(_ folder: String, _ descriptor: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open[folder] == nil, open.count < limit else { return false }
        open[folder] = descriptor
        return true
    }

    deinit {
        for descriptor in open.values { close(descriptor) }
    }
}

/// The index, read on first use.
private final class LazyIndex: @unchecked Sendable {
    private var value: IndexSnapshot?
    private let lock = NSLock()

    func snapshot(of repository: Repository) throws -> IndexSnapshot {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let read = try repository.indexSnapshot()
        value = read
        return read
    }
}

/// The files a working-tree source listed, by path as bytes: indexed on the first look-up
/// (a check that finds every document in its cache looks none up), except the skip-worktree
/// files, which every read asks about and which are few.
private final class Listing: @unchecked Sendable {
    private var files: [PathKey: WorkingFile] = [:]
    private var pending: [[WorkingFile]] = []
    private var skipped: [PathKey: WorkingFile] = [:]
    private let lock = NSLock()

    func record(_ listed: [WorkingFile]) {
        lock.lock()
        defer { lock.unlock() }
        pending.append(listed)
        for file in listed where file.isSkipWorktree { skipped[PathKey(file.path)] = file }
    }

    subscript(path: String) -> WorkingFile? {
        lock.lock()
        if !pending.isEmpty {
            files.reserveCapacity(files.count + pending.reduce(0) { $0 + $1.count })
            for listed in pending {
                for file in listed { files[PathKey(file.path)] = file }
            }
            pending = []
        }
        // Looked up outside the lock, in the table as it stands (a value: a later listing
        // indexes into a copy), so that the decode's workers do not wait on each other.
        let files = files
        lock.unlock()
        return files[PathKey(path)]
    }

    /// The listed skip-worktree file at `path`.
    func skipWorktree(_ path: String) -> WorkingFile? {
        lock.lock()
        defer { lock.unlock() }
        return skipped.isEmpty ? nil : skipped[PathKey(path)]
    }
}

/// Blobs listed once (from the index or a commit's tree) and read on demand.
struct BlobSource: PlanSource, @unchecked Sendable {
    let repository: Repository
    let entries: [FileEntry]
    /// A table by path, only where the entries are not in the order of their paths' bytes
    /// (git lists both the index and a tree in that order): they are searched otherwise.
    private let byPath: [PathKey: FileEntry]?

    init(repository: Repository, entries: [FileEntry]) {
        self.repository = repository
        self.entries = entries
        let inOrder = entries.indices.dropFirst().allSatisfy { RepositoryPath.order(entries[$0 - 1].path, entries[$0].path) <= 0 }
        self.byPath = inOrder ? nil : Dictionary(entries.map { (PathKey($0.path), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The first entry listed at `path` (as a table by path keeps it).
    private func entry(_ path: String) -> FileEntry? {
        if let byPath { return byPath[PathKey(path)] }
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if RepositoryPath.order(entries[middle].path, path) < 0 { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && RepositoryPath.order(entries[low].path, path) == 0 ? entries[low] : nil
    }

    func files(under folder: String) -> [SourceEntry] {
        let prefix = Array((folder.isEmpty ? "" : folder + "/").utf8)
        // Compared as bytes, as git compares paths; every entry is under the top level.
        let under = prefix.isEmpty ? entries : entries.filter { entry in
            var path = entry.path
            return path.withUTF8 { bytes in bytes.count >= prefix.count && memcmp(bytes.baseAddress!, prefix, prefix.count) == 0 }
        }
        return under.map { entry in
            let kind: SourceEntry.Kind = switch entry.mode {
            case .regular, .executable: .regular
            case .symlink: .symlink
            default: .other
            }
            return SourceEntry(path: entry.path, kind: kind, blobID: entry.blob)
        }
    }

    /// The blob's size from its object header, so that a huge blob is never inflated.
    func size(_ path: String) -> Int? {
        guard let entry = entry(path), entry.mode == .regular || entry.mode == .executable else { return nil }
        return try? repository.blobSize(entry.blob)
    }

    /// A symlink's target: git keeps it as the blob's text.
    func linkTarget(_ path: String) -> String? {
        guard let entry = entry(path), entry.mode == .symlink, let data = try? repository.blobData(entry.blob) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func read(_ path: String) throws(SMSPlanError) -> Data? {
        guard let entry = entry(path), entry.mode == .regular || entry.mode == .executable else { return nil }
        do {
            return try repository.blobData(entry.blob)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "blobData", message: "\(error)"))
        }
    }
}
