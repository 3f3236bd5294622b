import Foundation

/// A git repository in a fresh temporary folder, built with the real `git` command under a fixed
/// identity, fixed dates and no system or user configuration (HOME is the temporary folder).
public final class TestRepository {
    public static let authorName = "Ada Lovelace"
    public static let authorEmail = "ada@example.com"
    public static let committerName = "Charles Babbage"
    public static let committerEmail = "charles@example.com"
    /// The author time of the first commit (2026-11-30, after every date of plan-template, so
    /// that no date is after its commit); each later commit is an hour later.
    public static let firstAuthorTime: TimeInterval = 1_796_000_000
    /// How much later than its author time each commit is committed.
    public static let commitDelay: TimeInterval = 60

    /// The temporary folder holding everything, removed by `remove()`.
    public let sandbox: URL
    /// The repository's top folder: its working tree, or the repository itself when bare.
    public let directory: URL
    /// How many commits `commitAll` has made.
    public private(set) var commitCount = 0
    /// When set, every later commit is authored and committed at this time (seconds since 1970).
    public var commitTimeOverride: Int?
    /// Added to the environment of every git child (PATH for hooks, say).
    public var extraEnvironment: [String: String] = [:]

    /// Makes `sandbox/repo` and runs `git init` there (on branch `main`).
    public init(bare: Bool = false) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("smsplan-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        sandbox = folder.resolvingSymlinksInPath()
        directory = sandbox.appendingPathComponent("repo", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
    }

    /// A view of a repository some other code made in `folder`, for running git there.
    /// `remove()` deletes `folder`.
    public init(wrapping folder: URL) {
        sandbox = folder
        directory = folder
    }

    public func remove() {
        try? FileManager.default.removeItem(at: sandbox)
    }

    /// The author time of commit number `number` (1-based).
    public static func authorTime(ofCommit number: Int) -> TimeInterval {
        firstAuthorTime + TimeInterval(number - 1) * 3600
    }

    /// The committer time of commit number `number` (1-based), what `Commit.time` must report.
    public static func committerTime(ofCommit number: Int) -> Date {
        Date(timeIntervalSince1970: authorTime(ofCommit: number) + commitDelay)
    }

    /// Runs git in `folder` (default: `directory`) and returns its trimmed standard output.
    /// - Throws: `GitCommandFailure` when git exits non-zero, unless `allowFailure`.
    @discardableResult
    public func git(
        _ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:],
        input: Data? = nil, allowFailure: Bool = false
    ) throws -> String {
        let result = try attempt(arguments, in: folder, environment: extra, input: input)
        guard result.status == 0 || allowFailure else {
            throw GitCommandFailure(command: "git " + arguments.joined(separator: " "), status: result.status, standardError: result.errors)
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs git and returns its exit status, standard output and standard error, whatever
    /// the status (for commands a hook may refuse). Output goes through files, so a chatty
    /// hook cannot fill a pipe and stall.
    public func attempt(
        _ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:], input: Data? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder ?? directory
        process.environment = childEnvironment.merging(extra) { _, new in new }
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-git-output-\(UUID().uuidString)")
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-git-errors-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        let standardInput = Pipe()
        process.standardInput = standardInput
        try process.run()
        if let input {
            standardInput.fileHandleForWriting.write(input)
        }
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: outputURL, encoding: .utf8), try String(contentsOf: errorURL, encoding: .utf8))
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try git(arguments)
    }

    /// Writes a file (making its folders) relative to `directory`.
    public func write(_ path: String, _ contents: String, executable: Bool = false) throws {
        try write(path, Data(contents.utf8), executable: executable)
    }

    public func write(_ path: String, _ data: Data, executable: Bool = false) throws {
        let url = self.url(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        let permissions = executable ? 0o755 : 0o644
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
    }

    /// Makes a symlink at `path` (relative to `directory`) whose target is `target`, verbatim.
    public func symlink(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(path).path, withDestinationPath: target)
    }

    /// `git add -A` and `git commit`; returns the new commit's id.
    @discardableResult
    public func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        commitCount += 1
        return try git("rev-parse", "HEAD")
    }

    public func url(_ path: String) -> URL {
        directory.appendingPathComponent(path)
    }

    /// The environment of every git child: fixed identity and dates, nothing from the machine.
    public var childEnvironment: [String: String] {
        let next = commitCount + 1
        let authorTime = commitTimeOverride.map { $0 - Int(Self.commitDelay) } ?? Int(Self.authorTime(ofCommit: next))
        return [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": sandbox.path,
            "XDG_CONFIG_HOME": sandbox.appendingPathComponent(".config").path,
            "GIT_CONFIG_NOSYSTEM": "1",
            "LC_ALL": "C",
            "GIT_AUTHOR_NAME": Self.authorName,
            "GIT_AUTHOR_EMAIL": Self.authorEmail,
            "GIT_AUTHOR_DATE": "\(authorTime) +0000",
            "GIT_COMMITTER_NAME": Self.committerName,
            "GIT_COMMITTER_EMAIL": Self.committerEmail,
            "GIT_COMMITTER_DATE": "\(authorTime + Int(Self.commitDelay)) +0000",
        ].merging(extraEnvironment) { _, extra in extra }
    }
}

/// A git command that exited non-zero.
public struct GitCommandFailure: Error, CustomStringConvertible {
    public let command: String
    public let status: Int32
    public let standardError: String

    public var description: String {
        "\(command) exited with \(status): \(standardError)"
    }
}
