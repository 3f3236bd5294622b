import Foundation

/// The scope document at a baseline.
public struct BaselineScope: Sendable {
    public var tag: String
    public var path: String
    /// Nil when the baseline had no file at that path.
    public var contents: Data?

    public init(tag: String, path: String, contents: Data?) {
        self.tag = tag
        self.path = path
        self.contents = contents
    }
}

/// Everything read from one state of a plan repository: configuration, roles, schema,
/// documents, and the phase and coverage analysis built on them.
public struct Plan: Sendable {
    /// The folder holding smsplan.yaml, relative to the repository's top level.
    public var planRoot: String {
        didSet { forgetMemos() }
    }
    public var config: PlanConfig {
        didSet { forgetMemos() }
    }
    public var roles: RolesRegister? {
        didSet { forgetMemos() }
    }
    public var schema: RequirementSchema? {
        didSet { forgetMemos() }
    }
    public var corpus: Corpus {
        didSet { forgetMemos() }
    }
    /// Working tree and index: today; a commit: its date.
    public var revisionDate: PlanDate {
        didSet { forgetMemos() }
    }
    /// Phases and coverage; nil when no schema could be loaded.
    public var analysis: PlanAnalysis? {
        didSet { forgetMemos() }
    }
    /// How many Markdown files were examined.
    public var fileCount: Int
    /// Every Markdown file examined, relative to the repository's top level.
    public var checkedPaths: [String]
    /// The repository's top level, which every path is relative to (nil in memory).
    public var repositoryRoot: URL?
    /// The plan's previous committed state, for the history rules; nil where there is none.
    public var change: PlanChange?
    /// The scope document as it stood at the last phase baseline, for `scope-changed`.
    public var baselineScope: BaselineScope?
    /// The repository's CODEOWNERS file (path from the top level, text), when there is one.
    public var codeOwners: (path: String, text: String)?
    /// Findings made while reading: front matter, fields, configuration, schema.
    var readFindings: [(path: String, finding: Finding)]
    /// Files of the plan that are there but could not be decoded (each has a finding that
    /// says why), and roots that are links: the history rules take nothing in them for deleted.
    var unread = UnreadFiles()
    /// What could not be checked and why, for a person (never a finding): a shallow clone's
    /// missing history, say. The CLI prints each as `smsplan: note: ...` on standard error.
    public var notes: [String] = []
    /// What the single-document rules read besides a document, as read: smsplan.yaml,
    /// roles.yaml and the schema's bytes (nil when absent), the plan root and the date
    /// (`DocumentFindingsMemo`).
    var ruleInputs: [Data?] = []
    /// The single-document rules' findings of the documents checked before under the same
    /// inputs (set by `Checker.load`). Changing what those rules read (the documents, the
    /// configuration, roles, schema, date or analysis) lets it go, so that a plan changed
    /// after it was read is checked in full.
    var documentFindings: DocumentFindingsMemo?
    /// The whole-plan rules' memo and this plan's key in it (set by `Checker.load` for a
    /// check), with the findings stored under that key when there are any; let go with
    /// `documentFindings`.
    var wholePlan: WholePlanUse?

    /// Lets the memos go: the plan changed after it was read.
    private mutating func forgetMemos() {
        documentFindings = nil
        wholePlan = nil
    }

    /// Whether the claims are written for another edition than the schema's, from the
    /// analysis or, without one, from the configuration and schema.
    var editionMismatch: EditionMismatch? {
        if let analysis { return analysis.editionMismatch }
        return schema.flatMap { EditionMismatch.check(config: config, schema: $0) }
    }

    /// The path of a file of the plan, relative to the repository's top level.
    public func path(_ relative: String) -> String {
        planRoot.appendingPathComponent(relative)
    }
}

/// Paths present in a state of the plan whose documents could not be read or decoded, and
/// documents roots that were not entered (links).
struct UnreadFiles: Sendable {
    var paths: Set<PathKey> = []
    var roots: [String] = []

    /// Whether a document at `path` (in the other state) is there, only unread.
    func contains(_ path: String) -> Bool {
        paths.contains(PathKey(path)) || roots.contains { path.utf8.starts(with: ($0 + "/").utf8) }
    }
}

/// A plan's key in the whole-plan rules' memo (`WholePlanMemo`), with the key of its
/// documents, and the findings stored under it when there are any.
struct WholePlanUse: Sendable {
    var memo: WholePlanMemo
    var key: String
    var documents: String
    var replayed: [WholePlanMemo.Located]?
}
