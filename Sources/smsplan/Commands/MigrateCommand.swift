import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan migrate --to iso20000-1:2018`: rewrites the plan's claims for the new edition.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Rewrite the plan's satisfies claims for another edition of ISO/IEC 20000-1.",
        discussion: """
            Every satisfies, activity requirement list and exclusion is rewritten through the \
            new schema's maps-to mapping, editing only the clause ids; a custom schema's \
            extends and smsplan.yaml's standard and claims-edition name the new edition. A \
            clause that maps to several clauses or to none is never guessed: it is written as \
            a placeholder such as "from-2011:4.1.1", listed as a decision, and reported by \
            `smsplan check` until a person replaces it. The clauses no document claims \
            afterwards are listed with the evidence each needs. --dry-run writes nothing.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Option(help: ArgumentHelp("The edition to migrate to (iso20000-1:2018).", valueName: "edition"))
    var to: String

    @Option(help: ArgumentHelp("The edition the claims are written for (default: claims-edition in smsplan.yaml, else the schema's).", valueName: "edition"))
    var from: String?

    @Flag(help: "Show what would change and write nothing.")
    var dryRun = false

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    func run() throws {
        let plan = try CommandFailure.running { try Checker.load(CheckRequest(directory: repository.directoryURL, target: .workingTree)) }
        guard let root = plan.repositoryRoot else { throw ExitCode(2) }
        let report = try CommandFailure.running { try PlanMigration.migrate(plan, root: root, to: to, from: from, dryRun: dryRun) }
        print(report.render(format), terminator: "")
    }
}
