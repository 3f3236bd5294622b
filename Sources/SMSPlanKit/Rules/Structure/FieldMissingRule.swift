/// A required front-matter field is absent.
public struct FieldMissingRule: Rule {
    public static let id: RuleID = "field-missing"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a required field is absent: id, title, type, status and owner on every document; version on documents; record-of, recorded-on and retention on records; phase on phase plans",
        rationale: "Document control needs each document identified, versioned and owned (ISO/IEC 20000-1:2011 4.3.2); records need their kind, date and retention (4.3.3).",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "owner: service-manager\n", with: ""))

    public init() {}
}
