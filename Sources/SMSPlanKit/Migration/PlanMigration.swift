import Foundation

/// What `smsplan migrate` did (or, with `--dry-run`, would do) to a plan.
public struct MigrationReport: Sendable, Encodable {
    /// One clause id rewritten where it was written.
    public struct Rewrite: Sendable, Encodable {
        public var path: String
        public var line: Int
        public var from: String
        public var to: String
        /// True when an earlier item of the same list already became `to`: this item is removed.
        public var merged: Bool = false
    }

    /// A clause id left for a person: it maps to several clauses of the new edition, or to none.
    public struct Decision: Sendable, Encodable {
        public var path: String
        public var line: Int
        public var clause: String
        /// What the migration wrote in its place (a placeholder no schema has).
        public var written: String
        /// The clauses of the new edition it may become; empty when it has no counterpart.
        public var candidates: [String]
        /// For a clause the mapping does not name: the enclosing clause whose mapping gave the candidates.
        public var through: String?
        /// False when the document's type can be evidence for none of the candidates.
        public var fits: Bool = true
    }

    /// A clause of the new edition that no document claims after the migration.
    public struct Uncovered: Sendable, Encodable {
        public var id: String
        public var title: String
        /// True for a clause with no counterpart in the old edition.
        public var newInEdition: Bool
        /// The evidence its schema entry asks for.
        public var evidence: [String]
    }

    public var from: String
    public var to: String
    public var dryRun: Bool
    public var rewrites: [Rewrite] = []
    public var decisions: [Decision] = []
    public var uncovered: [Uncovered] = []
    /// Every file written (or, with `--dry-run`, that would be), relative to the repository's top level.
    public var files: [String] = []
}

/// Rewrites a plan's claims for another edition of ISO/IEC 20000-1: every `satisfies`, the
/// requirement lists of phase plan activities, exclusions and a custom schema's `extends`,
/// through the new schema's `maps-to`, as edits of single scalars (every other byte stays).
/// A clause that maps to several clauses or to none is never guessed: it becomes a
/// placeholder (`from-2011:4.1.1`) and a decision in the report. smsplan.yaml then names the
/// new edition in `standard:` (or the custom schema's `extends:`) and `claims-edition:`.
public enum PlanMigration {
    /// Migrates the plan in the working tree at `root` (the repository's top level).
    /// - Parameter from: the edition the claims are written for; nil: `claims-edition`, else the schema's.
    public static func migrate(_ plan: Plan, root: URL, to target: String, from: String? = nil, dryRun: Bool) throws(SMSPlanError) -> MigrationReport {
        guard let source = from ?? plan.config.claimsEdition(schema: plan.schema) else {
            throw .refused("the plan's schema belongs to no edition of ISO/IEC 20000-1; give the claims' edition with --from")
        }
        guard source != target else { throw .refused("the plan's claims are already written for \(target); nothing to migrate") }
        guard let mapping = EditionMapping(from: source, to: target) else {
            throw .refused("smsplan migrates claims from iso20000-1:2011 to iso20000-1:2018 only, not from \(source) to \(target)")
        }
        var report = MigrationReport(from: source, to: target, dryRun: dryRun)
        var edits = FileEdits()
        var claimed = Set<String>()

        guard let old = RequirementSchema.bundled(source) else { throw .refused("unknown edition \"\(source)\"") }
        /// Maps one id of a list; `seen` holds what the list's earlier items became, so that
        /// two old clauses becoming one new clause leave it once (the later item is removed).
        func map(_ id: Located<String>, in path: String, counts: Bool, document: Document? = nil, seen: inout Set<String>) {
            let value = id.value
            guard old.requirement(value) != nil else {
                seen.insert(value)
                return
            }
            let (mapped, through) = mapping.candidates(for: value, in: old)
            // A clause the document's type cannot be evidence for is no choice for it.
            let fitting = document.map { document in mapped.filter { Self.fits(document, mapping.to, $0) } } ?? mapped
            let targets = fitting.isEmpty ? mapped : fitting
            let decided = mapped.count == 1 && fitting.count == 1 && through == nil
            let written = decided ? targets[0] : MigrationDecision.placeholder(value, edition: source)
            guard seen.insert(written).inserted else {
                report.rewrites.append(.init(path: path, line: id.location.line, from: value, to: written, merged: true))
                edits.removeItem(in: path, at: id.location, old: value)
                return
            }
            if decided {
                report.rewrites.append(.init(path: path, line: id.location.line, from: value, to: written))
                if counts { claimed.insert(written) }
            } else {
                report.decisions.append(.init(path: path, line: id.location.line, clause: value, written: written, candidates: targets, through: through,
                                              fits: mapped.isEmpty || !fitting.isEmpty))
            }
            edits.replace(in: path, at: id.location, old: value, new: written)
        }

        for document in plan.corpus.documents {
            let counts = document.type?.value != .template
            var seen = Set<String>()
            for id in document.satisfies { map(id, in: document.path, counts: counts, document: counts && document.isActive ? document : nil, seen: &seen) }
            for activity in document.activities {
                var seen = Set<String>()
                for id in activity.requirements { map(id, in: document.path, counts: false, seen: &seen) }
            }
        }
        let configPath = plan.path("smsplan.yaml")
        var excluded = Set<String>()
        for exclusion in plan.config.exclusions { map(exclusion.requirement, in: configPath, counts: false, seen: &excluded) }
        try editEdition(plan, root: root, target: target, configPath: configPath, edits: &edits)

        for requirement in mapping.to.requirements where mapping.to.isLeaf(requirement.id) && !claimed.contains(requirement.id) {
            report.uncovered.append(.init(id: requirement.id, title: requirement.title, newInEdition: requirement.mapsTo.isEmpty,
                                          evidence: requirement.evidence.map(\.label)))
        }
        let written = try edits.apply(root: root, frontMatter: Set(plan.corpus.documents.map(\.path)), dryRun: dryRun)
        report.files = written
        return report
    }

    /// True when the document can be evidence for the clause, as evidence-type-mismatch judges it.
    static func fits(_ document: Document, _ schema: RequirementSchema, _ clause: String) -> Bool {
        guard let requirement = schema.requirement(clause), let type = document.type?.value else { return true }
        if requirement.evidence.isEmpty { return schema.isLeaf(clause) }
        return requirement.evidence.filter { $0.asIn == nil }.contains { $0.accepts(type, recordOf: document.recordOf?.value) }
    }

    /// `standard:` (or a custom schema's `extends:`) and `claims-edition:` name the new edition.
    private static func editEdition(_ plan: Plan, root: URL, target: String, configPath: String, edits: inout FileEdits) throws(SMSPlanError) {
        let standard = plan.config.standard
        if let standard, RequirementSchema.bundled(standard.value) == nil {
            let schemaPath = plan.path(standard.value)
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(schemaPath).path),
                let extends = try ConfigFile.mapping(data, path: schemaPath).pairs?.first(where: { $0.keyText == "extends" })?.value,
                let name = extends.scalar?.text
            else { throw .refused("custom schema \(schemaPath) extends no bundled schema; migrate its requirements by hand") }
            edits.replace(in: schemaPath, at: extends.location, old: name, new: target)
        } else if let standard {
            edits.replace(in: configPath, at: standard.location, old: standard.value, new: target)
        } else {
            edits.insertAfterVersion(in: configPath, line: "standard: \(target)")
        }
        if let claims = plan.config.claimsEdition {
            edits.replace(in: configPath, at: claims.location, old: claims.value, new: target)
        } else if let standard {
            edits.insert(in: configPath, afterLine: standard.location.line, line: "claims-edition: \(target)")
        } else {
            edits.insertAfterVersion(in: configPath, line: "claims-edition: \(target)")
        }
    }
}
