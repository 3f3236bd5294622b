/// How approvals are tied to people: `approval.identity` in smsplan.yaml.
public enum ApprovalIdentity: String, Sendable, CaseIterable {
    /// Approvals are not checked against the people of roles.yaml.
    case off
    /// The commit that approves a document is authored by a member of its approver role.
    case author
    /// That commit also carries a valid signature (git verify-commit) by such a member.
    case signed
}

extension PlanConfig {
    /// Reads `approval:`: `identity: off | author | signed`.
    mutating func decodeApproval(_ node: YAMLNode, reader: inout NodeReader) {
        for pair in reader.mapping(node, "approval") ?? [] {
            switch pair.keyText {
            case "identity":
                guard let text = reader.text(pair.value, "approval.identity") else { continue }
                if let identity = ApprovalIdentity(rawValue: text.value) {
                    approvalIdentity = identity
                } else {
                    reader.invalid(at: text.location, "\"approval.identity\" must be off, author or signed; found \"\(text.value)\"")
                }
            default:
                reader.invalid(at: pair.key.location, "unknown key \"approval.\(pair.keyText ?? "?")\"; the known key is identity")
            }
        }
    }

    /// Reads `codeowners:`: `config-owner: ROLE`.
    mutating func decodeCodeOwners(_ node: YAMLNode, reader: inout NodeReader) {
        for pair in reader.mapping(node, "codeowners") ?? [] {
            switch pair.keyText {
            case "config-owner":
                if let text = reader.text(pair.value, "codeowners.config-owner") { configOwner = text.value }
            default:
                reader.invalid(at: pair.key.location, "unknown key \"codeowners.\(pair.keyText ?? "?")\"; the known key is config-owner")
            }
        }
    }
}
