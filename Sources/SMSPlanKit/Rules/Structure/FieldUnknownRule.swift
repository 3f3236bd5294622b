/// A front-matter key smsplan does not know, usually a misspelling.
public struct FieldUnknownRule: Rule {
    public static let id: RuleID = "field-unknown"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .warning,
        summary: "a front-matter key is not one smsplan knows, often a misspelt field",
        rationale: "A misspelt field (\"aproved-by\") is silently ignored and leaves the real field missing; the finding suggests the closest known name.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "owner: service-manager", with: "owner: service-manager\nrevewer: quality-manager"))

    public init() {}
}
