/// Front matter that is not readable YAML, not a mapping, or never closed.
public struct FrontMatterInvalidRule: Rule {
    public static let id: RuleID = "front-matter-invalid"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "front matter is not a YAML mapping: a syntax error, a duplicate key, an unclosed block, or text that is not UTF-8",
        rationale: "Nothing else about the document can be checked until its front matter can be read; the finding points at the line and column where YAML stopped.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "title: Service management policy", with: "title: [Service management policy"))

    public init() {}
}
