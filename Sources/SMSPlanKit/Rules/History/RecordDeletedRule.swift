/// A record removed before its retention ended, or without a disposal record.
public struct RecordDeletedRule: HistoryRule {
    public static let id: RuleID = "record-deleted"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "a committed record was deleted before its retention ended, or without a disposal record (record-of: disposal, disposes: [id])",
        rationale: "Records are kept for their retention period and then disposed of in a controlled way (ISO/IEC 20000-1:2011 4.3.3); the disposal record is the evidence of that.",
        valid: .change(from: [("records/r.md", RuleExample.managementReview(on: "2019-01-10"))], to: [("records/d.md", Self.disposal)]),
        invalid: .change(from: [("records/r.md", RuleExample.managementReview(on: "2026-01-10"))], to: [("records/d.md", Self.disposal)]))

    static let disposal = RuleExample.managementReview(on: "2026-05-01")
        .replacingOccurrences(of: "REC-001", with: "REC-002")
        .replacingOccurrences(of: "record-of: management-review", with: "record-of: disposal\ndisposes: [REC-001]")
        .replacingOccurrences(of: "satisfies: [\"4.5.4.3\"]\n", with: "")

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        let disposed = change.disposed
        return change.removed.filter { $0.type?.value == .record }.compactMap { record -> Finding? in
            let id = record.id?.value ?? record.path
            let ends = record.recordedOn.flatMap { date in record.retention.flatMap { PlanDuration($0.value)?.after(date.value) } }
            if let ends, ends > context.revisionDate {
                return Finding(Self.id, at: .fileStart, "record \(id) was deleted before its retention ended on \(ends)", path: record.path)
            }
            guard disposed.contains(id) else {
                return Finding(Self.id, at: .fileStart, "record \(id) was deleted without a disposal record (record-of: disposal, disposes: [\(id)])",
                               path: record.path)
            }
            return nil
        }
    }
}
