import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan init [DIR] --organization NAME`: a new plan repository holding the starting plan
/// of an organization, or (`--example`) a copy of the exemplar plan.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a plan repository: your organization's starting plan, or the exemplar.",
        discussion: """
            Writes the starting plan of the organization named by --organization into DIR \
            (default: the current folder): smsplan.yaml (current phase 1), roles.yaml with \
            placeholder members, the three phase plans with every activity open, the scope, \
            business case, project initiation document, service management policy and the \
            control procedures as drafts with guidance, the templates, empty folders for \
            processes, services and records, CI files and a README. --standard picks the \
            edition (iso20000-1:2011, the default, or iso20000-1:2018).
            With --example it copies the complete exemplar plan of Northwind Service Desk Ltd \
            instead (with --organization, under that name).
            Either way only the files git tracks in the project are copied. init makes DIR a \
            git repository unless it is one and installs the pre-commit and pre-push hooks \
            (smsplan hooks install); with --commit it also makes the first commit. init never \
            overwrites: if any file it would write exists, it writes nothing, names the file, \
            and exits 2.
            The exemplar is found through SMSPLAN_TEMPLATE, the starting plan's folder through \
            SMSPLAN_STARTER, then share/smsplan/ beside the installed binary, then the project \
            folder the binary was built in.

            Examples:
              smsplan init sms --organization "Acme Services Ltd"
              smsplan init sms --organization "Acme Services Ltd" --standard iso20000-1:2018 --commit
              smsplan init northwind --example
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The folder of the new plan repository (made when missing).")
    var directory: String = "."

    @Option(help: ArgumentHelp("The organization's name, written to smsplan.yaml and the plan's documents (required without --example).",
                               valueName: "name"))
    var organization: String?

    @Option(help: ArgumentHelp("The edition of the starting plan: iso20000-1:2011 or iso20000-1:2018.", valueName: "id"))
    var standard: String?

    @Flag(help: "Copy the complete exemplar plan (Northwind Service Desk Ltd) instead of a starting plan.")
    var example = false

    @Flag(help: "Also make the first commit (author from GIT_AUTHOR_* or git config).")
    var commit = false

    static let defaultStandard = "iso20000-1:2011"

    func validate() throws {
        if example {
            if standard != nil { throw ValidationError("--standard applies to the starting plan; the exemplar is written for \(Self.defaultStandard)") }
            return
        }
        guard let organization, !organization.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give the organization's name with --organization NAME (or --example for the exemplar plan)")
        }
        if let standard, !RequirementSchema.bundledIDs.contains(standard) {
            throw ValidationError("unknown standard \"\(standard)\"; choose one of \(RequirementSchema.bundledIDs.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
    }

    func run() throws {
        let target = URL(fileURLWithPath: directory, isDirectory: true, relativeTo: repository.directoryURL).standardizedFileURL
        let result = try CommandFailure.running { () throws(SMSPlanError) -> PlanInitializer.Result in
            let executable = Bundle.main.executableURL
            let environment = ProcessInfo.processInfo.environment
            let template = try PlanInitializer.findTemplate(executable: executable, environment: environment)
            let content: PlanInitializer.Content
            if example {
                content = .example(organization: organization)
            } else {
                let starter = try PlanInitializer.findStarter(template: template, executable: executable, environment: environment)
                content = .starter(starter, organization: organization ?? "", standard: standard ?? Self.defaultStandard, date: PlanDate(Date()))
            }
            return try PlanInitializer.run(PlanInitializer.Request(directory: target, template: template, content: content, commit: commit))
        }
        let shown = RelativePath.display(target, from: repository.directoryURL)
        let what = example ? "the exemplar plan" : "the starting plan of \(organization ?? "")"
        print("created \(what) in \(shown): \(result.files.count) files\(result.commit.map { ", first commit \($0.prefix(12))" } ?? "")")
        print("git hooks installed in \(RelativePath.display(result.hooksFolder, from: repository.directoryURL))")
        print("next: \(example ? "" : "fill in roles.yaml and README.md's first steps, then ")smsplan -C \(shown) check, then smsplan -C \(shown) status")
    }
}
