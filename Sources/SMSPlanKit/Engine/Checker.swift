import Foundation
import GitKit

/// Checks a plan repository in git: finds the repository and the plan in it, picks the
/// state to read (working tree, index, a revision or a range of commits), compares it with
/// its previous committed state, and runs the engine.
public enum Checker {
    public static func check(_ request: CheckRequest) throws(SMSPlanError) -> CheckResult {
        try checkKeepingPlan(request).result
    }

    /// `check`, with the plan that was read (nil for a range). A command that is about to
    /// exit keeps it, so that the process ends without freeing every document one by one.
    public static func checkKeepingPlan(_ request: CheckRequest) throws(SMSPlanError) -> (result: CheckResult, plan: Plan?) {
        if case .range(let range) = request.target {
            return (try checkRange(range, request: request), nil)
        }
        let plan = try load(request, sharing: nil, checking: true)
        return (Engine.check(plan), plan)
    }

    /// Reads the plan the request names, with its previous committed state for the history
    /// rules (HEAD for the working tree and the index, the first parent for a revision, the
    /// range's first commit's parent for a range), without checking it.
    public static func load(_ request: CheckRequest) throws(SMSPlanError) -> Plan {
        try load(request, sharing: nil)
    }

    /// `load`, for `Engine.check` and a report beside it (status, the dashboard, a baseline's
    /// gate): every document read in full and the analysis made, and the whole-plan rules'
    /// findings replayed where the plan decodes as one checked before (`WholePlanMemo`).
    public static func loadForCheck(_ request: CheckRequest) throws(SMSPlanError) -> Plan {
        try load(request, sharing: nil, checking: true, analysing: true)
    }

    /// `load`, with the decode cache `shared` when the caller holds one open (and saves it);
    /// else with one of its own, saved on the way out. `checking`: for `Engine.check`, which
    /// then replays the whole-plan rules' findings of a plan that decodes as one checked
    /// before (`WholePlanMemo`); there, unless `analysing`, the analysis is not made, and with
    /// a cache of its own, documents are read as their summaries. `keptReport`: the name of
    /// what the caller makes of the plan, when it is kept beside the memo
    /// (`Checker.keptOrMade`); where none is kept for such a plan, it is read as with
    /// `analysing` (decided before the documents are read where their key tells, else after).
    static func load(_ request: CheckRequest, sharing shared: DecodeCache?, checking: Bool = false,
                     analysing: Bool = false, keptReport: String? = nil) throws(SMSPlanError) -> Plan {
        // Read while git's set-up and the listing of the state run on this thread.
        RequirementSchema.prepareBundled(for: request.directory)
        let repository = try openRepository(request)
        let startFolder = repository.relativePath(of: request.directory) ?? ""
        let source: any PlanSource
        let revisionDate: PlanDate
        let previous: ObjectID?
        // Where the history of the state read begins: HEAD, or the revision's parents.
        var history: [ObjectID] = []
        var checkedCommit: Commit?
        // The decode cache's file is read and indexed on a worker while the state is listed.
        let opening = ResultSlots<DecodeCache?>(count: 1)
        let opened = DispatchGroup()
        if shared == nil && request.useCache {
            let gitDirectory = repository.commonDirectory
            DispatchQueue.global().async(group: opened) { opening.set(0, DecodeCache(gitDirectory: gitDirectory, keepingDecoded: true)) }
        } else {
            opening.set(0, nil)
        }
        defer { opened.wait() }
        switch request.target {
        case .workingTree:
            guard let workdir = repository.workingDirectory else { throw .noWorkingTree }
            source = WorkingTreeSource(repository: repository, root: workdir)
            revisionDate = PlanDate(request.now)
            previous = try git { try repository.headCommit()?.id }
            history = previous.map { [$0] } ?? []
        case .staged:
            source = BlobSource(repository: repository, entries: try git { try repository.indexEntries() })
            revisionDate = PlanDate(request.now)
            previous = try git { try repository.headCommit()?.id }
            history = previous.map { [$0] } ?? []
        case .revision, .range:
            // A range is read at its head: BASE..HEAD.
            let name = switch request.target {
            case .range(let range): range.components(separatedBy: "..").last ?? range
            case .revision(let revision): revision
            default: "HEAD"
            }
            let commit = try resolve(name, in: repository)
            source = try snapshot(of: commit.id, in: repository)
            revisionDate = PlanDate(commit.time)
            previous = commit.parents.first
            history = commit.parents
            checkedCommit = commit
        }
        let planRoot = try locatePlan(from: startFolder, in: source)
        opened.wait()
        let owned = opening.values[0]
        let cache = shared ?? owned
        defer { owned?.save() }
        // The previous state's files and the ids retired before it are read through a second
        // handle, on a thread of their own while the documents are read and parsed (walking
        // the history is one core's work); the handle is released when they are read. (Read
        // again below, with its error, when this fails.)
        let prior = PriorState()
        let priorRead = DispatchGroup()
        if let previous, let history = repository.reopened() {
            // This handle gives back the pack files it opened to list the state, so that the
            // bases of deltas the history thread inflates go when its handle goes, not at the
            // end of the load (a pack file stays open while any handle has it open).
            repository.releaseCaches()
            prior.history = history
            DispatchQueue.global().async(group: priorRead) {
                guard let history = prior.history else { return }
                prior.entries = try? history.treeEntries(of: previous, under: planRoot)
                // The bases of the deltas those trees were inflated from go now, not when the
                // retired ids are known (a walk of the history, when they are not cached).
                history.releaseCaches()
                prior.blobs = prior.entries.map { Set($0.map(\.blob)) }
                prior.retired = try? retiredIDs(before: previous, planRoot: planRoot, in: history, cache: cache)
                prior.history = nil
            }
        }
        // Waited for on every way out, before the cache is saved.
        defer { priorRead.wait() }
        // The analysis is made once, below, with the versions in force. For a check, the
        // documents the cache holds are read as their summaries, and decoded in full below
        // wherever more of them is read.
        // Summaries only where the memo knows a plan whose documents decode as these do and,
        // for a report kept beside it (`keptReport`), where one is kept for such documents.
        let wholePlanMemo = checking && cache != nil ? WholePlanMemo(gitDirectory: repository.commonDirectory) : nil
        let documents = DocumentsRead()
        let choice: PlanLoader.SummaryChoice? = wholePlanMemo.map { memo in { paths, blobs, numbers, ruleInputs in
            (documents.paths, documents.blobs, documents.ruleInputs) = (paths, blobs, ruleInputs)
            documents.key = cache.flatMap {
                WholePlanMemo.documentsKey(paths: paths, blobs: blobs, numbers: numbers, ruleInputs: ruleInputs, cache: $0)
            }
            // Without a cache of this load's own there is no memo of each document's findings,
            // and every document is checked (in full) anyway.
            return !analysing && owned != nil && documents.key.map { key in
                memo.knows(documents: key) && keptReport.map { memo.reports.holds($0, documents: key) } != false
            } ?? false
        } }
        var plan = try Engine.load(source: source, planRoot: planRoot, revisionDate: revisionDate, cache: cache, analysed: false,
                                   summaries: choice)
        priorRead.wait()
        // The history thread's handle is gone; the pack files it read stay open, with the
        // bases of their deltas, while this handle has them open too. Given back here, before
        // the plan's analysis and its comparison with the previous state (which open again
        // only what they read).
        repository.releaseCaches()
        let previousEntries = prior.entries, previousBlobs = prior.blobs, retired = prior.retired
        plan.repositoryRoot = repository.workingDirectory
        plan.baselineScope = try? lastBaselineScope(of: plan, in: repository)
        let inForce = VersionsInForce.find(for: plan.corpus, from: history, in: repository, cache: cache)
        var wholePlan: WholePlanUse?
        // The documents' key, made again when a document was new to the cache before they
        // were read (a working-tree file the index does not vouch for is known by the blob id
        // of what was read).
        func documentsKeyNow(_ cache: DecodeCache) -> String? {
            let blobs = zip(documents.paths, documents.blobs).map { path, blob in blob ?? plan.corpus.byPath[path]?.blobID }
            return WholePlanMemo.documentsKey(paths: documents.paths, blobs: blobs, ruleInputs: documents.ruleInputs, cache: cache)
        }
        if let memo = wholePlanMemo, let cache, let documentsKey = documents.key ?? documentsKeyNow(cache),
            let key = WholePlanMemo.key(documents: documentsKey, plan: plan, inForce: inForce, cache: cache) {
            wholePlan = WholePlanUse(memo: memo, key: key, documents: documentsKey, replayed: memo.findings(for: key))
        }
        let analysing = analysing || wholePlan.map { use in
            use.replayed != nil && keptReport.map { !use.memo.reports.holds($0, for: use.key) } == true
        } == true
        // Every summary is decoded unless the whole-plan findings are replayed, no rule reads
        // the scope document's bytes and the analysis is not made. Where a cache entry is
        // damaged, the plan is read again in full, through the same cache (which parses that
        // file again and keeps it).
        if wholePlan?.replayed == nil || plan.baselineScope != nil || analysing {
            guard decodeSummaries(of: &plan, cache: cache, where: { _ in true }) else { return try load(request, sharing: cache) }
        }
        // The single-document rules' memo is read on a worker meanwhile, for the inputs of the
        // plan as the configuration and schema give them (an analysis, where one is made, can
        // find claims of another edition: the memo is then read again below for those).
        let memoRead = DispatchGroup()
        let memoSlot = ResultSlots<DocumentFindingsMemo?>(count: 1)
        if owned != nil, let inputs = DocumentFindingsMemo.digest(plan.ruleInputs + [Data([plan.editionMismatch == nil ? 0 : 1])]) {
            let gitDirectory = repository.commonDirectory
            DispatchQueue.global().async(group: memoRead) { memoSlot.set(0, DocumentFindingsMemo(gitDirectory: gitDirectory, inputs: inputs)) }
        } else {
            memoSlot.set(0, nil)
        }
        defer { memoRead.wait() }
        // The analysis is made on a worker while this thread compares the plan with its
        // previous state below (which reads neither it nor anything it writes).
        let analysis = ResultSlots<PlanAnalysis?>(count: 1)
        let analysed = DispatchGroup()
        if let schema = plan.schema, wholePlan?.replayed == nil || analysing {
            let inForceHere = inForce.inForce.isEmpty ? [:] : inForceInEdition(inForce, plan: plan, in: repository)
            let (corpus, config, date) = (plan.corpus, plan.config, plan.revisionDate)
            DispatchQueue.global().async(group: analysed) {
                analysis.set(0, PlanAnalysis(corpus: corpus, schema: schema, config: config, revisionDate: date, inForce: inForceHere))
            }
        } else {
            analysis.set(0, nil)
        }
        defer { analysed.wait() }
        plan.notes += inForce.notes
        // A previous commit a shallow clone lacks leaves the history rules without a
        // previous state; HistoryGaps says so once.
        if let previous, (try? repository.commit(previous)) != nil {
            // The documents the previous state does not hold as they are are compared in full.
            guard decodeSummaries(of: &plan, cache: cache, where: { document in
                document.blobID.map { previousBlobs?.contains($0) == true } != true
            }) else {
                return try load(request, sharing: cache)
            }
            plan.change = try change(from: previous, to: plan, in: repository, cache: cache, entries: previousEntries, blobs: previousBlobs,
                                     retired: retired)
            let mode = plan.config.approvalIdentity
            // A merge brings in approvals that its branch's own commits made (and were judged at).
            if let commit = checkedCommit, mode != .off, commit.parents.count == 1 {
                plan.change?.author = author(of: commit, mode: mode, in: repository, environment: request.environment)
            } else if case .staged = request.target {
                plan.change?.author = stagedAuthor(mode: mode, in: repository, environment: request.environment)
            }
        }
        plan.notes += HistoryGaps.notes(comparedWith: previous, hasPrevious: plan.change != nil, in: repository)
        analysed.wait()
        plan.analysis = analysis.values[0]
        // The single-document rules' findings are kept only beside a cache of this check's
        // own (not for a range's commits, each judged at its own date).
        var documentFindings: DocumentFindingsMemo?
        if owned != nil, let inputs = DocumentFindingsMemo.digest(plan.ruleInputs + [Data([plan.editionMismatch == nil ? 0 : 1])]) {
            memoRead.wait()
            documentFindings = memoSlot.values[0].flatMap { $0.inputs == inputs ? $0 : nil }
                ?? DocumentFindingsMemo(gitDirectory: repository.commonDirectory, inputs: inputs)
        }
        // The documents those rules check anew are read in full.
        guard decodeSummaries(of: &plan, cache: cache, where: { document in document.blobID.flatMap { documentFindings?.findings(of: $0) } == nil })
        else { return try load(request, sharing: cache) }
        plan.documentFindings = documentFindings
        plan.wholePlan = wholePlan
        return plan
    }

    /// Decodes in full each summary of `plan` (`Document.isSummary`) that `needs`, from the
    /// cache; false when the cache cannot give one back as its summary said (a damaged entry).
    private static func decodeSummaries(of plan: inout Plan, cache: DecodeCache?, where needs: (Document) -> Bool) -> Bool {
        let documents = plan.corpus.documents
        let positions = documents.indices.filter { documents[$0].isSummary && needs(documents[$0]) }
        guard !positions.isEmpty else { return true }
        guard let cache else { return false }
        let full = ResultSlots<Document?>(count: positions.count)
        DispatchQueue.concurrentPerform(iterations: positions.count) { slot in
            let summary = documents[positions[slot]]
            guard let blob = summary.blobID, var document = cache.lookup(blob)?.document else { return full.set(slot, nil) }
            document.path = summary.path
            document.storage = summary.storage
            document.blobID = blob
            full.set(slot, document)
        }
        var replacements: [Int: Document] = [:]
        for (position, document) in zip(positions, full.values) {
            guard let document else { return false }
            replacements[position] = document
        }
        guard let corpus = plan.corpus.replacing(replacements) else { return false }
        plan.corpus = corpus
        return true
    }

    static func openRepository(_ request: CheckRequest) throws(SMSPlanError) -> Repository {
        do {
            return try Repository.open(at: request.directory, environment: request.environment)
        } catch let error as GitError where error.isNotFound {
            throw .notARepository(path: request.directory.path)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "open", message: "\(error)"))
        }
    }

    static func resolve(_ revision: String, in repository: Repository) throws(SMSPlanError) -> Commit {
        do {
            return try repository.resolveCommit(revision)
        } catch {
            throw .badRevision(revision, reason: plainReason(for: revision, (error as? GitError)?.message ?? "\(error)"))
        }
    }

    /// libgit2's reason for an unknown revision, in the words of a person reading the history.
    static func plainReason(for revision: String, _ message: String) -> String {
        if let peel = revision.range(of: "^{", options: .backwards), revision.hasSuffix("}") {
            let kind = revision[peel.upperBound..<revision.index(before: revision.endIndex)]
            if !["", "commit"].contains(kind) { return "that names a \(kind), not a commit; give a commit, such as HEAD or main" }
        }
        if revision.contains(":") && !revision.hasPrefix(":/") { return "that names a file in a commit, not a commit; give a commit, such as HEAD or main" }
        if message.hasPrefix("parent "), message.hasSuffix(" does not exist") {
            let base = revision.prefix { $0 != "~" && $0 != "^" }
            return "that commit does not exist: the history of \(base.isEmpty ? "HEAD" : String(base)) is shorter"
        }
        if message.hasPrefix("revspec '"), message.hasSuffix("' not found") {
            return "no branch, tag or commit is called that"
        }
        return message
    }

    /// A commit's tree as a plan source.
    static func snapshot(of commit: ObjectID, in repository: Repository) throws(SMSPlanError) -> BlobSource {
        BlobSource(repository: repository, entries: try git { try repository.treeEntries(of: commit) })
    }

    /// The nearest folder at or above `folder` that holds smsplan.yaml; else the one plan
    /// below it, when there is exactly one (a hook runs at the top of the working tree).
    static func locatePlan(from folder: String, in source: some PlanSource) throws(SMSPlanError) -> String {
        var candidate = folder
        while true {
            if try source.read(candidate.appendingPathComponent("smsplan.yaml")) != nil { return candidate }
            if candidate.isEmpty { break }
            candidate = candidate.split(separator: "/").dropLast().joined(separator: "/")
        }
        let below = try source.files(under: folder).map(\.path).filter { $0.hasSuffix("/smsplan.yaml") }
            .map { String($0.dropLast("/smsplan.yaml".count)) }
        if below.count == 1 { return below[0] }
        if below.count > 1 {
            throw .refused("several plans below \(folder.isEmpty ? "." : folder): \(below.joined(separator: ", ")); choose one with -C")
        }
        throw .noPlan(path: folder.isEmpty ? "." : folder)
    }

    static func git<T>(_ body: () throws -> T) throws(SMSPlanError) -> T {
        do {
            return try body()
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "git", message: "\(error)"))
        }
    }
}

extension Checker {
    /// The identity git would author a commit with in the repository around the request's folder.
    public static func gitIdentity(_ request: CheckRequest) -> ChangeAuthor? {
        guard let repository = try? Repository.open(at: request.directory, environment: request.environment),
            let identity = repository.identity("AUTHOR", environment: request.environment)
        else { return nil }
        return ChangeAuthor(name: identity.name, email: identity.email)
    }

    /// The author name git would record in the repository around the request's folder.
    public static func authorName(_ request: CheckRequest) -> String? {
        guard let repository = try? Repository.open(at: request.directory, environment: request.environment) else { return nil }
        return repository.identity("AUTHOR", environment: request.environment)?.name
    }
}

/// What the history thread of `Checker.load` reads: written there, read after it is waited for.
private final class PriorState: @unchecked Sendable {
    /// The second handle, used on the history thread only and released there.
    var history: Repository?
    var entries: [FileEntry]?
    /// The blob ids of `entries`.
    var blobs: Set<ObjectID>?
    var retired: [String: String]?
}

/// What `Checker.load` saw of the plan's Markdown files before they were read, for the
/// whole-plan memo's key (`WholePlanMemo.documentsKey`).
private final class DocumentsRead: @unchecked Sendable {
    var paths: [String] = []
    var blobs: [ObjectID?] = []
    var ruleInputs: [Data?] = []
    var key: String?
}
