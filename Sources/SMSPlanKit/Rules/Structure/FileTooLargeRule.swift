/// A Markdown file under the document roots larger than `documents.max-file-size`.
public struct FileTooLargeRule: Rule {
    public static let id: RuleID = "file-too-large"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "a Markdown file in the document roots is larger than documents.max-file-size (5 MB unless smsplan.yaml sets it); it is not read",
        rationale: "A controlled document is text people review line by line; a file of many megabytes is a data dump or an accident, and reading it would slow every check. It is refused before it is read, so its front matter is never parsed; attach large evidence elsewhere and reference it, or raise the limit.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: RuleExample(files: [
            ("smsplan.yaml", "smsplan: 1\ndocuments:\n  max-file-size: 256 B\n"),
            ("policies/example.md", RuleExample.approvedPolicy),
        ]))

    public init() {}
}
