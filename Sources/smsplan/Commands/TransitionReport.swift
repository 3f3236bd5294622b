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
            let outcome = try transition(plan, root)
            return outcome.edits.map { edit in
                "\(RelativePath.display(root.appendingPathComponent(edit.path), from: directory)): \(edit.summary)"
            } + outcome.warnings.map { "smsplan: warning: \($0)" }
        }
        for line in lines where !line.hasPrefix("smsplan: warning: ") { print(line) }
        for line in lines where line.hasPrefix("smsplan: warning: ") { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    }

    /// The author of a new history entry: --author, else the name git would record.
    static func author(_ option: String?, in directory: URL) -> String? {
        option ?? Checker.authorName(CheckRequest(directory: directory))
    }
}
