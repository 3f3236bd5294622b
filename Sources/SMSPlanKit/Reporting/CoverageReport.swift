/// The traceability matrix (requirement -> evidence -> documents), and for a custom schema
/// whose requirements may be excluded, the statement of applicability. ISO/IEC 20000-1
/// accepts no exclusion, so a bundled schema's report has none.
public struct CoverageReport: Sendable, Encodable {
    /// One evidence item of a requirement and the documents meeting it.
    public struct Evidence: Sendable, Encodable {
        /// `8.1/incident-procedure`, as `smsplan schema` shows it.
        public var id: String
        public var item: String
        /// required, or good-practice (shown, never blocking).
        public var level: String
        public var met: Bool
        public var documents: [String]
        /// What a counted item still lacks, or why it cannot be met yet.
        public var missing: [String]
        /// Documents that are records held in another system, with the system.
        public var heldIn: [String: String]

        /// "PRO-004, REC-020 (held in Service desk)", or "-".
        var documentsText: String {
            documents.isEmpty ? "-" : documents.map { id in heldIn[id].map { "\(id) (held in \($0))" } ?? id }.joined(separator: ", ")
        }

        /// "[8.1/incident-procedure] incident procedure: PRO-004; missing service "X"".
        var text: String {
            var text = "[\(id)] \(item)\(level == "required" ? "" : " (\(level))"): \(documentsText)"
            if !missing.isEmpty { text += "; missing \(missing.joined(separator: ", "))" }
            return text
        }

        /// In JSON, `documents` is always a list of documents; these are ids.
        private enum CodingKeys: String, CodingKey {
            case id, item, level, met, missing, heldIn
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
        /// False when the standard asks for no document (good practice only): never blocking.
        public var documentsRequired: Bool
        /// Processes operated by other parties: "PRC-018 operated by X, governed by AGR-002 (PRC-017)".
        public var parties: [String]
    }

    public var schema: String
    /// The edition of ISO/IEC 20000-1 the schema belongs to.
    public var edition: String?
    /// Set only when the claims are written for another edition: then no claim counts.
    public var claimsEdition: String?
    public var date: String
    public var currentPhase: Int
    /// True when the schema lets some requirement be excluded (custom schemas only).
    public var exclusionsAllowed: Bool
    public var totals: [String: Int]
    public var requirements: [Row]

    /// Nil when the plan has no usable schema.
    public init?(plan: Plan) {
        guard let schema = plan.schema, let analysis = plan.analysis else { return nil }
        self.schema = schema.id
        edition = schema.edition
        claimsEdition = analysis.editionMismatch?.claims
        date = plan.revisionDate.description
        currentPhase = plan.config.currentPhase
        exclusionsAllowed = schema.allowsExclusions
        requirements = schema.requirements.map { requirement in
            let coverage = analysis.coverage.requirements[requirement.id]
            let exclusion = analysis.coverage.exclusions[requirement.id]
            return Row(id: requirement.id, title: requirement.title, parent: requirement.parent,
                       status: coverage?.status.rawValue ?? "uncovered", duePhase: coverage?.duePhase ?? analysis.phases.finalPhase,
                       applicable: exclusion == nil, exclusionReason: exclusion?.reason?.value,
                       evidence: (coverage?.items ?? []).map {
                           Evidence(id: "\(requirement.id)/\($0.item.id)", item: $0.item.label, level: $0.item.level.rawValue, met: $0.isMet,
                                    documents: $0.documents, missing: $0.missing, heldIn: $0.heldIn)
                       },
                       listedBy: coverage?.listedBy ?? [], documentsRequired: coverage?.documentsRequired ?? true, parties: coverage?.parties ?? [])
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
        var text = "Coverage of \(EditionLabel.schema(schema, edition: edition)) as of \(date) (phase \(currentPhase)): \(totalsLine) (clauses without sub-clauses)\n"
        text += EditionLabel.mismatch(claims: claimsEdition, edition: edition).map { "\($0)\n" } ?? ""
        text += "\n"
        text += TextTable.render(requirements.map { row in
            let documents = row.evidence.map(\.text) + row.parties
            return [String(repeating: "  ", count: depth(row)) + row.id, row.status, "phase \(row.duePhase)",
                    row.applicable ? documents.joined(separator: "; ") : "excluded: \(row.exclusionReason ?? "no reason given")"]
        }, indent: "")
        guard exclusionsAllowed else {
            return text + "\nEvery requirement of \(schema) applies: ISO/IEC 20000-1 accepts no exclusion.\n"
        }
        text += "\nStatement of applicability:\n"
        let excluded = requirements.filter { !$0.applicable }
        text += excluded.isEmpty ? "  every requirement applies; none is excluded\n"
            : TextTable.render(excluded.map { [$0.id, $0.title, $0.exclusionReason ?? "no reason given"] })
        return text
    }

    private var markdown: String {
        var text = "# Coverage of \(MarkdownText.inline(EditionLabel.schema(schema, edition: edition)))\n\nAs of \(date), current phase \(currentPhase): \(totalsLine).\n\n"
        text += EditionLabel.mismatch(claims: claimsEdition, edition: edition).map { "**Editions mixed:** \($0).\n\n" } ?? ""
        text += "## Traceability\n\n"
        text += MarkdownTable.render(["Requirement", "Title", "Status", "Due", "Evidence"], requirements.map { row in
            [row.id, row.title, row.status, "phase \(row.duePhase)",
             (row.evidence.map(\.text) + row.parties).joined(separator: "<br>")]
        })
        guard exclusionsAllowed else { return text + "\nEvery requirement of \(schema) applies: ISO/IEC 20000-1 accepts no exclusion.\n" }
        text += "\n## Statement of applicability\n\n"
        text += MarkdownTable.render(["Requirement", "Title", "Applicable", "Justification of exclusion", "Status"], requirements.map { row in
            [row.id, row.title, row.applicable ? "yes" : "no", row.exclusionReason ?? "", row.status]
        })
        return text
    }
}
