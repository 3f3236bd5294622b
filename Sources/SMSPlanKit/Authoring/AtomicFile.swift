import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// write(2) and link(2), named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

private func systemLink(_ existing: String, _ new: String) -> Int32 {
    link(existing, new)
}

/// Writing files so that a reader never sees half of one and a killed run leaves nothing
/// behind: the bytes go to an unnamed file in the target's folder (Linux `O_TMPFILE`),
/// reach the disk (`fsync`), and only then get a name, by `linkat(2)` for a new file or a
/// rename over the old one. Where `O_TMPFILE` is not supported, a temporary name
/// (`.NAME.smsplan-UUID.tmp`) is used the same way. On any error the target and its folder
/// are left as they were: folders made for it are removed again.
enum AtomicFile {
    /// Writes `data` to `url`, making its folder; with `overwrite` false an existing file
    /// is refused (and left as it was). With `root`, a write whose folder leads out of
    /// `root` through a symbolic link, or whose target is a link, is refused first
    /// (`SafePath`). `permissions` sets the file's mode (default: the replaced file's mode,
    /// else 0666 less the umask).
    static func write(_ data: Data, to url: URL, overwrite: Bool = false, within root: URL? = nil,
                      permissions: mode_t? = nil, durable: Bool = true) throws(SMSPlanError) {
        try write(.data(data), to: url, overwrite: overwrite, within: root, permissions: permissions, durable: durable)
    }

    /// What a write puts in the file: bytes at hand, or bytes made piece by piece and handed
    /// to `put` as they are made (false from `put`: the write failed, stop).
    enum Contents {
        case data(Data)
        case streamed((_ put: (UnsafeRawBufferPointer) -> Bool) -> Void)
    }

    private static func write(_ data: Contents, to url: URL, overwrite: Bool, within root: URL?,
                              permissions: mode_t?, durable: Bool) throws(SMSPlanError) {
        if let root { try SafePath.check(url, within: root) }
        let folder = url.deletingLastPathComponent()
        let made = try makeFolders(folder)
        do throws(SMSPlanError) {
            var mode = permissions
            var owner: (uid: uid_t, gid: gid_t)?
            var info = stat()
            if overwrite, lstat(url.path, &info) == 0 {
                if mode == nil { mode = info.st_mode & 0o7777 }
                // The replacement keeps the file's owner and group (run as root, it would
                // otherwise become root's).
                if info.st_uid != geteuid() || info.st_gid != getegid() { owner = (info.st_uid, info.st_gid) }
            }
            if !overwrite && FileManager.default.fileExists(atPath: url.path) { throw SMSPlanError.wouldOverwrite(path: url.path) }
            try place(data, at: url, overwrite: overwrite, mode: mode, owner: owner, durable: durable)
        } catch {
            for created in made.reversed() { rmdir(created.path) }
            throw error
        }
    }

    /// Replaces the file at `url` (made when missing), ignoring every failure and skipping
    /// the flush to disk: for caches, which are never needed for a correct answer.
    static func replaceQuietly(_ data: Data, at url: URL) {
        replaceQuietly(.data(data), at: url)
    }

    /// `replaceQuietly` for bytes made piece by piece, so that they are never all in memory.
    static func replaceQuietly(_ contents: Contents, at url: URL) {
        try? write(contents, to: url, overwrite: true, within: nil, permissions: nil, durable: false)
    }

    /// Writes the bytes under their final name, by the unnamed file when the system has one.
    private static func place(_ data: Contents, at url: URL, overwrite: Bool, mode: mode_t?, owner: (uid: uid_t, gid: gid_t)?,
                              durable: Bool) throws(SMSPlanError) {
        let folder = url.deletingLastPathComponent().path
        #if os(Linux)
        let unnamed = open(folder, O_TMPFILE_FLAG | O_WRONLY | O_CLOEXEC, mode ?? 0o666)
        if unnamed >= 0 {
            defer { close(unnamed) }
            try fill(unnamed, with: data, mode: mode, owner: owner, durable: durable, url: url)
            if try link(descriptor: unnamed, to: url, overwrite: overwrite) {
                if durable { syncFolder(folder) }
                return
            }
        }
        #endif
        let temporary = URL(fileURLWithPath: folder).appendingPathComponent(".\(url.lastPathComponent).smsplan-\(UUID().uuidString).tmp").path
        let named = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o666)
        guard named >= 0 else { throw failure(url, errno) }
        do {
            defer { close(named) }
            try fill(named, with: data, mode: mode, owner: owner, durable: durable, url: url)
        } catch {
            unlink(temporary)
            throw error
        }
        // rename(2) replaces the target in one step; without overwrite, link(2) refuses an existing one.
        let moved = overwrite ? rename(temporary, url.path) : systemLink(temporary, url.path)
        let code = errno
        if !overwrite || moved != 0 { unlink(temporary) }
        guard moved == 0 else {
            throw code == EEXIST ? .wouldOverwrite(path: url.path) : failure(url, code)
        }
        if durable { syncFolder(folder) }
    }

    #if os(Linux)
    /// `O_TMPFILE`: `__O_TMPFILE | O_DIRECTORY`, which Glibc's module does not export as one constant.
    private static let O_TMPFILE_FLAG: Int32 = 0o20000000 | O_DIRECTORY

    /// Gives the unnamed file its name; false when this system cannot (no /proc), so the
    /// caller falls back to a temporary name.
    private static func link(descriptor: Int32, to url: URL, overwrite: Bool) throws(SMSPlanError) -> Bool {
        let source = "/proc/self/fd/\(descriptor)"
        let name = overwrite ? url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).smsplan-\(UUID().uuidString).tmp").path : url.path
        guard linkat(AT_FDCWD, source, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else {
            let code = errno
            if code == ENOENT && !FileManager.default.fileExists(atPath: source) { return false }
            throw code == EEXIST ? .wouldOverwrite(path: url.path) : failure(url, code)
        }
        guard overwrite else { return true }
        guard rename(name, url.path) == 0 else {
            let code = errno
            unlink(name)
            throw failure(url, code)
        }
        return true
    }
    #endif

    /// Writes every byte, sets the mode, and flushes the file to the disk.
    private static func fill(_ descriptor: Int32, with data: Contents, mode: mode_t?, owner: (uid: uid_t, gid: gid_t)?, durable: Bool,
                             url: URL) throws(SMSPlanError) {
        if let owner, fchown(descriptor, owner.uid, owner.gid) != 0 {
            let code = errno
            throw .refused("\(url.path) belongs to user \(owner.uid) and group \(owner.gid), and a replacement could not keep them (\(String(cString: strerror(code)))); nothing was written: run the command as its owner")
        }
        var code: Int32?
        let put = { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return false
                }
                offset += written
            }
            return true
        }
        switch data {
        case .data(let bytes): _ = bytes.withUnsafeBytes(put)
        case .streamed(let produce): produce(put)
        }
        if let code { throw failure(url, code) }
        if let mode, fchmod(descriptor, mode) != 0 { throw failure(url, errno) }
        if durable && fsync(descriptor) != 0 { throw failure(url, errno) }
    }

    /// Makes `folder` and any missing folder above it; returns the ones it made, outermost first.
    private static func makeFolders(_ folder: URL) throws(SMSPlanError) -> [URL] {
        var missing: [URL] = []
        var current = folder.standardizedFileURL
        var info = stat()
        while current.path != "/" && lstat(current.path, &info) != 0 {
            missing.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        var made: [URL] = []
        for url in missing {
            guard mkdir(url.path, 0o777) == 0 || errno == EEXIST else {
                let code = errno
                for created in made.reversed() { rmdir(created.path) }
                throw .writeFailed(path: url.path, reason: String(cString: strerror(code)))
            }
            made.append(url)
        }
        return made
    }

    /// Flushes the folder's entry for the new name; a failure only costs durability.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ url: URL, _ code: Int32) -> SMSPlanError {
        .writeFailed(path: url.path, reason: String(cString: strerror(code)))
    }
}
