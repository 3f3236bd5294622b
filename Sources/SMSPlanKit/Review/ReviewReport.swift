import Foundation
import GitKit

/// What a pull request (BASE..HEAD) means for the SMS: documents added, revised, approved,
/// retired; records added; coverage gained or lost; reviews that became due; findings.
public struct ReviewReport: Sendable, Encodable {
    /// A document that the range added or changed.
    public struct DocumentChange: Sendable, Encodable {
        /// added, revised, approved, retired, removed, moved, or "edited without a new version"
        /// (an approved document changed in place, which approved-content-changed reports)
        public var change: String
        public var id: String
        public var title: String
        public var path: String
        public var fromVersion: String?
        public var toVersion: String?
        public var status: String
        /// The summaries of the history entries the range added.
        public var history: [String]
    }

    /// A requirement whose coverage status changed.
    public struct CoverageChange: Sendable, Encodable {
        public var id: String
        public var title: String
        public var before: String
        public var after: String
        public var gained: Bool
    }

    public var range: String
    public var documents: [DocumentChange]
    public var recordsAdded: [DocumentChange]
    public var coverage: [CoverageChange]
    /// The reviews that became due, as "POL-001 due 2026-01-01".
    public var reviewsDue: [String] { dueReviews.map { "\($0.id) \($0.overdue ? "overdue since" : "due") \($0.due)" } }
    /// The reviews that became due.
    public var dueReviews: [StatusReport.Due]
    public var findings: [Diagnostic]

    /// In JSON, findings are `diagnostics` as in every output, and reviews due are objects as in `status`.
    private enum CodingKeys: String, CodingKey {
        case range, documents, recordsAdded, coverage
        case dueReviews = "reviewsDue"
        case findings = "diagnostics"
    }

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }

    /// Compares the plan at BASE and HEAD of `range` and runs `check --range`.
    public static func make(range: String, directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws(SMSPlanError) -> ReviewReport {
        let parts = range.components(separatedBy: "..")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw .badRevision(range, reason: "a range is BASE..HEAD, such as main..feature")
        }
        let base = try Checker.load(CheckRequest(directory: directory, target: .revision(parts[0]), environment: environment))
        let head = try Checker.load(CheckRequest(directory: directory, target: .revision(parts[1]), environment: environment))
        let findings = try Checker.check(CheckRequest(directory: directory, target: .range(range), environment: environment)).diagnostics
        return ReviewReport(range: range, base: base, head: head, findings: findings)
    }

    init(range: String, base: Plan, head: Plan, findings: [Diagnostic]) {
        self.range = range
        self.findings = findings
        var documents: [DocumentChange] = []
        var records: [DocumentChange] = []
        for new in head.corpus.documents {
            guard let id = new.id?.value, head.corpus.byID[id]?.path == new.path else { continue }
            let old = base.corpus.byID[id]
            let change: String?
            switch (old, new.status?.value) {
            case (nil, _): change = "added"
            case (let old?, .obsolete) where old.status?.value != .obsolete: change = "retired"
            case (let old?, .approved) where old.status?.value != .approved || old.version?.value != new.version?.value: change = "approved"
            case (let old?, .approved) where old.contents != new.contents: change = "edited without a new version"
            case (let old?, _) where old.version?.value != new.version?.value || old.contents != new.contents: change = "revised"
            case (let old?, _) where old.path != new.path: change = "moved"
            default: change = nil
            }
            guard let change else { continue }
            let added = new.history.dropFirst(old?.history.count ?? 0).compactMap { entry in
                entry.summary.map { "\(entry.version?.value.description ?? "?"): \($0.value)" }
            }
            let item = DocumentChange(change: change, id: id, title: new.title?.value ?? "", path: new.path,
                                      fromVersion: old?.version?.value.description, toVersion: new.version?.value.description,
                                      status: head.revisionState(of: new) ?? new.status?.value.rawValue ?? "", history: added)
            if new.type?.value == .record && change == "added" { records.append(item) } else { documents.append(item) }
        }
        for old in base.corpus.documents where old.id.map({ head.corpus.byID[$0.value] == nil }) ?? false {
            documents.append(DocumentChange(change: "removed", id: old.id?.value ?? old.path, title: old.title?.value ?? "", path: old.path,
                                            fromVersion: old.version?.value.description, toVersion: nil, status: old.status?.value.rawValue ?? "", history: []))
        }
        self.documents = documents.sorted { ($0.id, $0.change) < ($1.id, $1.change) }
        recordsAdded = records.sorted { $0.id < $1.id }

        var coverage: [CoverageChange] = []
        if let schema = head.schema, let before = base.analysis?.coverage.requirements, let after = head.analysis?.coverage.requirements {
            let rank: [RequirementCoverage.Status: Int] = [.uncovered: 0, .partial: 1, .covered: 2, .excluded: 3]
            for requirement in schema.requirements where schema.isLeaf(requirement.id) {
                let old = before[requirement.id]?.status ?? .uncovered, new = after[requirement.id]?.status ?? .uncovered
                guard old != new else { continue }
                coverage.append(CoverageChange(id: requirement.id, title: requirement.title, before: old.rawValue, after: new.rawValue,
                                               gained: (rank[new] ?? 0) > (rank[old] ?? 0)))
            }
        }
        self.coverage = coverage
        let dueBefore = Set(StatusReport.reviewsDue(in: base).map(\.id))
        dueReviews = StatusReport.reviewsDue(in: head).filter { !dueBefore.contains($0.id) }
    }
}
