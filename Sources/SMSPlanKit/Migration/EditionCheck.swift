/// Editions are never mixed: a plan's `satisfies` claims are written for one edition of
/// ISO/IEC 20000-1 (`claims-edition:` in smsplan.yaml), and a clause id means something else
/// in the other one (2011 5.1 is design and transition; 2018 5.1 is leadership). When the
/// schema in use belongs to another edition, no claim counts until `smsplan migrate` has
/// rewritten them.
public struct EditionMismatch: Sendable, Equatable {
    /// The edition the claims are written for, as `claims-edition:` says.
    public var claims: String
    /// Where `claims-edition:` is written in smsplan.yaml.
    public var location: SourceLocation
    /// The edition of the schema in use.
    public var schema: String

    /// What to do about it: the `smsplan migrate` that rewrites the claims for the schema's
    /// edition, or, where smsplan cannot migrate that way, `standard:` set back.
    public var remedy: String {
        EditionMapping.migrates(from: claims, to: schema)
            ? "no claim counts until `smsplan migrate --to \(schema)` rewrites them"
            : "no claim counts, and smsplan migrates claims from iso20000-1:2011 to iso20000-1:2018 only: set standard: back to \(claims)"
    }

    /// The claims' edition against the schema's; nil when they agree, when `claims-edition:`
    /// is absent (the claims are taken to be the schema's) or the schema has no edition.
    public static func check(config: PlanConfig, schema: RequirementSchema) -> EditionMismatch? {
        guard let claims = config.claimsEdition, let edition = schema.edition, claims.value != edition else { return nil }
        return EditionMismatch(claims: claims.value, location: claims.location, schema: edition)
    }
}

/// How reports name the edition: after the schema id when that is not the edition itself,
/// and a warning line when the claims belong to another edition.
public enum EditionLabel {
    /// "iso20000-1:2018", or "in-house.yaml (edition iso20000-1:2018)" for a custom schema.
    public static func schema(_ schema: String?, edition: String?) -> String {
        guard let schema else { return "no schema" }
        guard let edition, edition != schema else { return schema }
        return "\(schema) (edition \(edition))"
    }

    /// The line saying the claims belong to another edition, or nil.
    public static func mismatch(claims: String?, edition: String?) -> String? {
        guard let claims, let edition else { return nil }
        return "the satisfies claims are written for \(claims), not \(edition): no claim counts until `smsplan migrate --to \(edition)`"
    }
}

extension PlanConfig {
    /// The edition the plan's claims are written for: `claims-edition:`, else the schema's.
    public func claimsEdition(schema: RequirementSchema?) -> String? {
        claimsEdition?.value ?? schema?.edition
    }
}

extension Corpus {
    /// The documents with every claim taken away (`satisfies` and activities' requirement
    /// lists): what counts when the claims belong to another edition.
    func withoutClaims() -> Corpus {
        Corpus(documents: documents.map { document in
            var document = document
            document.satisfies = []
            for index in document.activities.indices { document.activities[index].requirements = [] }
            return document
        })
    }
}
