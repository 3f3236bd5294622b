import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan hooks install`: the pre-commit and pre-push hooks.
struct HooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hooks",
        abstract: "Install smsplan's git hooks.",
        subcommands: [Install.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Install the pre-commit (check --staged) and pre-push (check --range) hooks.",
            discussion: """
                Hooks go to core.hooksPath when it is set, else to the repository's hooks folder \
                (shared by all worktrees). A different hook already there is left alone and the \
                install refused, unless --force, which keeps it as <name>.smsplan-backup. The hooks \
                run `smsplan` from PATH, or $SMSPLAN when set; without it they fail and say how to \
                install it. `git commit --no-verify` skips them once.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Flag(help: "Replace different existing hooks (they are kept as <name>.smsplan-backup).")
        var force = false

        func run() throws {
            let result = try CommandFailure.running {
                try HooksInstaller.install(directory: repository.directoryURL, force: force, environment: ProcessInfo.processInfo.environment)
            }
            for (name, outcome) in result.hooks {
                let what = switch outcome {
                case .installed: "installed"
                case .unchanged: "already installed"
                case .replaced(let backup): "installed (the previous hook is now \(backup))"
                }
                print("\(result.folder.appendingPathComponent(name).path): \(what)")
            }
        }
    }
}
