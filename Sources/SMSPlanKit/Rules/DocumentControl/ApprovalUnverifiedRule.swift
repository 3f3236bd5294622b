/// An approval committed by someone who is not a member of the approver role.
public struct ApprovalUnverifiedRule: HistoryRule {
    public static let id: RuleID = "approval-unverified"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "under approval.identity author (or signed), the commit that approves a document is not authored (or validly signed) by a member of its approver role in roles.yaml",
        rationale: "An approval names a role; the standard asks that documents be approved by the persons with that authority (ISO/IEC 20000-1:2011 4.3.2). The commit's author, or its signature, ties the approval to a person, so that `approve --by top-management` is not something anyone can type. A root commit (the import of a plan) is not judged.",
        valid: Self.example(committer: ChangeAuthor(name: "Dana Lee", email: "dana@example.org")),
        invalid: Self.example(committer: ChangeAuthor(name: "Sam Okafor", email: "sam@example.org")))

    static func example(committer: ChangeAuthor) -> RuleExample {
        let draft = RuleExample.approvedPolicy.replacingOccurrences(of: "status: approved", with: "status: review")
            .replacingOccurrences(of: "approved-by: top-management\napproved-on: 2026-03-01\n", with: "")
        var example = RuleExample.change(from: [("policies/p.md", draft)], to: [("policies/p.md", RuleExample.approvedPolicy)])
        example.files.append(("smsplan.yaml", "smsplan: 1\napproval:\n  identity: author\n"))
        example.previous?.append(("smsplan.yaml", "smsplan: 1\napproval:\n  identity: author\n"))
        example.committer = committer
        return example
    }

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        let mode = context.config.approvalIdentity
        guard mode != .off, let author = change.author, let roles = context.roles else { return [] }
        return change.approvals.compactMap { document -> Finding? in
            guard let approver = document.approvedBy else { return nil }
            let id = document.id?.value ?? document.path
            let members = Set((roles.role(approver.value)?.members ?? []).compactMap { $0.email?.lowercased() })
            let who = "\(author.name) <\(author.email)>"
            guard members.contains(author.email.lowercased()) else {
                return Finding(Self.id, at: approver.location,
                               "\(id) is approved by \(approver.value), but the change is authored by \(who), who is not a member of \(approver.value) in roles.yaml; a member of the role commits the approval (approval.identity: \(mode.rawValue))",
                               path: document.path)
            }
            guard mode == .signed else { return nil }
            guard let signer = author.signer else {
                return Finding(Self.id, at: approver.location,
                               "\(id) is approved by \(approver.value), but \(author.signatureProblem ?? "the commit carries no valid signature"); approval.identity: signed asks for a commit signed by a member of the role",
                               path: document.path)
            }
            guard members.contains(signer.lowercased()) else {
                return Finding(Self.id, at: approver.location,
                               "\(id) is approved by \(approver.value), but the commit is signed by \(signer), who is not a member of \(approver.value) in roles.yaml",
                               path: document.path)
            }
            return nil
        }
    }
}
