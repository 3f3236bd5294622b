import Foundation

/// What a run of the real `smsplan` binary printed, and its exit code.
public struct CommandResult {
    public let status: Int32
    public let output: String
    public let errors: String
}

/// Runs the `smsplan` executable that the package built beside the test bundle.
public enum SMSPlanBinary {
    public static let url: URL = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            + [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for folder in candidates {
            let binary = folder.appendingPathComponent("smsplan")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        fatalError("smsplan binary not found beside \(Bundle.main.bundleURL.path)")
    }()

    /// Runs `smsplan arguments` in `folder` with `environment` (plus PATH, HOME and CI).
    public static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:], binary: URL? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = binary ?? url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // CI set, as in a CI job: no reminder that the test repository has no hooks installed.
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1",
                    "CI": "true"]
        base.merge(environment) { _, new in new }
        process.environment = base
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                             errors: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs smsplan, expects exit 0, and parses its output as a JSON object.
    public static func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let result = try run(arguments, in: folder)
        guard result.status == 0, let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any] else {
            throw JSONOutputError(arguments: arguments, status: result.status, errors: result.errors)
        }
        return object
    }
}

/// A command that did not print a JSON object with exit 0.
public struct JSONOutputError: Error, CustomStringConvertible {
    public let arguments: [String]
    public let status: Int32
    public let errors: String
    public var description: String { "smsplan \(arguments.joined(separator: " ")) exited \(status): \(errors)" }
}
