/// A document id that does not follow `PREFIX-NUMBER` with its type's prefix.
public struct IDFormatRule: DocumentRule {
    public static let id: RuleID = "id-format"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "an id is not PREFIX-NUMBER with the prefix configured for its type (POL-001 for a policy)",
        rationale: "Ids are how documents are referenced, superseded and found in registers; a predictable id per type keeps them unique and readable, and never contains spaces or path separators.",
        valid: .document(RuleExample.approvedPolicy),
        invalid: .policy(replacing: "id: POL-001", with: "id: PRO-001"))

    public init() {}

    public func check(_ document: Document, in context: RuleContext) -> [Finding] {
        guard let id = document.id else { return [] }
        let parts = id.value.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let wellFormed = parts.count == 2
            && parts[0].first.map { $0.isASCII && $0.isUppercase } == true
            && parts[0].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
            && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        guard wellFormed else {
            return [Finding(Self.id, at: id.location, "id \"\(id.value)\" must be a prefix of capital letters, a hyphen and a number, such as POL-001")]
        }
        guard let type = document.type?.value, let expected = context.config.idPrefixes[type], String(parts[0]) != expected
        else { return [] }
        return [Finding(Self.id, at: id.location, "id \"\(id.value)\" has prefix \"\(parts[0])\"; a \(type.rawValue) takes \"\(expected)-\"")]
    }
}
