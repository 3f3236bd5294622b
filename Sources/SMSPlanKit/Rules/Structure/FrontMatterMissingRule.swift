/// A Markdown file under the document roots that does not start with front matter.
public struct FrontMatterMissingRule: Rule {
    public static let id: RuleID = "front-matter-missing"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a Markdown file in the document roots has no front matter",
        rationale: "Every controlled document must be identifiable (id, version, status, owner); a file without front matter cannot be controlled. Move notes that are not SMS documents out of the document roots.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .document("# Service management policy\n\nText without front matter.\n"))

    public init() {}
}
