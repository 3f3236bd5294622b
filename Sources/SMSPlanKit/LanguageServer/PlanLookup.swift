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
        guard var key = buffer.frontMatterKey(line: line) else { return nil }
        // In an activity (`- id: ...` under activities), its own keys name clauses and evidence.
        if key == "activities", let own = buffer.nestedKey(line: line) {
            key = own == "requirements" ? "satisfies" : own
        }
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
        } else if key == "record-of" {
            let kinds = Set(plan?.schema?.requirements.flatMap { $0.evidence.compactMap(\.recordOf) } ?? [])
                .union(plan?.corpus.documents.compactMap { $0.recordOf?.value } ?? [])
            items = kinds.sorted().map { ["label": $0, "kind": 20, "detail": "record kind"] }
        } else if key == "template-for" {
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
    /// Where a document id or a role is named across the plan on disk: the fields that name
    /// it, and with `declaration` its own `id:` (or its entry in roles.yaml).
    func references(in buffer: TextBuffer, line: Int, character: Int, declaration: Bool) -> Any? {
        guard let word = buffer.word(line: line, character: character), let plan, let root = plan.repositoryRoot else { return nil }
        var found: [(path: String, location: SourceLocation, length: Int)] = []
        if let target = plan.corpus.byID[word] {
            if declaration, let id = target.id { found.append((target.path, id.location, word.count)) }
            for document in plan.corpus.documents {
                let named = document.supersedes + [document.supersededBy, document.corrects].compactMap { $0 } + document.disposes
                    + document.activities.flatMap(\.evidence)
                for value in named where value.value == word { found.append((document.path, value.location, word.count)) }
            }
        } else if plan.roles?.role(word) != nil {
            if declaration {
                let rolesPath = plan.path("roles.yaml")
                let text = (try? String(contentsOf: root.appendingPathComponent(rolesPath), encoding: .utf8)) ?? ""
                for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let trimmed = line.drop { $0 == " " || $0 == "-" }
                    guard trimmed.hasPrefix("id:"), trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces) == word,
                        let column = line.range(of: word, range: line.range(of: "id:")!.upperBound..<line.endIndex)
                    else { continue }
                    found.append((rolesPath, SourceLocation(line: index + 1, column: line.unicodeScalars.distance(from: line.startIndex, to: column.lowerBound) + 1), word.count))
                }
            }
            for document in plan.corpus.documents {
                for value in [document.owner, document.approvedBy, document.operatedBy].compactMap({ $0 }) where value.value == word {
                    found.append((document.path, value.location, word.count))
                }
            }
        } else {
            return nil
        }
        var buffers: [String: TextBuffer] = [:]
        return found.sorted { ($0.path, $0.location) < ($1.path, $1.location) }.map { reference -> [String: Any] in
            let text = buffers[reference.path] ?? TextBuffer((try? String(contentsOf: root.appendingPathComponent(reference.path), encoding: .utf8)) ?? "")
            buffers[reference.path] = text
            // A quoted value's location is its opening quote.
            let line = text.lines.indices.contains(reference.location.line - 1) ? Array(text.lines[reference.location.line - 1].unicodeScalars) : []
            let quoted = reference.location.column - 1 < line.count && ["\"", "'"].contains(line[reference.location.column - 1])
            let start = text.position(line: reference.location.line, column: reference.location.column + (quoted ? 1 : 0))
            return ["uri": root.appendingPathComponent(reference.path).absoluteURL.absoluteString,
                    "range": ["start": ["line": start.line, "character": start.character],
                              "end": ["line": start.line, "character": start.character + reference.length]]]
        }
    }

    /// The buffer's outline: its front-matter keys, then its headings nested by level.
    static func documentSymbols(in buffer: TextBuffer) -> [[String: Any]] {
        let lines = buffer.lines
        func range(_ line: Int, _ start: Int, _ end: Int) -> [String: Any] {
            ["start": ["line": line, "character": start], "end": ["line": line, "character": end]]
        }
        var symbols: [[String: Any]] = []
        if let end = buffer.frontMatterEnd {
            var keys: [[String: Any]] = []
            for index in 1..<end {
                let text = lines[index]
                guard let first = text.first, first != " ", first != "-", first != "#", let colon = text.firstIndex(of: ":") else { continue }
                let key = String(text[..<colon])
                let width = text.utf16.count - (text.hasSuffix("\r") ? 1 : 0)
                keys.append(["name": key, "kind": 7, "detail": text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces),
                             "range": range(index, 0, width), "selectionRange": range(index, 0, key.utf16.count)])
            }
            symbols.append(["name": "front matter", "kind": 19, "range": ["start": ["line": 0, "character": 0], "end": ["line": end, "character": 3]],
                            "selectionRange": range(0, 0, 3), "children": keys])
        }
        let body = DocumentDecoder.decode(Data(buffer.text.utf8), path: "").document?.body.headings ?? []
        // Headings nest under the nearest heading above them of a lower level.
        var stack: [(level: Int, symbol: [String: Any])] = []
        func close(below level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty {
                    symbols.append(last.symbol)
                } else {
                    var parent = stack[stack.count - 1].symbol
                    parent["children"] = (parent["children"] as? [[String: Any]] ?? []) + [last.symbol]
                    stack[stack.count - 1].symbol = parent
                }
            }
        }
        for (position, heading) in body.enumerated() {
            close(below: heading.level)
            let index = heading.line - 1
            let width = index < lines.count ? lines[index].utf16.count : 0
            // A section runs to the line before the next heading of its level or above.
            let next = body[(position + 1)...].first { $0.level <= heading.level }.map { $0.line - 2 } ?? lines.count - 1
            let last = max(next, index)
            let whole: [String: Any] = ["start": ["line": index, "character": 0],
                                        "end": ["line": last, "character": last < lines.count ? lines[last].utf16.count : 0]]
            stack.append((heading.level, ["name": heading.text, "kind": 15, "detail": String(repeating: "#", count: heading.level),
                                          "range": whole, "selectionRange": range(index, 0, width)]))
        }
        close(below: 0)
        return symbols
    }
}
