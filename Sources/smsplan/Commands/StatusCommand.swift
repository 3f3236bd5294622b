import ArgumentParser
import SMSPlanKit

/// `smsplan status`: phase progress, documents by status, what comes due.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show phase progress, documents by status, and reviews and records coming due.",
        discussion: """
            For each phase of the implementation: activities done and open, requirements due \
            in it and how many are covered. Then documents by status, the document reviews and \
            periodic records due within 30 days (or overdue), and the number of findings.
            Exits 0; `smsplan check` is the command that fails on findings.
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    func run() throws {
        let request = CheckRequest(directory: repository.directoryURL, target: source.target)
        let (report, plan) = try CommandFailure.running { try Checker.status(request) }
        // The process exits straight after printing: the plan is left for the exit to reclaim.
        KeptUntilExit.value = plan
        print(report.render(format), terminator: "")
    }
}
