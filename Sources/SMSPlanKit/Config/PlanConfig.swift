/// The plan repository's configuration, `smsplan.yaml`. Every key is optional except the
/// format version; the defaults are those of DESIGN.md.
public struct PlanConfig: Sendable {
    /// The configuration format this smsplan reads.
    public static let supportedFormatVersion = 1
    /// The requirement schema used when `standard:` is not given.
    public static let defaultStandard = "iso20000-1:2011"

    /// A requirement declared out of scope, with its justification.
    public struct Exclusion: Sendable {
        public var requirement: Located<String>
        public var reason: Located<String>?
    }

    /// How phase baselines are tagged.
    public struct BaselineSettings: Sendable {
        public var tagPrefix = "baseline/"
        public var sign = false
    }

    public var organization: String?
    public var standard: Located<String>?
    /// `claims-edition:`: the edition of ISO/IEC 20000-1 the plan's `satisfies` claims are
    /// written for (written by `init` and `migrate`); when absent, the edition of the schema in use.
    public var claimsEdition: Located<String>?
    public var scope: Located<String>?
    public var currentPhase = 1
    /// Where `current-phase` was written, when it was.
    public var currentPhaseLocation: SourceLocation?
    /// Folders, relative to the plan root, searched for Markdown documents.
    public var roots = ["plan", "policies", "procedures", "processes", "services", "records", "templates"]
    /// Where each root was written, for roots set in the file (defaults have none).
    public var rootLocations: [String: SourceLocation] = [:]
    public var reviewInterval = PlanDuration(count: 12, unit: .months)
    /// The largest Markdown file read as a document; a larger one is reported
    /// (`file-too-large`) and never parsed.
    public var maxFileSize = ByteSize(bytes: 5 << 20)
    public var idPrefixes: [DocumentType: String] = [
        .policy: "POL", .plan: "PLN", .procedure: "PRO", .process: "PRC", .catalogue: "CAT",
        .agreement: "AGR", .record: "REC", .template: "TPL", .external: "EXT", .phasePlan: "PHS",
    ]
    public var exclusions: [Exclusion] = []
    /// The planned interval of each kind of periodic record (`record-intervals:`), by
    /// record-of; a kind not named keeps the schema's `every`.
    public var recordIntervals: [String: PlanDuration] = [:]
    /// Severity overrides from `rules:`.
    public var ruleSettings: [RuleID: SeveritySetting] = [:]
    public var baseline = BaselineSettings()
    /// `approval.identity`: whether an approval must be committed (or signed) by a member of its approver role.
    public var approvalIdentity = ApprovalIdentity.off
    /// `codeowners.config-owner`: the role that owns smsplan.yaml, roles.yaml, schema files and CODEOWNERS.
    public var configOwner = "top-management"

    public init() {}

    /// The requirement schema id or path in use.
    public var standardID: String { standard?.value ?? Self.defaultStandard }

    /// The severity a rule's findings get, or nil when the rule is switched off.
    public func severity(of descriptor: RuleDescriptor) -> Severity? {
        guard let setting = ruleSettings[descriptor.id] else { return descriptor.defaultSeverity }
        return setting.severity
    }
}
