import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan codeowners`: CODEOWNERS lines from documents' owners and roles.yaml.
struct CodeOwnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codeowners",
        abstract: "Print (or write) the CODEOWNERS lines that make each document's owners its required reviewers.",
        discussion: """
            One line per document: its path and the git host handles of its owner role's \
            members (roles.yaml). --write puts them between smsplan's marker lines in the \
            repository's CODEOWNERS (.github/CODEOWNERS, CODEOWNERS or docs/CODEOWNERS; a new \
            .github/CODEOWNERS when there is none), keeping every other line. The \
            codeowners-stale rule reports a committed block that no longer matches.
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Flag(help: "Write the block into the repository's CODEOWNERS file.")
    var write = false

    func run() throws {
        let plan = try CommandFailure.running { try Checker.load(CheckRequest(directory: repository.directoryURL)) }
        let block = CodeOwners.block(for: plan)
        guard write else {
            print(block, terminator: "")
            return
        }
        guard let root = plan.repositoryRoot else {
            FileHandle.standardError.write(Data("smsplan: error: \(SMSPlanError.noWorkingTree)\n".utf8))
            throw ExitCode(2)
        }
        let path = plan.codeOwners?.path ?? CodeOwners.locations[0]
        let merged = try CommandFailure.running { try CodeOwners.merge(block, into: plan.codeOwners?.text) }
        try CommandFailure.running { try CodeOwners.write(merged, to: root.appendingPathComponent(path), within: root) }
        print("wrote \(RelativePath.display(root.appendingPathComponent(path), from: repository.directoryURL))")
    }
}
