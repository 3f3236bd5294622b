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
            processes, services and records, CI files and a README.
            With --example it copies the complete exemplar plan of Northwind Service Desk Ltd \
            instead (with --organization, under that name).

            Editions: the starting plan is written for ISO/IEC 20000-1:2018 unless --standard \
            says iso20000-1:2011. Certification moved to the 2018 edition after the transition \
            period ended in 2021, so start on 2018; 2011 is for a team that keeps a 2011 SMS \
            until it migrates (smsplan migrate --to iso20000-1:2018). The exemplar follows \
            ISO/IEC TR 20000-5:2013, written for 2011 (ISO/IEC TS 20000-5:2022 is its successor \
            for 2018): --example alone copies it as written, for 2011; --example --standard \
            iso20000-1:2018 gives it migrated to 2018 (as smsplan migrate does it, with \
            Northwind's decisions and the documents the new clauses need, from \
            examples/northwind-2018).

            Either way only the files git tracks in the project are copied. init makes DIR a \
            git repository unless it is one and installs the pre-commit and pre-push hooks \
            (smsplan hooks install); with --commit it also makes the first commit. init never \
            overwrites: if any file it would write exists, it writes nothing, names the file, \
            and exits 2.
            The exemplar is found through SMSPLAN_TEMPLATE, the starting plan's folder through \
            SMSPLAN_STARTER, the exemplar's 2018 additions through SMSPLAN_EXAMPLES, then \
            share/smsplan/ beside the installed binary, then the project folder the binary was \
            built in.

            Examples:
              smsplan init sms --organization "Acme Services Ltd"            # a 2018 plan
              smsplan init sms --organization "Acme Services Ltd" --standard iso20000-1:2011 --commit
              smsplan init northwind --example                               # the exemplar, 2011
              smsplan init northwind --example --standard iso20000-1:2018    # the exemplar, 2018
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The folder of the new plan repository (made when missing).")
    var directory: String = "."

    @Option(help: ArgumentHelp("The organization's name, written to smsplan.yaml and the plan's documents (required without --example).",
                               valueName: "name"))
    var organization: String?

    @Option(help: ArgumentHelp("The edition: iso20000-1:2018 (the default for a starting plan) or iso20000-1:2011 (the default with --example, the edition the exemplar is written for).", valueName: "id"))
    var standard: String?

    @Flag(help: "Copy the complete exemplar plan (Northwind Service Desk Ltd) instead of a starting plan.")
    var example = false

    @Flag(help: "Also make the first commit (author from GIT_AUTHOR_* or git config).")
    var commit = false

    /// The edition of a starting plan when --standard names none (a plan config that names
    /// none still means `PlanConfig.defaultStandard`, so existing plans keep their meaning).
    static let defaultStandard = "iso20000-1:2018"

    func validate() throws {
        if let standard, !RequirementSchema.bundledIDs.contains(standard) {
            throw ValidationError("unknown standard \"\(standard)\"; choose one of \(RequirementSchema.bundledIDs.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        if example { return }
        guard let organization, !organization.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give the organization's name with --organization NAME (or --example for the exemplar plan)")
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
                let edition = standard ?? ExamplePlan.templateEdition
                let additions = edition == ExamplePlan.templateEdition ? nil
                    : try PlanInitializer.findExampleAdditions(for: edition, template: template, executable: executable, environment: environment)
                content = .example(organization: organization, standard: edition, additions: additions)
            } else {
                let starter = try PlanInitializer.findStarter(template: template, executable: executable, environment: environment)
                content = .starter(starter, organization: organization ?? "", standard: standard ?? Self.defaultStandard, date: PlanDate(Date()))
            }
            return try PlanInitializer.run(PlanInitializer.Request(directory: target, template: template, content: content, commit: commit))
        }
        let shown = RelativePath.display(target, from: repository.directoryURL)
        let edition = standard ?? (example ? ExamplePlan.templateEdition : Self.defaultStandard)
        let what = (example ? "the exemplar plan" : "the starting plan of \(organization ?? "")") + " (\(edition))"
        print("created \(what) in \(shown): \(result.files.count) files\(result.commit.map { ", first commit \($0.prefix(12))" } ?? "")")
        print("git hooks installed in \(RelativePath.display(result.hooksFolder, from: repository.directoryURL))")
        print("next: \(example ? "" : "fill in roles.yaml and README.md's first steps, then ")smsplan -C \(shown) check, then smsplan -C \(shown) status")
    }
}
