import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan coverage`: the traceability matrix, requirement by requirement.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show the traceability matrix (requirement -> evidence item -> documents).",
        discussion: """
            A requirement is covered when each of its required evidence items is met on its own \
            by an approved document (a final record, or a record held in another system) whose \
            satisfies lists it, counted per service, supplier or process where the item says so, \
            with the headings the item asks for; partly covered when some are; a clause with \
            sub-clauses takes its status from them. Good-practice items show but never block. \
            ISO/IEC 20000-1 accepts no exclusion; only a custom schema's excludable \
            requirements may be excluded, and they are then listed with their reasons. \
            docs/coverage.md explains each part.
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
