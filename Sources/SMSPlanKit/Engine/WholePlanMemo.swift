import Foundation

/// The whole-plan rules' findings of the last few plans checked, each under a digest of
/// everything those rules read (`key(for:inForce:cache:)`): every document as decoded (its
/// path and the digest of its decode-cache entry), the versions in force, smsplan.yaml,
/// roles.yaml and the schema, the plan root, the date, the scope at the last baseline and
/// CODEOWNERS. A plan whose documents decode as they did (only their prose changed, say, or
/// the same state read from the index after the working tree) is not checked again by those
/// rules, and its analysis (phases and coverage) is not made: their findings are replayed.
///
/// A rule that reads documents' bytes rather than their decoded form (`readsDocumentBytes`)
/// always runs. Never required for correctness: a missing, damaged or foreign file is
/// ignored and replaced, in one step (`AtomicFile`), in `.git/smsplan/`.
final class WholePlanMemo: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 1
    static let fileName = "whole-plan-findings"
    /// How many plans' findings are kept (the working tree, the index, a branch or two).
    static let kept = 4
    /// Past this many documents decoded anew (a cold cache), no key is made: encoding each
    /// for its digest would cost more than the rules it could spare.
    static let mostDecodedAnew = 256
    private static let magic = Array("smsplan whole-plan findings\n".utf8)

    typealias Located = (path: String, finding: Finding)

    let url: URL
    /// The plans' findings, most recently used first.
    private var entries: [(key: String, findings: [Located])]

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
    func store(_ findings: [Located], for key: String) {
        entries.removeAll { $0.key == key }
        entries.insert((key, findings), at: 0)
        entries = Array(entries.prefix(Self.kept))
        AtomicFile.replaceQuietly(Data(Self.encode(entries)), at: url)
    }

    /// The digest of what the whole-plan rules and the analysis read of `plan`, with
    /// `inForce` the versions in force (by id, with the commit each was found at); nil when
    /// any document's decoded form is not known to `cache` by its digest.
    static func key(for plan: Plan, inForce: VersionsInForce.Search, cache: DecodeCache) -> String? {
        guard cache.addedCount <= mostDecodedAnew else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(plan.corpus.documents.count * 96 + 4096)
        // Each part with its length before it (a decimal number and a NUL), so that no two
        // lists of parts run together into the same bytes.
        func part(_ data: some Collection<UInt8>) {
            var count = data.count
            let start = bytes.count
            repeat {
                bytes.append(UInt8(ascii: "0") + UInt8(count % 10))
                count /= 10
            } while count > 0
            bytes[start...].reverse()
            bytes.append(0)
            bytes.append(contentsOf: data)
        }
        func absent() {
            bytes.append(contentsOf: "none".utf8)
            bytes.append(0)
        }
        part(SMSPlanKitInfo.version.utf8)
        for input in plan.ruleInputs {
            if let input { part(input) } else { absent() }
        }
        if let scope = plan.baselineScope {
            part(scope.tag.utf8)
            part(scope.path.utf8)
            if let contents = scope.contents { part(contents) } else { absent() }
        } else {
            absent()
        }
        if let owners = plan.codeOwners {
            part(owners.path.utf8)
            part(owners.text.utf8)
        } else {
            absent()
        }
        part(String(plan.corpus.documents.count).utf8)
        var blobs: [String] = []
        blobs.reserveCapacity(plan.corpus.documents.count)
        for document in plan.corpus.documents {
            guard let blob = document.blob else { return nil }
            blobs.append(blob)
        }
        for (document, digest) in zip(plan.corpus.documents, cache.digests(ofEntries: blobs)) {
            guard let digest else { return nil }
            part(document.path.utf8)
            part(digest)
        }
        part(String(inForce.inForce.count).utf8)
        for (id, document) in inForce.inForce.sorted(by: { $0.key < $1.key }) {
            guard let blob = document.blob, let digest = cache.digest(ofEntry: blob) else { return nil }
            part(id.utf8)
            part(document.path.utf8)
            part((inForce.foundAt[id]?.hex ?? "").utf8)
            part(digest)
        }
        return DecodeCache.blobID(of: Data(bytes))
    }

    static func encode(_ entries: [(key: String, findings: [Located])]) -> [UInt8] {
        var writer = ByteWriter()
        writer.raw(magic)
        writer.int(formatVersion)
        writer.string(SMSPlanKitInfo.version)
        writer.array(entries) { writer, entry in
            writer.string(entry.key)
            writer.array(entry.findings) { writer, located in
                writer.string(located.path)
                writer.finding(located.finding)
                writer.optional(located.finding.ceiling) { $0.choice($1, in: Severity.allCases) }
            }
        }
        return writer.bytes
    }

    /// The entries of a memo file this smsplan wrote; nil for any other file.
    static func decode(_ file: [UInt8]) -> [(key: String, findings: [Located])]? {
        guard file.starts(with: magic) else { return nil }
        var reader = ByteReader(file, range: magic.count..<file.count)
        do {
            guard try reader.int() == formatVersion, try reader.string() == SMSPlanKitInfo.version else { return nil }
            let entries = try reader.array { reader in
                (key: try reader.string(), findings: try reader.array { reader -> Located in
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
