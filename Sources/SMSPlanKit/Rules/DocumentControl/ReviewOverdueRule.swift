/// An approved document whose review date has passed at the revision checked.
public struct ReviewOverdueRule: DocumentRule {
    public static let id: RuleID = "review-overdue"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "an approved document's next-review (or approved-on plus documents.review-interval) is before the date of the revision checked",
        rationale: "Documents are reviewed and kept current (ISO/IEC 20000-1:2011 4.3.2). The date judged by is the revision's own (today for the working tree, the commit date for --rev), so re-checking an old commit gives the same answer.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "approved-on: 2026-03-01", with: "approved-on: 2026-03-01\nnext-review: 2026-05-01"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard document.status?.value == .approved else { return [] }
        let due: Located<PlanDate>
        let source: String
        if let nextReview = document.nextReview {
            due = nextReview
            source = "next-review"
        } else if let approvedOn = document.approvedOn {
            due = Located(context.config.reviewInterval.after(approvedOn.value), at: approvedOn.location)
            source = "approved-on plus the review interval of \(context.config.reviewInterval)"
        } else {
            return []
        }
        guard due.value < context.revisionDate else { return [] }
        return [Finding(Self.id, at: due.location, "review was due on \(due.value) (\(source)); the revision checked is dated \(context.revisionDate)")]
    }
}
