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
            revision, judging dates by its commit date so a re-check gives the same answer; \
            --range BASE..HEAD checks each commit of a pull request against its parent and \
            the final tree in full. History rules compare each document with its previous \
            committed state (HEAD, or the commit's parent), matched by id.
            Findings print as path:line:column: severity: message [rule-id], sorted, all of \
            them from one run. A check never modifies a file.

            --format sarif, junit, github and markdown give the same findings to code \
            scanning, CI test reports, GitHub Actions annotations and pull-request comments, \
            with paths relative to the repository's top level.

            Outside a git hook and CI, a clone (a repository with a remote origin) without a \
            pre-commit hook gets a one-line \
            reminder on standard error to run `smsplan hooks install` (never a finding).

            Examples:
              smsplan check
              smsplan check -C plan --format json
              smsplan check --rev HEAD~1 --strict
              smsplan check --format sarif > smsplan.sarif
              smsplan check --range origin/main..HEAD
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var report: ReportOptions

    @Option(help: ArgumentHelp("Check each commit of BASE..HEAD against its parent (history rules, naming the commit), and HEAD in full.", valueName: "base..head"))
    var range: String?

    @Option(help: ArgumentHelp("The address of docs/rules.md that SARIF's rules link to (helpUri), such as where your team reads it; by default the copy installed with smsplan.", valueName: "url"))
    var rulesUrl: String?

    @Flag(help: "Check what the running git hook is about to record: the pushed range when PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF are set (pre-commit framework, pre-push), else the staged changes.")
    var hook = false

    func validate() throws {
        let modes = [source.staged, source.rev != nil, range != nil, hook].filter { $0 }.count
        if modes > 1 { throw ValidationError("use one of --staged, --rev, --range and --hook") }
        if let rulesUrl, URL(string: rulesUrl)?.scheme == nil {
            throw ValidationError("--rules-url takes an absolute URL, such as https://example.org/smsplan/rules.md; got '\(rulesUrl)'")
        }
        if let range, range.components(separatedBy: "..").count != 2 || range.contains("...") {
            throw ValidationError("--range takes BASE..HEAD, such as main..feature")
        }
    }

    private var target: CheckRequest.Target {
        if let range { return .range(range) }
        if hook {
            let environment = ProcessInfo.processInfo.environment
            if let from = environment["PRE_COMMIT_FROM_REF"], let to = environment["PRE_COMMIT_TO_REF"], !from.isEmpty, !to.isEmpty {
                return .range("\(from)..\(to)")
            }
            return .staged
        }
        return source.target
    }

    func run() throws {
        let directory = repository.directoryURL
        let target = self.target
        let (result, plan) = try CommandFailure.running { try Checker.checkKeepingPlan(CheckRequest(directory: directory, target: target)) }
        // The process exits straight after printing: the plan is left for the exit to reclaim.
        KeptUntilExit.value = plan
        let root = result.repositoryRoot
        let rulesURI = rulesUrl ?? RulesDocumentation.installedURI
        let reporter = report.format.reporter(color: report.useColor, toolVersion: SMSPlanVersion.current, rulesURI: rulesURI,
                                              strict: report.strict) { path in
            guard let root else { return path }
            return RelativePath.display(root.appendingPathComponent(path), from: directory)
        }
        print(reporter.render(result), terminator: "")
        for note in result.notes {
            FileHandle.standardError.write(Data("smsplan: note: \(note)\n".utf8))
        }
        remindOfMissingHooks(in: directory)
        throw report.exitCode(for: result)
    }

    /// One line on standard error when a person (not a hook, not CI) checks a clone whose
    /// hooks were never installed: git does not copy hooks with a clone.
    private func remindOfMissingHooks(in directory: URL) {
        let environment = ProcessInfo.processInfo.environment
        let inHook = hook || ["GIT_INDEX_FILE", "GIT_DIR", "PRE_COMMIT", "CI"].contains { !(environment[$0] ?? "").isEmpty }
        guard !inHook, HooksInstaller.isCloneWithoutHooks(directory: directory, environment: environment) else { return }
        FileHandle.standardError.write(Data("smsplan: note: the git hooks are not installed in this clone; run `smsplan hooks install`\n".utf8))
    }
}

/// What a command leaves for the process's exit to reclaim: freeing a large plan object by
/// object costs more than the exit itself.
enum KeptUntilExit {
    nonisolated(unsafe) static var value: Any?
}

