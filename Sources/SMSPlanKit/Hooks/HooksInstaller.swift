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
    /// (nothing written) unless `force`, which keeps it as `<name>.smsplan-backup`.
    public static func install(directory: URL, force: Bool, environment: [String: String]) throws(SMSPlanError) -> Result {
        let repository = try Checker.openRepository(CheckRequest(directory: directory, environment: environment))
        let folder: URL
        if let configured = repository.configString("core.hooksPath"), !configured.isEmpty {
            let base = repository.workingDirectory ?? repository.commonDirectory
            folder = configured.hasPrefix("/") ? URL(fileURLWithPath: configured) : base.appendingPathComponent(configured)
        } else {
            folder = repository.commonDirectory.appendingPathComponent("hooks")
        }
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
                plan.append((hook.name, url, .replaced(backup: url.path + ".smsplan-backup")))
            } else {
                throw .refused("\(url.path) exists and is not smsplan's hook; nothing was written. `smsplan hooks install --force` replaces it and keeps the old one as \(hook.name).smsplan-backup")
            }
        }
        for (name, url, outcome) in plan {
            let script = HookScripts.all.first { $0.name == name }!.script
            switch outcome {
            case .unchanged: continue
            case .replaced(let backup):
                do {
                    if manager.fileExists(atPath: backup) { try manager.removeItem(atPath: backup) }
                    try manager.moveItem(at: url, to: URL(fileURLWithPath: backup))
                } catch {
                    throw .writeFailed(path: backup, reason: error.localizedDescription)
                }
            case .installed: break
            }
            try AtomicFile.write(Data(script.utf8), to: url)
            do {
                try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            } catch {
                throw .writeFailed(path: url.path, reason: error.localizedDescription)
            }
        }
        return Result(folder: folder.standardizedFileURL, hooks: plan.map { ($0.name, $0.outcome) })
    }
}
