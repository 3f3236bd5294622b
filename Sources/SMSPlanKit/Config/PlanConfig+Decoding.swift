import Foundation

extension PlanConfig {
    /// Reads `smsplan.yaml`. Problems with single keys become `config-invalid` findings
    /// (the key keeps its default); a file that cannot be used at all throws.
    /// - Parameters:
    ///   - path: the file's path relative to the repository, used in findings.
    ///   - knownRules: rule ids accepted under `rules:`.
    public static func decode(_ data: Data, path: String, knownRules: Set<RuleID>) throws(SMSPlanError) -> (PlanConfig, [Finding]) {
        let root = try ConfigFile.mapping(data, path: path)
        var reader = NodeReader(invalidRule: ConfigInvalidRule.id, path: path)
        var config = PlanConfig()
        if let versionNode = root["smsplan"] {
            guard let scalar = versionNode.scalar, let version = Int(scalar.text) else {
                throw .configUnusable(path: path, location: versionNode.location,
                                      message: "\"smsplan\" must be the format version number, such as 1")
            }
            guard version <= supportedFormatVersion else {
                throw .configUnusable(path: path, location: versionNode.location,
                                      message: "format version \(version) is newer than this smsplan reads (\(supportedFormatVersion)); upgrade smsplan")
            }
        } else {
            reader.invalid(at: .fileStart, "missing \"smsplan: \(supportedFormatVersion)\", the configuration format version")
        }
        for pair in root.pairs ?? [] {
            let key = pair.keyText ?? ""
            let value = pair.value
            switch key {
            case "smsplan": break
            case "organization": config.organization = reader.text(value, key)?.value
            case "standard": config.standard = reader.text(value, key)
            case "claims-edition":
                if let edition = reader.text(value, key) {
                    if RequirementSchema.bundled(edition.value) == nil {
                        reader.invalid(at: edition.location, "\"claims-edition\" must be an edition of ISO/IEC 20000-1 (\(RequirementSchema.bundledIDs.joined(separator: ", "))); found \"\(edition.value)\"")
                    } else {
                        config.claimsEdition = edition
                    }
                }
            case "scope": config.scope = reader.text(value, key)
            case "current-phase":
                if let phase = reader.integer(value, key, in: 1...99) {
                    config.currentPhase = phase.value
                    config.currentPhaseLocation = phase.location
                }
            case "documents": config.decodeDocuments(value, reader: &reader)
            case "exclusions": config.exclusions = decodeExclusions(value, reader: &reader)
            case "record-intervals": config.recordIntervals = decodeIntervals(value, reader: &reader)
            case "rules": config.ruleSettings = decodeRules(value, knownRules: knownRules, reader: &reader)
            case "baseline": config.decodeBaseline(value, reader: &reader)
            case "approval": config.decodeApproval(value, reader: &reader)
            case "codeowners": config.decodeCodeOwners(value, reader: &reader)
            default:
                reader.invalid(at: pair.key.location, "unknown key \"\(key)\"; known keys are smsplan, organization, standard, claims-edition, scope, current-phase, documents, exclusions, record-intervals, rules, baseline, approval, codeowners")
            }
        }
        return (config, reader.findings)
    }

    private mutating func decodeDocuments(_ node: YAMLNode, reader: inout NodeReader) {
        for pair in reader.mapping(node, "documents") ?? [] {
            let key = pair.keyText ?? ""
            switch key {
            case "roots":
                var roots = reader.list(pair.value, "documents.roots")
                for root in roots where !Self.isInside(root.value) {
                    reader.invalid(at: root.location, "documents root \"\(root.value)\" must be a folder inside the plan repository")
                }
                // An invalid root is reported and left out: nothing is read outside the plan.
                roots.removeAll { !Self.isInside($0.value) }
                if !roots.isEmpty {
                    self.roots = roots.map(\.value)
                    rootLocations = Dictionary(roots.map { ($0.value, $0.location) }, uniquingKeysWith: { first, _ in first })
                }
            case "review-interval":
                if let text = reader.text(pair.value, "documents.review-interval") {
                    if let duration = PlanDuration(text.value) {
                        reviewInterval = duration
                    } else {
                        reader.invalid(at: text.location, "\"documents.review-interval\" must be a period such as \"12 months\"; found \"\(text.value)\"")
                    }
                }
            case "max-file-size":
                if let text = reader.text(pair.value, "documents.max-file-size") {
                    if let size = ByteSize(text.value) {
                        maxFileSize = size
                    } else {
                        reader.invalid(at: text.location, "\"documents.max-file-size\" must be a size such as \"5 MB\" or \"512 KB\"; found \"\(text.value)\"")
                    }
                }
            case "id-prefixes":
                for prefix in reader.mapping(pair.value, "documents.id-prefixes") ?? [] {
                    guard let name = prefix.keyText, let type = DocumentType(rawValue: name) else {
                        reader.invalid(at: prefix.key.location, "\"\(prefix.keyText ?? "?")\" is not a document type; types are \(DocumentType.allCases.map(\.rawValue).joined(separator: ", "))")
                        continue
                    }
                    if let value = reader.text(prefix.value, "documents.id-prefixes.\(name)") {
                        if !Self.isIDPrefix(value.value) {
                            reader.invalid(at: value.location, "id prefix \"\(value.value)\" must be capital letters and digits, such as POL")
                        } else {
                            idPrefixes[type] = value.value
                        }
                    }
                }
            default:
                reader.invalid(at: pair.key.location, "unknown key \"documents.\(key)\"; known keys are roots, review-interval, max-file-size, id-prefixes")
            }
        }
    }

    private static func decodeExclusions(_ node: YAMLNode, reader: inout NodeReader) -> [Exclusion] {
        (reader.sequence(node, "exclusions") ?? []).compactMap { item in
            guard let pairs = reader.mapping(item, "exclusion") else { return nil }
            var requirement: Located<String>?
            var reason: Located<String>?
            for pair in pairs {
                switch pair.keyText {
                case "requirement": requirement = reader.text(pair.value, "exclusion requirement")
                case "reason": reason = reader.text(pair.value, "exclusion reason")
                default: reader.invalid(at: pair.key.location, "unknown exclusion key \"\(pair.keyText ?? "?")\"; an exclusion has requirement and reason")
                }
            }
            guard let requirement else {
                reader.invalid(at: item.location, "exclusion has no \"requirement\"")
                return nil
            }
            return Exclusion(requirement: requirement, reason: reason)
        }
    }

    /// `record-intervals: { management-review: 6 months }`: the planned intervals.
    private static func decodeIntervals(_ node: YAMLNode, reader: inout NodeReader) -> [String: PlanDuration] {
        var intervals: [String: PlanDuration] = [:]
        for pair in reader.mapping(node, "record-intervals") ?? [] {
            guard let kind = pair.keyText, let text = reader.text(pair.value, "record-intervals.\(kind)") else { continue }
            guard let duration = PlanDuration(text.value), duration.count > 0 else {
                reader.invalid(at: text.location, "\"record-intervals.\(kind)\" must be a period such as \"6 months\"; found \"\(text.value)\"")
                continue
            }
            intervals[kind] = duration
        }
        return intervals
    }

    private static func decodeRules(_ node: YAMLNode, knownRules: Set<RuleID>, reader: inout NodeReader) -> [RuleID: SeveritySetting] {
        var settings: [RuleID: SeveritySetting] = [:]
        for pair in reader.mapping(node, "rules") ?? [] {
            let id = RuleID(rawValue: pair.keyText ?? "")
            guard knownRules.contains(id) else {
                reader.invalid(at: pair.key.location, "unknown rule \"\(id)\"; `smsplan rules` lists them")
                continue
            }
            if let setting: Located<SeveritySetting> = reader.choice(pair.value, "rules.\(id)") {
                settings[id] = setting.value
            }
        }
        return settings
    }

    private mutating func decodeBaseline(_ node: YAMLNode, reader: inout NodeReader) {
        for pair in reader.mapping(node, "baseline") ?? [] {
            switch pair.keyText {
            case "tag-prefix":
                guard let prefix = reader.text(pair.value, "baseline.tag-prefix") else { continue }
                if let problem = Self.tagPrefixProblem(prefix.value) {
                    reader.invalid(at: prefix.location, "baseline.tag-prefix \"\(TerminalText.line(prefix.value))\" \(problem); the default \"\(baseline.tagPrefix)\" is used")
                } else {
                    baseline.tagPrefix = prefix.value
                }
            case "sign": baseline.sign = reader.boolean(pair.value, "baseline.sign") ?? baseline.sign
            default: reader.invalid(at: pair.key.location, "unknown key \"baseline.\(pair.keyText ?? "?")\"; known keys are tag-prefix, sign")
            }
        }
    }
}

/// Reading a YAML configuration file (smsplan.yaml, roles.yaml) as a whole.
enum ConfigFile {
    /// The file's top-level mapping; throws when it is not YAML or not a mapping.
    static func mapping(_ data: Data, path: String) throws(SMSPlanError) -> YAMLNode {
        guard let text = String(validatingUTF8Data: data) else {
            throw .configUnusable(path: path, location: .fileStart, message: "file is not valid UTF-8 text")
        }
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text, firstLine: 1)
        } catch {
            throw .configUnusable(path: path, location: error.location, message: error.message)
        }
        guard let root, root.pairs != nil else {
            throw .configUnusable(path: path, location: root?.location ?? .fileStart,
                                  message: "the file must be a mapping of keys to values")
        }
        return root
    }
}

extension PlanConfig {
    /// True for a relative folder that stays inside the plan root (no `..`, not absolute).
    static func isInside(_ folder: String) -> Bool {
        !folder.hasPrefix("/") && !folder.hasPrefix("~") && !folder.split(separator: "/").contains("..") && !folder.contains("\0")
    }

    /// True when `folder` (relative to the plan root) is one of `roots` or inside one.
    public func isInRoots(_ folder: String) -> Bool {
        func parts(_ path: String) -> [Substring] { path.split(separator: "/").filter { $0 != "." } }
        let target = parts(folder)
        return roots.contains { root in
            let prefix = parts(root)
            return prefix.count <= target.count && Array(target.prefix(prefix.count)) == prefix
        }
    }
}

extension PlanConfig {
    /// True for an id prefix: a capital letter, then capital letters and digits (`POL`, `SMS2`).
    /// It accepts what the pattern `^[A-Z][A-Z0-9]*$` matches, so one line break may end the
    /// text (LF, CR LF, or another break before which the pattern's `$` matches).
    static func isIDPrefix(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars
        if scalars.last == "\n" {
            scalars.removeLast()
            if scalars.last == "\r" { scalars.removeLast() }
        } else if let last = scalars.last, "\r\u{0B}\u{0C}\u{85}\u{2028}\u{2029}".unicodeScalars.contains(last) {
            scalars.removeLast()
        }
        guard let first = scalars.first, ("A"..."Z").contains(first) else { return false }
        return scalars.dropFirst().allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Why a tag prefix cannot start a tag name git accepts (`git check-ref-format`), or nil.
    static func tagPrefixProblem(_ prefix: String) -> String? {
        if prefix.isEmpty { return nil }
        if prefix.hasPrefix("/") || prefix.hasPrefix("-") { return "cannot start with \"\(prefix.prefix(1))\"" }
        if prefix.contains("//") || prefix.contains("..") || prefix.contains("@{") { return "cannot hold \"//\", \"..\" or \"@{\"" }
        if let bad = prefix.unicodeScalars.first(where: { $0.value < 0x21 || $0.value == 0x7F || "~^:?*[\\".unicodeScalars.contains($0) }) {
            return "cannot hold \(TerminalText.line(String(bad)).debugDescription) (git refuses it in a tag name)"
        }
        if prefix.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0.hasSuffix(".lock") }) {
            return "cannot have a part that starts with \".\" or ends in \".lock\""
        }
        return nil
    }
}
