/// A document that was once approved, deleted instead of retired.
public struct DocumentDeletedRule: HistoryRule {
    public static let id: RuleID = "document-deleted"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "a document that was ever approved (approved, or at version 1.0 or later) was deleted instead of retired",
        rationale: "Obsolete documents stay identifiable (ISO/IEC 20000-1:2011 4.3.2): retire a document with status obsolete and superseded-by, and keep the file.",
        valid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)],
                       to: [("policies/p.md", RuleExample.approvedPolicy.replacingOccurrences(of: "status: approved", with: "status: obsolete"))]),
        invalid: .change(from: [("policies/p.md", RuleExample.approvedPolicy), ("policies/q.md", Self.other)], to: [("policies/q.md", Self.other)]))

    static let other = RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002")

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        change.removed.compactMap { document -> Finding? in
            guard document.type?.value != .record, document.status?.value != .obsolete,
                document.status?.value == .approved || (document.version?.value.major ?? 0) >= 1
            else { return nil }
            let id = document.id?.value ?? document.path
            return Finding(Self.id, at: .fileStart,
                           "\(id) was approved and is deleted; retire it instead (status: obsolete, superseded-by) and keep the file",
                           path: document.path)
        }
    }
}
