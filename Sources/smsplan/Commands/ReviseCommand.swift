import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan revise ID -m SUMMARY`: a new version of a document, back in draft.
struct ReviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise",
        abstract: "Start a new version of a document: version up, history entry, back to draft.",
        discussion: """
            Raises the version (1.3 -> 1.4; with --major 1.3 -> 2.0; a draft 0.2 -> 0.3), \
            appends the history entry (version, today's date, author, summary) in the style \
            the history already uses, sets status: draft and removes approved-by and \
            approved-on. Every other line of the file stays as it was. Edit the text, then \
            `smsplan approve` it; nothing is committed.

            Refused (exit 2): an id no document has, a record (a correction is a new record \
            with corrects:), an obsolete document, and --major on a draft never approved.

            Examples:
              smsplan revise POL-001 -m "Clarified the scope of the policy"
              smsplan revise PRO-003 --major -m "Rewritten for the new service desk tool"
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The document's id, such as POL-001.", valueName: "id"))
    var id: String

    @Flag(help: "A change of substance: the next major version (1.3 -> 2.0) instead of the next minor one (1.3 -> 1.4).")
    var major = false

    @Option(name: [.customShort("m"), .customLong("message")], help: ArgumentHelp("The history entry's summary of the change.", valueName: "summary"))
    var summary: String

    @Option(help: ArgumentHelp("The history entry's author (default: git's user.name).", valueName: "name"))
    var author: String?

    func validate() throws {
        if summary.trimmingCharacters(in: .whitespaces).isEmpty || summary.contains(where: \.isNewline) {
            throw ValidationError("the summary (-m) must be one line of text")
        }
    }

    func run() throws {
        let directory = repository.directoryURL
        let author = TransitionReport.author(author, in: directory)
        try TransitionReport.run(in: directory) { plan, root throws(SMSPlanError) in
            let request = DocumentRevision.Request(id: id, major: major, summary: summary, author: author, date: plan.revisionDate)
            return try DocumentRevision.revise(request, in: plan, root: root)
        }
    }
}
