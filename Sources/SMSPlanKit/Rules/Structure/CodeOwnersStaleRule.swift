/// A committed CODEOWNERS whose smsplan block no longer matches owners and roles.
public struct CodeOwnersStaleRule: CorpusRule {
    public static let id: RuleID = "codeowners-stale"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "the smsplan block of CODEOWNERS no longer matches the documents' owner and approver roles, the configuration owner and their members' handles",
        rationale: "Pull requests must be reviewed by the owners of the documents they change; a stale CODEOWNERS asks the wrong people. `smsplan codeowners --write` regenerates the block.",
        valid: RuleExample(files: [("policies/example.md", RuleExample.approvedPolicy), ("CODEOWNERS", Self.file(handle: "sokafor"))]),
        invalid: RuleExample(files: [("policies/example.md", RuleExample.approvedPolicy), ("CODEOWNERS", Self.file(handle: "someone-else"))]))

    static func file(handle: String) -> String {
        // The example policy is owned by service-manager (sokafor) and approved by top-management
        // (dlee), who also owns the configuration.
        "* @platform-team\n\n\(CodeOwners.begin)\n/policies/example.md @\(handle) @dlee\n/smsplan.yaml @dlee\n/roles.yaml @dlee\n/CODEOWNERS @dlee\n\(CodeOwners.end)\n"
    }

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let file = context.codeOwners, let current = CodeOwners.currentBlock(in: file.text), let expected = context.expectedCodeOwners,
            current.block != expected
        else { return [] }
        return [Finding(Self.id, at: SourceLocation(line: current.line, column: 1),
                        "the smsplan block no longer matches the documents' owners and roles.yaml; run `smsplan codeowners --write`",
                        path: file.path)]
    }
}
