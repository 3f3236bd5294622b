import Foundation
import GitKit

/// Runs every rule over a plan: single-document rules, then whole-plan rules, and
/// applies the configured severities. It writes nothing but the memo of single-document
/// findings a plan read by `Checker.load` carries (`DocumentFindingsMemo`).
public enum Engine {
    /// Reads and checks the plan whose `smsplan.yaml` lies in `planRoot` of `source`.
    public static func check(source: some PlanSource, planRoot: String, revisionDate: PlanDate) throws(SMSPlanError) -> CheckResult {
        check(try load(source: source, planRoot: planRoot, revisionDate: revisionDate))
    }

    /// Reads the plan whose `smsplan.yaml` lies in `planRoot` of `source`.
    public static func load(source: some PlanSource, planRoot: String, revisionDate: PlanDate) throws(SMSPlanError) -> Plan {
        try PlanLoader.load(source: source, planRoot: planRoot, revisionDate: revisionDate)
    }

    /// `analysed` false: without the plan's analysis, for a caller that makes it itself.
    static func load(source: some PlanSource, planRoot: String, revisionDate: PlanDate, cache: DecodeCache?,
                     analysed: Bool = true, summaries: PlanLoader.SummaryChoice? = nil) throws(SMSPlanError) -> Plan {
        try PlanLoader.load(source: source, planRoot: planRoot, revisionDate: revisionDate, cache: cache, analysed: analysed,
                            summaries: summaries)
    }

    /// Every finding about a plan that was read.
    public static func check(_ plan: Plan) -> CheckResult {
        let config = plan.config
        let context = ruleContext(for: plan)
        let documentRules = RuleRegistry.documentRules.filter { config.severity(of: $0.descriptor) != nil }
        let documents = plan.corpus.documents
        // The whole-plan rules, each a task of its own, and the history rules as one more.
        // Where the plan decodes as one checked before, only the rules that read documents'
        // bytes run; the others' findings are replayed.
        let replayed = plan.wholePlan?.replayed
        let corpusRules = RuleRegistry.corpusRules.filter {
            config.severity(of: $0.descriptor) != nil && (replayed == nil || $0.readsDocumentBytes)
        }
        @Sendable func wholePlan(_ task: Int) -> [(path: String, finding: Finding)] {
            let found = task < corpusRules.count
                ? corpusRules[task].check(plan.corpus, in: context)
                : plan.change.map { historyFindings($0, in: context) } ?? []
            return found.map { ($0.path ?? plan.path("smsplan.yaml"), $0) }
        }
        let wholePlanTasks = corpusRules.count + 1
        let memo = plan.documentFindings
        @Sendable func oneByOne(_ range: Range<Int>) -> [(path: String, finding: Finding)] {
            var located: [(path: String, finding: Finding)] = []
            // Kept in the memo once for the part, not a lock taken per document.
            var checked: [(blob: ObjectID, findings: [Finding])] = []
            for document in documents[range] {
                // A document whose blob was checked under the same inputs is not checked again.
                if let memo, let blob = document.blobID, let found = memo.findings(of: blob) {
                    located += found.map { (document.path, $0) }
                    continue
                }
                assert(!document.isSummary, "a summary is checked as a document")
                var found: [Finding] = []
                for rule in documentRules {
                    found += rule.check(document, in: context)
                }
                if memo != nil, let blob = document.blobID { checked.append((blob, found)) }
                located += found.map { (document.path, $0) }
            }
            memo?.store(checked)
            return located
        }
        defer { memo?.save(keeping: documents.compactMap(\.blobID)) }
        /// The whole-plan rules' findings (the tasks' first `corpusRules.count`), kept for the
        /// next check of a plan that decodes the same; or those replayed.
        func remember(_ tasks: [[(path: String, finding: Finding)]]) -> [(path: String, finding: Finding)] {
            guard let use = plan.wholePlan else { return [] }
            if let replayed = use.replayed { return replayed }
            use.memo.store(zip(corpusRules, tasks).filter { !$0.0.readsDocumentBytes }.flatMap(\.1), for: use.key, documents: use.documents)
            return []
        }
        // A large plan's documents go through the single-document rules in parts on the
        // worker threads, beside the whole-plan rules and the history rules (the order does
        // not matter: the diagnostics are sorted). The whole-plan tasks come first, the
        // longest work, so that the parts fill the cores around them.
        guard documents.count >= 512 else {
            let tasks = (0..<wholePlanTasks).map(wholePlan)
            return result(plan.readFindings + oneByOne(documents.indices) + tasks.flatMap { $0 } + remember(tasks), plan: plan)
        }
        let parts = 8
        let found = ResultSlots<[(path: String, finding: Finding)]>(count: wholePlanTasks + parts)
        let size = (documents.count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: wholePlanTasks + parts) { task in
            if task < wholePlanTasks {
                found.set(task, wholePlan(task))
            } else {
                let part = task - wholePlanTasks
                let range = min(part * size, documents.count)..<min((part + 1) * size, documents.count)
                found.set(task, oneByOne(range))
            }
        }
        let tasks = found.values
        return result(plan.readFindings + tasks.flatMap { $0 } + remember(Array(tasks.prefix(wholePlanTasks))), plan: plan)
    }

    /// What the rules know of the plan besides the document they look at.
    private static func ruleContext(for plan: Plan) -> RuleContext {
        var context = RuleContext(config: plan.config, roles: plan.roles, schema: plan.schema, revisionDate: plan.revisionDate,
                                  planRoot: plan.planRoot, analysis: plan.analysis)
        context.baselineScope = plan.baselineScope
        context.editionMismatch = plan.editionMismatch
        if let file = plan.codeOwners {
            context.codeOwners = file
            // Read by code-owners-stale only, whose findings a replayed check does not make.
            if plan.wholePlan?.replayed == nil { context.expectedCodeOwners = CodeOwners.block(for: plan) }
        }
        return context
    }

    /// The history rules' findings on a change; messages name the commit when there is one.
    static func historyFindings(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        RuleRegistry.historyRules.filter { context.config.severity(of: $0.descriptor) != nil }.flatMap { rule in
            rule.check(change, in: context).map { finding in
                var finding = finding
                if let commit = change.commit { finding.message = "commit \(commit): " + finding.message }
                return finding
            }
        }
    }

    /// Diagnostics from findings: severities applied, rules switched off dropped, sorted.
    static func result(_ located: [(path: String, finding: Finding)], plan: Plan) -> CheckResult {
        let diagnostics = diagnostics(located, config: plan.config) { plan.corpus.byPath[$0]?.id?.value }
        return CheckResult(diagnostics: diagnostics, documentCount: plan.corpus.documents.count, fileCount: plan.fileCount,
                           checkedPaths: plan.checkedPaths.sorted(),
                           schemaID: plan.schema?.id, revisionDate: plan.revisionDate, repositoryRoot: plan.repositoryRoot,
                           notes: plan.notes)
    }

    /// Diagnostics from findings under `config`, sorted; `documentID` gives the id of the
    /// document at a path.
    static func diagnostics(_ located: [(path: String, finding: Finding)], config: PlanConfig,
                            documentID: (String) -> String?) -> [Diagnostic] {
        Set(located.compactMap { path, finding -> Diagnostic? in
            let filePath = finding.path ?? path
            guard let descriptor = RuleRegistry.descriptor(finding.rule), let configured = config.severity(of: descriptor) else { return nil }
            let severity = finding.ceiling.map { min($0, configured) } ?? configured
            return Diagnostic(rule: finding.rule, severity: severity, path: filePath, location: finding.location,
                              message: finding.message, document: documentID(filePath))
        }).sorted()
    }
}
