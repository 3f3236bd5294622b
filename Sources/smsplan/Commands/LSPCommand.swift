import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan lsp`: a language server over standard input and output for any editor.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a language server (LSP 3.17 over stdio): findings, quick fixes, completion, hover, definition and references while editing.",
        discussion: """
            An editor starts `smsplan lsp` and talks to it over standard input and output. \
            While a document is edited, its unsaved text is checked with every single-document \
            rule and the whole-plan rules against the rest of the plan on disk; on save, the \
            history rules against HEAD too. Outside a git repository only the single-document \
            rules run. README.md shows the setup for VS Code, Neovim, Helix and Emacs.
            """
    )

    @Option(help: ArgumentHelp("The address of docs/rules.md that findings link to; by default the copy installed with smsplan.", valueName: "url"))
    var rulesUrl: String?

    func run() throws {
        let output = FileHandle.standardOutput
        let writing = NSLock()
        let server = LanguageServer(rulesURI: rulesUrl ?? RulesDocumentation.installedURI) { message in
            guard let body = try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys]) else { return }
            writing.withLock { output.write(JSONRPCFraming.frame(body)) }
        }
        var framing = JSONRPCFraming()
        let input = FileHandle.standardInput
        while server.exitCode == nil {
            let chunk = input.availableData
            if chunk.isEmpty { break }
            framing.append(chunk)
            do {
                while server.exitCode == nil, let body = try framing.next() { server.receive(body) }
            } catch {
                FileHandle.standardError.write(Data("smsplan: error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        throw ExitCode(server.exitCode ?? 1)
    }
}
