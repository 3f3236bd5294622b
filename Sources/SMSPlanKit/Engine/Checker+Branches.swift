import Foundation
import GitKit

extension Checker {
    /// The document ids at the tips of every local branch and remote-tracking ref, so that
    /// `smsplan new` gives out an id that no other line of work has taken. Files whose blob
    /// the plan already holds are not read again; the rest come from the decode cache.
    public static func idsOnBranches(_ request: CheckRequest, plan: Plan) -> Set<String> {
        guard let repository = try? Repository.open(at: request.directory, environment: request.environment),
            let refs = try? GitCommand.attempt(["for-each-ref", "--format=%(objectname)", "refs/heads", "refs/remotes"],
                                                repository: repository, environment: request.environment),
            refs.status == 0
        else { return [] }
        let cache = request.useCache ? DecodeCache(gitDirectory: repository.commonDirectory) : nil
        defer { cache?.save(keepingUnused: true) }
        var seen = Set(plan.corpus.documents.compactMap(\.blobID))
        var ids = Set<String>()
        for tip in Set(refs.output.split(separator: "\n").map(String.init)) {
            guard let commit = ObjectID(hex: tip), let entries = try? repository.treeEntries(of: commit, under: plan.planRoot) else { continue }
            for entry in entries where MarkdownName.matches(entry.path) && seen.insert(entry.blob).inserted {
                if let id = cache?.lookup(entry.blob)?.document?.id?.value {
                    ids.insert(id)
                } else if let data = try? repository.blobData(entry.blob), let id = DocumentDecoder.decode(data, path: entry.path).document?.id?.value {
                    ids.insert(id)
                }
            }
        }
        return ids
    }
}
