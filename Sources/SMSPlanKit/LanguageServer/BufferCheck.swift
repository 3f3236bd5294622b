import Foundation
import GitKit

/// The findings about one open buffer, as `smsplan check` reports them for its file: the
/// buffer's unsaved text with every single-document rule and the whole-plan rules against
/// the rest of the plan on disk; after a save, the history rules against HEAD as well.
/// Outside a git repository, the single-document rules only.
public enum BufferCheck {
    public struct Outcome: Sendable {
        /// The findings about the buffer's own file.
        public var diagnostics: [Diagnostic]
        /// False when the file lies in no git repository (single-document rules only).
        public var inRepository: Bool
        /// The plan as checked (the buffer's text in place of its file), for completion,
        /// hover and the other look-ups until the next check.
        var plan: Plan?
    }

    /// Checks `text` as the contents of the file at `file`; with `history`, the file on disk
    /// is taken as the buffer (just saved) and compared with HEAD too.
    public static func check(file: URL, text: String, history: Bool, now: Date = Date()) -> Outcome {
        let folder = file.deletingLastPathComponent()
        let request = CheckRequest(directory: folder, now: now)
        guard let repository = try? Checker.openRepository(request), repository.workingDirectory != nil,
            let path = repository.relativePath(of: file)
        else {
            return Outcome(diagnostics: singleDocument(file: file, text: text, now: now), inRepository: false)
        }
        if history, let result = try? Checker.check(request) {
            return Outcome(diagnostics: result.diagnostics.filter { $0.path == path }, inRepository: true)
        }
        guard let plan = try? load(request, repository: repository, overlay: (path, Data(text.utf8))) else {
            return Outcome(diagnostics: [], inRepository: true)
        }
        return Outcome(diagnostics: findings(about: path, in: plan), inRepository: true, plan: plan)
    }

    /// What `Engine.check` finds about one file, without running the single-document rules
    /// on every other document: the findings of reading it, the single-document rules on
    /// it, and the whole-plan rules (which see every document) for it.
    static func findings(about path: String, in plan: Plan) -> [Diagnostic] {
        let config = plan.config
        var context = RuleContext(config: config, roles: plan.roles, schema: plan.schema, revisionDate: plan.revisionDate,
                                  planRoot: plan.planRoot, analysis: plan.analysis)
        context.baselineScope = plan.baselineScope
        var located = plan.readFindings.filter { ($0.finding.path ?? $0.path) == path }
        if let document = plan.corpus.byPath[path] {
            for rule in RuleRegistry.documentRules where config.severity(of: rule.descriptor) != nil {
                located += rule.check(document, in: context).map { (document.path, $0) }
            }
        }
        for rule in RuleRegistry.corpusRules where config.severity(of: rule.descriptor) != nil {
            located += rule.check(plan.corpus, in: context).filter { $0.path == path }.map { (path, $0) }
        }
        return Engine.result(located, plan: plan).diagnostics.filter { $0.path == path }
    }

    /// The working-tree plan around the request's folder with one file's bytes replaced.
    static func load(_ request: CheckRequest, repository: Repository, overlay: (path: String, data: Data)) throws(SMSPlanError) -> Plan {
        guard let workdir = repository.workingDirectory else { throw .noWorkingTree }
        let source = OverlaySource(base: WorkingTreeSource(repository: repository, root: workdir), path: overlay.path, data: overlay.data)
        let planRoot = try Checker.locatePlan(from: repository.relativePath(of: request.directory) ?? "", in: source)
        // The decode cache `smsplan check` keeps in the git directory: only changed files are parsed.
        let cache = DecodeCache(gitDirectory: repository.commonDirectory)
        defer { cache.save() }
        var plan = try Engine.load(source: source, planRoot: planRoot, revisionDate: PlanDate(request.now), cache: cache)
        plan.repositoryRoot = workdir
        let head = try? repository.headCommit()?.id
        let inForce = VersionsInForce.find(for: plan.corpus, from: head.map { [$0] } ?? [], in: repository, cache: cache)
        if !inForce.inForce.isEmpty, let schema = plan.schema {
            plan.analysis = PlanAnalysis(corpus: plan.corpus, schema: schema, config: plan.config, revisionDate: plan.revisionDate,
                                         inForce: inForce.inForce)
        }
        return plan
    }

    /// The single-document rules on a file outside git, with the configuration and roles
    /// of the nearest smsplan.yaml above it when there is one.
    static func singleDocument(file: URL, text: String, now: Date) -> [Diagnostic] {
        var files: [String: Data] = [:]
        var folder = file.deletingLastPathComponent().standardizedFileURL
        var relative = file.lastPathComponent
        while true {
            if let config = FileManager.default.contents(atPath: folder.appendingPathComponent("smsplan.yaml").path) {
                files["smsplan.yaml"] = config
                files["roles.yaml"] = FileManager.default.contents(atPath: folder.appendingPathComponent("roles.yaml").path)
                break
            }
            if folder.path == "/" || folder.path.isEmpty {
                files["smsplan.yaml"] = Data("smsplan: 1\nstandard: iso20000-1:2011\n".utf8)
                relative = file.lastPathComponent
                break
            }
            relative = folder.lastPathComponent + "/" + relative
            folder = folder.deletingLastPathComponent()
        }
        guard let plan = try? Engine.load(source: InMemorySource(data: files), planRoot: "", revisionDate: PlanDate(now)) else { return [] }
        let decoded = DocumentDecoder.decode(Data(text.utf8), path: relative)
        var located = decoded.findings.map { (path: relative, finding: $0) }
        if let document = decoded.document {
            let context = RuleContext(config: plan.config, roles: plan.roles, schema: plan.schema, revisionDate: plan.revisionDate,
                                      planRoot: "")
            for rule in RuleRegistry.documentRules where plan.config.severity(of: rule.descriptor) != nil {
                located += rule.check(document, in: context).map { (path: relative, finding: $0) }
            }
        }
        return Engine.result(located, plan: plan).diagnostics.filter { $0.path == relative }
    }
}

/// A plan source with one file's bytes taken from an editor's buffer instead of the disk.
struct OverlaySource<Base: PlanSource>: PlanSource {
    let base: Base
    let path: String
    let data: Data

    func files(under folder: String) throws(SMSPlanError) -> [SourceEntry] {
        var entries = try base.files(under: folder).map { entry in
            entry.path == path ? SourceEntry(path: entry.path, kind: entry.kind, blob: nil, listedSize: data.count) : entry
        }
        let prefix = folder.isEmpty ? "" : folder + "/"
        if path.hasPrefix(prefix), !entries.contains(where: { $0.path == path }) {
            entries.append(SourceEntry(path: path, kind: .regular, listedSize: data.count))
            entries.sort { $0.path < $1.path }
        }
        return entries
    }

    func read(_ path: String) throws(SMSPlanError) -> Data? { path == self.path ? data : try base.read(path) }
    func size(_ path: String) -> Int? { path == self.path ? data.count : base.size(path) }
    func linkTarget(_ path: String) -> String? { path == self.path ? nil : base.linkTarget(path) }
    var readsConcurrently: Bool { base.readsConcurrently }
}
