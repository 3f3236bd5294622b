/// A Markdown file under the document roots that smsplan will not or cannot read: a
/// symbolic link, a file it may not open, or one that vanished while it was checked.
public struct FileUnreadableRule: Rule {
    public static let id: RuleID = "file-unreadable"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a Markdown file in the document roots cannot be read as a document: a symbolic link (never followed), a file without read permission, or one that vanished during the check",
        rationale: "A controlled document has one place in the repository, and a check must never read files from outside it: a link that leads out of the repository could make smsplan report on, or copy into a baseline, text nobody reviewed. Links are reported where they are, never followed; keep the document itself in the repository.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: RuleExample(files: [("policies/example.md", RuleExample.approvedPolicy)],
                             links: [("policies/shared.md", "../../shared/policy.md")]))

    public init() {}
}
