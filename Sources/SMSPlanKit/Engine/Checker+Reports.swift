import Foundation

extension Checker {
    /// What a command makes of the plan the request names (`make`, from a plan read in
    /// full, with its analysis), with the plan. A plan read as one checked before (its
    /// whole-plan findings replayed) takes the report kept for it under `name`
    /// (`WholePlanReports`), when one was made: a report that reads nothing the memo's key
    /// does not cover (`WholePlanMemo`) is the same for every such plan, whose documents are
    /// then not read in full nor its analysis made again (`kept`: the caller puts in what
    /// the key leaves out). Any other plan is read in full, once, and its report kept.
    static func keptOrMade<Report>(_ request: CheckRequest, name: String, decode: ([UInt8]) -> Report?, encode: (Report) -> [UInt8],
                                   make: (Plan) -> Report) throws(SMSPlanError) -> (report: Report, plan: Plan, kept: Bool) {
        if let found = try keptOrMadeAsChecked(request, name: name, decode: decode, encode: encode, make: make) { return found }
        // The plan read as checked is let go before it is read again in full.
        return made(for: try loadForCheck(request), name: name, encode: encode, make: make)
    }

    /// The report kept for the plan read as a check reads it, or one made from it when it
    /// was read in full (nothing to replay); nil when it must be read again in full.
    private static func keptOrMadeAsChecked<Report>(_ request: CheckRequest, name: String, decode: ([UInt8]) -> Report?,
                                                    encode: (Report) -> [UInt8], make: (Plan) -> Report)
        throws(SMSPlanError) -> (report: Report, plan: Plan, kept: Bool)? {
        let plan = try load(request, sharing: nil, checking: true)
        guard let use = plan.wholePlan, use.replayed != nil else { return made(for: plan, name: name, encode: encode, make: make) }
        guard let stored = use.memo.reports.report(name, for: use.key), let report = decode(stored) else { return nil }
        return (report, plan, true)
    }

    private static func made<Report>(for plan: Plan, name: String, encode: (Report) -> [UInt8], make: (Plan) -> Report)
        -> (report: Report, plan: Plan, kept: Bool) {
        let report = make(plan)
        if let use = plan.wholePlan { use.memo.reports.store(name, encode(report), for: use.key) }
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
