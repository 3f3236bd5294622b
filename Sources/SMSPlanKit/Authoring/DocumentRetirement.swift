import Foundation

/// `smsplan retire`: a document withdrawn (status obsolete), naming its successor when
/// there is one; the successor lists it in `supersedes`. Both are edited in place.
public enum DocumentRetirement {
    /// What to retire, and what replaces it.
    public struct Request: Sendable {
        public var id: String
        /// The id of the document that replaces it, if any.
        public var supersededBy: String?

        public init(id: String, supersededBy: String? = nil) {
            self.id = id
            self.supersededBy = supersededBy
        }
    }

    /// Retires the document in the working tree at `root` (the repository's top level).
    public static func retire(_ request: Request, in plan: Plan, root: URL) throws(SMSPlanError) -> TransitionOutcome {
        var target = try TransitionTarget(id: request.id, in: plan, root: root)
        let id = target.id
        try target.refuseRecord("retired")
        if target.status == .obsolete {
            throw .refused("\(id) is already obsolete" + (target.document.supersededBy.map { " (superseded by \($0.value))" } ?? ""))
        }
        let version = try target.version(for: "retiring it")
        if version.major == 0 {
            throw .refused("\(id) is a draft that was never approved (version \(version)); delete \(target.document.path) instead of retiring it")
        }
        var successor: TransitionTarget?
        if let successorID = request.supersededBy {
            guard successorID != id else { throw .refused("\(id) cannot supersede itself") }
            let found = try TransitionTarget(id: successorID, in: plan, root: root)
            try check(successor: found, of: id, plan: plan)
            successor = found
        }

        try target.editor.retire(supersededBy: request.supersededBy)
        let data = try target.checkedEdit(changing: FrontMatterEditor.retirementKeys) { edited in
            edited.status?.value == .obsolete && (request.supersededBy == nil || edited.supersededBy?.value == request.supersededBy)
        }
        var writes = [(data, target.url)]
        var edits = [TransitionOutcome.Edit(path: target.document.path, id: id,
                                             summary: "\(id) is obsolete" + (request.supersededBy.map { ", superseded by \($0)" } ?? ""))]
        if var successor, !successor.document.supersedes.contains(where: { $0.value == id }) {
            try successor.editor.appendToList("supersedes", item: id)
            let successorData = try successor.checkedEdit(changing: ["supersedes"]) { $0.supersedes.contains { $0.value == id } }
            writes.append((successorData, successor.url))
            edits.append(.init(path: successor.document.path, id: successor.id, summary: "\(successor.id) supersedes \(id)"))
        }
        // Both files or neither: a failure on the second puts the first back.
        let lock = try DirectoryLock(root)
        defer { withExtendedLifetime(lock) {} }
        try target.checkUnchanged()
        try successor?.checkUnchanged()
        try WriteTransaction(within: root).run { transaction throws(SMSPlanError) in
            for (data, url) in writes {
                try transaction.write(data, to: url, overwrite: true)
            }
        }
        return TransitionOutcome(edits: edits)
    }

    /// Refuses a successor that cannot take the retired document's place, or whose front
    /// matter cannot change without a new version.
    private static func check(successor: TransitionTarget, of id: String, plan: Plan) throws(SMSPlanError) {
        let successorID = successor.id
        if successor.type == .record { throw .refused("\(successorID) is a record and cannot supersede \(id)") }
        if successor.status == .obsolete { throw .refused("\(successorID) is obsolete itself and cannot supersede \(id)") }
        guard !successor.document.supersedes.contains(where: { $0.value == id }), successor.status == .approved, let change = plan.change
        else { return }
        // Committed as it is (left out of the change as unchanged), or committed approved at this version.
        let unchanged = change.unchangedIDs.contains(successorID)
        let committed = change.previous.byID[successorID].map {
            $0.status?.value == .approved && $0.version?.value == successor.document.version?.value
        } ?? false
        guard unchanged || committed else { return }
        throw .refused("\(successorID) is approved at version \(successor.document.version?.value.description ?? "?") and committed, so adding supersedes: \(id) needs a new version: `smsplan revise \(successorID) -m SUMMARY` first")
    }
}
