import ArgumentParser
import Foundation
import SMSPlanKit

/// What smsplan reads from its command line before swift-argument-parser does: `-C DIR`
/// before the subcommand (as git: each changes folder in turn, so `-C a -C b` is `a/b`), and
/// "did you mean" for a misspelt subcommand at any level.
enum LeadingOptions {
    /// The arguments with every leading `-C DIR` applied and removed. A folder that does not
    /// exist ends the run with exit 2, a `-C` without a folder with exit 64.
    static func applyDirectories(_ arguments: [String]) -> [String] {
        var arguments = arguments[...]
        while let first = arguments.first, first == "-C" || first.hasPrefix("-C") {
            arguments.removeFirst()
            let directory: String
            if first == "-C" {
                guard let next = arguments.popFirst() else { fail("option '-C' needs a folder: smsplan -C DIR COMMAND", code: 64) }
                directory = next
            } else {
                directory = String(first.dropFirst(2))
            }
            var isDirectory: ObjCBool = false
            guard !directory.isEmpty, FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
                FileManager.default.changeCurrentDirectoryPath(directory)
            else { fail(RepositoryOptions.missingFolderMessage(directory), code: 2) }
        }
        return Array(arguments)
    }

    /// Ends the run with exit 64 and "did you mean" when a subcommand name is misspelt and one
    /// of the known names is close to it.
    static func suggestSubcommands(_ arguments: [String], root: CommandConfiguration) {
        var configuration = root
        var path = [root.commandName ?? "smsplan"]
        for argument in arguments {
            let subcommands: [(name: String, configuration: CommandConfiguration)] = configuration.subcommands.map { command in
                (command._commandName, command.configuration)
            }
            guard !argument.hasPrefix("-"), !subcommands.isEmpty, argument != "help" else { return }
            if let next = subcommands.first(where: { $0.name == argument || $0.configuration.aliases.contains(argument) }) {
                configuration = next.configuration
                path.append(argument)
                continue
            }
            let limit = max(1, min(2, argument.count / 3))
            var best: (name: String, distance: Int)?
            for name in subcommands.map(\.name) {
                let distance = EditDistance.between(name, argument)
                if distance <= limit, distance < (best?.distance ?? Int.max) { best = (name, distance) }
            }
            guard configuration.defaultSubcommand == nil, let best else { return }
            fail("unknown command '\(argument)' for '\(path.joined(separator: " "))'; did you mean '\(best.name)'?", code: 64)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("smsplan: error: \(message)\n".utf8))
        exit(code)
    }
}
