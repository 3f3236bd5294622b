/// How serious a finding is. Errors fail a check; warnings fail it only under `--strict`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A rule's severity as configured in `smsplan.yaml` under `rules:`.
public enum SeveritySetting: String, Sendable, Hashable, CaseIterable {
    case error
    case warning
    case off

    /// The severity findings get under this setting, or nil when the rule is off.
    public var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
