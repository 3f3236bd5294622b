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
        /// True only for in-house requirements of a custom schema that say `excludable: true`;
        /// no requirement of a bundled ISO/IEC 20000-1 schema may be excluded.
        public var excludable: Bool
        /// What must exist for the requirement to be covered; empty for clauses whose
        /// coverage comes from their child clauses.
        public var evidence: [EvidenceItem]
        /// Counterparts in the previous edition (2018 -> 2011).
        public var mapsTo: [String]
    }

    public var id: String
    public var title: String
    public var version: String
    /// The edition of ISO/IEC 20000-1 the schema's clause ids belong to: a bundled schema's
    /// own id, or the one a custom schema `extends`; nil for a schema of in-house requirements.
    public var edition: String?
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

    /// True when some requirement may be excluded (only custom schemas allow it).
    public var allowsExclusions: Bool { requirements.contains(where: \.excludable) }

    /// The same schema with every requirement marked as not excludable.
    func excludingNothing() -> RequirementSchema {
        var schema = RequirementSchema(id: id, title: title, version: version, requirements: requirements.map { requirement in
            var requirement = requirement
            requirement.excludable = false
            return requirement
        })
        schema.edition = id
        return schema
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
