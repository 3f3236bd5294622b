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
    /// `checked`: for a command that runs `Engine.check` on it (`Checker.loadForCheck`).
    /// The commands that read a plan exit once they have printed what they made of it: the
    /// plan is left for the exit to reclaim (`KeptUntilExit`).
    func loadPlan(from directory: URL, checked: Bool = false) throws -> Plan {
        let request = CheckRequest(directory: directory, target: target)
        let plan = try CommandFailure.running { try checked ? Checker.loadForCheck(request) : Checker.load(request) }
        KeptUntilExit.value = plan
        return plan
    }
}

extension OutputFormat: ExpressibleByArgument {}
