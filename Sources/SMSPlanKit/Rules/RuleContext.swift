import Foundation

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
    /// Phases and coverage of the whole plan; nil without a schema, and where the whole-plan
    /// rules' findings are replayed (`WholePlanMemo`).
    public var analysis: PlanAnalysis? {
        didSet { editionMismatch = analysis?.editionMismatch }
    }
    /// Set when the claims are written for another edition than the schema's (the
    /// analysis's, or where there is no analysis, found from the configuration and schema).
    public var editionMismatch: EditionMismatch?
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
        editionMismatch = analysis?.editionMismatch
    }

    /// The path of smsplan.yaml, relative to the repository's top level.
    public var configPath: String { planRoot.appendingPathComponent("smsplan.yaml") }
}

/// Every document of the plan that could be decoded, with look-ups by id and path.
public struct Corpus: Sendable {
    /// Documents by a key, without copying them: the index holds positions in `documents`.
    /// Keys compare by their bytes, as git compares paths (two spellings of "café.md" in
    /// different Unicode normalization forms are two files).
    public struct Index: Sendable {
        fileprivate let positions: [PathKey: Int]
        fileprivate let documents: [Document]

        public subscript(key: String) -> Document? {
            positions[PathKey(key)].map { documents[$0] }
        }

        /// Every key of the index.
        public var keys: [String] { positions.keys.map(\.path) }
    }

    public let documents: [Document]
    /// The first document (by path) holding each id.
    public let byID: Index
    public let byPath: Index

    public init(documents: [Document]) {
        let sorted = documents.sorted { $0.path < $1.path }
        self.documents = sorted
        // The two tables side by side, for a large plan. Backwards, so that the first
        // document with a key is the one its entry keeps.
        @Sendable func table(_ key: (Document) -> String?) -> [PathKey: Int] {
            var positions: [PathKey: Int] = [:]
            positions.reserveCapacity(sorted.count)
            for position in sorted.indices.reversed() {
                if let key = key(sorted[position]) { positions[PathKey(key)] = position }
            }
            return positions
        }
        let tables = ResultSlots<[PathKey: Int]>(count: 2)
        let make: @Sendable (Int) -> Void = { tables.set($0, $0 == 0 ? table { $0.id?.value } : table { $0.path }) }
        if sorted.count >= 2048 {
            DispatchQueue.concurrentPerform(iterations: 2, execute: make)
        } else {
            make(0)
            make(1)
        }
        let values = tables.values
        let (ids, paths) = (values[0], values[1])
        byID = Index(positions: ids, documents: sorted)
        byPath = Index(positions: paths, documents: sorted)
    }

    /// The corpus with the document at each position of `replacements` replaced by one with
    /// the same path and id (a summary decoded in full), without sorting or indexing again;
    /// nil when one has another path or id.
    func replacing(_ replacements: [Int: Document]) -> Corpus? {
        var documents = self.documents
        for (position, document) in replacements {
            guard documents.indices.contains(position), document.path == documents[position].path,
                document.id?.value == documents[position].id?.value
            else { return nil }
            documents[position] = document
        }
        return Corpus(documents: documents, ids: byID.positions, paths: byPath.positions)
    }

    private init(documents: [Document], ids: [PathKey: Int], paths: [PathKey: Int]) {
        self.documents = documents
        byID = Index(positions: ids, documents: documents)
        byPath = Index(positions: paths, documents: documents)
    }
}
