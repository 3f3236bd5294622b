"""`smsplan lsp` through pytest-lsp, a real LSP client, on a plan made by `smsplan init --example`.

The environment names the binary (SMSPLAN) and the plan repository (SMSPLAN_PLAN);
scripts/check-lsp sets both.
"""
import os
import pathlib

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
    yield
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
