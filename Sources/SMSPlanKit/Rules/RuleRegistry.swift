/// Every rule smsplan knows, in the order `smsplan rules` lists them.
public enum RuleRegistry {
    /// Each rule once, under the checks it runs. `all` and the lists by kind of check are read
    /// from it, so no rule can be listed and not run, and none is found by a cast at run time.
    static let entries: [Entry] = [
        .loading(FrontMatterMissingRule()), .loading(FrontMatterInvalidRule()), .loading(FieldMissingRule()),
        .loading(FieldInvalidRule()), .loading(FieldUnknownRule()), .corpus(IDDuplicateRule()), .document(IDFormatRule()),
        .corpus(ReferenceUnresolvedRule()), .corpus(ReferenceCycleRule()), .documentAndCorpus(RequirementUnknownRule()),
        .corpus(EditionMismatchRule()), .document(OwnerUnknownRule()), .corpus(HeadingMissingRule()), .corpus(ConfigInvalidRule()),
        .document(ApprovalIncompleteRule()), .document(HistoryMissingRule()), .document(ReviewOverdueRule()),
        .corpus(ObsoleteReferencedRule()), .corpus(ObsoleteUnmarkedRule()), .document(ExternalSourceMissingRule()),
        .document(SelfApprovalRule()), .document(DateInFutureRule()), .history(ApprovalUnverifiedRule()), .loading(SchemaInvalidRule()),
        .corpus(RequirementUncoveredRule()), .corpus(ExclusionNotPermittedRule()), .corpus(ExclusionUnjustifiedRule()),
        .corpus(ActivityOpenRule()), .corpus(RecordDueRule()), .corpus(EvidenceTypeMismatchRule()), .corpus(PartyUngovernedRule()),
        .history(ApprovedContentChangedRule()), .history(VersionRegressedRule()), .history(HistoryRewrittenRule()), .history(IDReusedRule()),
        .history(RecordModifiedRule()), .history(RecordDeletedRule()), .history(DocumentDeletedRule()), .corpus(ScopeChangedRule()),
        .corpus(CodeOwnersStaleRule()), .loading(FileTooLargeRule()), .loading(FileUnreadableRule()),
    ]

    /// Every rule, in the order `smsplan rules` lists them.
    public static let all: [any Rule] = entries.map(\.rule)

    /// Rules that look at one document at a time.
    public static let documentRules: [any DocumentRule] = entries.compactMap(\.documentRule)
    /// Rules that look at the whole plan.
    public static let corpusRules: [any CorpusRule] = entries.compactMap(\.corpusRule)

    /// Rules that compare a plan with its previous committed state.
    public static let historyRules: [any HistoryRule] = entries.compactMap(\.historyRule)

    /// Every rule id.
    public static let ids: Set<RuleID> = Set(all.map(\.descriptor.id))

    /// The descriptor of the rule with this id.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        all.first { $0.descriptor.id == id }?.descriptor
    }
}

extension RuleRegistry {
    /// A rule as the registry lists it: the rule, under the kinds of check it runs.
    enum Entry: Sendable {
        /// Found while the plan is read (front matter, fields, files, the schema): no check of its own.
        case loading(any Rule)
        case document(any DocumentRule)
        case corpus(any CorpusRule)
        case documentAndCorpus(any DocumentRule & CorpusRule)
        case history(any HistoryRule)

        var rule: any Rule {
            switch self {
            case .loading(let rule): rule
            case .document(let rule): rule
            case .corpus(let rule): rule
            case .documentAndCorpus(let rule): rule
            case .history(let rule): rule
            }
        }

        var documentRule: (any DocumentRule)? {
            switch self {
            case .document(let rule): rule
            case .documentAndCorpus(let rule): rule
            case .loading, .corpus, .history: nil
            }
        }

        var corpusRule: (any CorpusRule)? {
            switch self {
            case .corpus(let rule): rule
            case .documentAndCorpus(let rule): rule
            case .loading, .document, .history: nil
            }
        }

        var historyRule: (any HistoryRule)? {
            switch self {
            case .history(let rule): rule
            case .loading, .document, .corpus, .documentAndCorpus: nil
            }
        }
    }
}
