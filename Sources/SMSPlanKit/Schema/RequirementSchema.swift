import Foundation

/// A requirement schema: the clauses of a standard (or in-house requirements) that
/// documents name in `satisfies`.
public struct RequirementSchema: Sendable {
    /// One requirement: a clause number and its title.
    public struct Requirement: Sendable, Hashable {
        public var id: String
        public var title: String
        public var parent: String?
        /// Remarks on the entry itself, such as a title not yet confirmed.
        public var note: String?
    }

    public var id: String
    public var title: String
    public var requirements: [Requirement]
    private var index: [String: Int]

    public init(id: String, title: String, requirements: [Requirement]) {
        self.id = id
        self.title = title
        self.requirements = requirements
        self.index = Dictionary(requirements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The requirement with this id.
    public func requirement(_ id: String) -> Requirement? {
        index[id].map { requirements[$0] }
    }

    /// The bundled schema with this id (`iso20000-1:2011`, `iso20000-1:2018`).
    public static func bundled(_ id: String) -> RequirementSchema? {
        BundledSchemas.byID[id]
    }

    /// Ids of every bundled schema.
    public static var bundledIDs: [String] { BundledSchemas.byID.keys.sorted() }

    /// Reads a schema from YAML. Bundled schemas are well formed; a failure is a bug.
    static func decode(_ text: String) -> RequirementSchema? {
        guard let root = try? YAMLComposer.compose(text, firstLine: 1),
            let id = root["id"]?.scalar?.text, let items = root["requirements"]?.items
        else { return nil }
        let requirements = items.compactMap { item -> Requirement? in
            guard let id = item["id"]?.scalar?.text, let title = item["title"]?.scalar?.text else { return nil }
            return Requirement(id: id, title: title, parent: item["parent"]?.scalar?.text, note: item["note"]?.scalar?.text)
        }
        return RequirementSchema(id: id, title: root["title"]?.scalar?.text ?? id, requirements: requirements)
    }
}

/// The schemas that ship with smsplan, parsed once.
enum BundledSchemas {
    static let byID: [String: RequirementSchema] = {
        let schemas = [iso20000_1_2011, iso20000_1_2018].compactMap(RequirementSchema.decode)
        return Dictionary(uniqueKeysWithValues: schemas.map { ($0.id, $0) })
    }()
}
