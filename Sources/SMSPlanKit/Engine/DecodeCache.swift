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
    static let formatVersion = 5
    static let fileName = "front-matter-cache"

    struct Entry {
        var document: Document?
        var findings: [Finding]
        /// The size of the bytes decoded (the blob's size), so that `documents.max-file-size`
        /// is applied without reading the file.
        var size: Int
    }

    /// The first bytes of a cache file.
    private static let magic = Array("smsplan decode cache\n".utf8)

    /// Ids of documents deleted in a commit's history, with the path each had, by commit id
    /// and plan root (`RetiredKey`): a commit's history never changes.
    typealias Retired = [String: [String: String]]

    let url: URL
    private let stored: [String: Entry]
    private var used: [String: Entry] = [:]
    private let storedRetired: Retired
    private var usedRetired: Retired = [:]
    private var misses = 0
    private let lock = NSLock()

    /// The cache of the repository whose git directory is `gitDirectory`.
    init(gitDirectory: URL) {
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        let contents = (try? Data(contentsOf: url)).flatMap { Self.decodeAll([UInt8]($0)) }
        stored = contents?.entries ?? [:]
        storedRetired = contents?.retired ?? [:]
    }

    /// The entries of a cache file, or nil when it is not one this smsplan wrote.
    static func decode(_ bytes: [UInt8]) -> [String: Entry]? {
        decodeAll(bytes)?.entries
    }

    private static func decodeAll(_ bytes: [UInt8]) -> (entries: [String: Entry], retired: Retired)? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(Array(bytes.dropFirst(magic.count)))
        do {
            guard try reader.int() == formatVersion, try reader.string() == SMSPlanKitInfo.version else { return nil }
            let pairs = try reader.array { reader in
                (try reader.string(), Entry(document: try reader.optional { try $0.document() }, findings: try reader.array { try $0.finding() },
                                            size: try reader.int()))
            }
            let retired = try reader.array { reader in
                (try reader.string(), try reader.array { reader in (try reader.string(), try reader.string()) })
            }
            guard reader.atEnd else { return nil }
            return (Dictionary(pairs, uniquingKeysWith: { first, _ in first }),
                    Dictionary(retired.map { ($0.0, Dictionary($0.1, uniquingKeysWith: { first, _ in first })) }, uniquingKeysWith: { first, _ in first }))
        } catch {
            return nil
        }
    }

    /// The bytes of a cache file holding `entries` and the retired ids of `retired`.
    static func encode(_ entries: [String: Entry], retired: Retired = [:]) -> [UInt8] {
        var writer = ByteWriter()
        writer.int(formatVersion)
        writer.string(SMSPlanKitInfo.version)
        writer.array(entries.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.optional(pair.value.document) { $0.document($1) }
            writer.array(pair.value.findings) { $0.finding($1) }
            writer.int(pair.value.size)
        }
        writer.array(retired.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key)
            writer.array(pair.value.sorted { $0.key < $1.key }) { writer, item in
                writer.string(item.key)
                writer.string(item.value)
            }
        }
        return magic + writer.bytes
    }

    /// The key of the ids retired before `commit` (its history included) in `planRoot`.
    static func retiredKey(_ commit: String, planRoot: String) -> String {
        commit + "\u{0}" + planRoot
    }

    /// The ids retired in a commit's history, when the cache has them.
    func retired(_ key: String) -> [String: String]? {
        lock.lock()
        defer { lock.unlock() }
        guard let value = usedRetired[key] ?? storedRetired[key] else { return nil }
        usedRetired[key] = value
        return value
    }

    func storeRetired(_ key: String, _ value: [String: String]) {
        lock.lock()
        usedRetired[key] = value
        misses += 1
        lock.unlock()
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
        guard misses > 0 || used.count != stored.count || usedRetired.count != storedRetired.count else { return }
        AtomicFile.replaceQuietly(Data(Self.encode(used, retired: usedRetired)), at: url)
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
