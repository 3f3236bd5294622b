/// A document whose change history has no entry for its current version.
public struct HistoryMissingRule: DocumentRule {
    public static let id: RuleID = "history-missing"

    public let descriptor = RuleDescriptor(
        id: id, category: .documentControl, defaultSeverity: .error,
        summary: "history has no entry for the document's current version",
        rationale: "Changes and the current revision status must be identifiable (ISO/IEC 20000-1:2011 4.3.2); each version needs a dated entry saying what changed.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "\nversion: \"1.0\"", with: "\nversion: \"1.1\""))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard document.type?.value != .record, let version = document.version else { return [] }
        guard !document.history.contains(where: { $0.version?.value == version.value }) else { return [] }
        let hint = document.history.isEmpty ? "the document has no history" : "history ends at \(document.history.last?.version?.value.description ?? "an entry without a version")"
        return [Finding(Self.id, at: version.location, "no history entry for version \(version.value); \(hint)")]
    }
}
