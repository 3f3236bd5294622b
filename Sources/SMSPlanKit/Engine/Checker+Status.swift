import Foundation

extension Checker {
    /// `smsplan status`: the report on the plan the request names, with the plan it was
    /// made of. A plan read as one checked before (its whole-plan findings replayed) whose
    /// report was made before takes that report, with its counts of findings made anew:
    /// the report reads nothing the memo's key does not cover (`WholePlanMemo`), so its
    /// documents are not read in full nor its analysis made again. Any other is read in
    /// full and its report kept beside its findings.
    public static func status(_ request: CheckRequest) throws(SMSPlanError) -> (report: StatusReport, plan: Plan) {
        let plan = try load(request, sharing: nil, checking: true)
        if let use = plan.wholePlan, use.replayed != nil {
            guard let stored = use.memo.status(for: use.key), var report = try? JSONDecoder().decode(StatusReport.self, from: Data(stored))
            else { return try made(for: try loadForCheck(request)) }
            let result = Engine.check(plan)
            (report.errors, report.warnings) = (result.errorCount, result.warningCount)
            return (report, plan)
        }
        // Read in full already (nothing to replay), with its analysis.
        return try made(for: plan)
    }

    /// The report made from `plan` (read in full, with its analysis), kept beside the
    /// plan's whole-plan findings for the next status of the same plan.
    private static func made(for plan: Plan) throws(SMSPlanError) -> (report: StatusReport, plan: Plan) {
        let report = StatusReport(plan: plan, result: Engine.check(plan))
        if let use = plan.wholePlan {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            if let json = try? encoder.encode(report) { use.memo.storeStatus(Array(json), for: use.key) }
        }
        return (report, plan)
    }
}
