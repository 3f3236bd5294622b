import Foundation

/// The machine-readable part of a baseline tag: what the SMS was at the tagged commit.
public struct BaselineManifest: Codable, Sendable, Equatable {
    /// One controlled document or record, as it stood.
    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var type: String
        public var version: String?
        public var status: String
        public var path: String
        public var blob: String
        /// For a document under revision: the approved version in force, and its blob.
        public var inForceVersion: String?
        public var inForceBlob: String?
    }

    /// Coverage of the schema's clauses without sub-clauses at the tagged commit.
    public struct Coverage: Codable, Sendable, Equatable {
        public var covered: Int
        public var partial: Int
        public var uncovered: Int
        public var excluded: Int
        /// Requirements due by the baselined phase, and how many of them are covered.
        public var dueByPhase: Int
        public var coveredDueByPhase: Int
        /// Ids of every covered requirement, for diffs.
        public var coveredRequirements: [String]
    }

    /// The manifest format; a newer one is reported by verify.
    public var format: Int = 1
    public var tool: String
    public var schema: String?
    /// The edition of ISO/IEC 20000-1 the plan's claims were written for at the tagged
    /// commit; absent in manifests made before smsplan recorded it.
    public var edition: String?
    public var phase: Int
    public var commit: String
    public var date: String
    public var documents: [Entry]
    public var records: [Entry]
    public var coverage: Coverage

    /// The manifest of `plan` (read from `commit`) for `phase`; `blobs` maps each path to its
    /// blob id, else each document's own (a plan read from a commit knows each one's).
    /// The `tool` of a manifest made by this version of smsplan.
    static func tool(version: String) -> String {
        "smsplan \(version)"
    }

    public init(plan: Plan, phase: Int, commit: String, blobs: [String: String]? = nil, toolVersion: String) {
        tool = Self.tool(version: toolVersion)
        schema = plan.schema?.id
        edition = plan.config.claimsEdition(schema: plan.schema)
        self.phase = phase
        self.commit = commit
        date = plan.revisionDate.description
        func entry(_ document: Document) -> Entry {
            let inForce = plan.versionInForce(of: document)
            return Entry(id: document.id?.value ?? document.path, title: document.title?.value ?? "", type: document.type?.value.rawValue ?? "",
                         version: document.version?.value.description, status: document.status?.value.rawValue ?? "",
                         path: document.path, blob: blobs.map { $0[document.path] ?? "" } ?? document.blob ?? "",
                         inForceVersion: inForce?.version?.value.description, inForceBlob: inForce?.blob)
        }
        // Sorted by their keys, taken out of the documents once rather than at each comparison.
        let all = plan.corpus.documents
        let keys = all.map { $0.id?.value ?? $0.path }
        let sorted = keys.indices.sorted { keys[$0] < keys[$1] }.map { all[$0] }
        documents = sorted.filter { $0.type?.value != .record }.map(entry)
        records = sorted.filter { $0.type?.value == .record }.map(entry)
        var coverage = Coverage(covered: 0, partial: 0, uncovered: 0, excluded: 0, dueByPhase: 0, coveredDueByPhase: 0, coveredRequirements: [])
        if let schema = plan.schema, let analysis = plan.analysis {
            for requirement in schema.requirements where schema.isLeaf(requirement.id) {
                guard let state = analysis.coverage.requirements[requirement.id] else { continue }
                switch state.status {
                case .covered: coverage.covered += 1
                case .partial: coverage.partial += 1
                case .uncovered: coverage.uncovered += 1
                case .excluded: coverage.excluded += 1
                }
                if state.status == .covered { coverage.coveredRequirements.append(requirement.id) }
                if state.duePhase <= phase && state.status != .excluded {
                    coverage.dueByPhase += 1
                    if state.status == .covered { coverage.coveredDueByPhase += 1 }
                }
            }
        }
        self.coverage = coverage
    }

    static let begin = "-----BEGIN SMSPLAN MANIFEST-----"
    static let end = "-----END SMSPLAN MANIFEST-----"

    /// The manifest as it is written into a tag message.
    var block: String {
        var text = ""
        appendBlock(to: &text)
        return text
    }

    /// `block`, appended to `text` (a tag message's summary) in place.
    func appendBlock(to text: inout String) {
        text += Self.begin + "\n"
        ManifestJSON.write(self, after: &text)
        text += "\n" + Self.end + "\n"
    }

    /// The manifest in a tag message, or nil when the message has none or it does not decode.
    /// smsplan writes it last, so the last block is read: text above it cannot stand in.
    static func parse(message: String) -> BaselineManifest? {
        guard let start = message.range(of: begin + "\n", options: .backwards), let stop = message.range(of: "\n" + end, range: start.upperBound..<message.endIndex)
        else { return nil }
        return try? JSONDecoder().decode(BaselineManifest.self, from: Data(message[start.upperBound..<stop.lowerBound].utf8))
    }

    /// Differences from `other`, in words, for verify ("POL-001: version 1.0 in the tag, 1.1 in the commit").
    func differences(from recomputed: BaselineManifest) -> [String] {
        var found: [String] = []
        if schema != recomputed.schema { found.append("schema: \(schema ?? "none") in the tag, \(recomputed.schema ?? "none") in the commit") }
        if let edition, edition != recomputed.edition { found.append("edition: \(edition) in the tag, \(recomputed.edition ?? "none") in the commit") }
        if phase != recomputed.phase { found.append("phase: \(phase) in the tag, \(recomputed.phase) recomputed") }
        if commit != recomputed.commit { found.append("commit: \(commit) in the tag's manifest, but the tag points at \(recomputed.commit)") }
        for (name, mine, theirs) in [("document", documents, recomputed.documents), ("record", records, recomputed.records)] {
            let tagged = Dictionary(mine.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let actual = Dictionary(theirs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for id in Set(tagged.keys).union(actual.keys).sorted() {
                switch (tagged[id], actual[id]) {
                case (nil, _): found.append("\(name) \(id) is in the commit but not in the tag's manifest")
                case (_, nil): found.append("\(name) \(id) is in the tag's manifest but not in the commit")
                case let (old?, new?) where old != new:
                    let fields = [("version", old.version ?? "-", new.version ?? "-"), ("status", old.status, new.status),
                                  ("path", old.path, new.path), ("blob", old.blob, new.blob), ("title", old.title, new.title)]
                        .filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) in the tag, \($0.2) in the commit" }
                    found.append("\(name) \(id): " + fields.joined(separator: "; "))
                default: break
                }
            }
        }
        if coverage != recomputed.coverage {
            found.append("coverage: \(coverage.covered) covered in the tag, \(recomputed.coverage.covered) in the commit")
        }
        return found
    }
}
