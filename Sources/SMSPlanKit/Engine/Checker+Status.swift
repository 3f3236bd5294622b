import Foundation

extension Checker {
    /// `smsplan status`: the report on the plan the request names, with the plan it was
    /// made of. A plan read as one checked before (its whole-plan findings replayed) whose
    /// report was made before takes that report, with its counts of findings made anew:
    /// the report reads nothing the memo's key does not cover (`WholePlanMemo`), so its
    /// documents are not read in full nor its analysis made again. Any other is read in
    /// full and its report kept beside its findings.
    public static func status(_ request: CheckRequest) throws(SMSPlanError) -> (report: StatusReport, plan: Plan) {
        if let made = try statusAsChecked(request) { return made }
        // The plan read as checked is let go before it is read again in full.
        return try made(for: try loadForCheck(request))
    }

    /// The report on the plan read as a check reads it: the one kept for it, or one made
    /// from it when it was read in full; nil when it must be read again in full.
    private static func statusAsChecked(_ request: CheckRequest) throws(SMSPlanError) -> (report: StatusReport, plan: Plan)? {
        let plan = try load(request, sharing: nil, checking: true)
        guard let use = plan.wholePlan, use.replayed != nil else {
            // Read in full already (nothing to replay), with its analysis.
            return try made(for: plan)
        }
        guard let stored = use.memo.reports.report(Self.statusReportName, for: use.key), var report = StatusReport(encoded: stored) else { return nil }
        let result = Engine.check(plan)
        (report.errors, report.warnings) = (result.errorCount, result.warningCount)
        return (report, plan)
    }

    static let statusReportName = "status"

    /// The report made from `plan` (read in full, with its analysis), kept beside the
    /// plan's whole-plan findings for the next status of the same plan.
    private static func made(for plan: Plan) throws(SMSPlanError) -> (report: StatusReport, plan: Plan) {
        let report = StatusReport(plan: plan, result: Engine.check(plan))
        if let use = plan.wholePlan { use.memo.reports.store(Self.statusReportName, report.encoded, for: use.key) }
        return (report, plan)
    }
}
