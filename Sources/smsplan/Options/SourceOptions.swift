import ArgumentParser
import Foundation
import SMSPlanKit

/// Which state of the plan to read: the working tree (default), the index, or a revision.
struct SourceOptions: ParsableArguments {
    @Flag(help: "Read the index (what is staged) instead of the working tree.")
    var staged = false

    @Option(help: ArgumentHelp("Read a committed revision (commit, branch or tag); dates are judged by its commit date.", valueName: "rev"))
    var rev: String?

    func validate() throws {
        if staged && rev != nil { throw ValidationError("--staged and --rev cannot be used together") }
    }

    var target: CheckRequest.Target {
        if let rev { return .revision(rev) }
        return staged ? .staged : .workingTree
    }

    /// Reads the plan around `directory`; could-not-run errors exit 2 with one line.
    func loadPlan(from directory: URL) throws -> Plan {
        try CommandFailure.running { try Checker.load(CheckRequest(directory: directory, target: target)) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
