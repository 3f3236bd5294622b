import Foundation

/// The exemplar plan in the edition plan-template is not written for: plan-template (the
/// 2011 exemplar) migrated as `smsplan migrate` does it, then the committed additions of that
/// edition applied: the decisions a person made for the placeholders the migration leaves
/// (`decisions.yaml`) and the documents the new edition's clauses need (`files/`, copied over
/// the migrated plan). See docs/init.md.
public enum ExamplePlan {
    /// The edition plan-template's claims are written for.
    public static let templateEdition = "iso20000-1:2011"

    /// The additions' folder of the exemplar in `standard`, relative to the project (and to
    /// `share/smsplan/`): `examples/northwind-2018`.
    public static func additionsFolder(for standard: String) -> String {
        "examples/northwind-" + EditionMapping.year(standard)
    }

    /// The files of the exemplar in `standard`, from plan-template's `files` (sorted paths)
    /// and the additions' folder; sorted by path.
    static func files(_ files: [(path: String, data: Data)], migratedTo standard: String, additions: URL)
        throws(SMSPlanError) -> [(path: String, data: Data)]
    {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-example-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let transaction = WriteTransaction(within: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: staging.path, reason: error.localizedDescription)
        }
        for file in files { try transaction.write(file.data, to: staging.appendingPathComponent(file.path), overwrite: true) }
        let paths = files.map(\.path)

        let plan = try load(paths, from: staging)
        _ = try PlanMigration.migrate(plan, root: staging, to: standard, from: templateEdition, dryRun: false)
        let decisionsFile = additions.appendingPathComponent("decisions.yaml")
        guard let decisionsData = FileManager.default.contents(atPath: decisionsFile.path) else {
            throw .unreadable(path: decisionsFile.path, reason: "cannot be read")
        }
        let decisions = try MigrationDecisions(decisionsData, shown: decisionsFile.path)
        try decisions.apply(to: try load(paths, from: staging), root: staging, edition: templateEdition)

        var result: [String: Data] = [:]
        for path in paths { result[path] = try read(staging.appendingPathComponent(path), shown: path) }
        let added = additions.appendingPathComponent("files")
        for path in TrackedFiles.list(in: added) {
            result[path] = try read(added.appendingPathComponent(path), shown: "files/" + path)
        }
        return result.keys.sorted().map { ($0, result[$0] ?? Data()) }
    }

    /// The plan in the folder `root`, whose files are `paths`.
    private static func load(_ paths: [String], from root: URL) throws(SMSPlanError) -> Plan {
        var data: [String: Data] = [:]
        for path in paths { data[path] = try read(root.appendingPathComponent(path), shown: path) }
        return try Engine.load(source: InMemorySource(data: data), planRoot: "", revisionDate: PlanDate(Date()))
    }

    private static func read(_ url: URL, shown: String) throws(SMSPlanError) -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: shown, reason: "cannot be read") }
        return data
    }
}
