import ArgumentParser
import Foundation
import SMSPlanKit

/// Turning "could not run" into one clear line on standard error and exit code 2.
enum CommandFailure {
    static func running<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SMSPlanError {
            FileHandle.standardError.write(Data("smsplan: error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Paths as a person in some folder would type them.
enum RelativePath {
    /// `target` relative to the folder `base` ("../x.md" where needed).
    static func display(_ target: URL, from base: URL) -> String {
        let targetParts = target.standardizedFileURL.pathComponents
        let baseParts = base.standardizedFileURL.pathComponents
        var common = 0
        while common < min(targetParts.count, baseParts.count) && targetParts[common] == baseParts[common] { common += 1 }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        let parts = ups + targetParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
