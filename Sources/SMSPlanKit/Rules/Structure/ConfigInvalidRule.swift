/// A problem in smsplan.yaml or roles.yaml that does not stop the check.
public struct ConfigInvalidRule: Rule {
    public static let id: RuleID = "config-invalid"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "smsplan.yaml or roles.yaml has an unknown key, a value of the wrong type, an unknown rule or schema, or a missing document root",
        rationale: "A misspelt configuration key silently falls back to a default; a configuration that cannot be read at all stops the run with exit code 2 instead.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurrent-phase: 1\n"), ("policies/example.md", RuleExample.approvedPolicy)]),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\ncurent-phase: 2\n"), ("policies/example.md", RuleExample.approvedPolicy)]))

    public init() {}
}
