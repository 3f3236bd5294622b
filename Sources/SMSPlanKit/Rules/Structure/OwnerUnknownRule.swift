/// An owner or approver role that roles.yaml does not list.
public struct OwnerUnknownRule: DocumentRule {
    public static let id: RuleID = "owner-unknown"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "owner or approved-by names a role that is not in roles.yaml",
        rationale: "Authorities and responsibilities for documents must be defined (ISO/IEC 20000-1:2011 4.1.3, 4.3.2); a role nobody holds cannot own or approve anything.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "owner: service-manager", with: "owner: process-owner"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard let roles = context.roles else { return [] }
        return [("owner", document.owner), ("approved-by", document.approvedBy)].compactMap { field, value in
            guard let value, roles.role(value.value) == nil else { return nil }
            let known = roles.roles.map(\.id).joined(separator: ", ")
            return Finding(Self.id, at: value.location, "\(field) \"\(value.value)\" is not a role in roles.yaml (roles: \(known))")
        }
    }
}
