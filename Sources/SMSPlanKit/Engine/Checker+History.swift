import Foundation
import GitKit

extension Checker {
    /// `check --range BASE..HEAD`: every commit of the range against its first parent
    /// (history rules, messages naming the commit), and the final tree in full.
    static func checkRange(_ range: String, request: CheckRequest) throws(SMSPlanError) -> CheckResult {
        let parts = range.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix(".") else {
            throw .badRevision(range, reason: "a range is BASE..HEAD, such as main..feature")
        }
        let repository = try openRepository(request)
        let base = try resolve(parts[0], in: repository)
        let head = try resolve(parts[1], in: repository)
        // One decode cache for the head tree and the commits, saved once with what neither
        // used kept (the next check of the working tree finds its documents there).
        let cache = request.useCache ? DecodeCache(gitDirectory: repository.commonDirectory) : nil
        defer { cache?.save(keepingUnused: true) }
        // The head tree is checked first, and its documents let go before the commits are
        // walked: the walk needs only the head's configuration, the ids its records dispose
        // of, and where each of its documents lies.
        // A pack file open on any handle keeps the bases of the deltas read from it: this
        // handle lets go of its own while the head is read through another.
        repository.releaseCaches()
        let checked = try checkedHead(head, request: request, cache: cache)
        var result = checked.result
        let planRoot = checked.planRoot, headDocuments = checked.documents, disposed = checked.disposed
        let commits = try git { try repository.commits(from: base.id, to: head.id) }

        // Each commit against its first parent, reading only the files the commit changed;
        // ids deleted along the way join those deleted before the range.
        var retired = commits.first?.parents.first.map { parent in (try? retiredIDs(before: parent, planRoot: planRoot, in: repository, cache: cache)) ?? [:] } ?? [:]
        var located: [(path: String, finding: Finding)] = []
        var cutOff: [Commit] = []
        // The changes of a stretch of commits, read together (`changes(between:)`), by commit and parent.
        var stretchChanges: [ObjectID: [ObjectID: Result<[FileChange], any Error>]] = [:]
        for (position, commit) in commits.enumerated() {
            // A commit whose parents this (shallow) clone lacks cannot be compared.
            guard repository.hasParents(commit) else {
                cutOff.append(commit)
                continue
            }
            if stretchChanges[commit.id] == nil {
                let stretch = commits[position..<min(position + historyStretch, commits.count)].filter { repository.hasParents($0) }
                let pairs = stretch.flatMap { commit in commit.parents.map { (old: Optional($0), new: commit.id) } }
                stretchChanges = [:]
                for (pair, changes) in zip(pairs, repository.changes(between: pairs, under: planRoot)) {
                    if let parent = pair.old { stretchChanges[pair.new, default: [:]][parent] = changes }
                }
            }
            // Against each parent, reading only the files the commit changed. A merge reports
            // only what it changed against every parent: what a branch brought in was
            // reported at the branch's own commits.
            let date = PlanDate(commit.time)
            var common: Set<Finding>?
            var removed: [Document] = []
            var changed: Corpus?
            for parentID in commit.parents {
                let changes = try git { try (stretchChanges[commit.id]?[parentID]).map { try $0.get() }
                    ?? repository.changes(from: parentID, to: commit.id, under: planRoot) }
                guard let after = try partialPlan(changes.compactMap { change in change.newPath.flatMap { path in change.newBlob.map { (path, $0) } } },
                                                  at: commit.id, planRoot: planRoot, date: date, in: repository, cache: cache),
                    let before = try partialPlan(changes.compactMap { change in change.oldPath.flatMap { path in change.oldBlob.map { (path, $0) } } },
                                                 at: parentID, planRoot: planRoot, date: date, in: repository, cache: cache)
                else { continue }
                var change = PlanChange(previous: before.corpus, current: after.corpus, commit: String(commit.id.hex.prefix(7)),
                                        retiredIDs: retired, disposed: disposed)
                if after.config.approvalIdentity != .off {
                    change.author = author(of: commit, mode: after.config.approvalIdentity, in: repository, environment: request.environment)
                }
                change.migration = ClaimLines.migration(from: before, to: after)
                change.unread = after.unread
                let context = RuleContext(config: after.config, roles: after.roles, schema: after.schema, revisionDate: after.revisionDate,
                                          planRoot: after.planRoot, analysis: after.analysis)
                let findings = Set(Engine.historyFindings(change, in: context))
                common = common.map { $0.intersection(findings) } ?? findings
                if parentID == commit.parents.first {
                    removed = change.removed
                    changed = after.corpus
                }
            }
            located += (common ?? []).map { found in
                let finding = commit.id == head.id ? found : Self.unmendable(found)
                return headLocated(finding, path: finding.path ?? checked.fallbackPath, commitCorpus: changed, head: headDocuments)
            }
            for document in removed {
                if let id = document.id?.value, retired[id] == nil { retired[id] = document.path }
            }
        }
        let history = Engine.diagnostics(located, config: checked.config) { headDocuments.id(at: $0) }
        result.diagnostics = Array(Set(result.diagnostics + history)).sorted()
        result.notes = HistoryGaps.notes(cutOff: cutOff, in: repository)
        return result
    }

    /// What a range keeps of its head tree while it walks the commits.
    private struct CheckedHead {
        var result: CheckResult
        var planRoot: String
        var config: PlanConfig
        /// Where a finding without a file of its own is placed: the plan's smsplan.yaml.
        var fallbackPath: String
        /// The ids the head's records dispose of.
        var disposed: Set<String>
        var documents: HeadDocuments
    }

    /// The range's head tree read and checked in full (without a history of its own: the
    /// range's commits are compared one by one); its documents are let go on return.
    private static func checkedHead(_ head: Commit, request: CheckRequest, cache: DecodeCache?) throws(SMSPlanError) -> CheckedHead {
        var plan = try load(CheckRequest(directory: request.directory, target: .revision(head.id.hex),
                                         environment: request.environment, now: request.now, useCache: request.useCache),
                            sharing: cache, checking: true)
        plan.change = nil
        return CheckedHead(result: Engine.check(plan), planRoot: plan.planRoot, config: plan.config, fallbackPath: plan.path("smsplan.yaml"),
                           disposed: Set(plan.corpus.documents.flatMap { $0.disposes.map(\.value) }), documents: HeadDocuments(plan.corpus))
    }

    /// A finding at a commit of a range, moved to the path its document has in the head
    /// tree when a later commit renamed it, so that code scanning can place it there.
    static func headLocated(_ finding: Finding, path: String, commitCorpus: Corpus?, head: HeadDocuments) -> (path: String, finding: Finding) {
        guard !head.contains(path), let id = commitCorpus?.byPath[path]?.id?.value, let moved = head.path(of: id), moved != path
        else { return (path, finding) }
        var finding = finding
        finding.path = moved
        return (moved, finding)
    }

    /// A finding on a commit before the range's head: a later commit cannot mend what a
    /// commit recorded, so the advice is to rewrite it (or squash the branch) before merging.
    static func unmendable(_ finding: Finding) -> Finding {
        guard finding.rule == ApprovedContentChangedRule.id, let range = finding.message.range(of: "; raise the version") else { return finding }
        var finding = finding
        finding.message = String(finding.message[..<range.lowerBound])
            + "; a later commit cannot mend this one: rewrite it (git rebase -i) or squash the branch before it is merged, with a new version, a history entry and status draft or review"
        return finding
    }

    /// The change from the committed state `previous` to `plan`, reading from `previous`
    /// only the documents whose content is not found unchanged in `plan`. `entries` are the
    /// files of `previous` under the plan's folder and `retired` the ids retired before it,
    /// when the caller read them already.
    static func change(from previous: ObjectID, to plan: Plan, in repository: Repository, cache: DecodeCache?,
                       entries listed: [FileEntry]? = nil, blobs listedBlobs: Set<ObjectID>? = nil,
                       retired known: [String: String]? = nil) throws(SMSPlanError) -> PlanChange? {
        let entries: [FileEntry]
        if let listed {
            entries = listed
        } else {
            entries = try git { try repository.treeEntries(of: previous, under: plan.planRoot) }
        }
        let previousBlobs = listedBlobs ?? Set(entries.map(\.blob))
        // Each document of the plan, as one the previous state holds as it is, or not.
        var unchanged: [Document] = [], changed: [Document] = []
        var currentBlobs = Set<ObjectID>(minimumCapacity: plan.corpus.documents.count)
        for document in plan.corpus.documents {
            guard let blob = document.blobID else {
                changed.append(document)
                continue
            }
            currentBlobs.insert(blob)
            if previousBlobs.contains(blob) { unchanged.append(document) } else { changed.append(document) }
        }
        let differing = entries.filter { !MarkdownName.endsInLowercase($0.path) || !currentBlobs.contains($0.blob) }
        guard let before = try? Engine.load(source: BlobSource(repository: repository, entries: differing), planRoot: plan.planRoot,
                                            revisionDate: plan.revisionDate, cache: cache)
        else { return nil }
        let retired: [String: String]
        if let known {
            retired = known
        } else {
            retired = try retiredIDs(before: previous, planRoot: plan.planRoot, in: repository, cache: cache)
        }
        var change = PlanChange(previous: before.corpus, current: Corpus(documents: changed),
                                retiredIDs: retired,
                                unchangedIDs: Set(unchanged.compactMap(\.id?.value)),
                                disposed: Set(plan.corpus.documents.flatMap { $0.disposes.map(\.value) }))
        change.migration = ClaimLines.migration(from: before, to: plan)
        change.unread = plan.unread
        return change
    }

    /// The documents of one side of a commit's changes, with the commit's configuration.
    static func partialPlan(_ paths: [(path: String, blob: ObjectID)], at commit: ObjectID, planRoot: String, date: PlanDate,
                            in repository: Repository, cache: DecodeCache?) throws(SMSPlanError) -> Plan? {
        var entries = paths.filter { $0.path.hasSuffix(".md") }.map { FileEntry(path: $0.path, blob: $0.blob, mode: .regular) }
        for name in ["smsplan.yaml", "roles.yaml"] {
            entries += try git { try repository.treeEntries(of: commit, under: planRoot.appendingPathComponent(name)) }
        }
        return try? Engine.load(source: BlobSource(repository: repository, entries: entries), planRoot: planRoot, revisionDate: date, cache: cache)
    }

    /// Ids of documents deleted in the history of `commit` (itself included), with the path
    /// each had, for `id-reused`. Kept in the cache by commit (outside a shallow clone): a
    /// commit with one parent adds its own deletions to its parent's, so the history is walked
    /// once, not on every check.
    static func retiredIDs(before commit: ObjectID, planRoot: String, in repository: Repository,
                           cache: DecodeCache? = nil) throws(SMSPlanError) -> [String: String] {
        // A shallow clone's history may grow (`git fetch --unshallow`): nothing is kept.
        let cache = repository.isShallow ? nil : cache
        let key = DecodeCache.retiredKey(commit.hex, planRoot: planRoot)
        if let known = cache?.retired(key) { return known }
        var retired: [String: String] = [:]
        if let cache, let entry = try? repository.commit(commit), entry.parents.count == 1,
            let earlier = cache.retired(DecodeCache.retiredKey(entry.parents[0].hex, planRoot: planRoot)) {
            let changes = (try? repository.changes(between: [(entry.parents.first, entry.id)], under: planRoot, deletedOnly: true)[0].get()) ?? []
            retired = earlier.merging(deletedIDs(in: changes, in: repository)) { _, own in own }
        } else {
            // A stretch of commits at a time, their trees read together (`changes(between:)`).
            let ancestry = try git { try repository.ancestry(of: commit) }
            for start in stride(from: 0, to: ancestry.count, by: historyStretch) {
                let stretch = ancestry[start..<min(start + historyStretch, ancestry.count)]
                let changes = repository.changes(between: stretch.map { (old: $0.parents.first, new: $0.id) }, under: planRoot, deletedOnly: true)
                for changed in changes {
                    retired.merge(deletedIDs(in: (try? changed.get()) ?? [], in: repository)) { first, _ in first }
                }
            }
        }
        cache?.storeRetired(key, retired)
        return retired
    }

    /// How many commits' trees are read together (`Repository.changes(between:)`): enough for
    /// a folder's chain of deltas, few enough that their changes are small beside the plan.
    static let historyStretch = 128

    /// The ids of the documents a commit deleted, with their paths, from its changes against
    /// its first parent.
    private static func deletedIDs(in changes: [FileChange], in repository: Repository) -> [String: String] {
        var deleted: [String: String] = [:]
        for change in changes where change.kind == .deleted {
            guard let path = change.oldPath, path.hasSuffix(".md"), let blob = change.oldBlob,
                let data = try? repository.blobData(blob), let id = DocumentDecoder.decode(data, path: path).document?.id?.value
            else { continue }
            deleted[id] = deleted[id] ?? path
        }
        return deleted
    }

    /// The scope document named by `scope:` as it stood at the last phase baseline.
    static func lastBaselineScope(of plan: Plan, in repository: Repository) throws -> BaselineScope? {
        guard let scope = plan.config.scope?.value else { return nil }
        let prefix = plan.config.baseline.tagPrefix
        let last = try repository.tags(prefix: prefix).compactMap { tag in Baselines.parse(tag: tag.name, prefix: prefix).map { (tag, $0) } }
            .max { ($0.1.phase, $0.1.revision ?? 1) < ($1.1.phase, $1.1.revision ?? 1) }
        guard let (tag, _) = last else { return nil }
        let path = plan.path(scope)
        let blob = try repository.treeEntries(of: tag.target, under: path).first { $0.path == path }?.blob
        return BaselineScope(tag: tag.name, path: path, contents: try blob.map { try repository.blobData($0) })
    }
}

/// Where the documents of a range's head tree lie: each path with the document's id, and the
/// first path (in path order, as `Corpus.byID`) holding each id.
struct HeadDocuments {
    private var ids: [PathKey: String?] = [:]
    private var paths: [PathKey: String] = [:]

    init(_ corpus: Corpus) {
        ids.reserveCapacity(corpus.documents.count)
        for document in corpus.documents {
            let id = document.id?.value
            if ids[PathKey(document.path)] == nil { ids[PathKey(document.path)] = .some(id) }
            if let id, paths[PathKey(id)] == nil { paths[PathKey(id)] = document.path }
        }
    }

    func contains(_ path: String) -> Bool {
        ids[PathKey(path)] != nil
    }

    /// The id of the document at `path`, when there is one and it has an id.
    func id(at path: String) -> String? {
        ids[PathKey(path)] ?? nil
    }

    /// The path of the first document holding `id`.
    func path(of id: String) -> String? {
        paths[PathKey(id)]
    }
}
