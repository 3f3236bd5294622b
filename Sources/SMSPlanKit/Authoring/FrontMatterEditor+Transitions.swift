import Foundation

/// The edits each document-control transition makes to front matter, in one place, so that
/// the commands and the editor's property-based test run the same edits.
extension FrontMatterEditor {
    /// A history entry as the transitions write it: version, date, author when known, summary.
    static func historyEntry(version: DocumentVersion, date: PlanDate, author: String?, summary: String) -> [(key: String, value: YAMLValue)] {
        var entry: [(key: String, value: YAMLValue)] = [("version", .quoted(version.description)), ("date", .raw(date.description))]
        if let author { entry.append(("author", .text(author))) }
        entry.append(("summary", .text(summary)))
        return entry
    }

    /// `approve`: a first issue (`firstIssue`, the entry of version 1.0) sets the version and
    /// appends its entry; then status approved, approved-by and approved-on.
    mutating func approve(firstIssue: (version: DocumentVersion, entry: [(key: String, value: YAMLValue)])?, role: String, date: PlanDate) throws(SMSPlanError) {
        if let firstIssue {
            try set("version", to: YAMLText.quoted(firstIssue.version.description))
            try appendHistoryEntry(firstIssue.entry)
        }
        try set("status", to: DocumentStatus.approved.rawValue)
        try set("approved-by", to: YAMLText.scalar(role))
        try set("approved-on", to: date.description)
    }

    /// `revise`: the next version with its history entry, back in draft, approval removed.
    mutating func revise(to version: DocumentVersion, entry: [(key: String, value: YAMLValue)]) throws(SMSPlanError) {
        try set("version", to: YAMLText.quoted(version.description))
        try appendHistoryEntry(entry)
        try set("status", to: DocumentStatus.draft.rawValue)
        try remove("approved-by")
        try remove("approved-on")
    }

    /// `retire`: obsolete, naming the successor when there is one.
    mutating func retire(supersededBy successor: String?) throws(SMSPlanError) {
        try set("status", to: DocumentStatus.obsolete.rawValue)
        if let successor { try set("superseded-by", to: YAMLText.scalar(successor)) }
    }
}

extension FrontMatterEditor {
    /// The keys each transition changes.
    static let approvalKeys: Set<String> = ["version", "status", "approved-by", "approved-on", "history"]
    static let revisionKeys = approvalKeys
    static let retirementKeys: Set<String> = ["status", "superseded-by"]

    /// The top-level keys whose values differ between two versions of a file, as YAML reads
    /// them (positions and quoting aside).
    static func changedKeys(from old: Data, to new: Data) -> [String] {
        func values(_ data: Data) -> [String: String] {
            let pairs = FrontMatterParser.parse(data).frontMatter?.pairs ?? []
            return Dictionary(pairs.map { ($0.keyText ?? "", shape($0.value)) }, uniquingKeysWith: { first, _ in first })
        }
        let before = values(old), after = values(new)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// A node's value as text, for comparing: scalars quoted, lists and mappings bracketed.
    private static func shape(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): scalar.text.debugDescription
        case .sequence(let items, _): "[" + items.map(shape).joined(separator: ",") + "]"
        case .mapping(let pairs, _): "{" + pairs.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        }
    }
}
