/// What rules may consult besides the document: configuration, roles, the
/// requirement schema, and the date the checked revision stands at.
public struct RuleContext: Sendable {
    public var config: PlanConfig
    public var roles: RolesRegister?
    public var schema: RequirementSchema?
    /// Working tree: today; a commit: its date. Date-based rules judge by this.
    public var revisionDate: PlanDate
    /// The plan root's path relative to the repository's top level ("" at the top).
    public var planRoot: String
    /// Phases and coverage of the whole plan; nil without a schema.
    public var analysis: PlanAnalysis?
    /// The scope document at the last phase baseline, when there is one.
    public var baselineScope: BaselineScope?
    /// The repository's CODEOWNERS file, when it has one, and the block smsplan would write.
    public var codeOwners: (path: String, text: String)?
    public var expectedCodeOwners: String?

    public init(config: PlanConfig, roles: RolesRegister?, schema: RequirementSchema?, revisionDate: PlanDate, planRoot: String,
                analysis: PlanAnalysis? = nil) {
        self.config = config
        self.roles = roles
        self.schema = schema
        self.revisionDate = revisionDate
        self.planRoot = planRoot
        self.analysis = analysis
    }

    /// The path of smsplan.yaml, relative to the repository's top level.
    public var configPath: String { planRoot.appendingPathComponent("smsplan.yaml") }
}

/// Every document of the plan that could be decoded, with look-ups by id and path.
public struct Corpus: Sendable {
    public let documents: [Document]
    /// The first document (by path) holding each id.
    public let byID: [String: Document]
    public let byPath: [String: Document]

    public init(documents: [Document]) {
        let sorted = documents.sorted { $0.path < $1.path }
        self.documents = sorted
        var byID: [String: Document] = [:]
        for document in sorted {
            if let id = document.id?.value, byID[id] == nil { byID[id] = document }
        }
        self.byID = byID
        self.byPath = Dictionary(sorted.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
