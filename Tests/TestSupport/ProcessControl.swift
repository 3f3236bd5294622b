import Foundation

/// A run of the real binary that a test starts, and then waits for or kills.
public final class RunningCommand {
    public let process: Process
    private let outputURL: URL
    private let errorURL: URL

    init(process: Process, outputURL: URL, errorURL: URL) {
        self.process = process
        self.outputURL = outputURL
        self.errorURL = errorURL
    }

    /// Waits for the run to end and returns what it printed.
    public func wait() -> CommandResult {
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        return CommandResult(status: process.terminationStatus,
                             output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
                             errors: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "")
    }

    /// Ends the run with SIGKILL, which no program can catch or clean up after.
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        _ = wait()
    }
}

extension SMSPlanBinary {
    /// Starts `smsplan arguments` in `folder` and returns at once. Output goes through
    /// files, so a run that is never read from cannot stall on a full pipe.
    public static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                             executable: URL? = nil, prefix: [String] = []) throws -> RunningCommand {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = prefix + arguments
        process.currentDirectoryURL = folder
        // CI set, as in a CI job: no reminder that the test repository has no hooks installed.
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1",
                    "CI": "true"]
        base.merge(environment) { _, new in new }
        process.environment = base
        let temporary = FileManager.default.temporaryDirectory
        let outputURL = temporary.appendingPathComponent("smsplan-run-\(UUID().uuidString).out")
        let errorURL = temporary.appendingPathComponent("smsplan-run-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningCommand(process: process, outputURL: outputURL, errorURL: errorURL)
    }

    /// Runs `smsplan` as a user who may read `repository` but not write it: the current user
    /// when it is not root (the caller takes write permission away, `chmod -R a-w`), else the
    /// user `nobody` through `setpriv`, with a HOME whose git config trusts `repository`
    /// (libgit2, like git, refuses a repository another user owns). Nil where neither works.
    /// With `trusting` false, the git config does not trust the repository.
    public static func runWithoutWriteAccess(_ arguments: [String], in folder: URL, repository: URL, home: URL,
                                             trusting: Bool = true) throws -> CommandResult? {
        guard getuid() == 0 else { return try run(arguments, in: folder, environment: ["HOME": home.path]) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else { return nil }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try (trusting ? "[safe]\n\tdirectory = \(repository.path)\n" : "").write(to: home.appendingPathComponent(".gitconfig"), atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: home.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: home.appendingPathComponent(".gitconfig").path)
        let running = try start(arguments, in: folder, environment: ["HOME": home.path], executable: setpriv,
                                prefix: ["--reuid=65534", "--regid=65534", "--clear-groups", url.path])
        return running.wait()
    }
}

/// Making a file that cannot be replaced, to show a command that fails half-way leaves
/// everything as it was: `chattr +i` as root (where the file system has it), else a folder
/// without write permission.
public enum Unreplaceable {
    /// Makes `file` impossible to replace or delete; false when this machine cannot.
    public static func set(_ file: URL) -> Bool {
        if getuid() == 0 { return chattr("+i", file) }
        return chmod(file.deletingLastPathComponent().path, 0o555) == 0
    }

    public static func clear(_ file: URL) {
        if getuid() == 0 {
            _ = chattr("-i", file)
        } else {
            chmod(file.deletingLastPathComponent().path, 0o755)
        }
    }

    private static func chattr(_ flag: String, _ file: URL) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chattr", flag, file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
