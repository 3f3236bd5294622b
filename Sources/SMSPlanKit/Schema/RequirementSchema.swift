/// A requirement schema: the clauses of a standard (or in-house requirements), what
/// evidence covers each, and which may be excluded.
public struct RequirementSchema: Sendable {
    /// One requirement: a clause and what must exist to cover it.
    public struct Requirement: Sendable {
        public var id: String
        public var title: String
        public var parent: String?
        /// What the clause is about, in our own words.
        public var summary: String?
        /// Remarks on the entry itself, such as a title not yet confirmed.
        public var note: String?
        /// False for requirements that can never be excluded (the SMS requirements).
        public var excludable: Bool
        /// What must exist for the requirement to be covered; empty for clauses whose
        /// coverage comes from their child clauses.
        public var evidence: [EvidenceItem]
        /// Counterparts in the previous edition (2018 -> 2011).
        public var mapsTo: [String]
    }

    /// One piece of evidence a requirement calls for, such as a policy or a periodic record.
    public struct EvidenceItem: Sendable, Hashable {
        /// The document type that meets it; nil means any type.
        public var type: DocumentType?
        /// What is expected, in a few words ("change management policy").
        public var name: String?
        /// For records: the kind of record (`record-of`).
        public var recordOf: String?
        /// For periodic records: how often a new one is due.
        public var every: PlanDuration?

        /// "procedure", "record (management-review, every 12 months)": for messages.
        public var label: String {
            var text = name ?? type?.rawValue ?? "any approved document"
            if name == nil, let recordOf { text += " (\(recordOf))" }
            if let every { text += ", every \(every)" }
            return text
        }
    }

    public var id: String
    public var title: String
    public var version: String
    public var requirements: [Requirement]
    private var index: [String: Int]
    private var childIndex: [String: [String]]

    /// Parent links cut because they formed a cycle or went too deep.
    public private(set) var parentProblems: [ParentProblem] = []

    public init(id: String, title: String, version: String, requirements: [Requirement]) {
        self.id = id
        self.title = title
        self.version = version
        var requirements = requirements
        parentProblems = Self.cutParents(of: &requirements)
        self.requirements = requirements
        self.index = Dictionary(requirements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.childIndex = Dictionary(grouping: requirements.filter { $0.parent != nil }, by: { $0.parent! }).mapValues { $0.map(\.id) }
    }

    /// The requirement with this id.
    public func requirement(_ id: String) -> Requirement? {
        index[id].map { requirements[$0] }
    }

    /// Ids of the requirement's direct children, in schema order.
    public func children(of id: String) -> [String] {
        childIndex[id] ?? []
    }

    /// True when the requirement has no child requirements.
    public func isLeaf(_ id: String) -> Bool {
        childIndex[id] == nil
    }

    /// The requirement and every requirement below it.
    /// Walked without recursion, in schema order (a requirement before its children).
    public func subtree(of id: String) -> [String] {
        var result: [String] = []
        var stack = [id]
        var seen = Set<String>()
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            result.append(next)
            stack.append(contentsOf: children(of: next).reversed())
        }
        return result
    }
}
