import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan coverage`: the traceability matrix and the statement of applicability.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show the traceability matrix (requirement -> evidence -> documents) and the statement of applicability.",
        discussion: """
            A requirement is covered when each of its evidence items is met by an approved \
            document (a final record) whose satisfies lists it; partly covered when some are; \
            a clause with sub-clauses takes its status from them. Excluded requirements appear \
            in the statement of applicability with their reasons.
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    func run() throws {
        let plan = try source.loadPlan(from: repository.directoryURL)
        guard let report = CoverageReport(plan: plan) else {
            FileHandle.standardError.write(Data("smsplan: error: no usable requirement schema; `smsplan check` says why\n".utf8))
            throw ExitCode(2)
        }
        print(report.render(format), terminator: "")
    }
}
