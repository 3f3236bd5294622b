import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan init [DIR]`: a new plan repository from the exemplar plan.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a plan repository from the exemplar plan.",
        discussion: """
            Copies the exemplar plan (plan-template) into DIR (default: the current folder), \
            sets the organization in smsplan.yaml, makes DIR a git repository unless it is \
            one, and installs the pre-commit and pre-push hooks (smsplan hooks install). With --commit it also makes the first commit. init never overwrites: if any \
            file it would write exists, it writes nothing, names the file, and exits 2.
            The template is found through SMSPLAN_TEMPLATE, then share/smsplan/plan-template \
            beside the installed binary, then the project folder the binary was built in.

            Examples:
              smsplan init sms --organization "Acme Services Ltd"
              smsplan init --commit
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The folder of the new plan repository (made when missing).")
    var directory: String = "."

    @Option(help: ArgumentHelp("The organization's name, written to smsplan.yaml.", valueName: "name"))
    var organization: String?

    @Flag(help: "Also make the first commit (author from GIT_AUTHOR_* or git config).")
    var commit = false

    func run() throws {
        let target = URL(fileURLWithPath: directory, isDirectory: true, relativeTo: repository.directoryURL).standardizedFileURL
        let result = try CommandFailure.running { () throws(SMSPlanError) -> PlanInitializer.Result in
            let template = try PlanInitializer.findTemplate(executable: Bundle.main.executableURL,
                                                            environment: ProcessInfo.processInfo.environment)
            return try PlanInitializer.run(PlanInitializer.Request(directory: target, template: template,
                                                                   organization: organization, commit: commit))
        }
        let shown = RelativePath.display(target, from: repository.directoryURL)
        print("created a plan repository in \(shown): \(result.files.count) files\(result.commit.map { ", first commit \($0.prefix(12))" } ?? "")")
        print("git hooks installed in \(RelativePath.display(result.hooksFolder, from: repository.directoryURL))")
        print("next: smsplan check -C \(shown), then smsplan status -C \(shown)")
    }
}
