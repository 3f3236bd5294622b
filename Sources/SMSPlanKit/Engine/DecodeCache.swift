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
    static let formatVersion = 3
    static let fileName = "front-matter-cache"

    struct Entry {
        var document: Document?
        var findings: [Finding]
    }

    /// The first bytes of a cache file.
    private static let magic = Array("smsplan decode cache\n".utf8)

    let url: URL
    private let stored: [String: Entry]
    private var used: [String: Entry] = [:]
    private var misses = 0
    private let lock = NSLock()

    /// The cache of the repository whose git directory is `gitDirectory`.
    init(gitDirectory: URL) {
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        stored = (try? Data(contentsOf: url)).flatMap { Self.decode([UInt8]($0)) } ?? [:]
    }

    /// The entries of a cache file, or nil when it is not one this smsplan wrote.
    static func decode(_ bytes: [UInt8]) -> [String: Entry]? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(Array(bytes.dropFirst(magic.count)))
        do {
            guard try reader.int() == formatVersion, try reader.string() == SMSPlanKitInfo.version else { return nil }
            let pairs = try reader.array { reader in
                (try reader.string(), Entry(document: try reader.optional { try $0.document() }, findings: try reader.array { try $0.finding() }))
            }
            guard reader.atEnd else { return nil }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        } catch {
            return nil
        }
    }

    /// The bytes of a cache file holding `entries`.
    static func encode(_ entries: [String: Entry]) -> [UInt8] {
        var writer = ByteWriter()
        writer.int(formatVersion)
        writer.string(SMSPlanKitInfo.version)
        writer.array(entries.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.optional(pair.value.document) { $0.document($1) }
            writer.array(pair.value.findings) { $0.finding($1) }
        }
        return magic + writer.bytes
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
        AtomicFile.replaceQuietly(Data(Self.encode(used)), at: url)
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
