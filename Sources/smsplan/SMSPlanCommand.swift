import ArgumentParser

/// The `smsplan` command: an ISO/IEC 20000-1 service management system kept as code.
@main
struct SMSPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smsplan",
        abstract: "Check an ISO/IEC 20000-1 service management system kept as Markdown in git.",
        discussion: """
            `-C DIR` may come before the subcommand (smsplan -C plan check) or after it, as \
            in git.

            The plan repository holds smsplan.yaml, roles.yaml and Markdown documents with YAML \
            front matter. `smsplan check` validates them; `smsplan rules` explains every rule.

            Exit codes: 0 no errors (warnings allowed unless --strict), 1 findings of severity \
            error, 2 could not run (not a repository, bad config, bad revision), 64 usage.
            """,
        version: SMSPlanVersion.current,
        subcommands: [
            CheckCommand.self, StatusCommand.self, CoverageCommand.self, RegisterCommand.self, ReportCommand.self,
            SchemaCommand.self, RulesCommand.self,
            InitCommand.self, NewCommand.self, ApproveCommand.self, ReviseCommand.self, RetireCommand.self, RenumberCommand.self,
            HooksCommand.self, BaselineCommand.self, ReviewCommand.self, CodeOwnersCommand.self, MigrateCommand.self,
            LSPCommand.self,
        ]
    )

    /// `-C DIR` before the subcommand, and "did you mean" for a misspelt one, then the parser.
    static func main() {
        let arguments = LeadingOptions.applyDirectories(Array(CommandLine.arguments.dropFirst()))
        LeadingOptions.suggestSubcommands(arguments, root: configuration)
        main(arguments)
    }
}
