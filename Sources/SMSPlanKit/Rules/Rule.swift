/// A rule's stable id (`field-missing`): the contract with users' configs and CI.
public struct RuleID: RawRepresentable, Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible, Codable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The group a rule belongs to, as DESIGN.md lists them.
public enum RuleCategory: String, Sendable, CaseIterable {
    case structure
    case documentControl = "document-control"
    case coverage = "coverage-and-phases"
    case history
}

/// A small plan repository that shows a rule at work: files by path relative to the
/// plan root. `smsplan.yaml` and `roles.yaml` are supplied when the example has none.
public struct RuleExample: Sendable {
    public var files: [(path: String, text: String)]
    /// For history rules: the committed state the files are compared with.
    public var previous: [(path: String, text: String)]?
    /// For scope-changed: the scope document (plan/scope.md) at the last baseline.
    public var baselineScope: String?
    /// Symbolic links: path relative to the plan root, and the target as written in the link.
    public var links: [(path: String, target: String)]
    /// For approval-unverified: who made the change.
    public var committer: ChangeAuthor?

    public init(files: [(path: String, text: String)], previous: [(path: String, text: String)]? = nil, baselineScope: String? = nil,
                links: [(path: String, target: String)] = []) {
        self.files = files
        self.previous = previous
        self.baselineScope = baselineScope
        self.links = links
    }

    /// A history example: `before` committed, then changed to `after`.
    public static func change(from before: [(path: String, text: String)], to after: [(path: String, text: String)]) -> RuleExample {
        RuleExample(files: after, previous: before)
    }

    /// An example made of one document at `policies/example.md`.
    public static func document(_ text: String) -> RuleExample {
        RuleExample(files: [("policies/example.md", text)])
    }
}

/// Everything a user needs to know about a rule; `smsplan rules` prints it.
public struct RuleDescriptor: Sendable {
    public var id: RuleID
    public var category: RuleCategory
    public var defaultSeverity: Severity
    /// One line: what the rule finds.
    public var summary: String
    /// Why it matters for document control under ISO/IEC 20000-1.
    public var rationale: String
    /// A plan that passes the rule.
    public var valid: RuleExample { makeValid() }
    /// A plan that triggers the rule.
    public var invalid: RuleExample { makeInvalid() }

    // The examples are made when asked for (by `smsplan rules` and the tests), not by every
    // check that lists the rules.
    private let makeValid: @Sendable () -> RuleExample
    private let makeInvalid: @Sendable () -> RuleExample

    init(id: RuleID, category: RuleCategory, defaultSeverity: Severity, summary: String, rationale: String,
         valid: @autoclosure @escaping @Sendable () -> RuleExample, invalid: @autoclosure @escaping @Sendable () -> RuleExample) {
        self.id = id
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        makeValid = valid
        makeInvalid = invalid
    }
}

/// A rule: a self-describing check. Rules that the parser or config loader apply
/// (front matter, fields, config) conform to this alone; the others add a check.
public protocol Rule: Sendable {
    var descriptor: RuleDescriptor { get }
}

/// A rule that looks at one document at a time.
public protocol DocumentRule: Rule {
    func check(_ document: Document, in context: RuleContext) -> [Finding]
}

/// A rule that compares the plan with its previous committed state (git history),
/// documents matched by id.
public protocol HistoryRule: Rule {
    func check(_ change: PlanChange, in context: RuleContext) -> [Finding]
}

/// A rule that needs the whole plan at once (duplicates, references): it runs after
/// every document was read.
public protocol CorpusRule: Rule {
    func check(_ corpus: Corpus, in context: RuleContext) -> [Finding]
    /// True for a rule that reads documents' bytes (`Document.contents`), not only what was
    /// decoded from them: it runs on every check, where the others' findings may be replayed
    /// for a plan whose documents decode as before (`WholePlanMemo`). Such a rule reads no
    /// `context.analysis`, which a replayed check does not make.
    var readsDocumentBytes: Bool { get }
}

extension CorpusRule {
    public var readsDocumentBytes: Bool { false }
}
