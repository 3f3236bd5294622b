import ArgumentParser
import Foundation
import SMSPlanKit

extension ReportFormat: ExpressibleByArgument {
    /// Each format with what it is for, listed under `--format` in `--help`.
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.summary) })
    }
}

/// How findings are printed, and whether warnings fail the run.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: ReportFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    /// Colour only on a terminal, and never when NO_COLOR is set to anything.
    var useColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return format == .text && !noColor && isatty(STDOUT_FILENO) == 1
    }

    /// The exit code a result calls for.
    func exitCode(for result: CheckResult) -> ExitCode {
        if result.errorCount > 0 || (strict && result.warningCount > 0) { return ExitCode(1) }
        return .success
    }
}
