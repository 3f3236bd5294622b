import Foundation
import GitKit

/// The files of a folder that `init` copies: inside a git working tree, only the files git
/// tracks there (never ignored build output); elsewhere (an installed copy), every regular
/// file. `.git` is always left out; symbolic links are never followed.
enum TrackedFiles {
    /// Paths relative to `folder`, sorted.
    static func list(in folder: URL) -> [String] {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        if let tracked = trackedByGit(root) { return tracked }
        var files: [String] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".git" {
                walker?.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
        }
        return files.sorted()
    }

    /// The index entries under `root` that are regular files present in the working tree,
    /// or nil when `root` is in no git working tree.
    private static func trackedByGit(_ root: URL) -> [String]? {
        // An empty environment: a hook's GIT_DIR names the user's repository, not the project's.
        guard let repository = try? Repository.open(at: root, environment: [:]),
            let workTree = repository.workingDirectory?.standardizedFileURL.resolvingSymlinksInPath()
        else { return nil }
        let top = workTree.path.hasSuffix("/") ? String(workTree.path.dropLast()) : workTree.path
        guard root.path == top || root.path.hasPrefix(top + "/") else { return nil }
        let prefix = root.path == top ? "" : String(root.path.dropFirst(top.count + 1))
        guard let entries = try? repository.indexEntries(under: prefix) else { return nil }
        return entries.compactMap { entry -> String? in
            guard entry.mode == .regular || entry.mode == .executable else { return nil }
            let relative = prefix.isEmpty ? entry.path : String(entry.path.dropFirst(prefix.count + 1))
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue ? relative : nil
        }.sorted()
    }
}
