/// A document's text with its claims taken out, to tell a migration's rewritten claims from
/// any other change: the contents of each flow list holding a claim are emptied, and a block
/// list item holding one is dropped.
enum ClaimLines {
    static func withoutClaims(_ document: Document) -> [String] {
        let claims = document.satisfies + document.activities.flatMap(\.requirements)
        var lines = String(decoding: document.contents, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var dropped = Set<Int>()
        for (index, columns) in Dictionary(grouping: claims, by: { $0.location.line - 1 }).mapValues({ $0.map(\.location.column) }) {
            guard lines.indices.contains(index) else { continue }
            let scanner = YAMLLineScanner(lines[index])
            // The flow lists holding the line's claims, found on the line as written.
            var lists = Set<Int>()
            for column in columns {
                let start = min(max(column - 1, 0), scanner.scalars.count)
                guard let open = scanner.scalars[..<start].lastIndex(of: "["), scanner.flowEnd(from: open) != nil else {
                    dropped.insert(index)
                    break
                }
                lists.insert(open)
            }
            guard !dropped.contains(index) else { continue }
            var text = lines[index]
            // Right to left, so that the earlier lists stay where they were.
            for open in lists.sorted(by: >) {
                let line = YAMLLineScanner(text)
                guard let end = line.flowEnd(from: open) else { continue }
                text = line.text(0, open + 1) + line.text(end - 1, line.scalars.count)
            }
            lines[index] = text
        }
        return lines.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// The editions of the claims before and after, when they differ.
    static func migration(from before: Plan, to after: Plan) -> (from: String, to: String)? {
        guard let old = before.config.claimsEdition(schema: before.schema), let new = after.config.claimsEdition(schema: after.schema),
            old != new
        else { return nil }
        return (old, new)
    }
}
