import Foundation
import GitKit

/// The git command line, for what libgit2 leaves to git itself: signing tags and checking
/// signatures with the user's own gpg or ssh settings.
enum GitCommand {
    struct Output {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `git ARGUMENTS` in the repository; throws when git is missing or fails.
    @discardableResult
    static func run(_ arguments: [String], input: String? = nil, repository: Repository, environment: [String: String]) throws(SMSPlanError) -> Output {
        let result = try attempt(arguments, input: input, repository: repository, environment: environment)
        guard result.status == 0 else {
            throw .refused("git \(arguments.first ?? "") failed: \(result.errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return result
    }

    /// Runs `git ARGUMENTS` and returns whatever it did.
    static func attempt(_ arguments: [String], input: String? = nil, repository: Repository, environment: [String: String]) throws(SMSPlanError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir", repository.gitDirectory.path] + arguments
        if let workdir = repository.workingDirectory { process.currentDirectoryURL = workdir }
        process.environment = environment
        let folder = FileManager.default.temporaryDirectory
        let outputURL = folder.appendingPathComponent("smsplan-git-\(UUID().uuidString).out")
        let errorURL = folder.appendingPathComponent("smsplan-git-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let standardInput = Pipe()
        do {
            process.standardOutput = try FileHandle(forWritingTo: outputURL)
            process.standardError = try FileHandle(forWritingTo: errorURL)
            process.standardInput = standardInput
            try process.run()
            if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
            try standardInput.fileHandleForWriting.close()
            process.waitUntilExit()
            return Output(status: process.terminationStatus, output: try String(contentsOf: outputURL, encoding: .utf8),
                          errors: try String(contentsOf: errorURL, encoding: .utf8))
        } catch {
            throw .refused("cannot run git (needed to sign and verify tags): \(error.localizedDescription)")
        }
    }
}
