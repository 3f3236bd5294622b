import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan report --html DIR`: the static HTML dashboard.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a static HTML dashboard: phase progress, coverage heat map, registers and findings.",
        discussion: """
            Writes index.html and dashboard.css into the folder (made when missing; files of the \
            same names are replaced, each through a temporary file and a rename). The page needs \
            no network and no script, and prints on A4 landscape. It shows the phase timeline \
            with the baseline tags taken, progress per phase, a coverage heat map of every clause \
            of the schema linked to each clause's evidence, reviews and records coming due, the \
            master list of documents, the records register and the findings of the check.
            With --rev it shows a committed revision (a commit, branch or tag such as \
            baseline/phase-1), judged by its commit date. Exits 0 whatever the findings; 2 when \
            it cannot run or the folder is a file.
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Option(help: ArgumentHelp("The folder to write the dashboard into.", valueName: "dir"))
    var html: String

    func run() throws {
        let directory = repository.directoryURL
        let folder = URL(fileURLWithPath: html, isDirectory: true, relativeTo: directory).standardizedFileURL
        let plan = try source.loadPlan(from: directory, checked: true)
        let request = CheckRequest(directory: directory, target: source.target)
        let baselines = try CommandFailure.running { try Checker.baselines(request, tagPrefix: plan.config.baseline.tagPrefix) }
        let revision = switch source.target {
        case .workingTree: "working tree"
        case .staged: "index (staged changes)"
        case .revision(let revision): "revision \(revision)"
        case .range(let range): "range \(range)"
        }
        let dashboard = Dashboard(plan: plan, result: Engine.check(plan), baselines: baselines, revision: revision,
                                  generator: "smsplan \(SMSPlanVersion.current)")
        let written = try CommandFailure.running { try dashboard.write(to: folder) }
        if let index = written.last {
            print("dashboard: \(RelativePath.display(index, from: directory))")
        }
    }
}
