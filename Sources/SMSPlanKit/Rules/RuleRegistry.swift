/// Every rule smsplan knows, in the order `smsplan rules` lists them.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        FrontMatterMissingRule(), FrontMatterInvalidRule(), FieldMissingRule(), FieldInvalidRule(),
        FieldUnknownRule(), IDDuplicateRule(), IDFormatRule(), ReferenceUnresolvedRule(), ReferenceCycleRule(),
        RequirementUnknownRule(), EditionMismatchRule(), OwnerUnknownRule(), HeadingMissingRule(), ConfigInvalidRule(),
        ApprovalIncompleteRule(), HistoryMissingRule(), ReviewOverdueRule(), ObsoleteReferencedRule(),
        ObsoleteUnmarkedRule(), ExternalSourceMissingRule(), SelfApprovalRule(), DateInFutureRule(), ApprovalUnverifiedRule(), SchemaInvalidRule(),
        RequirementUncoveredRule(), ExclusionNotPermittedRule(), ExclusionUnjustifiedRule(), ActivityOpenRule(), RecordDueRule(),
        EvidenceTypeMismatchRule(), PartyUngovernedRule(),
        ApprovedContentChangedRule(), VersionRegressedRule(), HistoryRewrittenRule(), IDReusedRule(),
        RecordModifiedRule(), RecordDeletedRule(), DocumentDeletedRule(), ScopeChangedRule(),
        CodeOwnersStaleRule(), FileTooLargeRule(), FileUnreadableRule(),
    ]

    /// Rules that look at one document at a time.
    public static let documentRules: [any DocumentRule] = all.compactMap { $0 as? any DocumentRule }
    /// Rules that look at the whole plan.
    public static let corpusRules: [any CorpusRule] = all.compactMap { $0 as? any CorpusRule }

    /// Rules that compare a plan with its previous committed state.
    public static let historyRules: [any HistoryRule] = all.compactMap { $0 as? any HistoryRule }

    /// Every rule id.
    public static let ids: Set<RuleID> = Set(all.map(\.descriptor.id))

    /// The descriptor of the rule with this id.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        all.first { $0.descriptor.id == id }?.descriptor
    }
}
