import GitKit

/// Why smsplan could not run at all (exit code 2), as opposed to findings in the plan.
public enum SMSPlanError: Error, Sendable, CustomStringConvertible {
    /// The folder is in no git repository.
    case notARepository(path: String)
    /// No `smsplan.yaml` in the folder or above it, inside the repository.
    case noPlan(path: String)
    /// A configuration file that cannot be used at all.
    case configUnusable(path: String, location: SourceLocation, message: String)
    /// A revision that does not name a commit.
    case badRevision(String, reason: String)
    /// The repository has no working tree (bare) where one is needed.
    case noWorkingTree
    /// Anything libgit2 refused.
    case git(GitError)
    /// A file that could not be read.
    case unreadable(path: String, reason: String)
    /// A command that writes found a file where it would write, and wrote nothing.
    case wouldOverwrite(path: String)
    /// A file or folder that could not be written.
    case writeFailed(path: String, reason: String)
    /// The exemplar plan (`plan-template`) or the starting plan's folder (`starter`) was not
    /// found where smsplan looks for it; `variable` names the environment variable that says where.
    case templateNotFound(folder: String, variable: String, searched: [String])
    /// A request that cannot be carried out as given, such as a role that does not exist.
    case refused(String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            "not a git repository (or any of the parent folders): \(path)"
        case .noPlan(let path):
            "no smsplan.yaml in \(path) or any folder above it in the repository; `smsplan init` creates a plan"
        case .configUnusable(let path, let location, let message):
            "\(path):\(location.line):\(location.column): \(message)"
        case .badRevision(let revision, let reason):
            "unknown revision \"\(revision)\": \(reason)"
        case .noWorkingTree:
            "the repository is bare and has no working tree; check a commit with --rev"
        case .git(let error) where error.message.contains("is not owned by current user"):
            "git: \(error.message) (in \(error.function)); git refuses a repository another user owns: if you trust it, `git config --global --add safe.directory PATH`"
        case .git(let error):
            "git: \(error.message) (in \(error.function))"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .wouldOverwrite(let path):
            "\(path) already exists; nothing was written (smsplan never overwrites a file)"
        case .writeFailed(let path, let reason):
            "cannot write \(path): \(reason)"
        case .templateNotFound(let folder, let variable, let searched):
            "the \(folder) folder was not found; set \(variable) to its path (looked in \(searched.joined(separator: ", ")))"
        case .refused(let reason):
            reason
        }
    }
}
