/// An approved document that does not say who approved it or when.
public struct ApprovalIncompleteRule: DocumentRule {
    public static let id: RuleID = "approval-incomplete"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "status is approved but approved-by or approved-on is missing",
        rationale: "Documents are approved for adequacy before issue (ISO/IEC 20000-1:2011 4.3.2); the approval is evidence only with the approver's role and the date.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "approved-by: top-management\n", with: ""))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard let status = document.status, status.value == .approved else { return [] }
        let missing = ["approved-by", "approved-on"].filter { document.keyLocations[$0] == nil }
        guard !missing.isEmpty else { return [] }
        let fields = missing.map { "\"\($0)\"" }.joined(separator: " and ")
        return [Finding(Self.id, at: status.location, "status is approved but \(fields) \(missing.count == 1 ? "is" : "are") missing")]
    }
}
