import ArgumentParser
import Foundation
import SMSPlanKit

extension DocumentType: ExpressibleByArgument {}

/// `smsplan new TYPE TITLE`: a new draft from the type's template.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a draft document from its type's template, with the next free id.",
        discussion: """
            The new document is written to the type's folder (policies/, procedures/, plan/, \
            processes/, services/, records/, templates/) with version 0.1, status draft, a first \
            history entry, and the headings of the template for its type. It prints the path.

            Examples:
              smsplan new policy "Access policy" --owner service-manager
              smsplan new record "Management review, May" --record-of management-review
              smsplan new phase-plan "Phase 4 plan" --phase 4
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: ArgumentHelp("The document type: \(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "type"))
    var type: DocumentType

    @Argument(help: "The document's title.")
    var title: String

    @Option(help: ArgumentHelp("The owner role (default: the template's owner).", valueName: "role"))
    var owner: String?

    @Option(help: ArgumentHelp("The author (default: git's user.name).", valueName: "name"))
    var author: String?

    @Option(help: "For a phase plan: the phase it plans.")
    var phase: Int?

    @Option(name: .customLong("record-of"), help: ArgumentHelp("For a record: what it records (management-review, training, ...).", valueName: "kind"))
    var recordOf: String?

    @Option(help: ArgumentHelp("For a record: how long it is kept (default 6 years).", valueName: "period"))
    var retention: String?

    @Option(help: ArgumentHelp("For an external document: where the original is kept.", valueName: "url"))
    var source: String?

    func validate() throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty || title.contains(where: \.isNewline) {
            throw ValidationError("the title must be one line of text")
        }
        if let phase, phase < 1 { throw ValidationError("--phase must be 1 or more") }
    }

    func run() throws {
        let directory = repository.directoryURL
        let request = CheckRequest(directory: directory)
        let created = try CommandFailure.running { () throws(SMSPlanError) -> String in
            let plan = try Checker.load(request)
            guard let root = plan.repositoryRoot else { throw SMSPlanError.noWorkingTree }
            var document = DocumentCreator.Request(
                type: type, title: title, owner: owner, author: author ?? Checker.authorName(request), phase: phase,
                recordOf: recordOf, retention: retention, source: source, date: plan.revisionDate)
            document.taken = Checker.idsOnBranches(request, plan: plan)
            let path = try DocumentCreator.create(document, in: plan, root: root).path
            // A CODEOWNERS block names the new document's roles at once; a file without one is left alone.
            if let updated = CodeOwners.update(for: try Checker.load(request)) {
                try CodeOwners.write(updated.text, to: root.appendingPathComponent(updated.path), within: root)
                FileHandle.standardError.write(Data("smsplan: updated the smsplan block of \(updated.path) for the new document; commit it with the document\n".utf8))
            }
            return RelativePath.display(root.appendingPathComponent(path), from: directory)
        }
        print(created)
    }
}
