import Foundation
import GitKit

/// The single-document rules' findings by blob id, for each of the last few sets of the inputs
/// those rules read besides the document: the bytes of smsplan.yaml, roles.yaml and the
/// schema, the plan root, the date the state is judged at and whether its claims belong to
/// another edition (`inputs`, a digest of them). Kept beside the decode cache
/// (`.git/smsplan/`), so that a document checked before, under the same inputs, is not
/// checked again by those rules. Several sets are kept (`keptInputs`), so that a check of the
/// working tree (judged today) and a baseline's gate or `--rev` (judged at the commit's date)
/// do not each make the other's findings anew.
///
/// Never required for correctness: a missing, damaged or foreign file is ignored and
/// replaced, and a set of inputs it does not hold (another day, an edited smsplan.yaml) is
/// checked anew. It is written in one step (`AtomicFile`): the findings of the documents of
/// the plan last checked first, then those of the sets used before it, unread.
final class DocumentFindingsMemo: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 2
    static let fileName = "document-findings"
    /// How many sets of inputs the file holds, the most recently written first.
    static let keptInputs = 3
    private static let magic = Array("smsplan document findings\n".utf8)

    let url: URL
    let inputs: String
    /// Read from the file: never changed, so read from any thread without the lock. Keyed
    /// as the decode cache keys its entries (a blob id as its 20 bytes).
    private let stored: [DecodeCache.Key: [Finding]]
    /// The file as read, and the sets of other inputs in it: written back after this one's.
    private let file: [UInt8]
    private let others: [(inputs: String, entries: Range<Int>)]
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
        let sections = Self.sections(of: file) ?? []
        let found = sections.first { $0.inputs == inputs }.flatMap { Self.entries(file, in: $0.entries) }
        stored = found ?? [:]
        written = found == nil ? -1 : stored.count
        others = sections.filter { $0.inputs != inputs }
        self.file = others.isEmpty ? [] : file
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
    func findings(of blob: ObjectID) -> [Finding]? {
        let key = DecodeCache.Key.blob(blob)
        if let found = stored[key] { return found }
        lock.lock()
        defer { lock.unlock() }
        return added[key]
    }

    /// Keeps the findings of documents checked anew, by blob id.
    func store(_ checked: [(blob: ObjectID, findings: [Finding])]) {
        guard !checked.isEmpty else { return }
        let keyed = checked.map { (DecodeCache.Key.blob($0.blob), $0.findings) }
        lock.lock()
        for (key, findings) in keyed { added[key] = findings }
        fresh = true
        lock.unlock()
    }

    /// Writes the findings of the documents with these blob ids, when this run checked any
    /// document anew or the file holds others; failures are ignored.
    func save(keeping blobs: [ObjectID]) {
        lock.lock()
        defer { lock.unlock() }
        // Nothing checked anew: every blob's findings came from the file, which holds as many.
        if !fresh && blobs.count == written { return }
        var kept: [DecodeCache.Key: [Finding]] = [:]
        kept.reserveCapacity(blobs.count)
        for blob in blobs {
            let key = DecodeCache.Key.blob(blob)
            if let found = added[key] ?? stored[key] { kept[key] = found }
        }
        guard fresh || kept.count != written else { return }
        let earlier = others.prefix(Self.keptInputs - 1).map { (inputs: $0.inputs, entries: file[$0.entries]) }
        AtomicFile.replaceQuietly(Data(Self.encode(kept, inputs: inputs, then: earlier)), at: url)
        (fresh, written) = (false, kept.count)
    }

    /// A file holding `entries` under `inputs` (in the order of their keys' texts,
    /// `DecodeCache.Key`'s order), then the encoded entries of other sets of inputs as given.
    static func encode(_ entries: [DecodeCache.Key: [Finding]], inputs: String,
                       then earlier: [(inputs: String, entries: ArraySlice<UInt8>)] = []) -> [UInt8] {
        var section = ByteWriter()
        section.array(entries.sorted { $0.key < $1.key }) { writer, pair in
            writer.string(pair.key.text)
            writer.array(pair.value) { writer, finding in
                writer.finding(finding)
                writer.optional(finding.ceiling) { $0.choice($1, in: Severity.allCases) }
            }
        }
        var writer = ByteWriter(magic: magic, formatVersion: formatVersion, versioned: false)
        writer.array([(inputs: inputs, entries: section.bytes[...])] + earlier) { writer, set in
            writer.string(set.inputs)
            writer.int(set.entries.count)
            writer.raw(set.entries)
        }
        return writer.bytes
    }

    /// The sets of inputs of a memo file, the most recently written first, each with the range of
    /// its encoded entries; nil for a file this smsplan did not write.
    static func sections(of file: [UInt8]) -> [(inputs: String, entries: Range<Int>)]? {
        guard var reader = ByteReader(file: file, magic: magic, formatVersion: formatVersion, versioned: false) else { return nil }
        do {
            let sections = try reader.array { reader in (inputs: try reader.string(), entries: try reader.skip(try reader.int())) }
            return reader.atEnd ? sections : nil
        } catch {
            return nil
        }
    }

    /// The entries a memo file holds for `inputs`; nil for any other file, or one without them.
    static func decode(_ file: [UInt8], inputs: String) -> [DecodeCache.Key: [Finding]]? {
        sections(of: file)?.first { $0.inputs == inputs }.flatMap { entries(file, in: $0.entries) }
    }

    /// The entries encoded in `range` of `file`; nil where they do not decode.
    private static func entries(_ file: [UInt8], in range: Range<Int>) -> [DecodeCache.Key: [Finding]]? {
        var reader = ByteReader(file, range: range)
        do {
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
