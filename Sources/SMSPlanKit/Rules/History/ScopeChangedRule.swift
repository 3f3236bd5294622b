import Foundation

/// The scope document changed since the last phase baseline, and no record of an approved
/// scope change names its new version.
public struct ScopeChangedRule: CorpusRule {
    public static let id: RuleID = "scope-changed"

    public let descriptor = RuleDescriptor(
        id: id, category: .history, defaultSeverity: .error,
        summary: "the scope document (scope: in smsplan.yaml) changed since the last phase baseline, and no final record with record-of: scope-change names its new version",
        rationale: "TR 20000-5 keeps the SMS scope fixed from phase to phase; a scope change is decided deliberately and re-planned. Record the decision: a record (status final) with record-of: scope-change whose text names the scope document's id and new version (\"PLN-001 1.1\" or \"PLN-001 version 1.1\") resolves the finding until the next phase baseline, which then holds the new scope.",
        valid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nscope: plan/scope.md\n"), ("plan/scope.md", Self.scope)],
                           baselineScope: Self.scope),
        invalid: RuleExample(files: [("smsplan.yaml", "smsplan: 1\nscope: plan/scope.md\n"),
                                     ("plan/scope.md", Self.scope + "The hosting service joins the scope.\n")],
                             baselineScope: Self.scope))

    static let scope = RuleExample.approvedPolicy
        .replacingOccurrences(of: "POL-001", with: "PLN-001")
        .replacingOccurrences(of: "type: policy", with: "type: plan")
        .replacingOccurrences(of: "title: Service management policy", with: "title: Scope")
        .replacingOccurrences(of: "\"4.1.2\"", with: "\"4.5.1\"")

    /// A valid example: the changed scope with the record of its approved change.
    static let decision = """
        ---
        id: REC-001
        title: Scope change approved by top management
        type: record
        status: final
        owner: service-manager
        record-of: scope-change
        recorded-on: 2026-05-01
        retention: 6 years
        ---
        # Scope change

        Top management approved PLN-001 version 1.1: the hosting service joins the scope.

        """

    /// True for a final record of an approved scope change that names `id` at `version`.
    static func approvesChange(_ record: Document, of id: String, to version: String) -> Bool {
        guard record.type?.value == .record, record.status?.value == .final, record.recordOf?.value == "scope-change" else { return false }
        let text = String(decoding: record.contents, as: UTF8.self)
        return text.contains("\(id) \(version)") || text.contains("\(id) version \(version)")
    }

    public init() {}

    /// The scope document and the records approving a change are compared as bytes.
    public var readsDocumentBytes: Bool { true }

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        guard let baseline = context.baselineScope else { return [] }
        guard let current = corpus.byPath[baseline.path] else {
            return [Finding(Self.id, at: context.config.scope?.location ?? .fileStart,
                            "the scope document \(baseline.path) of \(baseline.tag) is gone", path: context.configPath)]
        }
        guard current.contents != baseline.contents else { return [] }
        if let id = current.id?.value, let version = current.version?.value.description,
            corpus.documents.contains(where: { Self.approvesChange($0, of: id, to: version) }) {
            return []
        }
        var old = Document(path: baseline.path)
        old.contents = baseline.contents ?? Data()
        return [Finding(Self.id, at: PlanChange.firstDifference(old, current),
                        "the scope document changed since \(baseline.tag); the SMS scope stays fixed across phases: undo the change, or record its approval (a final record with record-of: scope-change naming \(current.id?.value ?? "the scope document") \(current.version?.value.description ?? "and its new version"))",
                        path: current.path)]
    }
}
