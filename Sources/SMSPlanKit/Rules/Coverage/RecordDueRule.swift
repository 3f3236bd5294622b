/// A periodic record (a management review, an internal audit) older than its interval.
public struct RecordDueRule: CorpusRule {
    public static let id: RuleID = "record-due"

    public let descriptor = RuleDescriptor(
        id: id, category: .coverage, defaultSeverity: .error,
        summary: "the newest record of a periodic kind (management review, internal audit, continuity test) is older than its planned interval, at the revision's date",
        rationale: "Some activities recur at planned intervals (ISO/IEC 20000-1:2011 4.5.4.2, 4.5.4.3, 6.3.3); the newest record shows whether the SMS still does them. The interval is the plan's (record-intervals in smsplan.yaml, else the schema's every); a correction is not a new record and does not reset the clock; a record held in another system counts from its last-checked date. The date judged by is the revision's own.",
        valid: RuleExample(files: [("records/review.md", RuleExample.managementReview(on: "2026-01-10")),
                                   ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("records/review.md", RuleExample.managementReview(on: "2025-01-10")),
                                     ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let analysis = context.analysis else { return [] }
        return analysis.periodicRecords.compactMap { periodic -> Finding? in
            guard let latest = periodic.latest, let date = periodic.latestDate, let nextDue = periodic.nextDue,
                nextDue < context.revisionDate
            else { return nil }
            let held = latest.heldIn?.system.map { ", held in \($0.value) and last checked" } ?? ""
            return Finding(Self.id, at: date.location,
                           "the newest \(periodic.item.recordOf ?? "periodic") record for \(periodic.requirement), \(latest.id?.value ?? latest.path)\(held) of \(date.value), is older than \(periodic.interval); the next one was due on \(nextDue)",
                           path: latest.path)
        }
    }
}
