import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan approve ID --by ROLE`: the approval, written into the document's front matter.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a document: status approved, approved-by and approved-on, edited in place.",
        discussion: """
            Sets status: approved, approved-by: ROLE and approved-on: DATE in the document's \
            front matter and leaves every other line of the file as it was. A draft never \
            approved (version 0.x) becomes version "1.0", with a history entry "Approved for \
            issue"; a later version must already have its history entry (smsplan revise adds \
            it). Nothing is committed: review the change and commit it.

            Refused (exit 2): an id no document has, a record, an obsolete document, one \
            already approved at its version, a role that roles.yaml does not list, the \
            owner's own role (unless rules: { self-approval: off }), and a document that \
            `smsplan check` finds errors in. Refused (exit 64): a --date after today. \
            The approval may share its date with earlier history entries (revised and \
            approved the same day); an explicit next-review moves on with the approval.

            Examples:
              smsplan approve POL-016 --by top-management
              smsplan approve PRO-001 --by service-manager --date 2026-12-01
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The document's id, such as POL-001.", valueName: "id"))
    var id: String

    @Option(name: .customLong("by"), help: ArgumentHelp("The approving role, an id from roles.yaml.", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("The date of approval, YYYY-MM-DD (default: today, UTC).", valueName: "date"))
    var date: PlanDate?

    @Option(help: ArgumentHelp("The author of the history entry of version 1.0 (default: git's user.name).", valueName: "name"))
    var author: String?

    func validate() throws {
        let today = PlanDate(Date())
        if let date, date > today {
            throw ValidationError("the approval date \(date) is after today (\(today)); an approval is dated the day it is given, never ahead")
        }
    }

    func run() throws {
        let directory = repository.directoryURL
        let author = TransitionReport.author(author, in: directory)
        try TransitionReport.run(in: directory) { plan, root throws(SMSPlanError) in
            let request = DocumentApproval.Request(id: id, role: role, date: date ?? plan.revisionDate, author: author,
                                                   committer: Checker.gitIdentity(CheckRequest(directory: directory)))
            return try DocumentApproval.approve(request, in: plan, root: root)
        }
    }
}
