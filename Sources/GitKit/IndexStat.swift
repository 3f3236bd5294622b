import Foundation
internal import CLibGit2

/// Decides, as `git status` does, which working-tree files are unchanged from the index:
/// the file's stat data match the entry's, and the entry is not racy, or (when asked) it is
/// racy (the file was written in the second the index was) and the file's bytes are the
/// entry's blob (git compares a racy file's content the same way). Errs on the side of reading:
/// nanoseconds are compared when the index holds them, and an entry whose size is 0 is
/// never trusted (git smudges racy entries that way).
struct IndexStat {
    /// Racy documents larger than this are left for the reader to read, not hashed here.
    static let racyReadLimit = 1 << 20

    let repository: Repository
    let snapshot: IndexSnapshot

    /// `listed` (sorted by path) with the index's blob id set where the index can be trusted,
    /// and the skip-worktree entries under `prefix` that are absent from the disk added.
    /// `readingRacy`: racy documents are read and compared with their entries' blobs.
    func match(_ listed: [WorkingTreeWalker.Listed], under prefix: String, readingRacy: Bool = false) throws -> [WorkingFile] {
        let index = snapshot.pointer
        let written = snapshot.written
        var files: [WorkingFile] = []
        files.reserveCapacity(listed.count)
        // Documents whose stat data match a racy entry: by position in `files`, with the blob.
        var racy: [(position: Int, blob: ObjectID)] = []
        for item in listed {
            // The walk found the file's entry (any stage; stage 0 sorts first). Borrowed from
            // the index: not freed here.
            guard let position = item.indexPosition, let pointer = git_index_get_byindex(index, position),
                git_index_entry_stage(pointer) == 0
            else {
                files.append(item.file)
                continue
            }
            let entry = pointer.pointee
            let skipped = isSkipWorktree(entry)
            let verdict = skipped ? .unchanged : matches(entry, item.info, indexWritten: written)
            if readingRacy, verdict == .racy, item.file.mode == .regular, item.file.size <= Self.racyReadLimit, MarkdownName.matches(item.file.path) {
                racy.append((files.count, ObjectID(entry.id)))
            }
            files.append(verdict == .unchanged ? Self.file(item.file, blob: ObjectID(entry.id), skipWorktree: skipped) : item.file)
        }
        for (position, blob) in Self.unchangedByContent(racy, of: files) {
            files[position] = Self.file(files[position], blob: blob, skipWorktree: false)
        }
        guard let root = repository.workingDirectory?.path else { return files }
        // The paths listed, made only when the index holds a skip-worktree entry (rare).
        var present: Set<[UInt8]>?
        var added = false
        for position in 0..<git_index_entrycount(index) {
            guard let pointer = git_index_get_byindex(index, position), git_index_entry_stage(pointer) == 0,
                case let entry = pointer.pointee, isSkipWorktree(entry), let rawPath = entry.path
            else { continue }
            let path = String(cString: rawPath)
            let mode = FileMode(gitMode: entry.mode)
            guard RepositoryPath.path(path, isUnder: prefix), mode == .regular || mode == .executable || mode == .symlink else { continue }
            if present == nil { present = Set(listed.map { Array($0.file.path.utf8) }) }
            guard present?.contains(Array(path.utf8)) == false else { continue }
            files.append(WorkingFile(path: path, root: root, mode: mode, size: Int(entry.file_size),
                                     indexBlob: ObjectID(entry.id), isSkipWorktree: true))
            added = true
        }
        return added ? files.sorted { RepositoryPath.precedes($0.path, $1.path) } : files
    }

    private static func file(_ file: WorkingFile, blob: ObjectID, skipWorktree: Bool) -> WorkingFile {
        file.vouched(by: blob, skipWorktree: skipWorktree)
    }

    private func isSkipWorktree(_ entry: git_index_entry) -> Bool {
        entry.flags_extended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0
    }

    /// What the stat data say of a file against its index entry.
    enum Verdict {
        /// Unchanged: its stat data match, and the entry is not racy.
        case unchanged
        /// Its stat data match, but it was written in the second the index was (or the
        /// index's time is unknown): only its bytes can tell.
        case racy
        case changed
    }

    /// git's `ie_match_stat`: size, times, inode, owner and mode as recorded, and not racy.
    private func matches(_ entry: git_index_entry, _ info: stat, indexWritten: timespec?) -> Verdict {
        guard entry.flags_extended & UInt16(GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue) == 0, entry.file_size != 0,
            UInt32(truncatingIfNeeded: info.st_size) == entry.file_size,
            entry.ino == UInt32(truncatingIfNeeded: info.st_ino),
            entry.uid == UInt32(truncatingIfNeeded: info.st_uid), entry.gid == UInt32(truncatingIfNeeded: info.st_gid),
            Self.same(entry.mtime, info.st_mtim), Self.same(entry.ctime, info.st_ctim),
            FileMode(gitMode: entry.mode) == Self.mode(info.st_mode)
        else { return .changed }
        // Racy git: a file changed in the same instant the index was written may differ
        // although its stat data match, so it is read. Whole seconds are compared, which
        // reads a little more than git does, never less.
        guard let indexWritten else { return .racy }
        return Int(entry.mtime.seconds) < indexWritten.tv_sec ? .unchanged : .racy
    }

    /// Those of the racy `candidates` whose bytes, read now, are their entry's blob (the
    /// bytes as they are on disk, so that a file whose filters would change it is read
    /// again by its reader), read on every core.
    private static func unchangedByContent(_ candidates: [(position: Int, blob: ObjectID)], of files: [WorkingFile])
        -> [(position: Int, blob: ObjectID)] {
        guard !candidates.isEmpty else { return [] }
        let same = ThreadSlots(count: candidates.count, initial: false)
        let paths = candidates.map { files[$0.position].url.path }
        DispatchQueue.concurrentPerform(iterations: candidates.count) { index in
            guard let data = regularFileContents(paths[index]), let id = try? Repository.blobID(for: data) else { return }
            same[index] = id == candidates[index].blob
        }
        return candidates.indices.filter { same[$0] }.map { candidates[$0] }
    }

    /// The bytes of the regular file at `path`, never through a link; nil past the limit.
    private static func regularFileContents(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= racyReadLimit else { return nil }
        var data = Data(count: Int(info.st_size) + 1)
        var count = 0
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            while count < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else { return false }
                if read == 0 { return true }
                count += read
            }
            // One byte more than its size was read: it grew while being read.
            return false
        }
        guard complete else { return nil }
        data.count = count
        return data
    }

    private static func same(_ recorded: git_index_time, _ actual: timespec) -> Bool {
        guard Int(recorded.seconds) == actual.tv_sec else { return false }
        return recorded.nanoseconds == 0 || Int(recorded.nanoseconds) == actual.tv_nsec
    }

    private static func mode(_ mode: mode_t) -> FileMode {
        switch mode & S_IFMT {
        case S_IFREG: mode & S_IXUSR == 0 ? .regular : .executable
        case S_IFLNK: .symlink
        default: .other(UInt32(mode))
        }
    }
}

/// The index, read once for a walk of the working tree (or several): the entries IndexStat
/// compares files with, when the file was written (for racy entries), and the paths it
/// tracks, which git lists whatever its ignore rules say.
public final class IndexSnapshot: @unchecked Sendable {
    let pointer: OpaquePointer
    let written: timespec?
    let count: Int

    init(repository: Repository) throws {
        pointer = try repository.openIndex()
        let path = repository.indexFile?.path ?? repository.gitDirectory.appendingPathComponent("index").path
        var info = stat()
        written = stat(path, &info) == 0 ? info.st_mtim : nil
        count = git_index_entrycount(pointer)
    }

    deinit {
        git_index_free(pointer)
    }

    /// The position of the first entry for `path` (any stage), found by libgit2's search of
    /// the index in its own order; nil when the index does not track it.
    func position(of path: String) -> Int? {
        var position = 0
        return git_index_find(&position, pointer, path) == 0 ? position : nil
    }

    /// Whether the entry at `position` is one for `path`, by its bytes.
    func entry(at position: Int, is path: String) -> Bool {
        guard position < count, let entry = git_index_get_byindex(pointer, position), let raw = entry.pointee.path else { return false }
        return strcmp(raw, path) == 0
    }

    /// Whether the index tracks a file under `folder` (any stage).
    func tracks(folder: String) -> Bool {
        var position = 0
        return git_index_find_prefix(&position, pointer, folder + "/") == 0
    }
}

extension Repository {
    /// The index as it is on disk now, for `workingTreeState(under:index:)` calls that share it.
    /// - Throws: `GitError` when the index cannot be read.
    public func indexSnapshot() throws -> IndexSnapshot {
        try IndexSnapshot(repository: self)
    }
}
