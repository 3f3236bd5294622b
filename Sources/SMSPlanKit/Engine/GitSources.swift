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

    func read(_ path: String) throws(SMSPlanError) -> Data? {
        // One open and read; a missing file (or a folder) reads as nil.
        FileManager.default.contents(atPath: rootPath + "/" + path)
    }

    private var rootPath: String { root.path }
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

    func read(_ path: String) throws(SMSPlanError) -> Data? {
        guard let entry = byPath[path], entry.mode == .regular || entry.mode == .executable else { return nil }
        do {
            return try repository.blobData(entry.blob)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "blobData", message: "\(error)"))
        }
    }
}
