/// The traceability matrix (requirement -> evidence -> documents) and the statement of
/// applicability.
public struct CoverageReport: Sendable, Encodable {
    /// One evidence item of a requirement and the documents meeting it.
    public struct Evidence: Sendable, Encodable {
        public var item: String
        public var met: Bool
        public var documents: [String]

        /// In JSON, `documents` is always a list of documents; these are ids.
        private enum CodingKeys: String, CodingKey {
            case item, met
            case documents = "documentIds"
        }
    }

    /// One requirement of the schema.
    public struct Row: Sendable, Encodable {
        public var id: String
        public var title: String
        public var parent: String?
        public var status: String
        public var duePhase: Int
        public var applicable: Bool
        public var exclusionReason: String?
        public var evidence: [Evidence]
        /// Every document listing the requirement in satisfies, approved or not.
        public var listedBy: [String]
    }

    public var schema: String
    public var date: String
    public var currentPhase: Int
    public var totals: [String: Int]
    public var requirements: [Row]

    /// Nil when the plan has no usable schema.
    public init?(plan: Plan) {
        guard let schema = plan.schema, let analysis = plan.analysis else { return nil }
        self.schema = schema.id
        date = plan.revisionDate.description
        currentPhase = plan.config.currentPhase
        requirements = schema.requirements.map { requirement in
            let coverage = analysis.coverage.requirements[requirement.id]
            let exclusion = analysis.coverage.exclusions[requirement.id]
            return Row(id: requirement.id, title: requirement.title, parent: requirement.parent,
                       status: coverage?.status.rawValue ?? "uncovered", duePhase: coverage?.duePhase ?? analysis.phases.finalPhase,
                       applicable: exclusion == nil, exclusionReason: exclusion?.reason?.value,
                       evidence: (coverage?.items ?? []).map { Evidence(item: $0.item.label, met: $0.isMet, documents: $0.documents) },
                       listedBy: coverage?.listedBy ?? [])
        }
        let leaves = schema.requirements.filter { schema.isLeaf($0.id) }.map(\.id)
        totals = Dictionary(uniqueKeysWithValues: analysis.coverage.counts(leaves).map { ($0.key.rawValue, $0.value) })
        for status in RequirementCoverage.Status.allCases where totals[status.rawValue] == nil { totals[status.rawValue] = 0 }
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: JSONOutput.render(self, kind: .coverage)
        case .text: TerminalText.lines(text)
        case .markdown: markdown
        }
    }

    private var totalsLine: String {
        RequirementCoverage.Status.allCases.map { "\(totals[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }

    private func depth(_ row: Row) -> Int { row.id.split(separator: ".").count - 1 }

    private var text: String {
        var text = "Coverage of \(schema) as of \(date) (phase \(currentPhase)): \(totalsLine) (clauses without sub-clauses)\n\n"
        text += TextTable.render(requirements.map { row in
            let documents = row.evidence.map { "\($0.item): \($0.documents.isEmpty ? "-" : $0.documents.joined(separator: ", "))" }
            return [String(repeating: "  ", count: depth(row)) + row.id, row.status, "phase \(row.duePhase)",
                    row.applicable ? documents.joined(separator: "; ") : "excluded: \(row.exclusionReason ?? "no reason given")"]
        }, indent: "")
        text += "\nStatement of applicability:\n"
        let excluded = requirements.filter { !$0.applicable }
        text += excluded.isEmpty ? "  every requirement applies; none is excluded\n"
            : TextTable.render(excluded.map { [$0.id, $0.title, $0.exclusionReason ?? "no reason given"] })
        return text
    }

    private var markdown: String {
        var text = "# Coverage of \(MarkdownText.inline(schema))\n\nAs of \(date), current phase \(currentPhase): \(totalsLine).\n\n## Traceability\n\n"
        text += MarkdownTable.render(["Requirement", "Title", "Status", "Due", "Evidence"], requirements.map { row in
            [row.id, row.title, row.status, "phase \(row.duePhase)",
             row.evidence.map { "\($0.item): \($0.documents.isEmpty ? "missing" : $0.documents.joined(separator: ", "))" }.joined(separator: "<br>")]
        })
        text += "\n## Statement of applicability\n\n"
        text += MarkdownTable.render(["Requirement", "Title", "Applicable", "Justification of exclusion", "Status"], requirements.map { row in
            [row.id, row.title, row.applicable ? "yes" : "no", row.exclusionReason ?? "", row.status]
        })
        return text
    }
}
