import Yams

/// Composes YAML text into positioned nodes, with limits that keep hostile input cheap.
enum YAMLComposer {
    /// Why YAML text could not be composed, and where.
    struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    /// The most nodes a front matter may expand to (aliases included).
    static let maximumNodes = 100_000
    /// The deepest nesting accepted.
    static let maximumDepth = 64

    /// Composes `text`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    static func compose(_ text: String, firstLine: Int) throws(Failure) -> YAMLNode? {
        try checkNesting(text, firstLine: firstLine)
        let root: Node?
        do {
            // The basic resolver tags every scalar as text: smsplan types values itself, and
            // the default resolver's regular expressions would cost more than the parse.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw failure(from: error, firstLine: firstLine)
        } catch {
            throw Failure(location: SourceLocation(line: firstLine, column: 1), message: "\(error)")
        }
        guard let root else { return nil }
        var budget = maximumNodes
        return try convert(root, lineOffset: firstLine - 1, depth: 0, budget: &budget)
    }

    private static func convert(_ node: Node, lineOffset: Int, depth: Int, budget: inout Int) throws(Failure) -> YAMLNode {
        budget -= 1
        let location = SourceLocation(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        guard budget >= 0 else {
            throw Failure(location: location, message: "front matter expands to more than \(maximumNodes) values (an alias bomb?)")
        }
        guard depth <= maximumDepth else {
            throw Failure(location: location, message: "front matter is nested deeper than \(maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any, location: location))
        case .alias:
            return .scalar(YAMLScalar(text: "", isPlain: true, location: location))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, lineOffset: lineOffset, depth: depth + 1, budget: &budget))
            }
            return .sequence(items, location)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                pairs.append(YAMLPair(
                    key: try convert(key, lineOffset: lineOffset, depth: depth + 1, budget: &budget),
                    value: try convert(value, lineOffset: lineOffset, depth: depth + 1, budget: &budget)))
            }
            return .mapping(pairs, location)
        }
    }

    /// Refuses deep flow nesting (`[[[[...`) before the recursive composer sees it.
    private static func checkNesting(_ text: String, firstLine: Int) throws(Failure) {
        var depth = 0
        var line = firstLine
        var column = 0
        var quote: Character?
        for character in text {
            column += 1
            if character.isNewline {
                line += 1
                column = 0
                quote = nil
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "[", "{":
                depth += 1
                if depth > maximumDepth {
                    throw Failure(location: SourceLocation(line: line, column: column),
                                  message: "front matter is nested deeper than \(maximumDepth) levels")
                }
            case "]", "}": depth = max(0, depth - 1)
            case "#" where column == 1: quote = "\n"
            default: break
            }
        }
    }

    private static func failure(from error: YamlError, firstLine: Int) -> Failure {
        func at(_ mark: Mark, _ message: String) -> Failure {
            Failure(location: SourceLocation(line: mark.line + firstLine - 1, column: mark.column), message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // Point at the construct that is broken (an unclosed "[" say) when libyaml names it.
            guard let context, context.mark.line < mark.line else { return at(mark, "YAML syntax error: \(problem)") }
            let problemLine = mark.line + firstLine - 1
            return at(context.mark, "YAML syntax error \(context.text): \(problem) (line \(problemLine), column \(mark.column))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return at(context.mark, "duplicate key \(keys) in a mapping")
        case .reader(let problem, _, _, _):
            return Failure(location: SourceLocation(line: firstLine, column: 1), message: "unreadable YAML: \(problem)")
        default:
            return Failure(location: SourceLocation(line: firstLine, column: 1), message: "YAML error: \(error)")
        }
    }
}
