import Foundation

/// Runs every rule over a plan: reads the configuration, decodes each document,
/// applies single-document rules and then whole-plan rules, and applies the
/// configured severities. It never writes anything.
public enum Engine {
    /// Checks the plan whose `smsplan.yaml` lies in `planRoot` of `source`.
    public static func check(source: some PlanSource, planRoot: String, revisionDate: PlanDate) throws(SMSPlanError) -> CheckResult {
        let configPath = planRoot.appendingPathComponent("smsplan.yaml")
        guard let configData = try source.read(configPath) else { throw .noPlan(path: planRoot.isEmpty ? "." : planRoot) }
        var (config, findings) = try PlanConfig.decode(configData, path: configPath, knownRules: RuleRegistry.ids)

        let rolesPath = planRoot.appendingPathComponent("roles.yaml")
        var roles: RolesRegister?
        if let rolesData = try source.read(rolesPath) {
            let decoded = try RolesRegister.decode(rolesData, path: rolesPath)
            roles = decoded.0
            findings += decoded.1
        } else {
            findings.append(Finding(ConfigInvalidRule.id, at: .fileStart,
                                    "roles.yaml is missing beside smsplan.yaml; owners and approvers cannot be checked", path: configPath))
        }

        let schema = RequirementSchema.bundled(config.standardID)
        if schema == nil {
            findings.append(Finding(ConfigInvalidRule.id, at: config.standard?.location ?? .fileStart,
                                    "unknown standard \"\(config.standardID)\"; bundled schemas are \(RequirementSchema.bundledIDs.joined(separator: ", "))",
                                    path: configPath))
        }

        var markdown: [String] = []
        var seen = Set<String>()
        for root in config.roots {
            let folder = planRoot.appendingPathComponent(root)
            let entries = try source.files(under: folder)
            if entries.isEmpty, let location = config.rootLocations[root] {
                findings.append(Finding(ConfigInvalidRule.id, at: location, "documents root \"\(root)\" has no files", path: configPath))
            }
            for entry in entries where entry.kind == .regular && entry.path.lowercased().hasSuffix(".md") && seen.insert(entry.path).inserted {
                markdown.append(entry.path)
            }
        }

        let decoded = try decodeAll(markdown, from: source)
        let documents = decoded.compactMap(\.document)
        let context = RuleContext(config: config, roles: roles, schema: schema, revisionDate: revisionDate, planRoot: planRoot)
        let corpus = Corpus(documents: documents)

        var located: [(path: String, finding: Finding)] = []
        for (path, result) in zip(markdown, decoded) {
            located += result.findings.map { (path, $0) }
            if let document = result.document {
                for rule in RuleRegistry.documentRules where config.severity(of: rule.descriptor) != nil {
                    located += rule.check(document, in: context).map { (path, $0) }
                }
            }
        }
        for rule in RuleRegistry.corpusRules where config.severity(of: rule.descriptor) != nil {
            located += rule.check(corpus, in: context).map { ($0.path ?? planRoot, $0) }
        }
        located += findings.map { ($0.path ?? configPath, $0) }

        let diagnostics = located.compactMap { path, finding -> Diagnostic? in
            let filePath = finding.path ?? path
            guard let descriptor = RuleRegistry.descriptor(finding.rule), let severity = config.severity(of: descriptor) else { return nil }
            return Diagnostic(rule: finding.rule, severity: severity, path: filePath, location: finding.location,
                              message: finding.message, document: corpus.byPath[filePath]?.id?.value)
        }
        return CheckResult(diagnostics: diagnostics.sorted(), documentCount: documents.count, fileCount: markdown.count,
                           schemaID: schema?.id, revisionDate: revisionDate)
    }

    /// Reads and decodes every file, in parallel across cores.
    private static func decodeAll(_ paths: [String], from source: some PlanSource) throws(SMSPlanError) -> [(document: Document?, findings: [Finding])] {
        var read: [Data] = []
        read.reserveCapacity(paths.count)
        for path in paths {
            read.append(try source.read(path) ?? Data())
        }
        let contents = read
        let results = ResultSlots<(document: Document?, findings: [Finding])>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, DocumentDecoder.decode(contents[index], path: paths[index]))
        }
        return results.values
    }
}

/// Fixed slots that concurrent workers fill, one slot each.
private final class ResultSlots<Value>: @unchecked Sendable {
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

    var values: [Value] { slots.map { $0! } }
}
