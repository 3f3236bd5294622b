/// An approved document changed without a new version.
public struct ApprovedContentChangedRule: HistoryRule {
    public static let id: RuleID = "approved-content-changed"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "an approved document's text or fields changed without a new version, or a new version was re-approved with the old approved-on, dated before its own history entry",
        rationale: "Approved documents are issued; a change must be identifiable as a new revision (ISO/IEC 20000-1:2011 4.3.2). Raise the version, add the history entry and set status to draft or review (or re-approve with a new date). Retiring (status obsolete) is the one change that needs no new version.",
        valid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)], to: [("policies/p.md", Self.revised)]),
        invalid: .change(from: [("policies/p.md", RuleExample.approvedPolicy)],
                         to: [("policies/p.md", RuleExample.approvedPolicy + "A sentence added without a new version.\n")]))

    static let revised = RuleExample.approvedPolicy
        .replacingOccurrences(of: "\nversion: \"1.0\"", with: "\nversion: \"1.1\"")
        .replacingOccurrences(of: "status: approved", with: "status: review")
        .replacingOccurrences(of: "approved-by: top-management\napproved-on: 2026-03-01\n", with: "")
        .replacingOccurrences(of: "summary: Approved for issue }", with: "summary: Approved for issue }\n  - { version: \"1.1\", date: 2026-05-01, author: A. Writer, summary: Clarified the purpose }")
        + "A sentence added in version 1.1.\n"

    public init() {}

    public func check(_ change: PlanChange, in context: RuleContext) -> [Finding] {
        change.pairs.compactMap { pair -> Finding? in
            let (old, new) = (pair.old, pair.new)
            guard old.status?.value == .approved, pair.contentChanged, new.status?.value != .obsolete,
                let oldVersion = old.version?.value, let newVersion = new.version?.value, newVersion >= oldVersion
            else { return nil }
            let id = new.id?.value ?? new.path
            if newVersion == oldVersion {
                let line = PlanChange.firstDifference(old, new).line
                return Finding(Self.id, at: new.version?.location ?? .fileStart,
                               "\(id) is approved at version \(oldVersion) and changed (first change at line \(line)) without a new version; raise the version, add a history entry and set status to draft or review",
                               path: new.path)
            }
            // Revised and re-approved on the day of the last approval is fine; an approval dated
            // before the version it approves was written is a copied, stale date.
            let written = new.history.last { $0.version?.value == newVersion }?.date?.value
            if new.status?.value == .approved, let approvedOn = new.approvedOn, approvedOn.value == old.approvedOn?.value,
                let written, written > approvedOn.value {
                return Finding(Self.id, at: approvedOn.location,
                               "\(id) version \(newVersion) is approved with the approved-on of version \(oldVersion) (\(approvedOn.value)); record the new approval's date",
                               path: new.path)
            }
            return nil
        }
    }
}
