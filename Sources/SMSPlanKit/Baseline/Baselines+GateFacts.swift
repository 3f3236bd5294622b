import Foundation

extension Baselines {
    /// What a baseline's gate and manifest take from the plan beyond its findings: the
    /// manifest, why the plan's coverage and activities do not allow the phase, and the
    /// documents under revision (`tagSummary`). Kept beside the whole-plan findings in the
    /// byte encoding of the decode cache, which reads back in a fraction of JSON's time.
    struct GateFacts {
        var manifest: BaselineManifest
        var shortfalls: [String]
        var revisions: String

        /// Bump when the encoding changes.
        static let formatVersion = 1

        var encoded: [UInt8] {
            var writer = ByteWriter(formatVersion: Self.formatVersion)
            writer.int(manifest.format)
            writer.string(manifest.tool)
            writer.optional(manifest.schema) { $0.string($1) }
            writer.optional(manifest.edition) { $0.string($1) }
            writer.int(manifest.phase)
            writer.string(manifest.commit)
            writer.string(manifest.date)
            for entries in [manifest.documents, manifest.records] {
                writer.array(entries) { writer, entry in
                    for text in [entry.id, entry.title, entry.type, entry.status, entry.path, entry.blob] { writer.string(text) }
                    for text in [entry.version, entry.inForceVersion, entry.inForceBlob] { writer.optional(text) { $0.string($1) } }
                }
            }
            let coverage = manifest.coverage
            for count in [coverage.covered, coverage.partial, coverage.uncovered, coverage.excluded, coverage.dueByPhase, coverage.coveredDueByPhase] {
                writer.int(count)
            }
            writer.array(coverage.coveredRequirements) { $0.string($1) }
            writer.array(shortfalls) { $0.string($1) }
            writer.string(revisions)
            return writer.bytes
        }

        /// The facts `encoded` wrote; nil for anything else.
        init?(encoded bytes: [UInt8]) {
            guard var reader = ByteReader(bytes, formatVersion: Self.formatVersion) else { return nil }
            do {
                let format = try reader.int()
                let tool = try reader.string()
                let schema = try reader.optional { try $0.string() }
                let edition = try reader.optional { try $0.string() }
                let phase = try reader.int()
                let commit = try reader.string()
                let date = try reader.string()
                func entries() throws -> [BaselineManifest.Entry] {
                    try reader.array { reader in
                        let (id, title, type, status, path, blob) = (try reader.string(), try reader.string(), try reader.string(),
                                                                     try reader.string(), try reader.string(), try reader.string())
                        let version = try reader.optional { try $0.string() }
                        let inForceVersion = try reader.optional { try $0.string() }
                        let inForceBlob = try reader.optional { try $0.string() }
                        return BaselineManifest.Entry(id: id, title: title, type: type, version: version, status: status, path: path, blob: blob,
                                                      inForceVersion: inForceVersion, inForceBlob: inForceBlob)
                    }
                }
                let documents = try entries(), records = try entries()
                let counts = try (0..<6).map { _ in try reader.int() }
                let coverage = BaselineManifest.Coverage(covered: counts[0], partial: counts[1], uncovered: counts[2], excluded: counts[3],
                                                         dueByPhase: counts[4], coveredDueByPhase: counts[5],
                                                         coveredRequirements: try reader.array { try $0.string() })
                shortfalls = try reader.array { try $0.string() }
                revisions = try reader.string()
                guard reader.atEnd else { return nil }
                manifest = BaselineManifest(format: format, tool: tool, schema: schema, edition: edition, phase: phase, commit: commit, date: date,
                                            documents: documents, records: records, coverage: coverage)
            } catch {
                return nil
            }
        }

        init(manifest: BaselineManifest, shortfalls: [String], revisions: String) {
            self.manifest = manifest
            self.shortfalls = shortfalls
            self.revisions = revisions
        }
    }
}

extension BaselineManifest {
    /// A manifest from its parts, as `GateFacts` reads it back.
    init(format: Int, tool: String, schema: String?, edition: String?, phase: Int, commit: String, date: String, documents: [Entry],
         records: [Entry], coverage: Coverage) {
        self.format = format
        self.tool = tool
        self.schema = schema
        self.edition = edition
        self.phase = phase
        self.commit = commit
        self.date = date
        self.documents = documents
        self.records = records
        self.coverage = coverage
    }
}
