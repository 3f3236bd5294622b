import Foundation

/// `smsplan revise`: the next version of a document, back in draft, edited in place.
///
/// Raises the version (1.3 -> 1.4, or 2.0 with `major`; drafts 0.2 -> 0.3), appends its
/// history entry, sets `status: draft` and removes `approved-by` and `approved-on`.
public enum DocumentRevision {
    /// What to revise and why.
    public struct Request: Sendable {
        public var id: String
        /// A change of substance (2.0) rather than a correction or clarification (1.4).
        public var major: Bool
        /// The history entry's summary of the change.
        public var summary: String
        /// The history entry's author (the command passes --author or git's author name);
        /// without one, the document's `author`.
        public var author: String?
        public var date: PlanDate

        public init(id: String, major: Bool = false, summary: String, author: String?, date: PlanDate) {
            self.id = id
            self.major = major
            self.summary = summary
            self.author = author
            self.date = date
        }
    }

    /// Revises the document in the working tree at `root` (the repository's top level).
    public static func revise(_ request: Request, in plan: Plan, root: URL) throws(SMSPlanError) -> TransitionOutcome {
        var target = try TransitionTarget(id: request.id, in: plan, root: root)
        let id = target.id
        try target.refuseRecord("revised")
        if target.status == .obsolete {
            throw .refused("\(id) is obsolete and is not revised; write its successor with `smsplan new`")
        }
        let version = try target.version(for: "a revision")
        if request.major && version.major == 0 {
            throw .refused("\(id) is a draft never approved (version \(version)); drafts go 0.1, 0.2, ... and `smsplan approve` makes 1.0, so --major does not apply")
        }
        let next = version.next(major: request.major)
        if target.document.history.contains(where: { $0.version?.value == next }) {
            throw .refused("\(id) already has a history entry for version \(next); history entries are never rewritten, so fix the version by hand")
        }
        let wasStatus = target.status?.rawValue ?? "no status"

        let author = request.author ?? target.document.author?.value
        try target.editor.revise(to: next, entry: FrontMatterEditor.historyEntry(version: next, date: request.date, author: author, summary: request.summary))
        let data = try target.checkedEdit(changing: FrontMatterEditor.revisionKeys) { edited in
            edited.status?.value == .draft && edited.version?.value == next && edited.approvedBy == nil && edited.approvedOn == nil
                && edited.history.last?.version?.value == next && edited.history.count == target.document.history.count + 1
        }
        try target.write(data)
        return TransitionOutcome(edits: [.init(path: target.document.path, id: id,
                                               summary: "\(id) is now version \(next), draft (was \(version), \(wasStatus)); history: \(YAMLText.quoted(request.summary))")])
    }
}
