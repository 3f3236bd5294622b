import Foundation
import GitKit

/// The whole-plan rules' findings of the last few plans checked, each under a digest of
/// everything those rules read (`key(documents:plan:inForce:cache:)`): every document as decoded (its
/// path and the digest of its decode-cache entry), the versions in force, smsplan.yaml,
/// roles.yaml and the schema, the plan root, the date, the scope at the last baseline and
/// CODEOWNERS. A plan whose documents decode as they did (only their prose changed, say, or
/// the same state read from the index after the working tree) is not checked again by those
/// rules, and its analysis (phases and coverage) is not made: their findings are replayed.
/// Its documents are then read as their summaries: the memo knows the key of the Markdown
/// files' cache entries (`documentsKey`), made before any is read.
///
/// A rule that reads documents' bytes rather than their decoded form (`readsDocumentBytes`)
/// always runs. Never required for correctness: a missing, damaged or foreign file is
/// ignored and replaced, in one step (`AtomicFile`), in `.git/smsplan/`.
final class WholePlanMemo: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 2
    static let fileName = "whole-plan-findings"
    /// How many plans' findings are kept (the working tree, the index, a branch or two).
    static let kept = 4
    /// Past this many documents decoded anew (a cold cache), no key is made: encoding each
    /// for its digest would cost more than the rules it could spare.
    static let mostDecodedAnew = 256
    private static let magic = Array("smsplan whole-plan findings\n".utf8)

    typealias Located = (path: String, finding: Finding)

    let url: URL
    /// The plans' findings, most recently used first, with the key of their documents.
    private var entries: [Entry]
    /// What commands made of the plans beyond their findings, read when first asked for.
    private(set) lazy var reports = WholePlanReports(folder: url.deletingLastPathComponent())

    typealias Entry = (key: String, documents: String, findings: [Located])

    init(gitDirectory: URL) {
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        let file = DecodeCache.bytes(at: url)
        entries = Self.decode(file) ?? []
    }

    /// The findings stored under `key`, when a plan with that key was checked before.
    func findings(for key: String) -> [Located]? {
        entries.first { $0.key == key }?.findings
    }

    /// Keeps `findings` under `key` as the most recent plan, and writes the file; failures
    /// are ignored.
    func store(_ findings: [Located], for key: String, documents: String) {
        entries.removeAll { $0.key == key }
        entries.insert((key, documents, findings), at: 0)
        entries = Array(entries.prefix(Self.kept))
        AtomicFile.replaceQuietly(Data(Self.encode(entries)), at: url)
    }

    /// The digest of the plan's documents as decoded, before they are read: smsplan.yaml,
    /// roles.yaml, the schema, the plan root and the date (`ruleInputs`), and each Markdown
    /// file's path with the digest of its decode-cache entry (`paths`, `blobs` their blob
    /// ids); nil when a file has no blob id or no entry.
    /// `numbers`: the cache's `storedNumbers(of: blobs)`, when the caller has them.
    static func documentsKey(paths: [String], blobs: [ObjectID?], numbers: [UInt32?]? = nil, ruleInputs: [Data?], cache: DecodeCache) -> String? {
        guard cache.addedCount <= mostDecodedAnew else { return nil }
        var known: [ObjectID] = []
        known.reserveCapacity(blobs.count)
        for blob in blobs {
            guard let blob else { return nil }
            known.append(blob)
        }
        let entries = cache.digests(ofEntries: known, numbers: numbers)
        // The documents are digested in two halves, side by side, and the key is the digest
        // of the halves' digests: each half's bytes are still every path and entry digest
        // of its documents, each with its length.
        let halves = [0..<paths.count / 2, paths.count / 2..<paths.count]
        @Sendable func digest(of half: Range<Int>) -> String? {
            var digest = KeyBytes(capacity: half.count * 96)
            digest.part(String(half.count).utf8)
            for index in half {
                guard let entry = entries[index] else { return nil }
                digest.part(paths[index].utf8)
                digest.part(entry)
            }
            return digest.finished
        }
        let digests = ResultSlots<String?>(count: halves.count)
        if paths.count >= 1024 {
            DispatchQueue.concurrentPerform(iterations: halves.count) { digests.set($0, digest(of: halves[$0])) }
        } else {
            for (number, half) in halves.enumerated() { digests.set(number, digest(of: half)) }
        }
        var digest = KeyBytes(capacity: 4096)
        digest.part(SMSPlanKitInfo.version.utf8)
        for input in ruleInputs {
            if let input { digest.part(input) } else { digest.absent() }
        }
        digest.part(String(paths.count).utf8)
        for half in digests.values {
            guard let half else { return nil }
            digest.part(half.utf8)
        }
        return digest.finished
    }

    /// The digest of what the whole-plan rules and the analysis read of `plan`: its
    /// documents as decoded (`documentsKey`), the files among them that were not decoded
    /// (so that the documents are those and only those), the scope at the last baseline,
    /// CODEOWNERS, and `inForce`, the versions in force (by id, with the commit each was
    /// found at); nil when a version in force is not known to `cache` by its digest.
    static func key(documents documentsKey: String, plan: Plan, inForce: VersionsInForce.Search, cache: DecodeCache) -> String? {
        var digest = KeyBytes(capacity: 4096)
        digest.part(documentsKey.utf8)
        let unread = plan.unread.paths.map(\.path).sorted()
        digest.part(String(unread.count).utf8)
        for path in unread { digest.part(path.utf8) }
        if let scope = plan.baselineScope {
            digest.part(scope.tag.utf8)
            digest.part(scope.path.utf8)
            if let contents = scope.contents { digest.part(contents) } else { digest.absent() }
        } else {
            digest.absent()
        }
        if let owners = plan.codeOwners {
            digest.part(owners.path.utf8)
            digest.part(owners.text.utf8)
        } else {
            digest.absent()
        }
        digest.part(String(inForce.inForce.count).utf8)
        for (id, document) in inForce.inForce.sorted(by: { $0.key < $1.key }) {
            guard let blob = document.blobID, let entry = cache.digests(ofEntries: [blob])[0] else { return nil }
            digest.part(id.utf8)
            digest.part(document.path.utf8)
            digest.part((inForce.foundAt[id]?.hex ?? "").utf8)
            digest.part(entry)
        }
        return digest.finished
    }

    /// Whether a plan whose documents have this `documentsKey` was checked before (its
    /// documents are then read as their summaries, since its findings are likely replayed).
    func knows(documents documentsKey: String) -> Bool {
        entries.contains { $0.documents == documentsKey }
    }

    static func encode(_ entries: [Entry]) -> [UInt8] {
        var writer = ByteWriter(magic: magic, formatVersion: formatVersion, versioned: true)
        writer.array(entries) { writer, entry in
            writer.string(entry.key)
            writer.string(entry.documents)
            writer.array(entry.findings) { writer, located in
                writer.string(located.path)
                writer.finding(located.finding)
                writer.optional(located.finding.ceiling) { $0.choice($1, in: Severity.allCases) }
            }
        }
        return writer.bytes
    }

    /// The entries of a memo file this smsplan wrote; nil for any other file.
    static func decode(_ file: [UInt8]) -> [Entry]? {
        guard var reader = ByteReader(file: file, magic: magic, formatVersion: formatVersion, versioned: true) else { return nil }
        do {
            let entries = try reader.array { reader in
                (key: try reader.string(), documents: try reader.string(), findings: try reader.array { reader -> Located in
                    let path = try reader.string()
                    var finding = try reader.finding()
                    finding.ceiling = try reader.optional { try $0.choice(in: Severity.allCases) }
                    return (path, finding)
                })
            }
            return reader.atEnd ? entries : nil
        } catch {
            return nil
        }
    }
}

/// The bytes a key is the digest of: each part with its length before it (a decimal
/// number and a NUL), so that no two lists of parts run together into the same bytes.
private struct KeyBytes {
    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func part(_ data: some Collection<UInt8>) {
        let count = data.count
        var divisor = 1
        while count / divisor >= 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(count / divisor % 10))
            divisor /= 10
        } while divisor > 0
        bytes.append(0)
        bytes.append(contentsOf: data)
    }

    mutating func absent() {
        bytes.append(contentsOf: "none".utf8)
        bytes.append(0)
    }

    /// The git blob id of the bytes.
    var finished: String? {
        DecodeCache.blobID(of: bytes)?.hex
    }
}
