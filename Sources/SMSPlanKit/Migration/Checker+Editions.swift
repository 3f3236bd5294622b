import Foundation
import GitKit

extension Checker {
    /// The versions in force with claims of the plan's edition: an approved version committed
    /// before a migration to another edition counts with its document's migrated claims (the
    /// current file's `satisfies`), never with clause ids of the other edition.
    static func inForceInEdition(_ search: VersionsInForce.Search, plan: Plan, in repository: Repository) -> [String: Document] {
        guard let current = plan.config.claimsEdition(schema: plan.schema) else { return search.inForce }
        var result = search.inForce
        var editions: [ObjectID: String?] = [:]
        for (id, commit) in search.foundAt {
            let edition = editions[commit] ?? claimsEdition(at: commit, planRoot: plan.planRoot, in: repository)
            editions[commit] = edition
            guard let edition, edition != current, var approved = result[id], let now = plan.corpus.byID[id] else { continue }
            approved.satisfies = now.satisfies
            result[id] = approved
        }
        return result
    }

    /// The edition a commit's claims were written for: its smsplan.yaml's `claims-edition`,
    /// else the edition of the bundled schema its `standard:` names.
    private static func claimsEdition(at commit: ObjectID, planRoot: String, in repository: Repository) -> String? {
        let path = planRoot.appendingPathComponent("smsplan.yaml")
        guard let entry = try? repository.treeEntries(of: commit, under: path).first(where: { $0.path == path }),
            let data = try? repository.blobData(entry.blob),
            let (config, _) = try? PlanConfig.decode(data, path: path, knownRules: RuleRegistry.ids)
        else { return nil }
        return config.claimsEdition?.value ?? RequirementSchema.bundled(config.standardID)?.edition
    }
}
