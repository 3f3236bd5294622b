import Foundation

extension RequirementSchema {
    /// The schema file format this smsplan reads.
    public static let supportedFormatVersion = 1

    /// Reads a schema file. Problems become `schema-invalid` findings at their line and
    /// column; the schema is nil only when nothing usable could be read.
    /// - Parameter base: the schema named by `extends:`, resolved by the caller.
    public static func decode(_ data: Data, path: String, base: (String) -> RequirementSchema?) -> (RequirementSchema?, [Finding]) {
        var reader = NodeReader(invalidRule: SchemaInvalidRule.id, path: path)
        let root: YAMLNode
        do {
            root = try ConfigFile.mapping(data, path: path)
        } catch {
            if case .configUnusable(_, let location, let message) = error { reader.invalid(at: location, message) }
            return (nil, reader.findings)
        }
        var schema = RequirementSchema(id: path, title: path, version: "", requirements: [])
        var own: [(requirement: Requirement, location: SourceLocation)] = []
        var inherited = Set<String>()
        for pair in root.pairs ?? [] {
            switch pair.keyText {
            case "schema":
                if let version = reader.integer(pair.value, "schema", in: 1...Int.max), version.value > supportedFormatVersion {
                    reader.invalid(at: version.location, "schema format \(version.value) is newer than this smsplan reads (\(supportedFormatVersion)); upgrade smsplan")
                    return (nil, reader.findings)
                }
            case "id": schema.id = reader.text(pair.value, "id")?.value ?? schema.id
            case "title": schema.title = reader.text(pair.value, "title")?.value ?? schema.title
            case "version": schema.version = reader.text(pair.value, "version")?.value ?? ""
            case "extends":
                guard let name = reader.text(pair.value, "extends") else { continue }
                guard let parent = base(name.value) else {
                    reader.invalid(at: name.location, "\"extends\" names \"\(name.value)\", which is not a bundled schema (\(bundledIDs.joined(separator: ", ")))")
                    continue
                }
                schema.requirements = parent.requirements
                schema.edition = parent.edition
                inherited = Set(parent.requirements.map(\.id))
            case "requirements":
                own = (reader.sequence(pair.value, "requirements") ?? []).compactMap { decodeRequirement($0, reader: &reader) }
            default:
                reader.invalid(at: pair.key.location, "unknown key \"\(pair.keyText ?? "?")\"; a schema has schema, id, title, version, extends and requirements")
            }
        }
        var merged = schema.requirements
        for (requirement, location) in own {
            if requirement.excludable && inherited.contains(requirement.id) {
                reader.invalid(at: location, "requirement \"\(requirement.id)\" belongs to the bundled schema it extends, which accepts no exclusion; it cannot be made excludable")
            }
            if let existing = merged.firstIndex(where: { $0.id == requirement.id }) {
                merged[existing] = requirement
            } else {
                merged.append(requirement)
            }
        }
        var result = RequirementSchema(id: schema.id, title: schema.title, version: schema.version, requirements: merged)
        result.edition = schema.edition
        checkTree(result, own: own, reader: &reader)
        return (result, reader.findings)
    }

    private static func decodeRequirement(_ node: YAMLNode, reader: inout NodeReader) -> (Requirement, SourceLocation)? {
        guard let pairs = reader.mapping(node, "requirement") else { return nil }
        var requirement = Requirement(id: "", title: "", parent: nil, summary: nil, note: nil, excludable: false, evidence: [], mapsTo: [])
        var location = node.location
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "id":
                if let id = reader.text(value, "requirement id") {
                    requirement.id = id.value
                    location = id.location
                }
            case "title": requirement.title = reader.text(value, "title")?.value ?? ""
            case "parent": requirement.parent = reader.text(value, "parent")?.value
            case "summary": requirement.summary = reader.text(value, "summary")?.value
            case "note": requirement.note = reader.text(value, "note")?.value
            case "excludable": requirement.excludable = reader.boolean(value, "excludable") ?? false
            case "evidence":
                let items = reader.sequence(value, "evidence") ?? []
                requirement.evidence = items.enumerated().compactMap { decodeEvidence($1, position: $0 + 1, reader: &reader) }
            case "maps-to": requirement.mapsTo = reader.list(value, "maps-to").map(\.value)
            default:
                reader.invalid(at: pair.key.location, "unknown requirement key \"\(pair.keyText ?? "?")\"; a requirement has id, title, parent, summary, note, excludable, evidence and maps-to")
            }
        }
        guard !requirement.id.isEmpty else {
            reader.invalid(at: node.location, "requirement has no \"id\"")
            return nil
        }
        var itemIDs = Set<String>()
        for item in requirement.evidence where !itemIDs.insert(item.id).inserted {
            reader.invalid(at: location, "requirement \"\(requirement.id)\" has two evidence items with the id \"\(item.id)\"")
        }
        if requirement.title.isEmpty {
            reader.invalid(at: location, "requirement \"\(requirement.id)\" has no \"title\"")
        }
        return (requirement, location)
    }

    /// Duplicate ids, parents that do not exist.
    private static func checkTree(_ schema: RequirementSchema, own: [(requirement: Requirement, location: SourceLocation)], reader: inout NodeReader) {
        var seen = Set<String>()
        for (requirement, location) in own where !seen.insert(requirement.id).inserted {
            reader.invalid(at: location, "requirement \"\(requirement.id)\" is defined twice")
        }
        let locations = Dictionary(own.map { ($0.requirement.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        for problem in schema.parentProblems {
            reader.invalid(at: locations[problem.id] ?? .fileStart, problem.message)
        }
        for (requirement, location) in own {
            for target in requirement.evidence.compactMap(\.asIn) where schema.requirement(target) == nil || target == requirement.id {
                reader.invalid(at: location, "requirement \"\(requirement.id)\" has an evidence item as-in \"\(target)\", which is not another requirement of the schema")
            }
            if let parent = requirement.parent, schema.requirement(parent) == nil {
                reader.invalid(at: location, "requirement \"\(requirement.id)\" names parent \"\(parent)\", which the schema does not have")
            }
        }
    }
}
