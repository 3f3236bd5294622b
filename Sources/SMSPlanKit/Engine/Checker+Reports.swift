import Foundation

extension Checker {
    /// What a command makes of the plan the request names (`make`, from a plan read in
    /// full, with its analysis), with the plan. A plan read as one checked before (its
    /// whole-plan findings replayed) takes the report kept for it under `name`
    /// (`WholePlanReports`), when one was made: a report that reads nothing the memo's key
    /// does not cover (`WholePlanMemo`) is the same for every such plan, whose documents are
    /// then not read in full nor its analysis made again (`kept`: the caller puts in what
    /// the key leaves out). Any other plan is read in full, in the same load, and its report kept.
    static func keptOrMade<Report>(_ request: CheckRequest, name: String, decode: ([UInt8]) -> Report?, encode: (Report) -> [UInt8],
                                   make: (Plan) -> Report) throws(SMSPlanError) -> (report: Report, plan: Plan, kept: Bool) {
        let plan = try load(request, sharing: nil, checking: true, keptReport: name)
        guard let use = plan.wholePlan, use.replayed != nil, let stored = use.memo.reports.report(name, for: use.key) else {
            return made(for: plan, name: name, encode: encode, make: make)
        }
        if let report = decode(stored) { return (report, plan, true) }
        // A kept report that does not decode: the plan is read again in full, once.
        return made(for: try loadForCheck(request), name: name, encode: encode, make: make)
    }

    private static func made<Report>(for plan: Plan, name: String, encode: (Report) -> [UInt8], make: (Plan) -> Report)
        -> (report: Report, plan: Plan, kept: Bool) {
        let report = make(plan)
        if let use = plan.wholePlan { use.memo.reports.store(name, encode(report), for: use.key, documents: use.documents) }
        return (report, plan, false)
    }

    /// `smsplan status`: the report on the plan the request names, with the plan it was
    /// made of; a kept report (`keptOrMade`) gets its counts of findings made anew.
    public static func status(_ request: CheckRequest) throws(SMSPlanError) -> (report: StatusReport, plan: Plan) {
        var (report, plan, kept) = try keptOrMade(request, name: "status", decode: StatusReport.init(encoded:), encode: \.encoded) { plan in
            StatusReport(plan: plan, result: Engine.check(plan))
        }
        if kept {
            let result = Engine.check(plan)
            (report.errors, report.warnings) = (result.errorCount, result.warningCount)
        }
        return (report, plan)
    }
}
