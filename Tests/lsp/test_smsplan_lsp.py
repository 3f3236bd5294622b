"""`smsplan lsp` through pytest-lsp, a real LSP client, on a plan made by `smsplan init --example`.

The environment names the binary (SMSPLAN) and the plan repository (SMSPLAN_PLAN);
scripts/check-lsp sets both.
"""
import json
import os
import pathlib
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

PLAN = pathlib.Path(os.environ["SMSPLAN_PLAN"])
POLICY = PLAN / "policies" / "budgeting-and-accounting-policy.md"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[os.environ["SMSPLAN"], "lsp"]))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=PLAN.as_uri())
    )
    sync = result.capabilities.text_document_sync
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert result.capabilities.hover_provider and result.capabilities.definition_provider
    assert result.capabilities.completion_provider is not None
    assert result.capabilities.references_provider and result.capabilities.document_symbol_provider
    assert list(result.capabilities.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]
    yield
    # Every test leaves the plan as committed.
    subprocess.run(["git", "-C", str(PLAN), "checkout", "--quiet", "--", "."], check=True)
    await lsp_client.shutdown_session()
    assert lsp_client._server.returncode == 0


def open_document(client: LanguageClient, path: pathlib.Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=text)
        )
    )
    return path.as_uri(), text


async def next_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return list(params.diagnostics)


def line_of(text: str, prefix: str) -> int:
    return next(index for index, line in enumerate(text.split("\n")) if line.startswith(prefix))


async def test_an_edit_introduces_and_then_removes_an_unknown_clause(client: LanguageClient):
    uri, text = open_document(client, POLICY)
    assert await next_diagnostics(client, uri) == []

    line = line_of(text, "satisfies:")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line, 13), end=types.Position(line, 16)), text="9.99"
                )
            ],
        )
    )
    broken = await next_diagnostics(client, uri)
    assert [(d.code, d.range.start.line, d.severity) for d in broken] == [
        ("requirement-unknown", line, types.DiagnosticSeverity.Error)
    ]
    assert "\"9.99\"" in broken[0].message
    assert broken[0].code_description.href.endswith("rules.md#requirement-unknown")

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    assert await next_diagnostics(client, uri) == []


async def test_completion_of_clause_ids_and_roles(client: LanguageClient):
    uri, text = open_document(client, POLICY)
    document = types.TextDocumentIdentifier(uri=uri)
    clauses = await client.text_document_completion_async(
        types.CompletionParams(text_document=document, position=types.Position(line_of(text, "satisfies:"), 13))
    )
    assert {item.label: item.detail for item in clauses.items}["6.4"] == "Budgeting and accounting for services"
    roles = await client.text_document_completion_async(
        types.CompletionParams(text_document=document, position=types.Position(line_of(text, "approved-by:"), 13))
    )
    assert {item.label: item.detail for item in roles.items}["top-management"] == "Top management"


async def test_hover_on_a_clause_id(client: LanguageClient):
    uri, text = open_document(client, POLICY)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line_of(text, "satisfies:"), 14))
    )
    assert hover.contents.value.startswith("**6.4 Budgeting and accounting for services**")
    assert "coverage: covered" in hover.contents.value


async def test_definition_of_a_document_id(client: LanguageClient):
    path = PLAN / "records" / "management-review-2026-11-correction.md"
    uri, text = open_document(client, path)
    location = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line_of(text, "corrects:"), 12))
    )
    assert pathlib.Path(location.uri.removeprefix("file://")).resolve() == (PLAN / "records" / "management-review-2026-11.md").resolve()


async def test_references_of_a_document_id_and_of_a_role(client: LanguageClient):
    path = PLAN / "records" / "management-review-2026-11-correction.md"
    uri, text = open_document(client, path)
    document = types.TextDocumentIdentifier(uri=uri)
    line = line_of(text, "corrects:")
    references = await client.text_document_references_async(
        types.ReferenceParams(text_document=document, position=types.Position(line, 12),
                              context=types.ReferenceContext(include_declaration=True))
    )
    found = sorted((pathlib.Path(r.uri.removeprefix("file://")).resolve(), r.range.start.line) for r in references)
    assert ((PLAN / "records" / "management-review-2026-11.md").resolve(), 1) in found
    assert (path.resolve(), line) in found
    for reference in references:
        lines = pathlib.Path(reference.uri.removeprefix("file://")).read_text(encoding="utf-8").split("\n")
        start, end = reference.range.start, reference.range.end
        assert lines[start.line][start.character:end.character] == "REC-016" or "REC-" in lines[start.line]

    owners = await client.text_document_references_async(
        types.ReferenceParams(text_document=document, position=types.Position(line_of(text, "owner:"), 9),
                              context=types.ReferenceContext(include_declaration=False))
    )
    role = text.split("\n")[line_of(text, "owner:")].split(":", 1)[1].strip()
    assert len(owners) > 1
    for reference in owners:
        lines = pathlib.Path(reference.uri.removeprefix("file://")).read_text(encoding="utf-8").split("\n")
        start, end = reference.range.start, reference.range.end
        assert lines[start.line][start.character:end.character] == role


async def test_document_symbols_are_the_front_matter_keys_and_the_headings(client: LanguageClient):
    uri, text = open_document(client, POLICY)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    front, title = symbols[0], symbols[1]
    assert front.name == "front matter"
    assert [child.name for child in front.children][:4] == ["id", "title", "type", "version"]
    assert title.name == "Budgeting and accounting policy for services"
    assert [child.name for child in title.children] == ["Purpose", "Scope", "Policy statements", "Roles", "Review"]
    assert title.children[1].selection_range.start.line == line_of(text, "## Scope")


CASES = json.loads((pathlib.Path(__file__).parent / "quickfixes.json").read_text(encoding="utf-8"))["cases"]


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Applies LSP text edits (UTF-16 positions) to text, the last first."""
    def offset(position: types.Position) -> int:
        lines = text.split("\n")
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2]
        return before + len(units.decode("utf-16-le"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def check_findings(relative: str) -> list[str]:
    report = subprocess.run([os.environ["SMSPLAN"], "check", "--format", "json"], cwd=PLAN, capture_output=True, text=True)
    return [f"{d['rule']} {d['line']}: {d['message']}" for d in json.loads(report.stdout)["diagnostics"] if d["path"] == relative]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
async def test_each_quick_fix_leaves_the_file_checking_clean(client: LanguageClient, case):
    path = PLAN / case["path"]
    uri, text = open_document(client, path)
    assert await next_diagnostics(client, uri) == []
    broken = text
    for old, new in case["edits"]:
        assert old in broken
        broken = broken.replace(old, new, 1)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=broken)],
        )
    )
    diagnostics = await next_diagnostics(client, uri)
    if case["save"]:
        path.write_text(broken, encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
        diagnostics = await next_diagnostics(client, uri)
    finding = next(d for d in diagnostics if d.code == case["rule"])

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=finding.range,
                               context=types.CodeActionContext(diagnostics=[finding]))
    )
    action = next(a for a in actions if a.title.startswith(case["fix"]))
    assert action.kind == types.CodeActionKind.QuickFix
    assert [d.code for d in action.diagnostics] == [case["rule"]]
    edits = action.edit.changes[uri]
    assert len(edits) == 1
    fixed = apply_edits(broken, edits)
    # The edit is minimal: every line it does not touch stays byte for byte.
    touched = range(edits[0].range.start.line, edits[0].range.end.line + 1)
    broken_lines, fixed_lines = broken.split("\n"), fixed.split("\n")
    added = len(fixed_lines) - len(broken_lines)
    assert broken_lines[: touched.start] == fixed_lines[: touched.start]
    assert broken_lines[touched.stop:] == fixed_lines[touched.stop + added:]

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    assert [d.code for d in await next_diagnostics(client, uri)] == []
    path.write_text(fixed, encoding="utf-8")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in await next_diagnostics(client, uri)] == []
    assert check_findings(case["path"]) == []
