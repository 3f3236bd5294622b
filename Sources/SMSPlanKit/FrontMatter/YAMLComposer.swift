import Yams

/// Composes YAML text into positioned nodes, with limits that keep hostile input cheap.
enum YAMLComposer {
    /// Why YAML text could not be composed, and where.
    struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    /// The most nodes a front matter may expand to (aliases included).
    static let maximumNodes = YAMLLimits.maximumNodes
    /// The deepest nesting accepted.
    static let maximumDepth = YAMLLimits.maximumDepth

    /// Composes `text`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    static func compose(_ text: String, firstLine: Int) throws(Failure) -> YAMLNode? {
        try YAMLLimits.check(text, firstLine: firstLine)
        let root: Node?
        do {
            // The basic resolver tags every scalar as text: smsplan types values itself, and
            // the default resolver's regular expressions would cost more than the parse.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw failure(from: error, in: text, firstLine: firstLine)
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
}
