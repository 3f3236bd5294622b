/// The rule ids of DESIGN.md and of the issues that added rules: the contract with users'
/// configs, which the tests hold the registry, `smsplan rules` and docs/rules.md to.
public enum DesignRules {
    public static let ids = [
        "front-matter-missing", "front-matter-invalid", "field-missing", "field-invalid", "field-unknown",
        "id-duplicate", "id-format", "reference-unresolved", "requirement-unknown", "owner-unknown",
        "heading-missing", "config-invalid", "approval-incomplete", "history-missing", "review-overdue",
        "obsolete-referenced", "obsolete-unmarked", "external-source-missing", "self-approval", "schema-invalid",
        "date-in-future", "approval-unverified", "requirement-uncovered", "exclusion-not-permitted", "exclusion-unjustified", "activity-open", "record-due",
        "evidence-type-mismatch", "party-ungoverned",
        "approved-content-changed", "version-regressed", "history-rewritten", "id-reused", "record-modified",
        "record-deleted", "document-deleted", "scope-changed", "codeowners-stale", "file-too-large", "file-unreadable",
        // issue 15: robustness
        "reference-cycle",
        "edition-mismatch",
    ]
}
