import Foundation
import GitKit

/// Reads a plan from a source: configuration, roles, schema, and every document under
/// the configured roots (decoded in parallel).
enum PlanLoader {
    /// `summaries`, asked with the Markdown files' paths, their blob ids and the plan's rule
    /// inputs (`Plan.ruleInputs`) before any is read: true when each document the cache holds
    /// (and the source knows by its blob id) is to be read as its summary
    /// (`Document.isSummary`), for `Checker.load` to decode in full where needed.
    static func load(source: some PlanSource, planRoot: String, revisionDate: PlanDate, cache: DecodeCache? = nil,
                     analysed: Bool = true, summaries: SummaryChoice? = nil) throws(SMSPlanError) -> Plan {
        let configPath = planRoot.appendingPathComponent("smsplan.yaml")
        guard let configData = try source.read(configPath) else { throw .noPlan(path: planRoot.isEmpty ? "." : planRoot) }
        var (config, findings) = try PlanConfig.decode(configData, path: configPath, knownRules: RuleRegistry.ids)

        let rolesPath = planRoot.appendingPathComponent("roles.yaml")
        var roles: RolesRegister?
        let rolesData = try source.read(rolesPath)
        if let rolesData {
            let decoded = try RolesRegister.decode(rolesData, path: rolesPath)
            roles = decoded.0
            findings += decoded.1
        } else {
            findings.append(Finding(ConfigInvalidRule.id, at: .fileStart,
                                    "roles.yaml is missing beside smsplan.yaml; owners and approvers cannot be checked", path: configPath))
        }

        let (schema, schemaFindings, schemaData) = try loadSchema(config: config, configPath: configPath, source: source, planRoot: planRoot)
        findings += schemaFindings
        if let scope = config.scope, (try? source.read(planRoot.appendingPathComponent(scope.value))) ?? nil == nil {
            findings.append(Finding(ConfigInvalidRule.id, at: scope.location,
                                    "scope file \"\(TerminalText.line(scope.value))\" is not in the plan repository, so scope-changed cannot watch it", path: configPath))
        }

        var markdown: [String] = []
        var blobs: [ObjectID?] = []
        var sizes: [Int?] = []
        var linked: [(path: String, finding: Finding)] = []
        var unreadRoots: [String] = []
        // Paths listed twice are taken once: across roots only when one root holds another,
        // within a root's listing only when it is not strictly in order (a listing in order
        // holds no path twice), which spares a set of every path of a large plan.
        let disjoint = Self.areDisjoint(config.roots.map { planRoot.appendingPathComponent($0) })
        var seen = Set<PathKey>()
        for root in config.roots {
            let rootPath = planRoot.appendingPathComponent(root)
            let entries = try source.files(under: rootPath)
            if entries.count == 1, entries[0].path == rootPath, entries[0].kind == .symlink {
                // A root that is a link is not followed: say so once, at the root, and take
                // nothing that was under it for deleted.
                unreadRoots.append(rootPath)
                findings.append(Finding(ConfigInvalidRule.id, at: config.rootLocations[root] ?? .fileStart,
                                        "documents root \"\(TerminalText.line(root))\" is a symbolic link; smsplan never follows links, so nothing in it is checked: keep the documents in a folder of the repository",
                                        path: configPath))
                continue
            }
            if entries.isEmpty, let location = config.rootLocations[root] {
                findings.append(Finding(ConfigInvalidRule.id, at: location, "documents root \"\(root)\" has no files", path: configPath))
            }
            if disjoint { seen.removeAll() }
            let unique = disjoint && Self.isStrictlyInOrder(entries)
            for entry in entries where MarkdownName.matches(entry.path) && (unique || seen.insert(PathKey(entry.path)).inserted) {
                switch entry.kind {
                case .regular:
                    markdown.append(entry.path)
                    blobs.append(entry.blobID)
                    sizes.append(entry.listedSize)
                case .symlink: linked.append((entry.path, FileScreen.link(entry.path, in: source)))
                case .other:
                    linked.append((entry.path, Finding(FileUnreadableRule.id, at: .fileStart,
                                                       "not a regular file (a folder, named pipe, socket or device named like a document); it was not checked: a document is a file")))
                }
            }
        }

        // A bundled schema is the same for the same smsplan.yaml; one from a file, for its bytes.
        let ruleInputs = [Data(planRoot.utf8), Data(revisionDate.description.utf8), configData, rolesData, schemaData]
        // A few files the listing knows no blob id for (edited, new, or written within the
        // index's timestamp granularity) are read first, so that the choice of summaries
        // knows every document: their bytes go to the decode below, never read again.
        var preread: [Int: FileScreen.Outcome] = [:]
        if summaries != nil, cache != nil {
            let unknown = blobs.indices.filter { blobs[$0] == nil }
            if unknown.count <= WholePlanMemo.mostDecodedAnew {
                for index in unknown {
                    let outcome = FileScreen.read(markdown[index], from: source, maximumSize: config.maxFileSize)
                    preread[index] = outcome
                    if case .contents(let data) = outcome { (blobs[index], sizes[index]) = (DecodeCache.blobID(of: data), data.count) }
                }
            }
        }
        // Each file's stored entry, found once for the memo's key and for the file's read.
        let numbers = cache?.storedNumbers(of: blobs)
        if let cache, let numbers {
            let anew = numbers.lazy.filter { $0 == nil }.count
            if anew >= 512 { cache.expectStores(anew) }
        }
        let decoded = try decodeAll(markdown, blobs: blobs, sizes: sizes, numbers: numbers, preread: preread, from: source,
                                    maximumSize: config.maxFileSize,
                                    cache: cache, summaries: summaries?(markdown, blobs, numbers, ruleInputs) ?? false)
        var readFindings = findings.map { ($0.path ?? configPath, $0) } + linked
        for (path, result) in zip(markdown, decoded) {
            readFindings += result.findings.map { (path, $0) }
        }
        let corpus = Corpus(documents: decoded.compactMap(\.document))
        let analysis = analysed ? schema.map { PlanAnalysis(corpus: corpus, schema: $0, config: config, revisionDate: revisionDate) } : nil
        var plan = Plan(planRoot: planRoot, config: config, roles: roles, schema: schema, corpus: corpus, revisionDate: revisionDate,
                        analysis: analysis, fileCount: markdown.count, checkedPaths: markdown, repositoryRoot: nil, change: nil,
                        baselineScope: nil, codeOwners: try codeOwners(in: source), readFindings: readFindings)
        plan.ruleInputs = ruleInputs
        let undecoded = zip(markdown, decoded).filter { $0.1.document == nil }.map(\.0)
        plan.unread = UnreadFiles(paths: Set((undecoded + linked.map(\.path)).map(PathKey.init)), roots: unreadRoots)
        return plan
    }

    /// Whether no two of these folders are one or hold the other (so no path is listed
    /// under both); false where one climbs with "..".
    static func areDisjoint(_ folders: [String]) -> Bool {
        var normalized: [[Substring]] = []
        for folder in folders {
            let components = folder.split(separator: "/").filter { $0 != "." }
            guard !components.contains("..") else { return false }
            normalized.append(components)
        }
        for (index, first) in normalized.enumerated() {
            for second in normalized[(index + 1)...] {
                let common = min(first.count, second.count)
                if zip(first.prefix(common), second.prefix(common)).allSatisfy({ $0.utf8.elementsEqual($1.utf8) }) { return false }
            }
        }
        return true
    }

    /// Whether each path of `entries` comes after the one before, by its bytes.
    static func isStrictlyInOrder(_ entries: [SourceEntry]) -> Bool {
        entries.indices.dropFirst().allSatisfy { RepositoryPath.order(entries[$0 - 1].path, entries[$0].path) < 0 }
    }

    /// The bundled schema named by `standard:`, or a schema file in the plan repository.
    /// With the schema file's bytes, when one was read.
    private static func loadSchema(config: PlanConfig, configPath: String, source: some PlanSource, planRoot: String)
        throws(SMSPlanError) -> (RequirementSchema?, [Finding], Data?)
    {
        if let bundled = RequirementSchema.bundled(config.standardID) { return (bundled, [], nil) }
        let schemaPath = planRoot.appendingPathComponent(config.standardID)
        let isFile = config.standardID.hasSuffix(".yaml") || config.standardID.hasSuffix(".yml")
        guard isFile, !config.standardID.hasPrefix("/"), !config.standardID.split(separator: "/").contains(".."),
            let data = try source.read(schemaPath)
        else {
            let message = isFile
                ? "schema file \"\(config.standardID)\" not found in the plan repository"
                : "unknown standard \"\(config.standardID)\"; use a bundled schema (\(RequirementSchema.bundledIDs.joined(separator: ", "))) or the path of a schema file ending in .yaml"
            return (nil, [Finding(ConfigInvalidRule.id, at: config.standard?.location ?? .fileStart, message, path: configPath)], nil)
        }
        let (schema, findings) = RequirementSchema.decode(data, path: schemaPath, base: RequirementSchema.bundled)
        return (schema, findings, data)
    }

    /// The repository's CODEOWNERS file, in the first place git hosts look.
    private static func codeOwners(in source: some PlanSource) throws(SMSPlanError) -> (path: String, text: String)? {
        for path in CodeOwners.locations {
            if let data = try source.read(path) { return (path, String(decoding: data, as: UTF8.self)) }
        }
        return nil
    }

    /// Files read and decoded together: the bytes of one batch are held at a time, so the
    /// memory a check needs does not grow with the plan's bytes.
    static let batchSize = 512

    /// Reads every file and decodes it, in parallel across cores, a batch at a time; with a
    /// cache, a file whose blob id was seen before is taken from it instead of parsed. A file
    /// whose blob id the source knows without reading it (a git object, or a working-tree
    /// file the index vouches for) and that the cache holds is not read at all. No document
    /// keeps its file's bytes: they are read again if a rule asks for them.
    /// `numbers`: the cache's `storedNumbers(of:)` of `blobs`.
    typealias SummaryChoice = (_ paths: [String], _ blobs: [ObjectID?], _ numbers: [UInt32?]?, _ ruleInputs: [Data?]) -> Bool

    /// `sizes`: the sizes the listing gave (`SourceEntry.listedSize`); `numbers`: the
    /// cache's `storedNumbers(of:)` of `blobs`; `preread`: the files read already, by index,
    /// whose blob ids are those of these bytes.
    private static func decodeAll(_ paths: [String], blobs: [ObjectID?], sizes: [Int?], numbers: [UInt32?]?, preread: [Int: FileScreen.Outcome],
                                  from source: some PlanSource, maximumSize: ByteSize,
                                  cache: DecodeCache?, summaries: Bool) throws(SMSPlanError) -> [(document: Document?, findings: [Finding])] {
        let results = ResultSlots<(document: Document?, findings: [Finding])>(count: paths.count)
        let reader = ContentsReader { (try? source.read($0)) ?? Data() }
        for start in stride(from: 0, to: paths.count, by: batchSize) {
            try decodeBatch(start..<min(start + batchSize, paths.count), of: paths, blobs: blobs, sizes: sizes, numbers: numbers,
                            preread: preread, from: source, maximumSize: maximumSize,
                            cache: cache, summaries: summaries, reader: reader, into: results)
        }
        return results.values
    }

    private static func decodeBatch(_ batch: Range<Int>, of paths: [String], blobs knownBlobs: [ObjectID?], sizes: [Int?], numbers: [UInt32?]?,
                                    preread: [Int: FileScreen.Outcome], from source: some PlanSource,
                                    maximumSize: ByteSize,
                                    cache: DecodeCache?, summaries: Bool, reader: ContentsReader,
                                    into results: ResultSlots<(document: Document?, findings: [Finding])>)
        throws(SMSPlanError) {
        // A source that reads from several threads has its files read on the workers, beside
        // the parsing; any other is read here, one file after another.
        let concurrent = source.readsConcurrently
        var read: [Data] = []
        var refused: [Int: Finding] = [:]
        var cached: [Int: ObjectID] = [:]
        var summarized: [UInt32] = []
        var blobs: [ObjectID?] = []
        read.reserveCapacity(batch.count)
        blobs.reserveCapacity(batch.count)
        /// The stored entry's size of the file at `index`, with its summary as the document
        /// at its path (when `summaries`), where the cache holds its blob.
        @Sendable func stored(_ index: Int) -> (size: Int, summary: Document?)? {
            guard let cache, let blob = knownBlobs[index], let number = numbers?[index] ?? nil,
                var found = cache.stored(number: number, path: paths[index], summarized: summaries)
            else { return nil }
            found.summary?.storage = DocumentContents(path: paths[index], reader: reader)
            found.summary?.blobID = blob
            return found
        }
        // Summaries are read on the workers, a part of the batch each: a few fields each, but
        // every document of a plan checked before.
        var prepared: [(size: Int, summary: Document?)?]?
        if summaries, cache != nil, numbers != nil {
            let part = 64
            let parts = (batch.count + part - 1) / part
            let found = ResultSlots<[(size: Int, summary: Document?)?]>(count: parts)
            DispatchQueue.concurrentPerform(iterations: parts) { number in
                let start = batch.lowerBound + number * part
                found.set(number, (start..<min(start + part, batch.upperBound)).map(stored))
            }
            prepared = found.values.flatMap { $0 }
        }
        for index in batch {
            let path = paths[index]
            let known = knownBlobs[index]
            blobs.append(known)
            if let blob = known, let number = numbers?[index] ?? nil,
                let (size, summary) = prepared.map({ $0[index - batch.lowerBound] }) ?? stored(index),
                max(size, sizes[index] ?? size) <= maximumSize.bytes {
                read.append(Data())
                if let summary {
                    results.set(index, (summary, []))
                    summarized.append(number)
                } else {
                    cached[index] = blob
                }
                continue
            }
            guard !concurrent, preread[index] == nil else {
                read.append(Data())
                continue
            }
            switch FileScreen.read(path, from: source, maximumSize: maximumSize) {
            case .contents(let data): read.append(data)
            case .refused(let finding):
                read.append(Data())
                refused[index] = finding
            }
        }
        cache?.markUsed(numbers: summarized)
        let contents = read, screened = refused, taken = cached, known = blobs
        // The files not read as summaries, each on a worker.
        let pending = summarized.isEmpty ? Array(batch) : batch.filter { !results.isSet($0) }
        DispatchQueue.concurrentPerform(iterations: pending.count) { item in
            let index = pending[item]
            let offset = index - batch.lowerBound
            let path = paths[index]
            let reread = DocumentContents(path: path, reader: reader)
            if let blob = taken[index] {
                // A damaged entry is left for the pass below, which reads the file. Changed
                // in place: the cache hands out a fresh copy, so nothing is copied.
                guard var entry = cache?.lookup(blob) else { return }
                entry.document?.path = path
                entry.document?.storage = reread
                entry.document?.blobID = blob
                results.set(index, (entry.document, entry.findings))
                return
            }
            let data: Data
            if let outcome = preread[index] {
                switch outcome {
                case .contents(let bytes): data = bytes
                case .refused(let finding):
                    results.set(index, (nil, [finding]))
                    return
                }
            } else if concurrent {
                switch FileScreen.read(path, from: source, maximumSize: maximumSize) {
                case .contents(let bytes): data = bytes
                case .refused(let finding):
                    results.set(index, (nil, [finding]))
                    return
                }
            } else if let finding = screened[index] {
                results.set(index, (nil, [finding]))
                return
            } else {
                data = contents[offset]
            }
            let blob = known[offset] ?? DecodeCache.blobID(of: data)
            if let blob, var entry = cache?.lookup(blob) {
                entry.document?.path = path
                entry.document?.storage = reread
                entry.document?.blobID = blob
                results.set(index, (entry.document, entry.findings))
                return
            }
            results.set(index, decode(data, path: path, blob: blob, cache: cache, contents: reread))
        }
        for index in taken.keys.sorted() where !results.isSet(index) {
            let path = paths[index]
            switch preread[index] ?? FileScreen.read(path, from: source, maximumSize: maximumSize) {
            case .refused(let finding): results.set(index, (nil, [finding]))
            case .contents(let data):
                results.set(index, decode(data, path: path, blob: taken[index], cache: cache,
                                          contents: DocumentContents(path: path, reader: reader)))
            }
        }
    }

    /// Parses a file, keeping the result in the cache under its blob id; the document's
    /// bytes are `contents` (read again when asked) rather than `data`.
    private static func decode(_ data: Data, path: String, blob: ObjectID?, cache: DecodeCache?,
                               contents: DocumentContents) -> (document: Document?, findings: [Finding]) {
        var decoded = DocumentDecoder.decode(data, path: path)
        decoded.document?.storage = contents
        decoded.document?.blobID = blob
        if let blob, let cache {
            // The cache keeps the same document as the plan (set up first, so that neither
            // copies it), never the bytes of the file; neither its bytes nor its blob id
            // are written to the cache file.
            cache.store(blob, DecodeCache.Entry(document: decoded.document, findings: decoded.findings, size: data.count))
        }
        return decoded
    }
}

/// Fixed slots that concurrent workers fill, one slot each.
/// One value per index, set from any thread (each index once), read when all are set.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func isSet(_ index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return slots[index] != nil
    }

    var values: [Value] { slots.map { $0! } }
}
