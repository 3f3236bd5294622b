extension YAMLComposer {
    /// libyaml's and composition's problems in a user's words, at the place to fix.
    static func failure(from refusal: Refusal, in text: String, firstLine: Int) -> Failure {
        func at(_ mark: Mark, _ message: String) -> Failure {
            Failure(location: SourceLocation(line: mark.line + firstLine - 1, column: mark.column), message: message)
        }
        switch refusal {
        case .limit(let failure):
            return failure
        case .syntax(let error) where [.scanner, .parser, .composer].contains(error.kind):
            let (problem, mark) = (error.problem, error.mark)
            if problem.hasPrefix("Maximum nesting level reached") {
                return at(mark, "front matter is nested deeper than \(maximumDepth) levels")
            }
            if character(at: mark, in: text) == "\t" {
                return at(mark, "YAML syntax error: a tab cannot indent YAML; indent with spaces")
            }
            // Point at the construct that is broken (an unclosed "[" say) when libyaml names it.
            guard let context = error.context, context.mark.line < mark.line else { return at(mark, "YAML syntax error: \(problem)") }
            let problemLine = mark.line + firstLine - 1
            return at(context.mark, "YAML syntax error \(context.text): \(problem) (line \(problemLine), column \(mark.column))")
        case .duplicateKeys(let duplicates, let first):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            guard duplicates.count == 1, let repeated = repetition(of: duplicates[0], after: first, in: text) else {
                return at(first, "duplicate key \(keys) in a mapping")
            }
            return Failure(location: SourceLocation(line: repeated.line + firstLine - 1, column: repeated.column),
                           message: "duplicate key \(keys) in a mapping (first on line \(first.line + firstLine - 1)); keep one")
        case .syntax(let error) where error.kind == .reader:
            return Failure(location: SourceLocation(line: firstLine, column: 1), message: "unreadable YAML: \(error.problem)")
        case .syntax(let error):
            let description = error.kind == .memory ? "Memory error" : "No error is produced"
            return Failure(location: SourceLocation(line: firstLine, column: 1), message: "YAML error: \(description)")
        }
    }

    /// The character at a 1-based mark, columns counted in Unicode scalars as libyaml does.
    private static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        guard mark.line >= 1, mark.column >= 1 else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line <= lines.count else { return nil }
        let scalars = lines[mark.line - 1].unicodeScalars
        guard mark.column <= scalars.count else { return nil }
        return scalars[scalars.index(scalars.startIndex, offsetBy: mark.column - 1)]
    }

    /// Where a block-mapping key written at `first` is written again: the next line at the
    /// same indentation that starts with the key and a colon. Nil when it cannot be told
    /// (flow mappings, quoted or complex keys).
    private static func repetition(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count, first.column >= 1 else { return nil }
        let indent = first.column - 1
        for number in first.line..<lines.count {
            let line = lines[number].unicodeScalars
            let leading = line.prefix { $0 == " " }.count
            if leading < indent && !lines[number].trimmingSpaces().isEmpty && !lines[number].trimmingSpaces().hasPrefix("#") { return nil }
            guard leading == indent else { continue }
            let rest = String(String.UnicodeScalarView(line.dropFirst(indent)))
            if rest.hasPrefix(key + ":") { return (number + 1, indent + 1) }
        }
        return nil
    }
}
