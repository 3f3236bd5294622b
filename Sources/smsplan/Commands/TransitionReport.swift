import ArgumentParser
import Foundation
import SMSPlanKit

extension PlanDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

/// Running a document-control transition and printing what it wrote: one line a file,
/// `path: what changed`, paths as the user would type them.
enum TransitionReport {
    static func run(in directory: URL, _ transition: (Plan, URL) throws(SMSPlanError) -> TransitionOutcome) throws {
        let lines = try CommandFailure.running { () throws(SMSPlanError) -> [String] in
            let plan = try Checker.load(CheckRequest(directory: directory))
            guard let root = plan.repositoryRoot else { throw SMSPlanError.noWorkingTree }
            return try transition(plan, root).edits.map { edit in
                "\(RelativePath.display(root.appendingPathComponent(edit.path), from: directory)): \(edit.summary)"
            }
        }
        for line in lines { print(line) }
    }

    /// The author of a new history entry: --author, else the name git would record.
    static func author(_ option: String?, in directory: URL) -> String? {
        option ?? Checker.authorName(CheckRequest(directory: directory))
    }
}
