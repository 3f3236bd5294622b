/// A committed record that changed.
public struct RecordModifiedRule: HistoryRule {
    public static let id: RuleID = "record-modified"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "a committed record changed; records are never edited",
        rationale: "Records show what happened (ISO/IEC 20000-1:2011 4.3.3); an edited record proves nothing. A correction is a new record with corrects: naming the old one.",
        valid: .change(from: [("records/r.md", RuleExample.managementReview(on: "2026-01-10"))],
                       to: [("records/r.md", RuleExample.managementReview(on: "2026-01-10")), ("records/c.md", Self.correction)]),
        invalid: .change(from: [("records/r.md", RuleExample.managementReview(on: "2026-01-10"))],
                         to: [("records/r.md", RuleExample.managementReview(on: "2026-01-10") + "An afterthought.\n")]))

    static let correction = RuleExample.managementReview(on: "2026-01-12")
        .replacingOccurrences(of: "REC-001", with: "REC-002")
        .replacingOccurrences(of: "retention: 6 years", with: "retention: 6 years\ncorrects: REC-001")

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        change.pairs.compactMap { pair in
            guard pair.old.type?.value == .record, pair.contentChanged else { return nil }
            let id = pair.new.id?.value ?? pair.new.path
            return Finding(Self.id, at: PlanChange.firstDifference(pair.old, pair.new),
                           "record \(id) changed after it was committed; records are never edited: add a correction record with corrects: \(id)",
                           path: pair.new.path)
        }
    }
}
