import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan review BASE..HEAD`: what a pull request means for the SMS.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Summarise a pull request for its reviewers: documents, records, coverage, findings.",
        discussion: """
            Lists the documents the range added, revised (old and new version, the history \
            entries it added), approved, retired, moved or removed; the records added; the \
            clauses whose coverage changed; the reviews that became due; and every finding of \
            `smsplan check --range BASE..HEAD`. The markdown is made to be posted as a \
            pull-request comment. Exits 1 when there are error findings.

            Example:
              smsplan review origin/main..HEAD --format markdown > review.md
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The pull request's commits: BASE..HEAD.", valueName: "base..head"))
    var range: String

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .markdown

    func validate() throws {
        if range.components(separatedBy: "..").count != 2 || range.contains("...") {
            throw ValidationError("the range is BASE..HEAD, such as main..feature")
        }
    }

    func run() throws {
        let report = try CommandFailure.running { try ReviewReport.make(range: range, directory: repository.directoryURL) }
        print(report.render(format), terminator: "")
        if report.errors > 0 { throw ExitCode(1) }
    }
}
