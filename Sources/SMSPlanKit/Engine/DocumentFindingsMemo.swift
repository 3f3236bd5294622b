import Foundation
import GitKit

/// The single-document rules' findings by blob id, for one set of the inputs those rules read
/// besides the document: the bytes of smsplan.yaml, roles.yaml and the schema, the plan root,
/// the date the state is judged at and whether its claims belong to another edition
/// (`inputs`, a digest of them). Kept beside the decode cache (`.git/smsplan/`), so that a
/// document checked before, under the same inputs, is not checked again by those rules.
///
/// Never required for correctness: a missing, damaged or foreign file, or one written under
/// other inputs (another day, an edited smsplan.yaml), is ignored and replaced. It is written
/// in one step (`AtomicFile`), with the findings of the documents of the plan last checked.
final class DocumentFindingsMemo: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 1
    static let fileName = "document-findings"
    private static let magic = Array("smsplan document findings\n".utf8)

    let url: URL
    let inputs: String
    /// Read from the file: never changed, so read from any thread without the lock. Keyed
    /// as the decode cache keys its entries (a blob id as its 20 bytes).
    private let stored: [DecodeCache.Key: [Finding]]
    private var added: [DecodeCache.Key: [Finding]] = [:]
    /// Whether anything was stored since the file was read or last written, and how many
    /// entries the file holds now.
    private var fresh = false
    private var written: Int
    private let lock = NSLock()

    /// The memo of the repository whose git directory is `gitDirectory`, for these inputs.
    init(gitDirectory: URL, inputs: String) {
        self.inputs = inputs
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        let file = DecodeCache.bytes(at: url)
        stored = Self.decode(file, inputs: inputs) ?? [:]
        written = file.isEmpty ? -1 : stored.count
    }

    /// The digest of the inputs a plan's single-document rules read: `parts`, each with its
    /// length (an absent one, such as a missing roles.yaml, as none), so that no two lists of
    /// parts run together into the same bytes.
    static func digest(_ parts: [Data?]) -> String? {
        var bytes = Data(SMSPlanKitInfo.version.utf8)
        for part in parts {
            bytes.append(contentsOf: (part.map { String($0.count) } ?? "none").utf8)
            bytes.append(0)
            if let part { bytes.append(part) }
        }
        return try? Repository.blobID(for: bytes).hex
    }

    /// The findings stored for the document with this blob id, when it was checked before.
    func findings(of blob: String) -> [Finding]? {
        let key = DecodeCache.Key(blob)
        if let found = stored[key] { return found }
        lock.lock()
        defer { lock.unlock() }
        return added[key]
    }

    func store(_ blob: String, _ findings: [Finding]) {
        lock.lock()
        added[DecodeCache.Key(blob)] = findings
        fresh = true
        lock.unlock()
    }

    /// Writes the findings of the documents with these blob ids, when this run checked any
    /// document anew or the file holds others; failures are ignored.
    func save(keeping blobs: [String]) {
        lock.lock()
        defer { lock.unlock() }
        // Nothing checked anew: every blob's findings came from the file, which holds as many.
        if !fresh && blobs.count == written { return }
        var kept: [DecodeCache.Key: [Finding]] = [:]
        kept.reserveCapacity(blobs.count)
        for blob in blobs {
            let key = DecodeCache.Key(blob)
            if let found = added[key] ?? stored[key] { kept[key] = found }
        }
        guard fresh || kept.count != written else { return }
        AtomicFile.replaceQuietly(Data(Self.encode(kept, inputs: inputs)), at: url)
        (fresh, written) = (false, kept.count)
    }

    /// Entries in the order of their keys' texts (`DecodeCache.Key`'s order).
    static func encode(_ entries: [DecodeCache.Key: [Finding]], inputs: String) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw(magic)
        writer.int(formatVersion)
        writer.string(inputs)
        writer.array(entries.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key.text)
            writer.array(pair.value) { writer, finding in
                writer.finding(finding)
                writer.optional(finding.ceiling) { $0.choice($1, in: Severity.allCases) }
            }
        }
        return writer.bytes
    }

    /// The entries of a memo file written under `inputs`; nil for any other file.
    static func decode(_ file: [UInt8], inputs: String) -> [DecodeCache.Key: [Finding]]? {
        guard file.starts(with: magic) else { return nil }
        var reader = ByteReader(file, range: magic.count..<file.count)
        do {
            guard try reader.int() == formatVersion, try reader.string() == inputs else { return nil }
            let pairs = try reader.array { reader in
                (DecodeCache.Key(utf8: file[try reader.skip(try reader.int())]), try reader.array { reader in
                    var finding = try reader.finding()
                    finding.ceiling = try reader.optional { try $0.choice(in: Severity.allCases) }
                    return finding
                })
            }
            guard reader.atEnd else { return nil }
            return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        } catch {
            return nil
        }
    }
}
