import Foundation
import GitKit

/// The working tree: files as they are on disk now (ignored files left out).
struct WorkingTreeSource: PlanSource, @unchecked Sendable {
    let repository: Repository
    let root: URL

    func files(under folder: String) throws(SMSPlanError) -> [SourceEntry] {
        do {
            return try repository.workingTreeFiles(under: folder).map {
                SourceEntry(path: $0.path, kind: $0.mode == .symlink ? .symlink : .regular)
            }
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "workingTreeFiles", message: "\(error)"))
        }
    }

    /// Reads a regular file without following a symbolic link, at `path` or in any folder
    /// on the way to it from the top of the working tree, so nothing outside the repository
    /// is ever read; never blocks on a named pipe or device; a folder counts as no file.
    func read(_ path: String) throws(SMSPlanError) -> Data? {
        var folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let parts = path.split(separator: "/").map(String.init)
        for (index, part) in parts.dropLast().enumerated() {
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            close(folder)
            guard next >= 0 else {
                if code == ENOENT || code == ENOTDIR && !isLink(parts[...index]) { return nil }
                if code == ELOOP || code == ENOTDIR {
                    throw .unreadable(path: path, reason: "\(parts[...index].joined(separator: "/")) is a symbolic link, which smsplan never follows")
                }
                throw .unreadable(path: path, reason: String(cString: strerror(code)))
            }
            folder = next
        }
        let descriptor = openat(folder, parts.last ?? ".", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        let code = errno
        close(folder)
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
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Whether the repository-relative folder is a symbolic link (`open` with `O_NOFOLLOW`
    /// and `O_DIRECTORY` says ENOTDIR for a link on some systems, ELOOP on others).
    private func isLink(_ parts: ArraySlice<String>) -> Bool {
        var info = stat()
        return lstat(root.appendingPathComponent(parts.joined(separator: "/")).path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The size `lstat` gives a regular file; nil for anything else.
    func size(_ path: String) -> Int? {
        var info = stat()
        guard lstat(root.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    func linkTarget(_ path: String) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent(path).path)
    }
}

/// Blobs listed once (from the index or a commit's tree) and read on demand.
struct BlobSource: PlanSource, @unchecked Sendable {
    let repository: Repository
    let entries: [FileEntry]
    private let byPath: [String: FileEntry]

    init(repository: Repository, entries: [FileEntry]) {
        self.repository = repository
        self.entries = entries
        self.byPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func files(under folder: String) -> [SourceEntry] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        return entries.filter { $0.path.hasPrefix(prefix) }.map { entry in
            let kind: SourceEntry.Kind = switch entry.mode {
            case .regular, .executable: .regular
            case .symlink: .symlink
            default: .other
            }
            return SourceEntry(path: entry.path, kind: kind)
        }
    }

    func blobID(_ path: String) -> String? {
        byPath[path]?.blob.hex
    }

    /// The blob's size from its object header, so that a huge blob is never inflated.
    func size(_ path: String) -> Int? {
        guard let entry = byPath[path], entry.mode == .regular || entry.mode == .executable else { return nil }
        return try? repository.blobSize(entry.blob)
    }

    /// A symlink's target: git keeps it as the blob's text.
    func linkTarget(_ path: String) -> String? {
        guard let entry = byPath[path], entry.mode == .symlink, let data = try? repository.blobData(entry.blob) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func read(_ path: String) throws(SMSPlanError) -> Data? {
        guard let entry = byPath[path], entry.mode == .regular || entry.mode == .executable else { return nil }
        do {
            return try repository.blobData(entry.blob)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "blobData", message: "\(error)"))
        }
    }
}
