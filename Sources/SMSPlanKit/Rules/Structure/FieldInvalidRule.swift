/// A front-matter field of the wrong type, outside its allowed values, or badly formatted.
public struct FieldInvalidRule: Rule {
    public static let id: RuleID = "field-invalid"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a field has the wrong type or format: an unknown type or status, a date that does not exist, an unquoted or malformed version, a list written as a single value",
        rationale: "YAML reads an unquoted 1.10 as the number 1.1 and silently changes the version; dates and enumerations must mean exactly one thing to be compared and reported.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "\nversion: \"1.0\"", with: "\nversion: 1.10"))

    public init() {}
}
