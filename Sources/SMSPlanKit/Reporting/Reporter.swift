/// Turns a check's result into text for a person or a machine.
public protocol Reporter: Sendable {
    func render(_ result: CheckResult) -> String
}

/// The report formats `check` can print.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// The reporter for this format. `displayPath` turns repository-relative paths into
    /// the paths a person types (relative to their folder); machine formats ignore it.
    public func reporter(color: Bool, displayPath: @escaping @Sendable (String) -> String = { $0 }) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, displayPath: displayPath)
        case .json: JSONReporter()
        }
    }
}
