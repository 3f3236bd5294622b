import Foundation

/// Where a command that writes may write: inside the folder it was given (the working tree,
/// a new plan's folder, the hooks folder), never through a symbolic link that leads out of
/// it, and never over a link. Checked before anything is written, so a refusal changes
/// nothing.
enum SafePath {
    /// Refuses `url` when it is a symbolic link, or when a folder on its way from `root`
    /// is a symbolic link that resolves outside `root`. A `root` that does not exist yet
    /// holds no links.
    static func check(_ url: URL, within root: URL) throws(SMSPlanError) {
        var info = stat()
        let target = url.standardizedFileURL
        if lstat(target.path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: target.path)) ?? "?"
            throw .refused("\(target.path) is a symbolic link (to \(destination)); smsplan never writes through a link: nothing was written")
        }
        guard let base = realPath(root) else { return }
        let rootPath = root.standardizedFileURL.path
        guard target.path.hasPrefix(rootPath == "/" ? "/" : rootPath + "/") else { return }
        let parts = target.deletingLastPathComponent().path.dropFirst(rootPath.count).split(separator: "/")
        var folder = URL(fileURLWithPath: rootPath, isDirectory: true)
        for part in parts {
            folder.appendPathComponent(String(part), isDirectory: true)
            guard lstat(folder.path, &info) == 0 else { return }
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            let resolved = realPath(folder)
            guard let resolved, resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/") else {
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path)) ?? "?"
                throw .refused("\(folder.path) is a symbolic link to \(destination), which leads outside \(rootPath); smsplan never writes through such a link: nothing was written")
            }
        }
    }

    /// The path with every symbolic link resolved; nil when it does not exist.
    static func realPath(_ url: URL) -> String? {
        guard let resolved = realpath(url.standardizedFileURL.path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
