/// How the clauses of one edition of ISO/IEC 20000-1 map onto the next, read from the newer
/// schema's `maps-to` (each 2018 clause names its 2011 counterparts).
public struct EditionMapping: Sendable {
    public var from: String
    public var to: RequirementSchema
    /// For each clause of the older edition, the clauses of the newer one that name it, in
    /// schema order. A clause whose sub-clauses are named too is left out: a claim counts on
    /// the clauses without sub-clauses, so only those are choices.
    public var targets: [String: [String]]

    /// The mapping from `from` to the bundled schema `to`; nil unless `to` is the newer
    /// edition and maps onto `from` (only 2011 -> 2018 today).
    /// Whether smsplan can migrate claims from `from` to `target`: 2011 to 2018 only.
    public static func migrates(from: String, to target: String) -> Bool {
        from == "iso20000-1:2011" && target == "iso20000-1:2018"
    }

    public init?(from: String, to target: String) {
        guard Self.migrates(from: from, to: target), let schema = RequirementSchema.bundled(target) else { return nil }
        self.from = from
        self.to = schema
        var targets: [String: [String]] = [:]
        for requirement in schema.requirements {
            for old in requirement.mapsTo { targets[old, default: []].append(requirement.id) }
        }
        self.targets = targets.mapValues { candidates in
            candidates.filter { candidate in !candidates.contains { $0 != candidate && schema.subtree(of: candidate).contains($0) } }
        }
    }

    /// The clauses `clause` maps to; for a clause no entry names, those of the nearest
    /// enclosing clause that has some (`through`), which are only ever choices.
    public func candidates(for clause: String, in old: RequirementSchema) -> (clauses: [String], through: String?) {
        if let direct = targets[clause], !direct.isEmpty { return (direct, nil) }
        var parent = old.requirement(clause)?.parent
        while let current = parent {
            if let found = targets[current], !found.isEmpty { return (found, current) }
            parent = old.requirement(current)?.parent
        }
        return ([], nil)
    }

    /// The short name of an edition: its year ("2011").
    public static func year(_ edition: String) -> String {
        String(edition.split(separator: ":").last ?? Substring(edition))
    }
}

/// A clause id of the older edition that the mapping cannot rewrite alone: it maps to
/// several clauses, or to none. The migration writes it as `from-2011:4.1.1`, an id no schema
/// has, so it counts for nothing until a person replaces it.
public enum MigrationDecision {
    /// The prefix of an open decision's placeholder.
    static let prefix = "from-"

    /// The placeholder written for an undecided clause id of `edition`.
    public static func placeholder(_ clause: String, edition: String) -> String {
        "\(prefix)\(EditionMapping.year(edition)):\(clause)"
    }

    /// The older edition's year and clause of a placeholder; nil for any other id.
    public static func parse(_ id: String) -> (year: String, clause: String)? {
        guard id.hasPrefix(prefix) else { return nil }
        let rest = id.dropFirst(prefix.count)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let year = String(rest[..<colon]), clause = String(rest[rest.index(after: colon)...])
        guard !year.isEmpty, !clause.isEmpty else { return nil }
        return (year, clause)
    }

    /// The requirement-unknown message for an open decision; nil when `id` is no placeholder.
    public static func openMessage(for id: String) -> String? {
        guard let (year, clause) = parse(id) else { return nil }
        let edition = "iso20000-1:\(year)"
        let candidates = RequirementSchema.bundled(edition).flatMap { EditionMapping(from: edition, to: "iso20000-1:2018")?.candidates(for: clause, in: $0).clauses } ?? []
        let choice = candidates.isEmpty ? "it has no counterpart; remove it or name the clauses this document covers"
            : "replace it with the clauses this document covers among \(candidates.joined(separator: ", "))"
        return "requirement \"\(id)\" is a migration decision left open: \(year) clause \(clause) maps to no single clause; \(choice)"
    }
}
