import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan retire ID [--superseded-by ID]`: a document withdrawn and kept, marked obsolete.
struct RetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire",
        abstract: "Withdraw a document: status obsolete, and superseded-by its successor.",
        discussion: """
            Sets status: obsolete and, with --superseded-by, superseded-by: SUCCESSOR; the \
            successor gets the retired id in its supersedes list. Both files are edited in \
            place and every other line stays as it was. The file is kept: an approved \
            document is retired, never deleted. Nothing is committed.

            Refused (exit 2): an id no document has, a record, a draft never approved \
            (version 0.x: delete its file instead), a successor that does not exist, and an \
            approved, committed successor, whose front matter needs a new version to change \
            (smsplan revise it first).

            Examples:
              smsplan retire POL-003
              smsplan retire POL-003 --superseded-by POL-016
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The document's id, such as POL-001.", valueName: "id"))
    var id: String

    @Option(name: .customLong("superseded-by"), help: ArgumentHelp("The id of the document that replaces it.", valueName: "id"))
    var supersededBy: String?

    func run() throws {
        try TransitionReport.run(in: repository.directoryURL) { plan, root throws(SMSPlanError) in
            try DocumentRetirement.retire(DocumentRetirement.Request(id: id, supersededBy: supersededBy), in: plan, root: root)
        }
    }
}
