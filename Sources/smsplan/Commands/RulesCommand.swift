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

    func validate() throws {
        if let id, RuleRegistry.descriptor(RuleID(rawValue: id)) == nil {
            throw ValidationError("unknown rule '\(id)'; `smsplan rules` lists them")
        }
    }

    func run() {
        if let id, let descriptor = RuleRegistry.descriptor(RuleID(rawValue: id)) {
            print(RuleText.full(descriptor), terminator: "")
        } else {
            print(RuleText.table(RuleRegistry.all.map(\.descriptor)), terminator: "")
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

    static func full(_ descriptor: RuleDescriptor) -> String {
        var text = """
            \(descriptor.id) (\(descriptor.category.rawValue), default severity: \(descriptor.defaultSeverity.rawValue))

            \(descriptor.summary)

            Why: \(descriptor.rationale)

            """
        for (heading, example) in [("Passes", descriptor.valid), ("Fails", descriptor.invalid)] {
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
}
