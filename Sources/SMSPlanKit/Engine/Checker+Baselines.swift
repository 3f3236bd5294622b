import Foundation
import GitKit

/// A phase baseline: an annotated tag `<baseline.tag-prefix>phase-N`.
public struct BaselineTag: Sendable, Hashable {
    /// The tag's short name (`baseline/phase-1`).
    public var name: String
    public var phase: Int
    /// The tagger's date (UTC), when the tag records one.
    public var date: PlanDate?
    /// The id of the commit the tag leads to.
    public var commit: String
}

extension Checker {
    /// The phase baselines in the history of the state the request reads: annotated tags
    /// named `<tagPrefix>phase-N` whose commit is that state's commit or one of its
    /// ancestors (HEAD for the working tree and the index, the revision for `--rev`, the
    /// head of a range), sorted by phase. Lightweight tags and other names are not baselines.
    public static func baselines(_ request: CheckRequest, tagPrefix: String) throws(SMSPlanError) -> [BaselineTag] {
        let repository = try openRepository(request)
        let head: Commit?
        switch request.target {
        case .workingTree, .staged:
            head = try git { try repository.headCommit() }
        case .revision(let revision):
            head = try resolve(revision, in: repository)
        case .range(let range):
            head = try resolve(range.components(separatedBy: "..").last ?? range, in: repository)
        }
        guard let head else { return [] }
        let history = Set(try git { try repository.ancestry(of: head.id) }.map(\.id))
        let tags = try git { try repository.tags(prefix: tagPrefix + "phase-") }
        return tags.compactMap { tag -> BaselineTag? in
            let suffix = tag.name.dropFirst(tagPrefix.count + "phase-".count)
            guard tag.isAnnotated, history.contains(tag.target), !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }),
                let phase = Int(suffix), phase > 0
            else { return nil }
            return BaselineTag(name: tag.name, phase: phase, date: tag.date.map(PlanDate.init), commit: tag.target.hex)
        }.sorted { ($0.phase, $0.name) < ($1.phase, $1.name) }
    }
}
