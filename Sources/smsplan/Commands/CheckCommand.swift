import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan check`: validate the plan and print every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the plan's documents, configuration and coverage.",
        discussion: """
            Checks the working tree by default, judging dates by today. --staged checks what \
            the index holds (what a commit is about to record); --rev checks a committed \
            revision, judging dates by its commit date so a re-check gives the same answer.
            Findings print as path:line:column: severity: message [rule-id], sorted, all of \
            them from one run. A check never modifies a file.

            Examples:
              smsplan check
              smsplan check -C plan --format json
              smsplan check --rev HEAD~1 --strict
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let directory = repository.directoryURL
        let result = Engine.check(try source.loadPlan(from: directory))
        let root = result.repositoryRoot
        let reporter = report.format.reporter(color: report.useColor) { path in
            guard let root else { return path }
            return RelativePath.display(root.appendingPathComponent(path), from: directory)
        }
        print(reporter.render(result), terminator: "")
        throw report.exitCode(for: result)
    }
}
