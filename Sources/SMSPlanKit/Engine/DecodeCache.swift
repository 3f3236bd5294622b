import Foundation
import GitKit

/// Decoded front matter by blob id, kept in the git directory (`.git/smsplan/`), so that a
/// file already seen is never parsed again.
///
/// Never required for correctness: a missing, corrupt or foreign cache file (another
/// format, another smsplan version) is ignored and rebuilt; a read-only repository simply
/// gets no cache. The file is replaced in one step (`AtomicFile`: an unnamed file, then a
/// rename), so concurrent runs never see half of one, a killed run leaves no temporary file,
/// and the last writer wins.
final class DecodeCache: @unchecked Sendable {
    /// Bump when decoding changes what it produces.
    static let formatVersion = 2
    static let fileName = "front-matter-cache.json"

    struct Entry: Codable {
        var document: Document?
        var findings: [Finding]
    }

    private struct File: Codable {
        var format: Int
        var tool: String
        var entries: [String: Entry]
    }

    let url: URL
    private let stored: [String: Entry]
    private var used: [String: Entry] = [:]
    private var misses = 0
    private let lock = NSLock()

    /// The cache of the repository whose git directory is `gitDirectory`.
    init(gitDirectory: URL) {
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data),
            file.format == Self.formatVersion, file.tool == SMSPlanKitInfo.version
        else {
            stored = [:]
            return
        }
        stored = file.entries
    }

    /// The decoded file with this blob id, when the cache has it.
    func lookup(_ blob: String) -> Entry? {
        guard let entry = stored[blob] else { return nil }
        lock.lock()
        used[blob] = entry
        lock.unlock()
        return entry
    }

    func store(_ blob: String, _ entry: Entry) {
        lock.lock()
        used[blob] = entry
        misses += 1
        lock.unlock()
    }

    /// Writes what this run used, when it parsed anything new; failures are ignored.
    func save() {
        lock.lock()
        defer { lock.unlock() }
        guard misses > 0 || used.count != stored.count else { return }
        let file = File(format: Self.formatVersion, tool: SMSPlanKitInfo.version, entries: used)
        guard let data = try? JSONEncoder().encode(file) else { return }
        AtomicFile.replaceQuietly(data, at: url)
    }

    /// The git blob id of `data`.
    static func blobID(of data: Data) -> String? {
        try? Repository.blobID(for: data).hex
    }
}

/// Facts about the kit itself.
public enum SMSPlanKitInfo {
    /// smsplan's version; the CLI reports it, baselines and the cache record it.
    public static let version = "0.1.0"
}
