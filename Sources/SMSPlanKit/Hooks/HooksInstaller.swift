import Foundation
import GitKit

/// `smsplan hooks install`: the hooks written into the repository's hooks folder.
public enum HooksInstaller {
    /// What happened to each hook.
    public enum Outcome: Sendable, Equatable {
        case installed, unchanged
        /// A different hook was there; it was moved to the backup path (only with force).
        case replaced(backup: String)
    }

    public struct Result: Sendable {
        /// The hooks folder, absolute.
        public var folder: URL
        public var hooks: [(name: String, outcome: Outcome)]
    }

    /// Installs every hook into `core.hooksPath` (relative to the working tree) when set,
    /// else the common git directory's `hooks/`. A different existing hook is refused
    /// (nothing written) unless `force`, which keeps it as `<name>.smsplan-backup`. A hooks
    /// folder reached through a symbolic link that leads out of the repository is refused;
    /// on any error every hook and backup is put back as it was.
    public static func install(directory: URL, force: Bool, environment: [String: String]) throws(SMSPlanError) -> Result {
        try WriteTransaction(within: nil).run { transaction throws(SMSPlanError) in
            try install(directory: directory, force: force, environment: environment, transaction: transaction)
        }
    }

    /// Installs the hooks as part of a larger change (`init`), undone with it.
    static func install(directory: URL, force: Bool, environment: [String: String], transaction: WriteTransaction) throws(SMSPlanError) -> Result {
        let repository = try Checker.openRepository(CheckRequest(directory: directory, environment: environment))
        let folder = hooksFolder(of: repository, environment: environment)
        let root = [repository.workingDirectory, repository.commonDirectory].compactMap { $0 }
            .first { folder.standardizedFileURL.path.hasPrefix($0.standardizedFileURL.path + "/") } ?? folder
        let manager = FileManager.default
        var plan: [(name: String, url: URL, outcome: Outcome)] = []
        for hook in HookScripts.all {
            let url = folder.appendingPathComponent(hook.name)
            guard let existing = manager.contents(atPath: url.path) else {
                plan.append((hook.name, url, .installed))
                continue
            }
            if existing == Data(hook.script.utf8) {
                plan.append((hook.name, url, .unchanged))
            } else if force {
                plan.append((hook.name, url, .replaced(backup: freeBackupPath(for: url.path))))
            } else {
                throw .refused("\(url.path) exists and is not smsplan's hook; nothing was written. `smsplan hooks install --force` replaces it and keeps the old one as \(URL(fileURLWithPath: freeBackupPath(for: url.path)).lastPathComponent)")
            }
        }
        // Before anything is written: no hook is written through a link out of the repository.
        for (_, url, outcome) in plan where outcome != .unchanged {
            try SafePath.check(url, within: root)
        }
        for (name, url, outcome) in plan {
            let script = HookScripts.all.first { $0.name == name }!.script
            switch outcome {
            case .unchanged: continue
            case .replaced(let backup):
                try transaction.move(url, to: URL(fileURLWithPath: backup))
            case .installed: break
            }
            try transaction.write(Data(script.utf8), to: url, permissions: 0o755)
        }
        return Result(folder: folder.standardizedFileURL, hooks: plan.map { ($0.name, $0.outcome) })
    }

    /// True when the repository around `directory` is a clone (it has a remote `origin`) with
    /// a working tree and no pre-commit hook at all: git copies no hooks with a clone. False
    /// otherwise, including when it cannot tell. Any pre-commit hook counts, so one of the
    /// pre-commit framework is not mistaken for a missing one.
    public static func isCloneWithoutHooks(directory: URL, environment: [String: String]) -> Bool {
        guard let repository = try? Checker.openRepository(CheckRequest(directory: directory, environment: environment)),
            repository.workingDirectory != nil, repository.configString("remote.origin.url") != nil
        else { return false }
        return !FileManager.default.fileExists(atPath: hooksFolder(of: repository, environment: environment).appendingPathComponent("pre-commit").path)
    }

    /// `<hook>.smsplan-backup`, or the first of `.smsplan-backup.2`, `.3`, ... not taken: an
    /// earlier backup (the user's own hook, kept by a first `--force`) is never overwritten.
    static func freeBackupPath(for path: String) -> String {
        let first = path + ".smsplan-backup"
        var candidate = first
        var number = 2
        var info = stat()
        while lstat(candidate, &info) == 0 {
            candidate = "\(first).\(number)"
            number += 1
        }
        return candidate
    }

    /// `core.hooksPath` when set, with `~/` and `~user/` expanded as git expands them, and a
    /// relative path taken from the working tree; else the common git directory's `hooks/`.
    private static func hooksFolder(of repository: Repository, environment: [String: String]) -> URL {
        if let configured = repository.configString("core.hooksPath"), !configured.isEmpty {
            let base = repository.workingDirectory ?? repository.commonDirectory
            let expanded = expandingHome(configured, environment: environment)
            return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded) : base.appendingPathComponent(expanded)
        }
        return repository.commonDirectory.appendingPathComponent("hooks")
    }

    /// `~` or `~/rest` with the home folder (`HOME`), `~user/rest` with that user's; other
    /// paths as they are.
    static func expandingHome(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<slash])
        let home: String?
        if user.isEmpty {
            home = environment["HOME"] ?? ProcessInfo.processInfo.environment["HOME"]
        } else {
            home = getpwnam(user).map { String(cString: $0.pointee.pw_dir) }
        }
        guard let home, !home.isEmpty else { return path }
        return home + path[slash...]
    }
}
