import Foundation
import TestSupport
import XCTest

/// `smsplan lsp` driven over stdio as an editor drives it, on the example plan.
final class LSPCommandTests: XCTestCase {
    private var repository: TestRepository!
    private let policy = "policies/budgeting-and-accounting-policy.md"

    override func setUpWithError() throws {
        repository = try TestRepository()
        let created = try SMSPlanBinary.run(["init", ".", "--example", "--commit"], in: repository.directory,
                                            environment: repository.childEnvironment)
        XCTAssertEqual(created.status, 0, created.errors)
    }

    override func tearDown() {
        repository?.remove()
    }

    private func start(in folder: URL? = nil) throws -> LSPClient {
        let client = try LSPClient(in: folder ?? repository.directory, environment: repository.childEnvironment)
        let initialized = try client.request("initialize", ["processId": NSNull(), "rootUri": repository.directory.absoluteString, "capabilities": [:]])
        let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any] ?? [:]
        XCTAssertEqual((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int, 2, "incremental sync")
        XCTAssertEqual((capabilities["textDocumentSync"] as? [String: Any])?["openClose"] as? Bool, true)
        XCTAssertNotNil(capabilities["completionProvider"] as? [String: Any])
        XCTAssertEqual(capabilities["hoverProvider"] as? Bool, true)
        XCTAssertEqual(capabilities["definitionProvider"] as? Bool, true)
        try client.notify("initialized")
        return client
    }

    private func open(_ path: String, _ client: LSPClient) throws -> (uri: String, text: String) {
        let uri = repository.url(path).absoluteString
        let text = try String(contentsOf: repository.url(path), encoding: .utf8)
        try client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]])
        return (uri, text)
    }

    /// `smsplan check`'s findings about one file, as (rule, 0-based line, LSP severity).
    private func checkFindings(_ path: String) throws -> [String] {
        let report = try SMSPlanBinary.run(["check", "--format", "json"], in: repository.directory, environment: repository.childEnvironment)
        let json = try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any] ?? [:]
        return (json["diagnostics"] as? [[String: Any]] ?? []).filter { $0["path"] as? String == path }.map {
            "\($0["rule"] as? String ?? "") \(($0["line"] as? Int ?? 0) - 1) \($0["severity"] as? String == "error" ? 1 : 2)"
        }.sorted()
    }

    private func summary(_ diagnostics: [[String: Any]]) -> [String] {
        diagnostics.map { diagnostic in
            let line = ((diagnostic["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int ?? -1
            return "\(diagnostic["code"] as? String ?? "") \(line) \(diagnostic["severity"] as? Int ?? 0)"
        }.sorted()
    }

    func testAnEditThatBreaksAndRepairsAClauseIdGivesTheFindingsOfCheckAndThenNone() throws {
        let client = try start()
        let (uri, text) = try open(policy, client)
        XCTAssertEqual(summary(try client.diagnostics(for: uri)), try checkFindings(policy))

        // satisfies: ["6.4"] is line 12 (0-based); "6.4" starts after `satisfies: ["`.
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("satisfies:") }!
        XCTAssertEqual(line, 12)
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": line, "character": 13], "end": ["line": line, "character": 16]], "text": "9.99"]],
        ])
        let broken = try client.diagnostics(for: uri)
        let edited = text.replacingOccurrences(of: "satisfies: [\"6.4\"]", with: "satisfies: [\"9.99\"]")
        try edited.write(to: repository.url(policy), atomically: true, encoding: .utf8)
        let expected = try checkFindings(policy)
        XCTAssertTrue(expected.contains("requirement-unknown 12 1"), "\(expected)")
        // The history rules (an approved document's content changed since HEAD) wait for a save.
        XCTAssertTrue(expected.contains("approved-content-changed 4 1"), "\(expected)")
        XCTAssertEqual(summary(broken), expected.filter { !$0.hasPrefix("approved-content-changed ") })
        let unknown = try XCTUnwrap(broken.first { ($0["message"] as? String)?.contains("9.99") == true }, "\(broken)")
        let href = try XCTUnwrap((unknown["codeDescription"] as? [String: Any])?["href"] as? String)
        XCTAssertTrue(href.hasSuffix("rules.md#requirement-unknown"), href)
        XCTAssertEqual(unknown["source"] as? String, "smsplan")
        try client.notify("textDocument/didSave", ["textDocument": ["uri": uri]])
        XCTAssertEqual(summary(try client.diagnostics(for: uri)), expected)

        try text.write(to: repository.url(policy), atomically: true, encoding: .utf8)
        try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3], "contentChanges": [["text": text]]])
        let repaired = try client.diagnostics(for: uri)
        XCTAssertEqual(summary(repaired), try checkFindings(policy))
        XCTAssertFalse(summary(repaired).contains { $0.hasPrefix("requirement-unknown ") })
        try stop(client)
    }

    func testCompletionOffersClauseIdsWithTitlesAndRolesWithNames() throws {
        let client = try start()
        let (uri, text) = try open(policy, client)
        let lines = text.components(separatedBy: "\n")
        let satisfies = lines.firstIndex { $0.hasPrefix("satisfies:") }!
        let owner = lines.firstIndex { $0.hasPrefix("owner:") }!

        let clauses = try items(client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": satisfies, "character": 13]]))
        XCTAssertEqual(clauses["6.4"], "Budgeting and accounting for services")
        XCTAssertEqual(clauses["4.1.1"], "Management commitment")
        XCTAssertNil(clauses["finance-manager"])

        let roles = try items(client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": owner, "character": 7]]))
        XCTAssertEqual(roles["top-management"], "Top management")
        XCTAssertEqual(roles["service-manager"], "Service manager")
        XCTAssertNil(roles["6.4"])

        // A document id for `corrects`, with its title and status.
        let correction = try open("records/management-review-2026-11-correction.md", client)
        let corrects = correction.text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("corrects:") }!
        let documents = try items(client.request("textDocument/completion", [
            "textDocument": ["uri": correction.uri], "position": ["line": corrects, "character": 10],
        ]))
        XCTAssertEqual(documents["POL-014"], "Budgeting and accounting policy for services · approved")

        // A new line in the front matter: the keys it lacks, required ones marked.
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": 2, "character": 0], "end": ["line": 3, "character": 0]], "text": "\n"]],
        ])
        let keys = try items(client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 0]]))
        XCTAssertEqual(keys["title"], "required", "the title line was removed")
        XCTAssertEqual(keys["distribution"], "optional")
        XCTAssertNil(keys["owner"], "owner is there already")
        try stop(client)
    }

    func testHoverOnAClauseIdShowsItsTitleSummaryAndCoverage() throws {
        let client = try start()
        let (uri, text) = try open(policy, client)
        let satisfies = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("satisfies:") }!
        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": satisfies, "character": 14]])
        let value = try XCTUnwrap(((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String, "\(hover)")
        XCTAssertTrue(value.hasPrefix("**6.4 Budgeting and accounting for services**"), value)
        XCTAssertTrue(value.contains("Service costs are budgeted and accounted for"), value)
        XCTAssertTrue(value.contains("coverage: covered"), value)
        XCTAssertTrue(value.contains("POL-014"), value)

        let owner = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("owner:") }!
        let role = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": owner, "character": 9]])
        let members = ((role["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? "\(role)"
        XCTAssertTrue(members.hasPrefix("**finance-manager**"), members)
        XCTAssertTrue(members.contains("members: "), members)
        try stop(client)
    }

    func testAFindingAfterAnEmojiSitsOnTheBadValueInUTF16Columns() throws {
        let client = try start()
        let (uri, text) = try open(policy, client)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("satisfies:") }!
        // Replace the whole line: `satisfies: ["\u{1F600}", "9.99"]`; the emoji is two UTF-16 units.
        let edited = "satisfies: [\"\u{1F600}\", \"9.99\"]"
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": line, "character": 0], "end": ["line": line + 1, "character": 0]], "text": edited + "\n"]],
        ])
        let diagnostics = try client.diagnostics(for: uri)
        let finding = try XCTUnwrap(diagnostics.first { ($0["message"] as? String)?.contains("\"9.99\"") == true }, "\(diagnostics)")
        let start = try XCTUnwrap((finding["range"] as? [String: Any])?["start"] as? [String: Any])
        XCTAssertEqual(start["line"] as? Int, line)
        let character = try XCTUnwrap(start["character"] as? Int)
        let after = String(decoding: Array(edited.utf16).dropFirst(character), as: UTF16.self)
        XCTAssertTrue(after.hasPrefix("\"9.99\"") || after.hasPrefix("9.99"), "the finding points at \"\(after)\"")
        try stop(client)
    }

    func testDefinitionOfADocumentIdIsItsFileAndHoverShowsItsTitleStatusAndPath() throws {
        let client = try start()
        let (uri, text) = try open("records/management-review-2026-11-correction.md", client)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("corrects: REC-001") }!
        let definition = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": line, "character": 12]])
        let target = try XCTUnwrap((definition["result"] as? [String: Any])?["uri"] as? String, "\(definition)")
        XCTAssertEqual(URL(string: target)?.standardizedFileURL.path, repository.url("records/management-review-2026-11.md").standardizedFileURL.path)

        let hover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": 12]])
        let value = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? "\(hover)"
        XCTAssertTrue(value.hasPrefix("**REC-001**"), value)
        XCTAssertTrue(value.contains("records/management-review-2026-11.md"), value)
        XCTAssertTrue(value.contains("status "), value)

        let owner = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("owner:") }!
        let role = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": owner, "character": 8]])
        let roles = try XCTUnwrap((role["result"] as? [String: Any])?["uri"] as? String, "\(role)")
        XCTAssertEqual(URL(string: roles)?.standardizedFileURL.path, repository.url("roles.yaml").standardizedFileURL.path)
        try stop(client)
    }

    func testAFileOutsideGitIsCheckedAloneAndTheEditorIsToldOnce() throws {
        let folder = repository.sandbox.appendingPathComponent("loose")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let client = try start(in: folder)
        let text = "---\nid: POL-001\ntitle: A note\n---\n# A note\n"
        for (index, name) in ["note.md", "other.md"].enumerated() {
            let uri = folder.appendingPathComponent(name).absoluteString
            try client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]])
            let diagnostics = try client.diagnostics(for: uri)
            XCTAssertTrue(diagnostics.contains { $0["code"] as? String == "field-missing" }, "\(diagnostics)")
            if index == 0 {
                let message = try client.wait("window/showMessage") { $0["method"] as? String == "window/showMessage" }
                let text = (message["params"] as? [String: Any])?["message"] as? String ?? ""
                XCTAssertTrue(text.contains("is not in a git repository"), text)
            }
        }
        try stop(client)
        XCTAssertFalse(client.unread.contains { $0["method"] as? String == "window/showMessage" }, "said once")
    }

    func testPositionsOutsideTheTextAndUnknownMethodsGetAnswersNotACrash() throws {
        let client = try start()
        let (uri, _) = try open(policy, client)
        _ = try client.diagnostics(for: uri)
        for position in [["line": -3, "character": -7], ["line": 10_000, "character": 99]] {
            for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition"] {
                let response = try client.request(method, ["textDocument": ["uri": uri], "position": position])
                XCTAssertNil(response["error"], "\(method) \(position): \(response)")
            }
        }
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": -1, "character": -1], "end": ["line": 99_999, "character": 5]], "text": "no front matter\n"]],
        ])
        XCTAssertTrue(try client.diagnostics(for: uri).contains { $0["code"] as? String == "front-matter-missing" })
        let unknown = try client.request("textDocument/formatting", ["textDocument": ["uri": uri]])
        XCTAssertEqual((unknown["error"] as? [String: Any])?["code"] as? Int, -32601, "\(unknown)")
        XCTAssertTrue(client.process.isRunning)
        try stop(client)
    }

    private func items(_ response: [String: Any]) throws -> [String: String] {
        let items = try XCTUnwrap((response["result"] as? [String: Any])?["items"] as? [[String: Any]], "\(response)")
        return Dictionary(items.map { ($0["label"] as? String ?? "", $0["detail"] as? String ?? "") }) { first, _ in first }
    }

    private func stop(_ client: LSPClient) throws {
        let shutdown = try client.request("shutdown")
        XCTAssertTrue(shutdown["result"] is NSNull, "\(shutdown)")
        try client.notify("exit")
        client.process.waitUntilExit()
        XCTAssertEqual(client.process.terminationStatus, 0)
    }
}
