import Foundation

/// SARIF 2.1.0 (OASIS): one run whose driver lists every rule smsplan knows, one result
/// per finding. Artifact URIs are relative to the repository's top level through the
/// `%SRCROOT%` base id; columns count Unicode scalars. Keys are sorted so the output is
/// stable.
public struct SARIFReporter: Reporter {
    /// The URI of the official SARIF 2.1.0 JSON Schema, written as the log's `$schema`.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base id every artifact location is relative to: the repository's top level.
    public static let sourceRoot = "%SRCROOT%"

    /// The version the driver reports; omitted when nil.
    public var toolVersion: String?
    /// The rules the driver lists, in this order; results point into it by index.
    public var rules: [RuleDescriptor]

    public init(toolVersion: String?, rules: [RuleDescriptor] = RuleRegistry.all.map(\.descriptor)) {
        self.toolVersion = toolVersion
        self.rules = rules
    }

    public func render(_ result: CheckResult) -> String {
        let indexes = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }) { first, _ in first }
        let root = result.repositoryRoot.map { URL(fileURLWithPath: $0.path, isDirectory: true).absoluteString }
        let run = Run(
            tool: Tool(driver: Driver(name: "smsplan", version: toolVersion, rules: rules.map(Self.rule))),
            originalUriBaseIds: [Self.sourceRoot: BaseLocation(uri: root, description: Message(text: "the repository's top level"))],
            columnKind: "unicodeCodePoints",
            results: result.diagnostics.map { diagnostic in
                SARIFResult(
                    ruleId: diagnostic.rule.rawValue, ruleIndex: indexes[diagnostic.rule], level: diagnostic.severity.rawValue,
                    message: Message(text: diagnostic.message),
                    locations: [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: Self.uriReference(diagnostic.path), uriBaseId: Self.sourceRoot),
                        region: Region(startLine: diagnostic.line, startColumn: diagnostic.column)))])
            })
        return JSONOutput.encode(Log(schema: Self.schemaURI, version: "2.1.0", runs: [run]))
    }

    /// A rule as a SARIF reporting descriptor.
    private static func rule(_ descriptor: RuleDescriptor) -> ReportingDescriptor {
        ReportingDescriptor(
            id: descriptor.id.rawValue, name: descriptor.id.rawValue.split(separator: "-").map(\.capitalized).joined(),
            shortDescription: Message(text: descriptor.summary), fullDescription: Message(text: descriptor.rationale),
            defaultConfiguration: Configuration(level: descriptor.defaultSeverity.rawValue),
            properties: Properties(tags: [descriptor.category.rawValue]))
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
        var rules: [ReportingDescriptor]
    }

    private struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    private struct Configuration: Encodable {
        var level: String
    }

    private struct Properties: Encodable {
        var tags: [String]
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
    }
}
