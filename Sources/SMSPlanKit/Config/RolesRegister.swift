import Foundation

/// The roles register, `roles.yaml`: role ids that documents name as owner and approver.
public struct RolesRegister: Sendable {
    /// A person holding a role.
    public struct Member: Sendable, Hashable {
        public var name: String
        public var email: String?
        /// The person's user name on the git host, for CODEOWNERS.
        public var handle: String?
    }

    /// A role of the SMS.
    public struct Role: Sendable {
        public var id: String
        public var name: String?
        public var description: String?
        public var members: [Member]
    }

    public var roles: [Role] = []

    public init(roles: [Role] = []) {
        self.roles = roles
    }

    /// The role with this id.
    public func role(_ id: String) -> Role? {
        roles.first { $0.id == id }
    }

    /// Reads `roles.yaml`; shape problems become `config-invalid` findings.
    public static func decode(_ data: Data, path: String) throws(SMSPlanError) -> (RolesRegister, [Finding]) {
        let root = try ConfigFile.mapping(data, path: path)
        var reader = NodeReader(invalidRule: ConfigInvalidRule.id, path: path)
        var register = RolesRegister()
        for pair in root.pairs ?? [] {
            switch pair.keyText {
            case "smsplan":
                if let version = reader.integer(pair.value, "smsplan", in: 1...Int.max), version.value > PlanConfig.supportedFormatVersion {
                    throw .configUnusable(path: path, location: version.location,
                                          message: "format version \(version.value) is newer than this smsplan reads (\(PlanConfig.supportedFormatVersion)); upgrade smsplan")
                }
            case "roles":
                for item in reader.sequence(pair.value, "roles") ?? [] {
                    guard let role = decodeRole(item, reader: &reader) else { continue }
                    if register.role(role.id) != nil {
                        reader.invalid(at: item.location, "role \"\(role.id)\" is listed twice")
                    } else {
                        register.roles.append(role)
                    }
                }
            default:
                reader.invalid(at: pair.key.location, "unknown key \"\(pair.keyText ?? "?")\"; known keys are smsplan and roles")
            }
        }
        return (register, reader.findings)
    }

    private static func decodeRole(_ node: YAMLNode, reader: inout NodeReader) -> Role? {
        guard let pairs = reader.mapping(node, "role") else { return nil }
        var id: String?
        var role = Role(id: "", name: nil, description: nil, members: [])
        for pair in pairs {
            switch pair.keyText {
            case "id": id = reader.text(pair.value, "role id")?.value
            case "name": role.name = reader.text(pair.value, "role name")?.value
            case "description": role.description = reader.text(pair.value, "role description")?.value
            case "members":
                role.members = (reader.sequence(pair.value, "members") ?? []).compactMap { decodeMember($0, reader: &reader) }
            default:
                reader.invalid(at: pair.key.location, "unknown role key \"\(pair.keyText ?? "?")\"; a role has id, name, description and members")
            }
        }
        guard let id else {
            reader.invalid(at: node.location, "role has no \"id\"")
            return nil
        }
        role.id = id
        return role
    }

    private static func decodeMember(_ node: YAMLNode, reader: inout NodeReader) -> Member? {
        guard let pairs = reader.mapping(node, "member") else { return nil }
        var member = Member(name: "", email: nil, handle: nil)
        for pair in pairs {
            switch pair.keyText {
            case "name": member.name = reader.text(pair.value, "member name")?.value ?? ""
            case "email": member.email = reader.text(pair.value, "member email")?.value
            case "handle":
                guard let handle = reader.text(pair.value, "member handle") else { continue }
                member.handle = handle.value
                if CodeOwners.handle(handle.value) == nil {
                    reader.invalid(at: handle.location, "member handle \"\(TerminalText.line(handle.value))\" is not a git host handle (@user, @org/team or an e-mail address), so CODEOWNERS leaves it out")
                }
            default:
                reader.invalid(at: pair.key.location, "unknown member key \"\(pair.keyText ?? "?")\"; a member has name, email and handle")
            }
        }
        if member.name.isEmpty {
            reader.invalid(at: node.location, "member has no \"name\"")
        }
        return member
    }
}
