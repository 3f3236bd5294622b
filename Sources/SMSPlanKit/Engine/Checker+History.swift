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
        var final = try load(CheckRequest(directory: request.directory, target: .revision(head.id.hex),
                                          environment: request.environment, now: request.now))
        final.change = nil
        let commits = try git { try repository.commits(from: base.id, to: head.id) }

        var loaded: [ObjectID: Plan] = [:]
        let cache = request.useCache ? DecodeCache(gitDirectory: repository.commonDirectory) : nil
        defer { cache?.save() }
        func plan(at commit: Commit) -> Plan? {
            if let known = loaded[commit.id] { return known }
            let plan = try? Engine.load(source: snapshot(of: commit.id, in: repository), planRoot: final.planRoot,
                                        revisionDate: PlanDate(commit.time), cache: cache)
            loaded[commit.id] = plan
            return plan
        }
        var located: [(path: String, finding: Finding)] = []
        var cutOff: [Commit] = []
        for commit in commits {
            guard let after = plan(at: commit) else { continue }
            if !repository.hasParents(commit) { cutOff.append(commit) }
            // A merge reports only what it changed against every parent: what a branch
            // brought in was reported at the branch's own commits.
            var common: Set<Finding>?
            for parentID in commit.parents {
                guard let parent = try? repository.commit(parentID), let before = plan(at: parent) else { continue }
                let change = PlanChange(previous: before.corpus, current: after.corpus, commit: String(commit.id.hex.prefix(7)),
                                        retiredIDs: try retiredIDs(before: parentID, planRoot: final.planRoot, in: repository))
                let context = RuleContext(config: after.config, roles: after.roles, schema: after.schema, revisionDate: after.revisionDate,
                                          planRoot: after.planRoot, analysis: after.analysis)
                let findings = Set(Engine.historyFindings(change, in: context))
                common = common.map { $0.intersection(findings) } ?? findings
            }
            located += (common ?? []).map { ($0.path ?? final.path("smsplan.yaml"), $0) }
        }
        final.notes = HistoryGaps.notes(cutOff: cutOff, in: repository)
        let history = Engine.result(located, plan: final).diagnostics
        var result = Engine.check(final)
        result.diagnostics = Array(Set(result.diagnostics + history)).sorted()
        return result
    }

    /// Ids of documents deleted in the history of `commit` (itself included), with the path
    /// each had, for `id-reused`.
    static func retiredIDs(before commit: ObjectID, planRoot: String, in repository: Repository) throws(SMSPlanError) -> [String: String] {
        var retired: [String: String] = [:]
        let history = try git { try repository.ancestry(of: commit) }
        for entry in history {
            let changes = (try? repository.changes(from: entry.parents.first, to: entry.id, under: planRoot)) ?? []
            for change in changes where change.kind == .deleted {
                guard let path = change.oldPath, path.hasSuffix(".md"), let blob = change.oldBlob,
                    let data = try? repository.blobData(blob), let id = DocumentDecoder.decode(data, path: path).document?.id?.value
                else { continue }
                retired[id] = retired[id] ?? path
            }
        }
        return retired
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
