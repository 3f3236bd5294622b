import Foundation
internal import CLibGit2

extension Repository {
    /// The contents of a blob.
    /// - Throws: `GitError` when there is no blob with that id.
    public func blobData(_ id: ObjectID) throws -> Data {
        var oid = id.oid
        var blob: OpaquePointer?
        try GitError.check(git_blob_lookup(&blob, pointer, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
        return Data(bytes: bytes, count: size)
    }

    /// The size of a blob in bytes, read from the object header without loading the contents.
    /// - Throws: `GitError` when there is no object with that id or it is not a blob.
    public func blobSize(_ id: ObjectID) throws -> Int {
        var odb: OpaquePointer?
        try GitError.check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }

        var oid = id.oid
        var size = 0
        var type = GIT_OBJECT_INVALID
        try GitError.check(git_odb_read_header(&size, &type, odb, &oid), "git_odb_read_header")
        guard type == GIT_OBJECT_BLOB else {
            let typeName = git_object_type2string(type).map { String(cString: $0) } ?? "unknown object"
            throw GitError.make(
                GIT_ENOTFOUND, GIT_ERROR_INVALID, function: "git_odb_read_header",
                message: "object \(id) is a \(typeName), not a blob")
        }
        return size
    }

    /// The id git would give `data` as a blob (`git hash-object`), computed without writing anything.
    public static func blobID(for data: Data) throws -> ObjectID {
        try data.withUnsafeBytes { try blobID(for: $0) }
    }

    /// The git blob id of the bytes `buffer` holds.
    public static func blobID(for buffer: UnsafeRawBufferPointer) throws -> ObjectID {
        LibGit2.ensureInitialized()
        var oid = git_oid()
        try GitError.check(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "git_odb_hash")
        return ObjectID(oid)
    }
}

extension Repository {
    /// `data`, read from the working-tree file at the repository-relative `path`, as git
    /// would store it: through the filters its configuration and attributes name for that
    /// path (`core.autocrlf`, `text`/`eol` attributes, `ident`, filter drivers), the way
    /// `git add` and `git status` see it. The same bytes when no filter applies.
    /// - Throws: `GitError` when a filter fails.
    public func cleaned(_ data: Data, path: String) throws -> Data {
        guard !data.isEmpty, mayFilter(path) else { return data }
        var filters: OpaquePointer?
        try GitError.check(git_filter_list_load(&filters, pointer, nil, path, GIT_FILTER_TO_ODB, 0), "git_filter_list_load")
        guard let filters else { return data }
        defer { git_filter_list_free(filters) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try data.withUnsafeBytes { raw in
            try GitError.check(git_filter_list_apply_to_buffer(&buffer, filters, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count), "git_filter_list_apply_to_buffer")
        }
        guard let bytes = buffer.ptr, buffer.size > 0 else { return Data() }
        return Data(bytes: bytes, count: buffer.size)
    }
}

extension Repository {
    /// Whether a filter may apply to the working-tree file at `path` (`cleaned` returns its
    /// bytes as they are when none can): safe to ask from any thread, without the lock that
    /// keeps libgit2 to one thread at a time.
    public func mayFilter(_ path: String) -> Bool {
        filterScreen.mayFilter(path, in: self)
    }
}

/// Tells, without asking libgit2 for a filter list (an attribute look-up per file, a tenth of
/// a check), that no filter can apply to a path: `core.autocrlf` is off, no attributes file
/// exists outside the working tree (`info/attributes`, `core.attributesFile`, the user's and
/// the system's), and no folder from the top of the working tree down to the path holds a
/// `.gitattributes`, on disk or in the index. Any doubt answers "may filter", and libgit2
/// decides as before.
final class FilterScreen: @unchecked Sendable {
    private var global: Bool?
    private var folders: [String: Bool] = [:]
    private var indexed: Set<String>?
    /// The answer for the files of each folder a file was asked about, by the folder's path.
    private var answers: [String: Bool] = [:]
    private let lock = NSLock()

    func mayFilter(_ path: String, in repository: Repository) -> Bool {
        // The file's folder, found by its bytes ("/" is one byte in UTF-8).
        let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[parent] { return known }
        if global == nil { global = Self.globalSourcesMayFilter(repository) }
        let answer = global == true || mayFilter(inOrAbove: parent, in: repository)
        answers[parent] = answer
        return answer
    }

    /// Whether `folder` or a folder above it holds a `.gitattributes`. Call with the lock held.
    private func mayFilter(inOrAbove folder: String, in repository: Repository) -> Bool {
        var folder = Substring(folder)
        var folderList: [String] = [String(folder)]
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            folder = folder[..<slash]
            folderList.append(String(folder))
        }
        if !folderList.contains("") { folderList.append("") }
        for folder in folderList {
            if let known = folders[folder] {
                if known { return true }
                continue
            }
            let holds = holdsAttributes(folder, in: repository)
            folders[folder] = holds
            if holds { return true }
        }
        return false
    }

    private func holdsAttributes(_ folder: String, in repository: Repository) -> Bool {
        let name = folder.isEmpty ? ".gitattributes" : folder + "/.gitattributes"
        guard let root = repository.workingDirectory, let indexed = indexedAttributes(repository) else { return true }
        var info = stat()
        return lstat(root.appendingPathComponent(name).path, &info) == 0 || errno != ENOENT || indexed.contains(name)
    }

    /// The `.gitattributes` paths the index holds, read once; nil when the index cannot be read.
    private func indexedAttributes(_ repository: Repository) -> Set<String>? {
        if let indexed { return indexed }
        guard let index = try? repository.openIndex() else { return nil }
        defer { git_index_free(index) }
        var found = Set<String>()
        let name = Array(".gitattributes".utf8)
        for position in 0..<git_index_entrycount(index) {
            // Compared as bytes: a String is made only for a path that names such a file.
            guard let raw = git_index_get_byindex(index, position)?.pointee.path else { continue }
            let length = strlen(raw)
            guard length >= name.count else { continue }
            let tail = UnsafeRawPointer(raw + (length - name.count))
            guard memcmp(tail, name, name.count) == 0, length == name.count || raw[length - name.count - 1] == CChar(UInt8(ascii: "/"))
            else { continue }
            found.insert(String(cString: raw))
        }
        indexed = found
        return found
    }

    private static func globalSourcesMayFilter(_ repository: Repository) -> Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, repository.pointer) == 0, let config else { return true }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        if git_config_get_string(&value, config, "core.autocrlf") == 0, let value {
            let setting = String(cString: value).lowercased()
            if !["false", "no", "off", "0", ""].contains(setting) { return true }
        }
        if git_config_get_string(&value, config, "core.attributesFile") == 0 { return true }
        var candidates = [repository.commonDirectory.appendingPathComponent("info/attributes").path]
        for (level, file) in [(GIT_CONFIG_LEVEL_XDG, "attributes"), (GIT_CONFIG_LEVEL_SYSTEM, "gitattributes")] {
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            guard smsplan_search_path(level, &buffer) == 0 else { return true }
            let folders = buffer.ptr.map { String(cString: $0) } ?? ""
            candidates += folders.split(separator: ":").map { $0 + "/" + file }
        }
        candidates += ["/etc/gitattributes"]
        return candidates.contains { path in
            var info = stat()
            return lstat(path, &info) == 0 || errno != ENOENT
        }
    }
}
