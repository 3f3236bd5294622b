/// A document approved by its own owner role.
public struct SelfApprovalRule: DocumentRule {
    public static let id: RuleID = "self-approval"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "approved-by names the same role as owner",
        rationale: "Approval for adequacy is a second pair of eyes; an owner approving its own document is no control. Organisations that allow it switch the rule off (rules: { self-approval: off }).",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "approved-by: top-management", with: "approved-by: service-manager"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard let approver = document.approvedBy, let owner = document.owner, approver.value == owner.value else { return [] }
        return [Finding(Self.id, at: approver.location, "approved-by \"\(approver.value)\" is also the owner; another role must approve")]
    }
}
