import Foundation
import GitKit

/// Phase baselines: gated, annotated (optionally signed) tags with a manifest.
public enum Baselines {
    /// What `baseline create` is asked to do.
    public struct CreateRequest: Sendable {
        public var directory: URL
        public var phase: Int
        /// A revised baseline of a phase already baselined: `phase-N.rR`.
        public var revision: Int?
        public var dryRun = false
        public var allowDirty = false
        /// Sign even when smsplan.yaml does not ask for it.
        public var sign = false
        public var toolVersion: String
        public var environment: [String: String]
        public var now: Date

        public init(directory: URL, phase: Int, revision: Int? = nil, dryRun: Bool = false, allowDirty: Bool = false, sign: Bool = false,
                    toolVersion: String, environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) {
            self.directory = directory
            self.phase = phase
            self.revision = revision
            self.dryRun = dryRun
            self.allowDirty = allowDirty
            self.sign = sign
            self.toolVersion = toolVersion
            self.environment = environment
            self.now = now
        }
    }

    /// What `baseline create` found and did.
    public struct Creation: Sendable {
        public var tag: String
        public var commit: String
        /// Why the phase cannot be baselined; empty when the gate is met.
        public var shortfalls: [String]
        /// When the tag is taken already: what it is and the `--revision` that would make a new one.
        public var alreadyExists: String?
        /// Uncommitted paths, reported even with --allow-dirty.
        public var uncommitted: [String]
        /// The whole tag message: the summary, then the manifest (written when asked for:
        /// a dry run shows it only with --manifest).
        public var message: String {
            var message = summary + "\n"
            manifest.appendBlock(to: &message)
            return message
        }
        let manifest: BaselineManifest
        /// The human part of the message (`message` without the manifest).
        public var summary: String
        public var signed: Bool
        public var created: Bool
        /// The plan the gate read, for a caller about to exit to leave to the exit to
        /// reclaim (freeing a large plan object by object costs more than the exit itself).
        public var plan: Plan? = nil
    }

    /// The tag name of a phase's baseline: `<prefix>phase-N`, revisions `<prefix>phase-N.rR`.
    public static func tagName(prefix: String, phase: Int, revision: Int? = nil) -> String {
        "\(prefix)phase-\(phase)" + (revision.map { ".r\($0)" } ?? "")
    }

    /// The phase (and revision) a baseline tag name stands for.
    public static func parse(tag: String, prefix: String) -> (phase: Int, revision: Int?)? {
        guard tag.hasPrefix(prefix + "phase-") else { return nil }
        let rest = tag.dropFirst(prefix.count + "phase-".count)
        let parts = rest.split(separator: ".", maxSplits: 1)
        guard let phase = parts.first.flatMap({ Int($0) }), phase > 0 else { return nil }
        if parts.count == 1 { return (phase, nil) }
        guard parts[1].hasPrefix("r"), let revision = Int(parts[1].dropFirst()) else { return nil }
        return (phase, revision)
    }

    /// Checks HEAD against the phase gate and, unless a dry run or the gate is not met,
    /// creates the tag. Never moves or overwrites a tag.
    public static func create(_ request: CreateRequest) throws(SMSPlanError) -> Creation {
        let repository = try Checker.openRepository(CheckRequest(directory: request.directory, environment: request.environment))
        guard let head = try Checker.git({ try repository.headCommit() }) else {
            throw .refused("the repository has no commits yet; commit the plan before baselining it")
        }
        let uncommitted = repository.isBare ? [] : try Checker.git { try repository.uncommittedPaths() }
        // Its pack files are let go (with the bases of their deltas) while the plan is read through another handle.
        repository.releaseCaches()
        let (plan, facts, result) = try gateFacts(CheckRequest(directory: request.directory, target: .revision(head.id.hex),
                                                       environment: request.environment, now: request.now),
                                          phase: request.phase, commit: head.id.hex, toolVersion: request.toolVersion)
        let prefix = plan.config.baseline.tagPrefix
        let name = tagName(prefix: prefix, phase: request.phase, revision: request.revision)
        let existing = try Checker.git { try repository.tags(prefix: prefix) }
        var shortfalls: [String] = []
        let alreadyExists = existing.first(where: { $0.name == name }).map {
            alreadyTaken($0, existing: existing, prefix: prefix, phase: request.phase)
        }
        if !uncommitted.isEmpty && !request.allowDirty {
            let listed = uncommitted.prefix(10).joined(separator: ", ") + (uncommitted.count > 10 ? ", ..." : "")
            shortfalls.append("uncommitted changes: \(listed); a baseline records HEAD only: commit them, or use --allow-dirty to baseline HEAD as it is")
        }
        // Why the phase cannot be baselined: errors, uncovered requirements due by the phase,
        // open activities of the phase, earlier phases without a baseline.
        shortfalls += errorShortfalls(result) + facts.shortfalls
            + earlierPhaseShortfalls(phase: request.phase, existing: existing, prefix: prefix)
        let manifest = facts.manifest
        let summary = tagSummary(manifest: manifest, organization: plan.config.organization, revisions: facts.revisions, tag: name)
        let sign = request.sign || plan.config.baseline.sign
        var creation = Creation(tag: name, commit: head.id.hex, shortfalls: shortfalls, alreadyExists: alreadyExists,
                                uncommitted: uncommitted, manifest: manifest, summary: summary, signed: sign, created: false,
                                plan: plan)
        guard shortfalls.isEmpty, alreadyExists == nil, !request.dryRun else { return creation }
        // Two runs may pass the gate at once: they take turns from here, and the second
        // finds the first one's tag and refuses, having created nothing.
        let lock = try DirectoryLock(repository.commonDirectory)
        defer { withExtendedLifetime(lock) {} }
        if let taken = try? repository.tag(named: name) {
            creation.alreadyExists = alreadyTaken(taken, existing: (try? repository.tags(prefix: prefix)) ?? [taken], prefix: prefix, phase: request.phase)
            return creation
        }
        let message = creation.message
        if sign {
            try GitCommand.run(["tag", "-s", "-F", "-", name, head.id.hex], input: message, repository: repository, environment: request.environment)
        } else {
            do {
                try repository.createTag(name, on: head.id, message: message, environment: request.environment)
            } catch let error as GitError where error.isExists {
                // Made by something that does not take smsplan's lock, such as `git tag`.
                throw .refused("\(name) was created by another process while this one checked the gate; nothing was created")
            } catch let error as GitError {
                throw .git(error)
            } catch {
                throw .refused("\(error)")
            }
        }
        creation.created = true
        return creation
    }

    /// The shortfall for a tag name that is taken, naming the next free revision.
    private static func alreadyTaken(_ taken: Tag, existing: [Tag], prefix: String, phase: Int) -> String {
        let next = (existing.compactMap { parse(tag: $0.name, prefix: prefix) }.filter { $0.phase == phase }
            .map { $0.revision ?? 1 }.max() ?? 1) + 1
        return "phase \(phase) is baselined already: \(taken.name) exists (\(taken.date.map { PlanDate($0).description } ?? "made earlier"), commit \(taken.target.hex.prefix(7))); baselines are never moved or overwritten: a revised baseline needs --revision \(next) (\(tagName(prefix: prefix, phase: phase, revision: next))), which keeps the old one"
    }

    /// The plan at `request`'s revision, with its `GateFacts` for `phase` and its check; facts
    /// kept for a plan read as one checked before (`Checker.keptOrMade`) get this commit,
    /// this smsplan and each document's blob id put in.
    static func gateFacts(_ request: CheckRequest, phase: Int, commit: String, toolVersion: String) throws(SMSPlanError)
        -> (plan: Plan, facts: GateFacts, result: CheckResult) {
        var (facts, plan, kept) = try Checker.keptOrMade(request, name: "baseline-gate-\(phase)", decode: GateFacts.init(encoded:),
                                                         encode: \.encoded) { plan in
            // The plan was read from the commit's tree: each document knows its blob id.
            GateFacts(manifest: BaselineManifest(plan: plan, phase: phase, commit: commit, toolVersion: toolVersion),
                      shortfalls: analysisShortfalls(plan: plan, phase: phase), revisions: revisions(in: plan))
        }
        if kept {
            facts.manifest.commit = commit
            facts.manifest.tool = BaselineManifest.tool(version: toolVersion)
            for position in facts.manifest.documents.indices {
                facts.manifest.documents[position].blob = plan.corpus.byPath[facts.manifest.documents[position].path]?.blob ?? ""
            }
            for position in facts.manifest.records.indices {
                facts.manifest.records[position].blob = plan.corpus.byPath[facts.manifest.records[position].path]?.blob ?? ""
            }
        }
        return (plan, facts, Engine.check(plan))
    }

    /// The gate's word on a plan's error findings.
    static func errorShortfalls(_ result: CheckResult) -> [String] {
        guard result.errorCount > 0 else { return [] }
        let first = result.diagnostics.first { $0.severity == .error }.map { " (first: \($0.path):\($0.line): \($0.message) [\($0.rule)])" } ?? ""
        return ["\(result.errorCount) error finding\(result.errorCount == 1 ? "" : "s") in smsplan check\(first)"]
    }

    /// The gate's word on the requirements due by `phase` and the phase's activities.
    static func analysisShortfalls(plan: Plan, phase: Int) -> [String] {
        var shortfalls: [String] = []
        if let schema = plan.schema, let analysis = plan.analysis {
            for requirement in schema.requirements where schema.isLeaf(requirement.id) {
                guard let coverage = analysis.coverage.requirements[requirement.id], coverage.duePhase <= phase, coverage.blocks
                else { continue }
                shortfalls.append("requirement \(requirement.id) \"\(requirement.title)\" is due by phase \(coverage.duePhase) and \(coverage.status.rawValue)")
            }
            for planned in analysis.phases.activities(in: phase) where !planned.isComplete(in: analysis.counted) {
                let state = planned.isDone ? "done but its evidence is not approved" : planned.activity.status?.value.rawValue ?? "without a status"
                shortfalls.append("activity \(planned.activity.id?.value ?? "?") \"\(planned.activity.title?.value ?? "")\" is \(state)")
            }
        } else {
            shortfalls.append("no usable requirement schema")
        }
        return shortfalls
    }

    /// The gate's word on the phases before `phase` that have no baseline.
    static func earlierPhaseShortfalls(phase: Int, existing: [Tag], prefix: String) -> [String] {
        var shortfalls: [String] = []
        let baselined = Set(existing.compactMap { parse(tag: $0.name, prefix: prefix)?.phase })
        for earlier in 1..<max(phase, 1) where !baselined.contains(earlier) {
            shortfalls.append("phase \(earlier) has no baseline (\(tagName(prefix: prefix, phase: earlier))); baseline the phases in order")
        }
        return shortfalls
    }

    /// path -> blob id of every file in a commit.
    static func blobMap(of commit: ObjectID, in repository: Repository) throws(SMSPlanError) -> [String: String] {
        Dictionary(try Checker.git { try repository.treeEntries(of: commit) }.map { ($0.path, $0.blob.hex) }, uniquingKeysWith: { first, _ in first })
    }

    /// The readable summary, then the manifest block.
    static func tagMessage(manifest: BaselineManifest, plan: Plan, tag: String) -> String {
        tagSummary(manifest: manifest, organization: plan.config.organization, revisions: revisions(in: plan), tag: tag) + "\n" + manifest.block
    }

    /// The documents under revision, which count with their version in force: a line each.
    static func revisions(in plan: Plan) -> String {
        plan.corpus.documents.compactMap { document in
            plan.revisionState(of: document).map { "Under revision: \(document.id?.value ?? document.path) \($0).\n" }
        }.sorted().joined()
    }

    /// The human part of the tag message: what is baselined, the documents and the coverage.
    static func tagSummary(manifest: BaselineManifest, organization: String?, revisions: String, tag: String) -> String {
        let approved = manifest.documents.reduce(0) { $0 + ($1.status == "approved" ? 1 : 0) }
        let coverage = manifest.coverage
        return """
            smsplan baseline: phase \(manifest.phase) of \(YAMLText.oneLine(organization ?? "the SMS"))

            Phase \(manifest.phase) baselined as \(tag) on \(manifest.date), commit \(manifest.commit.prefix(12)).
            \(manifest.documents.count) controlled documents (\(approved) approved) and \(manifest.records.count) records; schema \(YAMLText.oneLine(manifest.schema ?? "none")).
            Coverage: \(coverage.covered) requirements covered, \(coverage.partial) partly, \(coverage.uncovered) not yet, \(coverage.excluded) excluded; \(coverage.coveredDueByPhase) of the \(coverage.dueByPhase) due by phase \(manifest.phase) covered.
            \(revisions)
            """
    }
}
