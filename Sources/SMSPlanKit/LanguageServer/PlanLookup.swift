import Foundation

/// What completion, hover and definition know of the plan around an open file: its
/// clauses, roles and documents as they are on disk.
struct PlanLookup: Sendable {
    var plan: Plan?

    static func load(around file: URL) -> PlanLookup {
        PlanLookup(plan: try? Checker.load(CheckRequest(directory: file.deletingLastPathComponent())))
    }

    /// Keys whose values are clause ids, role ids and document ids.
    static let clauseKeys: Set = ["satisfies"]
    static let roleKeys: Set = ["owner", "approved-by", "operated-by"]
    static let documentKeys: Set = ["supersedes", "superseded-by", "corrects", "evidence", "disposes"]

    func completion(in buffer: TextBuffer, line: Int, character: Int) -> Any? {
        if buffer.isKeyPosition(line: line, character: character) { return keyCompletion(in: buffer) }
        guard let key = buffer.frontMatterKey(line: line) else { return nil }
        var items: [[String: Any]] = []
        if Self.clauseKeys.contains(key), let schema = plan?.schema {
            items = schema.requirements.map { ["label": $0.id, "kind": 12, "detail": $0.title, "sortText": sortKey($0.id)] }
        } else if Self.roleKeys.contains(key), let roles = plan?.roles {
            items = roles.roles.map { ["label": $0.id, "kind": 12, "detail": $0.name ?? $0.id] }
        } else if Self.documentKeys.contains(key), let corpus = plan?.corpus {
            items = corpus.documents.compactMap { document in
                document.id.map { ["label": $0.value, "kind": 18,
                                   "detail": [document.title?.value, document.status?.value.rawValue].compactMap { $0 }.joined(separator: " · ")] }
            }
        } else if key == "status" {
            items = DocumentStatus.allCases.map { ["label": $0.rawValue, "kind": 20] }
        } else if key == "type" {
            items = DocumentType.allCases.map { ["label": $0.rawValue, "kind": 20] }
        } else if key == "classification" {
            items = Classification.allCases.map { ["label": $0.rawValue, "kind": 20] }
        }
        return ["isIncomplete": false, "items": items]
    }

    /// The fields the front matter lacks, the ones its type requires first.
    private func keyCompletion(in buffer: TextBuffer) -> Any {
        let present = buffer.frontMatterKeys
        let type = DocumentDecoder.decode(Data(buffer.text.utf8), path: "").document?.type?.value
        let required = Set(DocumentField.required(for: type).map(\.rawValue))
        let items: [[String: Any]] = DocumentField.allCases.map(\.rawValue).filter { !present.contains($0) }.map { key in
            ["label": key, "kind": 10, "insertText": key + ": ", "detail": required.contains(key) ? "required" : "optional",
             "sortText": (required.contains(key) ? "0" : "1") + key]
        }
        return ["isIncomplete": false, "items": items]
    }

    /// Clause ids in the standard's order: 4.1.2 before 4.10.
    private func sortKey(_ id: String) -> String {
        id.split(separator: ".").map { part in Int(part).map { String(format: "%04d", $0) } ?? String(part) }.joined(separator: ".")
    }

    func hover(in buffer: TextBuffer, line: Int, character: Int) -> Any? {
        guard let word = buffer.word(line: line, character: character), let plan else { return nil }
        var lines: [String] = []
        if let requirement = plan.schema?.requirement(word) {
            lines.append("**\(requirement.id) \(requirement.title)**")
            if let summary = requirement.summary { lines.append(summary) }
            if let coverage = plan.analysis?.coverage.requirements[word] {
                let documents = Set(coverage.items.flatMap(\.documents)).sorted()
                lines.append("coverage: \(coverage.status.rawValue)" + (documents.isEmpty ? "" : " (\(documents.joined(separator: ", ")))"))
            }
        } else if let document = plan.corpus.byID[word] {
            lines.append("**\(word)** \(document.title?.value ?? "")")
            let facts = [document.version.map { "version \($0.value)" }, document.status.map { "status \($0.value.rawValue)" }].compactMap { $0 }
            lines.append((facts + [document.path]).joined(separator: " · "))
        } else if let role = plan.roles?.role(word) {
            lines.append("**\(role.id)** \(role.name ?? "")")
            lines.append(role.members.isEmpty ? "no members" : "members: " + role.members.map(\.name).joined(separator: ", "))
        } else {
            return nil
        }
        return ["contents": ["kind": "markdown", "value": lines.joined(separator: "\n\n")]]
    }

    func definition(in buffer: TextBuffer, line: Int, character: Int) -> Any? {
        guard let word = buffer.word(line: line, character: character), let plan, let root = plan.repositoryRoot else { return nil }
        let path: String
        if let document = plan.corpus.byID[word] {
            path = document.path
        } else if plan.roles?.role(word) != nil {
            path = plan.path("roles.yaml")
        } else {
            return nil
        }
        let zero: [String: Any] = ["line": 0, "character": 0]
        return ["uri": root.appendingPathComponent(path).absoluteURL.absoluteString, "range": ["start": zero, "end": zero]]
    }
}
