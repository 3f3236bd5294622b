import ArgumentParser
import SMSPlanKit

/// `smsplan rules [ID]`: every rule, or one rule in full with its examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule, or explain one with its examples.",
        discussion: """
            Rule ids are stable. Change a rule's severity in smsplan.yaml:
              rules:
                review-overdue: warning   # error | warning | off
            """
    )

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "A rule id, such as field-missing, to explain in full.")
    var id: String?

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    func validate() throws {
        if let id, RuleRegistry.descriptor(RuleID(rawValue: id)) == nil {
            throw ValidationError("unknown rule '\(id)'; `smsplan rules` lists them")
        }
    }

    func run() {
        let all = RuleRegistry.all.map(\.descriptor)
        let chosen = id.flatMap { RuleRegistry.descriptor(RuleID(rawValue: $0)) }
        switch format {
        case .json: print(RulesReport(chosen.map { [$0] } ?? all).json, terminator: "")
        case .markdown: print(chosen?.markdownExplanation ?? RuleText.markdown(all), terminator: "")
        case .text: print(chosen?.explanation ?? RuleText.table(all), terminator: "")
        }
    }
}

/// How rules read on a terminal.
enum RuleText {
    static func table(_ descriptors: [RuleDescriptor]) -> String {
        let width = descriptors.map(\.id.rawValue.count).max() ?? 0
        var text = ""
        for category in RuleCategory.allCases {
            text += "\(category.rawValue):\n"
            for descriptor in descriptors where descriptor.category == category {
                let padding = String(repeating: " ", count: width - descriptor.id.rawValue.count)
                text += "  \(descriptor.id)\(padding)  \(descriptor.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(descriptor.summary)\n"
            }
        }
        return text + "\n`smsplan rules ID` explains a rule with a passing and a failing example.\n"
    }

    static func markdown(_ descriptors: [RuleDescriptor]) -> String {
        var text = "# Rules\n\n"
        text += MarkdownTable.render(["Rule", "Category", "Default severity", "Finds"], descriptors.map { descriptor in
            ["[\(descriptor.id)](#\(descriptor.anchor))", descriptor.category.rawValue, descriptor.defaultSeverity.rawValue, descriptor.summary]
        })
        return text + descriptors.map { "\n" + $0.markdownExplanation }.joined()
    }
}
