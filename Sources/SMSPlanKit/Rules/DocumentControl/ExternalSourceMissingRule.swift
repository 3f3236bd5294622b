/// An external document that does not say where it comes from.
public struct ExternalSourceMissingRule: DocumentRule {
    public static let id: RuleID = "external-source-missing"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "a document of type external has no source",
        rationale: "Documents of external origin must be identified and their distribution controlled (ISO/IEC 20000-1:2011 4.3.2); the source says where the authoritative copy lives.",
        valid: .document(Self.external + "source: https://example.org/standards/contract.pdf\n---\n# Contract\n"),
        invalid: .document(Self.external + "---\n# Contract\n"))

    static let external = """
        ---
        id: EXT-001
        title: Customer contract
        type: external
        version: "1.0"
        status: draft
        owner: service-manager
        history:
          - { version: "1.0", date: 2026-01-10, author: A. Writer, summary: Received }

        """

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard let type = document.type, type.value == .external, document.keyLocations["source"] == nil else { return [] }
        return [Finding(Self.id, at: type.location, "external document has no \"source\" saying where the original is kept")]
    }
}
