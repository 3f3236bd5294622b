import GitKit

/// What the history rules could not check in a shallow clone, said once, as a note: the
/// commits a clone never fetched cannot be compared with, and documents deleted before
/// them are unknown to `id-reused`. A note is not a finding: it never fails a run.
enum HistoryGaps {
    private static let remedy = "`git fetch --unshallow` fetches the rest"

    /// The note for a check of one state compared with `previous` (HEAD, or a revision's
    /// first parent); none outside a shallow clone.
    static func notes(comparedWith previous: ObjectID?, hasPrevious: Bool, in repository: Repository) -> [String] {
        guard repository.isShallow else { return [] }
        if let previous, !hasPrevious {
            return ["shallow clone: history rules could not compare the revision with its parent \(previous.hex.prefix(7)), which this clone does not have, so they were not applied; \(remedy)"]
        }
        return ["shallow clone: history rules saw only the commits this clone has; a document deleted before them is unknown to id-reused; \(remedy)"]
    }

    /// The note for `check --range`, naming the commits whose parents the clone lacks.
    static func notes(cutOff: [Commit], in repository: Repository) -> [String] {
        guard repository.isShallow else { return [] }
        guard let first = cutOff.first else { return notes(comparedWith: nil, hasPrevious: true, in: repository) }
        let more = cutOff.count > 1 ? " and \(cutOff.count - 1) more" : ""
        return ["shallow clone: history rules could not compare commit \(first.id.hex.prefix(7))\(more) with its parent, which this clone does not have; \(remedy)"]
    }
}
