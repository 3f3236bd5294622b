import Foundation

/// The files one command writes, undone together when a later step fails: a command that
/// writes several files (retire, hooks install, init) leaves everything as it was on any
/// error. Each write is atomic (`AtomicFile`); undoing puts back the old bytes and mode of a
/// replaced file, removes a new one and the folders made for it, and moves a moved file back.
final class WriteTransaction {
    /// Where the command may write; see `SafePath`.
    let root: URL?
    private var undo: [() -> Void] = []

    init(within root: URL?) {
        self.root = root
    }

    /// Writes one file atomically, remembering how to undo it.
    func write(_ data: Data, to url: URL, overwrite: Bool = false, permissions: mode_t? = nil) throws(SMSPlanError) {
        let previous = overwrite ? Self.regularFile(at: url) : nil
        let folders = Self.missingFolders(above: url)
        try AtomicFile.write(data, to: url, overwrite: overwrite, within: root, permissions: permissions)
        undo.append {
            if let previous {
                try? AtomicFile.write(previous.data, to: url, overwrite: true, permissions: previous.mode)
            } else {
                unlink(url.path)
            }
            for folder in folders.reversed() { rmdir(folder.path) }
        }
    }

    /// Renames a file (a hook kept as its backup) over whatever `destination` held,
    /// remembering how to move it back and restore what it replaced.
    func move(_ source: URL, to destination: URL) throws(SMSPlanError) {
        let replaced = Self.regularFile(at: destination)
        guard rename(source.path, destination.path) == 0 else {
            throw .writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
        }
        undo.append {
            rename(destination.path, source.path)
            if let replaced { try? AtomicFile.write(replaced.data, to: destination, overwrite: true, permissions: replaced.mode) }
        }
    }

    /// Something else to undo, such as removing a repository the command made.
    func onRollback(_ action: @escaping () -> Void) {
        undo.append(action)
    }

    /// Undoes every step, the last first.
    func rollback() {
        for action in undo.reversed() { action() }
        undo = []
    }

    /// Runs `body`; when it throws, undoes what it wrote and rethrows.
    func run<T>(_ body: (WriteTransaction) throws(SMSPlanError) -> T) throws(SMSPlanError) -> T {
        do {
            return try body(self)
        } catch {
            rollback()
            throw error
        }
    }

    /// The bytes and mode of the regular file at `url`, if there is one.
    private static func regularFile(at url: URL) -> (data: Data, mode: mode_t)? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return (data, info.st_mode & 0o7777)
    }

    /// The folders above `url` that do not exist yet, outermost first.
    private static func missingFolders(above url: URL) -> [URL] {
        var missing: [URL] = []
        var current = url.deletingLastPathComponent().standardizedFileURL
        var info = stat()
        while current.path != "/" && lstat(current.path, &info) != 0 {
            missing.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        return missing
    }
}
