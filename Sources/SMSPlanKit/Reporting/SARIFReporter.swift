import Foundation

/// SARIF 2.1.0 (OASIS): one run whose driver lists every rule smsplan knows, one result
/// per finding. Artifact URIs are relative to the repository's top level through the
/// `%SRCROOT%` base id; columns count Unicode scalars. Keys are sorted so the output is
/// stable. What GitHub code scanning asks of a log beyond the schema is there too: rule
/// help in text and Markdown, precision and problem.severity; on each result a stable
/// `partialFingerprints` (rule, document and message, not the line, so that an alert
/// survives lines moving) and an end to its region. Control characters in messages are
/// written as escapes.
public struct SARIFReporter: Reporter {
    /// The URI of the official SARIF 2.1.0 JSON Schema, written as the log's `$schema`.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base id every artifact location is relative to: the repository's top level.
    public static let sourceRoot = "%SRCROOT%"

    /// The version the driver reports; omitted when nil.
    public var toolVersion: String?
    /// The rules the driver lists, in this order; results point into it by index.
    public var rules: [RuleDescriptor]
    /// The absolute URI of docs/rules.md; each rule's `helpUri` is it with the rule's anchor.
    public var rulesURI: String?

    /// The key of smsplan's own fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "smsplan/v1"

    public init(toolVersion: String?, rules: [RuleDescriptor] = RuleRegistry.all.map(\.descriptor), rulesURI: String? = nil) {
        self.toolVersion = toolVersion
        self.rules = rules
        self.rulesURI = rulesURI
    }

    public func render(_ result: CheckResult) -> String {
        let indexes = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        let root = result.repositoryRoot.map { URL(fileURLWithPath: $0.path, isDirectory: true).absoluteString }
        var seen: [String: Int] = [:]
        let run = Run(
            tool: Tool(driver: Driver(name: "smsplan", version: toolVersion, informationUri: rulesURI, rules: rules.map(rule))),
            originalUriBaseIds: [Self.sourceRoot: BaseLocation(uri: root, description: Message(text: "the repository's top level"))],
            columnKind: "unicodeCodePoints",
            results: result.diagnostics.map { diagnostic in
                let identity = Self.fingerprint(diagnostic)
                seen[identity, default: 0] += 1
                return SARIFResult(
                    ruleId: diagnostic.rule.rawValue, ruleIndex: indexes[diagnostic.rule], level: diagnostic.severity.rawValue,
                    message: Message(text: TerminalText.line(diagnostic.message)),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: Self.uriReference(diagnostic.path), uriBaseId: Self.sourceRoot),
                        region: Region(startLine: diagnostic.line, startColumn: diagnostic.column,
                                       endLine: diagnostic.line, endColumn: diagnostic.column + 1)))],
                    partialFingerprints: [Self.fingerprintKey: "\(identity):\(seen[identity, default: 1])"])
            })
        return JSONOutput.encode(Log(schema: Self.schemaURI, version: "2.1.0", runs: [run]))
    }

    /// A rule as a SARIF reporting descriptor. Every rule decides from the documents
    /// alone, so its precision is very high; problem.severity is its default severity.
    private func rule(_ descriptor: RuleDescriptor) -> ReportingDescriptor {
        ReportingDescriptor(
            id: descriptor.id.rawValue, name: descriptor.id.rawValue.split(separator: "-").map(\.capitalized).joined(),
            shortDescription: Message(text: descriptor.summary), fullDescription: Message(text: descriptor.rationale),
            help: Help(text: descriptor.explanation, markdown: descriptor.markdownExplanation),
            helpUri: rulesURI.map { "\($0)#\(descriptor.anchor)" },
            defaultConfiguration: Configuration(level: descriptor.defaultSeverity.rawValue),
            properties: Properties(tags: [descriptor.category.rawValue], precision: "very-high",
                                   problemSeverity: descriptor.defaultSeverity.rawValue))
    }

    /// 16 hex digits (FNV-1a, 64 bits) of the rule, the document (its id, else its path)
    /// and the message: the same finding keeps its fingerprint when lines move.
    static func fingerprint(_ diagnostic: Diagnostic) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(diagnostic.rule)\u{0}\(diagnostic.document ?? diagnostic.path)\u{0}\(diagnostic.message)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A repository-relative path as a relative URI reference: characters a URI path
    /// cannot hold are percent-encoded, and so is ":" so that no segment reads as a scheme.
    static func uriReference(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    private struct Log: Encodable {
        var schema: String
        var version: String
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var originalUriBaseIds: [String: BaseLocation]
        var columnKind: String
        var results: [SARIFResult]
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name: String
        var version: String?
        var informationUri: String?
        var rules: [ReportingDescriptor]
    }

    private struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    private struct Help: Encodable {
        var text: String
        var markdown: String
    }

    private struct Configuration: Encodable {
        var level: String
    }

    private struct Properties: Encodable {
        var tags: [String]
        var precision: String
        var problemSeverity: String

        enum CodingKeys: String, CodingKey {
            case tags, precision
            case problemSeverity = "problem.severity"
        }
    }

    private struct Message: Encodable {
        var text: String
    }

    private struct BaseLocation: Encodable {
        var uri: String?
        var description: Message
    }

    private struct SARIFResult: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId: String
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
    }
}
