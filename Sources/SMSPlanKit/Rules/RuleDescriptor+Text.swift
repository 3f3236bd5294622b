/// How a rule explains itself: `smsplan rules` on a terminal, in Markdown and JSON, and
/// SARIF's rule help.
extension RuleDescriptor {
    /// The anchor of the rule's section in docs/rules.md, whose headings are the rule ids.
    public var anchor: String { id.rawValue }

    /// The rule in full with its passing and failing examples, as `smsplan rules ID` prints it.
    public var explanation: String {
        var text = """
            \(id) (\(category.rawValue), default severity: \(defaultSeverity.rawValue))

            \(summary)

            Why: \(rationale)

            """
        for (heading, example) in examples {
            text += "\n\(heading):\n"
            for file in example.files {
                text += "  \(file.path):\n"
                text += file.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n") + "\n"
            }
            for link in example.links {
                text += "  \(link.path): a symbolic link to \(link.target)\n"
            }
        }
        return text
    }

    /// The same explanation in Markdown: a section headed by the rule id, examples in code blocks.
    public var markdownExplanation: String {
        var text = "## \(id)\n\n\(summary)\n\nCategory: \(category.rawValue); default severity: \(defaultSeverity.rawValue).\n\n"
        text += "Why: \(rationale)\n"
        for (heading, example) in examples {
            text += "\n### \(heading)\n"
            for file in example.files {
                let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(file.text) + 1))
                text += "\n`\(file.path)`:\n\n\(fence)\n\(file.text)\(file.text.hasSuffix("\n") ? "" : "\n")\(fence)\n"
            }
            for link in example.links {
                text += "\n`\(link.path)`: a symbolic link to `\(link.target)`\n"
            }
        }
        return text
    }

    private var examples: [(String, RuleExample)] { [("Passes", valid), ("Fails", invalid)] }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

/// The rules as `smsplan rules --format json` prints them.
public struct RulesReport: Sendable, Encodable {
    /// One rule.
    public struct Entry: Sendable, Encodable {
        public var id: String
        public var category: String
        public var defaultSeverity: String
        public var summary: String
        public var rationale: String
        public var examples: Examples
    }

    /// A rule's examples: the files of a passing and of a failing plan.
    public struct Examples: Sendable, Encodable {
        public var passes: [File]
        public var fails: [File]
    }

    /// A file of an example, by path relative to the plan root.
    public struct File: Sendable, Encodable {
        public var path: String
        public var text: String
    }

    public var rules: [Entry]

    public init(_ descriptors: [RuleDescriptor]) {
        func files(_ example: RuleExample) -> [File] { example.files.map { File(path: $0.path, text: $0.text) } }
        rules = descriptors.map { descriptor in
            Entry(id: descriptor.id.rawValue, category: descriptor.category.rawValue, defaultSeverity: descriptor.defaultSeverity.rawValue,
                  summary: descriptor.summary, rationale: descriptor.rationale,
                  examples: Examples(passes: files(descriptor.valid), fails: files(descriptor.invalid)))
        }
    }

    public var json: String { JSONOutput.render(self, kind: .rules) }
}
