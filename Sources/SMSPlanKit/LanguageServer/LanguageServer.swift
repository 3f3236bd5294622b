import Foundation

/// An LSP 3.17 server for plan repositories: it takes JSON-RPC messages and hands replies
/// and notifications to `send`; the CLI owns the transport. Findings are debounced and
/// checked on a queue of their own, so typing never waits for a check.
public final class LanguageServer: @unchecked Sendable {
    /// LSP's DiagnosticSeverity values.
    static let severityCodes: [Severity: Int] = [.error: 1, .warning: 2]

    private let send: @Sendable ([String: Any]) -> Void
    private let rulesURI: String?
    private let debounce: TimeInterval
    private let checks = DispatchQueue(label: "smsplan.lsp.checks")
    private let lock = NSLock()
    private var buffers: [String: TextBuffer] = [:]
    private var generations: [String: Int] = [:]
    private var toldOutsideGit = false
    private var shutdownRequested = false
    private var lookups: [String: PlanLookup] = [:]
    /// The findings last published for each buffer, with the text they are about: code
    /// actions repair them while the buffer still has that text.
    private var published: [String: (text: String, diagnostics: [Diagnostic])] = [:]

    /// Set once the client sent `exit`: 0 after a shutdown request, 1 without one.
    public private(set) var exitCode: Int32?

    /// `debounce` is how long a change waits for the next before it is checked. Checks run
    /// one at a time on their own queue, and a check whose buffer changed again before it
    /// started is skipped, so changes typed while a check runs are folded into one check of
    /// the newest text: a slow check never queues up work behind the typing.
    public init(rulesURI: String?, debounce: TimeInterval = 0.005, send: @escaping @Sendable ([String: Any]) -> Void) {
        self.rulesURI = rulesURI
        self.debounce = debounce
        self.send = send
    }

    /// Handles one message body from the client.
    public func receive(_ body: Data) {
        guard let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            reply(id: NSNull(), error: (-32700, "the message is not a JSON object"))
            return
        }
        let method = message["method"] as? String ?? ""
        let params = message["params"] as? [String: Any] ?? [:]
        guard let id = message["id"] else {
            notification(method, params)
            return
        }
        if shutdownRequested, method != "exit" {
            reply(id: id, error: (-32600, "the server is shutting down"))
            return
        }
        switch method {
        case "initialize": reply(id: id, result: Self.initializeResult)
        case "shutdown":
            shutdownRequested = true
            checks.sync {}
            reply(id: id, result: NSNull())
        case "textDocument/completion": reply(id: id, result: lookup(params) { $0.completion(in: $1, line: $2, character: $3) })
        case "textDocument/hover": reply(id: id, result: lookup(params) { $0.hover(in: $1, line: $2, character: $3) })
        case "textDocument/definition": reply(id: id, result: lookup(params) { $0.definition(in: $1, line: $2, character: $3) })
        case "textDocument/references":
            let declaration = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
            reply(id: id, result: lookup(params) { $0.references(in: $1, line: $2, character: $3, declaration: declaration) })
        case "textDocument/documentSymbol": reply(id: id, result: lookup(params) { _, buffer, _, _ in PlanLookup.documentSymbols(in: buffer) })
        case "textDocument/codeAction": reply(id: id, result: codeActions(params))
        default: reply(id: id, error: (-32601, "unknown method \"\(method)\""))
        }
    }

    static var initializeResult: [String: Any] { [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "completionProvider": ["triggerCharacters": [" ", "-", ":"]],
            "hoverProvider": true,
            "definitionProvider": true,
            "referencesProvider": true,
            "documentSymbolProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ] as [String: Any],
        "serverInfo": ["name": "smsplan"],
    ] }

    private func notification(_ method: String, _ params: [String: Any]) {
        let document = params["textDocument"] as? [String: Any] ?? [:]
        guard let uri = document["uri"] as? String else {
            if method == "exit" { exitCode = shutdownRequested ? 0 : 1 }
            return
        }
        switch method {
        case "textDocument/didOpen":
            update(uri) { _ in TextBuffer(document["text"] as? String ?? "") }
            schedule(uri, history: false, delay: 0)
        case "textDocument/didChange":
            let changes = params["contentChanges"] as? [[String: Any]] ?? []
            update(uri) { buffer in
                var buffer = buffer ?? TextBuffer("")
                for change in changes {
                    let text = change["text"] as? String ?? ""
                    guard let range = change["range"] as? [String: Any] else {
                        buffer = TextBuffer(text)
                        continue
                    }
                    buffer.replace(from: Self.position(range["start"]), to: Self.position(range["end"]), with: text)
                }
                return buffer
            }
            schedule(uri, history: false, delay: debounce)
        case "textDocument/didSave":
            lock.withLock { lookups = [:] }
            schedule(uri, history: true, delay: 0)
        case "textDocument/didClose":
            update(uri) { _ in nil }
            lock.withLock { published[uri] = nil }
            publish(uri, [])
        default: break
        }
    }

    private func update(_ uri: String, _ change: (TextBuffer?) -> TextBuffer?) {
        lock.withLock {
            buffers[uri] = change(buffers[uri])
            generations[uri, default: 0] += 1
        }
    }

    /// Checks the buffer after `delay` unless it changed again meanwhile.
    private func schedule(_ uri: String, history: Bool, delay: TimeInterval) {
        let generation = lock.withLock { generations[uri, default: 0] }
        checks.asyncAfter(deadline: .now() + delay) { [self] in
            guard let (buffer, current) = lock.withLock({ buffers[uri].map { ($0, generations[uri, default: 0]) } }),
                current == generation, let file = URL(string: uri), file.isFileURL
            else { return }
            // One plan at a time in memory: the look-ups' copy goes before the check reads
            // the plan again, and the check's plan takes its place.
            let folder = file.deletingLastPathComponent().path
            lock.withLock { lookups = [:] }
            let outcome = BufferCheck.check(file: file, text: buffer.text, history: history)
            if let plan = outcome.plan { lock.withLock { lookups = [folder: PlanLookup(plan: plan)] } }
            if !outcome.inRepository, firstTimeOutsideGit() {
                send(["jsonrpc": "2.0", "method": "window/showMessage", "params": [
                    "type": 2,
                    "message": "smsplan: \(file.lastPathComponent) is not in a git repository; only the single-document rules are checked",
                ] as [String: Any]])
            }
            let latest = lock.withLock {
                let latest = generations[uri, default: 0] == generation
                if latest { published[uri] = (buffer.text, outcome.diagnostics) }
                return latest
            }
            guard latest else { return }
            publish(uri, outcome.diagnostics.map { lspDiagnostic($0, in: buffer) })
        }
    }

    /// True the first time only: the client is told once that a file is outside git.
    private func firstTimeOutsideGit() -> Bool {
        lock.withLock {
            defer { toldOutsideGit = true }
            return !toldOutsideGit
        }
    }

    private func lspDiagnostic(_ diagnostic: Diagnostic, in buffer: TextBuffer) -> [String: Any] {
        let start = buffer.position(line: diagnostic.line, column: diagnostic.column)
        var result: [String: Any] = [
            "range": ["start": ["line": start.line, "character": start.character], "end": ["line": start.line, "character": start.character]],
            "severity": Self.severityCodes[diagnostic.severity] ?? 1,
            "code": diagnostic.rule.rawValue,
            "source": "smsplan",
            "message": diagnostic.message,
        ]
        if let rulesURI { result["codeDescription"] = ["href": "\(rulesURI)#\(diagnostic.rule.rawValue)"] }
        return result
    }

    private func publish(_ uri: String, _ diagnostics: [[String: Any]]) {
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": diagnostics] as [String: Any]])
    }

    /// Runs a lookup on the plan around the document, with its buffer and the position.
    private func lookup(_ params: [String: Any], _ body: (PlanLookup, TextBuffer, Int, Int) -> Any?) -> Any {
        let document = params["textDocument"] as? [String: Any] ?? [:]
        guard let uri = document["uri"] as? String, let file = URL(string: uri), file.isFileURL else { return NSNull() }
        let position = Self.position(params["position"])
        let folder = file.deletingLastPathComponent().path
        let (buffer, cached) = lock.withLock { (buffers[uri], lookups[folder]) }
        let plan = cached ?? PlanLookup.load(around: file)
        lock.withLock { lookups = [folder: plan] }
        let text = buffer ?? TextBuffer((try? String(contentsOf: file, encoding: .utf8)) ?? "")
        return body(plan, text, position.line, position.character) ?? NSNull()
    }

    /// The quick fixes for the findings on the lines of the request's range, each with its
    /// finding and the one text edit that makes it.
    private func codeActions(_ params: [String: Any]) -> Any {
        let document = params["textDocument"] as? [String: Any] ?? [:]
        let only = (params["context"] as? [String: Any])?["only"] as? [String]
        guard only?.contains(where: { "quickfix".hasPrefix($0) || $0.hasPrefix("quickfix") }) ?? true,
            let uri = document["uri"] as? String, let file = URL(string: uri), file.isFileURL
        else { return [Any]() }
        let range = params["range"] as? [String: Any] ?? [:]
        let first = Self.position(range["start"]).line, last = Self.position(range["end"]).line
        let (buffer, checked) = lock.withLock { (buffers[uri], published[uri]) }
        guard let buffer, let checked, checked.text == buffer.text else { return [Any]() }
        let hits = checked.diagnostics.filter { (first...max(first, last)).contains($0.line - 1) }
        guard !hits.isEmpty else { return [Any]() }
        let plan = lookup(params) { plan, _, _, _ in plan.plan } as? Plan
        var actions: [[String: Any]] = []
        for diagnostic in hits {
            let fixes = QuickFixes(text: buffer.text, path: diagnostic.path, plan: plan, today: PlanDate(Date())).fixes(for: diagnostic)
            for fix in fixes {
                let edit = buffer.edit(to: fix.text)
                let textEdit: [String: Any] = [
                    "range": ["start": ["line": edit.start.line, "character": edit.start.character],
                              "end": ["line": edit.end.line, "character": edit.end.character]],
                    "newText": edit.text,
                ]
                actions.append(["title": fix.title, "kind": "quickfix", "isPreferred": fix.preferred,
                                "diagnostics": [lspDiagnostic(diagnostic, in: buffer)],
                                "edit": ["changes": [uri: [textEdit]]]])
            }
        }
        return actions
    }

    private static func position(_ value: Any?) -> (line: Int, character: Int) {
        let position = value as? [String: Any] ?? [:]
        return (position["line"] as? Int ?? 0, position["character"] as? Int ?? 0)
    }

    private func reply(id: Any, result: Any) {
        send(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private func reply(id: Any, error: (code: Int, message: String)) {
        send(["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message] as [String: Any]])
    }
}
