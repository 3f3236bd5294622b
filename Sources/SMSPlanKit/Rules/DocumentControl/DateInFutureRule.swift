/// A date of document control later than the revision it is part of.
public struct DateInFutureRule: DocumentRule {
    public static let id: RuleID = "date-in-future"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "an approved-on, recorded-on or history date is after the date of the revision checked",
        rationale: "An approval or a record states what happened (ISO/IEC 20000-1:2011 4.3.2, 4.3.3); a date after the revision that holds it claims an approval or an event that had not happened yet. The date judged by is the revision's own (today for the working tree, the commit date for --rev), so re-checking an old commit gives the same answer.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "approved-on: 2026-03-01", with: "approved-on: 2031-01-01"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        let date = context.revisionDate
        var dates: [(String, Located<PlanDate>)] = []
        if let approvedOn = document.approvedOn { dates.append(("approved-on", approvedOn)) }
        if let recordedOn = document.recordedOn { dates.append(("recorded-on", recordedOn)) }
        for entry in document.history {
            if let entryDate = entry.date { dates.append(("the history entry of version \(entry.version?.value.description ?? "?")", entryDate)) }
        }
        return dates.filter { $0.1.value > date }.map { name, value in
            Finding(Self.id, at: value.location, "\(name) \(value.value) is after the date of the revision checked (\(date)); date what happened on the day it happened")
        }
    }
}
