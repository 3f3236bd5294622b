import Foundation

/// `smsplan approve`: a document approved by a role on a date, edited in place.
///
/// Sets `status: approved`, `approved-by` and `approved-on`. A draft never approved
/// (version 0.x) becomes version 1.0 with a history entry "Approved for issue"; a later
/// version must already have its history entry (`smsplan revise` adds it).
public enum DocumentApproval {
    /// What to approve, by whom and when.
    public struct Request: Sendable {
        public var id: String
        /// The approving role, from roles.yaml.
        public var role: String
        public var date: PlanDate
        /// The author of the history entry of version 1.0 (the command passes --author or
        /// git's author name); without one, the document's `author`.
        public var author: String?
        /// The git identity that will commit the approval, for the approval.identity warning.
        public var committer: ChangeAuthor?

        public init(id: String, role: String, date: PlanDate, author: String? = nil, committer: ChangeAuthor? = nil) {
            self.id = id
            self.role = role
            self.date = date
            self.author = author
            self.committer = committer
        }
    }

    /// The summary of the history entry of a first approval.
    public static let firstIssueSummary = "Approved for issue"

    /// Approves the document in the working tree at `root` (the repository's top level).
    public static func approve(_ request: Request, in plan: Plan, root: URL) throws(SMSPlanError) -> TransitionOutcome {
        var target = try TransitionTarget(id: request.id, in: plan, root: root)
        let id = target.id
        try target.refuseRecord("approved")
        if target.status == .obsolete {
            throw .refused("\(id) is obsolete; an obsolete document is not approved again (write a successor with `smsplan new`)")
        }
        if target.status == .approved {
            let at = target.document.version.map { " at version \($0.value)" } ?? ""
            let by = target.document.approvedBy.map { " by \($0.value)" } ?? ""
            let on = target.document.approvedOn.map { " on \($0.value)" } ?? ""
            throw .refused("\(id) is already approved\(at)\(by)\(on); `smsplan revise \(id)` starts a new version")
        }
        try checkRole(request.role, of: target.document, plan: plan)
        if let version = target.document.version?.value, version.major > 0,
            !target.document.history.contains(where: { $0.version?.value == version }) {
            throw .refused("\(id) has no history entry for version \(version); `smsplan revise \(id) -m SUMMARY` starts a version with its entry")
        }
        try refuseErrors(of: target.document, in: plan)
        let version = try target.version(for: "approval")
        let newVersion = version.major == 0 ? DocumentVersion(major: 1, minor: 0) : version
        if version != newVersion && target.document.history.contains(where: { $0.version?.value == newVersion }) {
            throw .refused("\(id) is at version \(version) but its history already has version \(newVersion); fix the version by hand")
        }
        if let latest = target.document.history.compactMap({ $0.date?.value }).max(), request.date < latest {
            throw .refused("the approval date \(request.date) is before the last history entry of \(id) (\(latest)); give --date on or after it")
        }
        if request.date > plan.revisionDate {
            throw .refused("the approval date \(request.date) is after today (\(plan.revisionDate)); an approval is dated the day it is given")
        }

        let author = request.author ?? target.document.author?.value
        let firstIssue = version.major == 0
            ? (newVersion, FrontMatterEditor.historyEntry(version: newVersion, date: request.date, author: author, summary: firstIssueSummary)) : nil
        try target.editor.approve(firstIssue: firstIssue, role: request.role, date: request.date)
        let previous = plan.versionInForce(of: target.document)?.approvedOn?.value ?? target.document.approvedOn?.value
        var changing = FrontMatterEditor.approvalKeys
        if let renewed = renewedReview(of: target.document, previous: previous, approvedOn: request.date, interval: plan.config.reviewInterval) {
            try target.editor.set("next-review", to: renewed.description)
            changing.insert("next-review")
        }
        let data = try target.checkedEdit(changing: changing) { edited in
            edited.status?.value == .approved && edited.version?.value == newVersion && edited.approvedBy?.value == request.role
                && edited.approvedOn?.value == request.date && edited.history.contains { $0.version?.value == newVersion }
        }
        try target.write(data)
        let first = version.major == 0 ? " (was \(version); history entry \"\(firstIssueSummary)\" added)" : ""
        var outcome = TransitionOutcome(edits: [.init(path: target.document.path, id: id,
                                                      summary: "\(id) approved by \(request.role) on \(request.date) at version \(newVersion)\(first)")])
        outcome.warnings = identityWarnings(request, in: plan)
        return outcome
    }

    /// Refuses a role that roles.yaml does not list, and the owner's own role unless the
    /// self-approval rule is off.
    static func checkRole(_ role: String, of document: Document, plan: Plan) throws(SMSPlanError) {
        guard let roles = plan.roles else {
            throw .refused("roles.yaml is missing beside smsplan.yaml, so the approving role cannot be checked")
        }
        guard roles.role(role) != nil else {
            throw .refused("\"\(role)\" is not a role in roles.yaml (roles: \(roles.roles.map(\.id).joined(separator: ", ")))")
        }
        let selfApproval = RuleRegistry.descriptor(SelfApprovalRule.id).flatMap { plan.config.severity(of: $0) }
        if role == document.owner?.value && selfApproval != nil {
            throw .refused("\(role) owns \(document.id?.value ?? document.path) and cannot approve it; another role must (or set rules: { self-approval: off } in smsplan.yaml)")
        }
    }

    /// A warning when approval.identity ties approvals to people and the git identity that
    /// will commit this one is not a member of the approving role.
    static func identityWarnings(_ request: Request, in plan: Plan) -> [String] {
        let mode = plan.config.approvalIdentity
        guard mode != .off, let roles = plan.roles else { return [] }
        let members = Set((roles.role(request.role)?.members ?? []).compactMap { $0.email?.lowercased() })
        guard let committer = request.committer else {
            return ["git has no user.email here, and approval.identity: \(mode.rawValue) asks that a member of \(request.role) commit the approval"]
        }
        guard !members.contains(committer.email.lowercased()) else { return [] }
        return ["\(committer.name) <\(committer.email)> is not a member of \(request.role) in roles.yaml; under approval.identity: \(mode.rawValue) the commit of this approval is refused (approval-unverified) unless a member of \(request.role) makes it"]
    }

    /// Refuses a document that `smsplan check` finds errors in, naming the first.
    static func refuseErrors(of document: Document, in plan: Plan) throws(SMSPlanError) {
        let errors = Engine.check(plan).diagnostics.filter { $0.severity == .error && $0.path == document.path }
        guard let first = errors.first else { return }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        throw .refused("\(document.id?.value ?? document.path) has \(errors.count) error\(errors.count == 1 ? "" : "s") in `smsplan check`; fix them before approval: \(first.path):\(first.line):\(first.column): \(first.message) [\(first.rule)]\(more)")
    }

    /// The next review of a re-approved document whose front matter gives an explicit
    /// next-review: as far after the new approval as it was after the previous one (else the
    /// review interval), counted in months, so that a stale date is never kept. Nil without
    /// an explicit one.
    static func renewedReview(of document: Document, previous: PlanDate?, approvedOn date: PlanDate, interval: PlanDuration) -> PlanDate? {
        guard let explicit = document.nextReview?.value else { return nil }
        guard let previous, previous < explicit else { return interval.after(date) }
        let months = (explicit.year * 12 + explicit.month) - (previous.year * 12 + previous.month)
        return months > 0 ? date.adding(months: months) : interval.after(date)
    }
}
