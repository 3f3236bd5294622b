import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan renumber OLD NEW`: a document's id, and every reference to it, changed.
struct RenumberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renumber",
        abstract: "Change a document's id and every reference to it.",
        discussion: """
            Replaces the id OLD with NEW in the document and in every reference to it \
            (supersedes, superseded-by, corrects, activity evidence, links and mentions), \
            changing only those words. When two documents hold OLD (two branches each took \
            the next free id), --path names the one that gets NEW; references are left to \
            the other. Nothing is committed.

            Examples:
              smsplan renumber POL-017 POL-018
              smsplan renumber POL-017 POL-018 --path policies/access-policy.md
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The id to change, such as POL-017.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new id, free in the plan, such as POL-018.", valueName: "new"))
    var new: String

    @Option(help: ArgumentHelp("The file of the document to renumber, when two hold OLD.", valueName: "path"))
    var path: String?

    func run() throws {
        try TransitionReport.run(in: repository.directoryURL) { plan, root throws(SMSPlanError) in
            try DocumentRenumbering.renumber(old, to: new, path: path, in: plan, root: root)
        }
    }
}
