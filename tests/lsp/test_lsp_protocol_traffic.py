"""``mtfix server`` under the protocol traffic of real editors, broken ones too (session 28): every request
gets an answer, nothing the client sends crashes the server, hangs it or shows the user a Python error, and
the diagnostics always end up matching the editor's last text.  JSON-RPC framing is driven by a raw stdio
client (:mod:`tests.lsp.raw_client`), the rest by the same pygls client as the other LSP tests."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
from lsp_harness import Harness, workspace  # noqa: E402
from raw_client import RawClient  # noqa: E402

from mtfix.config import Config  # noqa: E402
from mtfix.lsp.workspace import build_document  # noqa: E402
from mtfix.pipeline import Pipeline  # noqa: E402

TEXT = "The talks about the the border went on.\n"
METHOD_NOT_FOUND, INVALID_PARAMS, INVALID_REQUEST, PARSE_ERROR = -32601, -32602, -32600, -32700


def expected(text: str) -> list[tuple[str, int, int]]:
    return sorted((f.code, f.start, f.end)
                  for f in Pipeline(Config(grammar="off")).check(build_document(text, None, "text")).findings)


def spans(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int]]:
    return sorted((str(d.code), d.data["start"], d.data["end"]) for d in diagnostics)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 240))


def open_doc(c: RawClient, uri: str, text: str, version: int = 1) -> None:
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": version,
                                                       "text": text}})


def published(c: RawClient, uri: str, version: int | None = None) -> dict:
    return c.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri and (version is None or m["params"].get("version") == version))


def code_action_params(uri: str) -> dict:
    return {"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0},
                                                    "end": {"line": 0, "character": 3}}, "context": {"diagnostics": []}}


def no_server_errors(c: RawClient) -> None:
    assert not [m for m in c.messages() if "Error in server" in m or "Traceback" in m], c.messages()


def test_every_request_gets_an_answer_whatever_its_params(tmp_path: Path) -> None:
    """A request for a method the server does not serve is MethodNotFound, params or none; a request whose params
    do not fit its method is InvalidParams, with its id (until session 28 neither got an answer, so the editor
    waited for ever, and the user saw "Error in server: Invalid Params")."""
    c = RawClient(workspace(tmp_path))
    assert "result" in c.initialize()
    uri = (c.root / "a.txt").as_uri()
    open_doc(c, uri, TEXT)
    published(c, uri, 1)
    # (textDocument/hover until session 40, which serves it: a glossary name's entry)
    definition = c.call("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    assert definition["error"]["code"] == METHOD_NOT_FOUND
    assert c.call("$/mtfixNoSuchThing", {})["error"]["code"] == METHOD_NOT_FOUND
    assert c.call("mtfix/noSuchMethod")["error"]["code"] == METHOD_NOT_FOUND  # no params at all
    assert c.call("workspace/symbol")["error"]["code"] == METHOD_NOT_FOUND  # an LSP method not served
    bad = c.call("textDocument/codeAction", {"bogus": 1})
    assert bad["error"]["code"] == INVALID_PARAMS and "textDocument/codeAction" in bad["error"]["message"]
    assert c.call("textDocument/codeAction")["error"]["code"] == INVALID_PARAMS
    assert "result" in c.call("textDocument/codeAction", code_action_params(uri))  # and it goes on
    no_server_errors(c)
    assert "result" in c.call("shutdown")
    # after shutdown, a request is refused whatever its params
    assert c.call("textDocument/codeAction", {"bogus": 1})["error"]["code"] == INVALID_REQUEST
    assert c.call("textDocument/hover", {})["error"]["code"] == INVALID_REQUEST
    c.notify("exit")
    code, stderr = c.finish()
    assert code == 0 and "Traceback" not in stderr


def test_cancel_set_trace_and_odd_notifications_are_ignored_quietly(tmp_path: Path) -> None:
    c = RawClient(workspace(tmp_path))
    c.initialize()
    uri = (c.root / "a.txt").as_uri()
    open_doc(c, uri, TEXT)
    published(c, uri, 1)
    # a request cancelled at once: an answer (its result or RequestCancelled) either way, never silence
    pending = c.request("textDocument/codeAction", code_action_params(uri))
    c.notify("$/cancelRequest", {"id": pending})
    answer = c.answer(pending)
    assert "result" in answer or answer["error"]["code"] == -32800
    # one cancelled while the document's check runs (a long text): the check still ends in diagnostics
    big = TEXT * 3000
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": big}]})
    pending = c.request("textDocument/codeAction", code_action_params(uri))
    c.notify("$/cancelRequest", {"id": pending})
    answer = c.answer(pending)
    assert "result" in answer or answer["error"]["code"] == -32800
    assert spans_of(published(c, uri, 2)) == expected(big)
    c.notify("$/cancelRequest", {"id": 4242})  # one long finished or never sent
    c.notify("$/cancelRequest", {"id": pending})  # again, long after its answer
    c.notify("$/setTrace", {"value": "verbose"})
    c.notify("$/setTrace", {"value": "off"})
    c.notify("$/setTrace", {})  # missing its value
    c.notify("$/someClientThing", {"x": 1})
    c.notify("someClient/unknownNotification")
    c.notify("textDocument/didOpen", {})  # missing params
    c.notify("textDocument/didOpen")
    c.notify("textDocument/didClose", {"textDocument": {}})
    c.notify("workspace/didChangeWatchedFiles")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9},  # a negative column
                                        "contentChanges": [{"range": {"start": {"line": 0, "character": -1},
                                                                      "end": {"line": 0, "character": 2}},
                                                            "text": "W"}]})
    assert c.call("workspace/symbol", {"query": "talks"})["error"]["code"] == METHOD_NOT_FOUND
    # extra keys (a newer client's fields) are read as if absent
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3, "futureField": True},
                                        "contentChanges": [{"text": TEXT + "It went on and on.\n", "x": 1}],
                                        "extra": 5})
    after = published(c, uri, 3)
    assert spans_of(after) == expected(TEXT + "It went on and on.\n")
    no_server_errors(c)
    assert "result" in c.call("shutdown")
    c.notify("exit")
    code, stderr = c.finish()
    assert code == 0 and "Traceback" not in stderr
    assert "Cancel notification" not in stderr  # editors cancel answered requests all the time: no warning


def spans_of(publication: dict) -> list[tuple[str, int, int]]:
    return sorted((d["code"], d["data"]["start"], d["data"]["end"]) for d in publication["params"]["diagnostics"])


def test_a_body_that_is_not_json_or_a_wrong_length_is_survived(tmp_path: Path) -> None:
    """A body that is not JSON gets a ParseError answer (id null, as JSON-RPC says) and no message box; after a
    wrong Content-Length the server finds the next message's header and goes on (until session 28 it read
    every later header glued to the body before it, and was deaf for the rest of the session)."""
    c = RawClient(workspace(tmp_path))
    c.initialize()
    c.frame(b"{this is not json")
    assert c.wait_for(lambda m: "id" in m and m["id"] is None)["error"]["code"] == PARSE_ERROR  # "id": null
    c.frame(b"[1, 2, 3]")
    c.frame(b'"a string"')
    c.frame(b"\xff\xfe\x00 not utf-8")
    c.frame(b'{"jsonrpc": "2.0", "id": 77}')  # an answer to nothing
    c.frame(b'{"jsonrpc": "2.0", "id": 78, "method": 5}')
    c.frame(b'{"id": 79, "method": "textDocument/codeAction"}')  # no "jsonrpc": "2.0"
    assert c.answer(79)["error"]["code"] == INVALID_REQUEST
    uri = (c.root / "a.txt").as_uri()
    whole = b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "%s", ' \
            b'"languageId": "plaintext", "version": 1, "text": "x"}}}' % uri.encode()
    c.frame(whole, length=len(whole) - 10)  # too short: the rest is left in front of the next header
    assert "result" in c.call("textDocument/codeAction", code_action_params(uri), timeout=30)
    open_doc(c, uri, TEXT, 2)
    assert spans_of(published(c, uri, 2)) == expected(TEXT)
    no_server_errors(c)
    assert "result" in c.call("shutdown")
    c.notify("exit")
    code, stderr = c.finish()
    assert code == 0 and "Traceback" not in stderr


def test_exit_without_shutdown_and_a_closed_stdin(tmp_path: Path) -> None:
    """``exit`` without ``shutdown``: 1, as LSP says; standard input closed by a client that went away
    (no exit at all): the server ends too, quietly."""
    c = RawClient(workspace(tmp_path))
    c.initialize()
    c.notify("exit")
    code, stderr = c.finish()
    assert code == 1 and "Traceback" not in stderr
    (tmp_path / "two").mkdir()
    c = RawClient(workspace(tmp_path / "two"))
    c.initialize()
    uri = (c.root / "a.txt").as_uri()
    open_doc(c, uri, TEXT)
    published(c, uri, 1)
    open_doc(c, (c.root / "b.txt").as_uri(), TEXT * 5000)  # its check still running when the client goes
    code, stderr = c.finish()
    assert code == 0 and not stderr.strip(), stderr


def test_did_change_storms_end_with_the_diagnostics_of_the_last_text(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        uri = (root / "a.txt").as_uri()
        h.open(uri, TEXT)
        await h.diagnostics(uri, 1)
        # 200 keystrokes, each an incremental change at the end of the text
        text = TEXT
        for i in range(2, 202):
            ch = "the " if i % 10 else "\n"
            line = text.count("\n")
            col = len(text) - (text.rfind("\n") + 1)
            h.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=i),
                content_changes=[types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(line, col), types.Position(line, col)), text=ch)]))
            text += ch
        last = await h.diagnostics(uri, 201)
        assert spans(last.diagnostics) == expected(text)
        # a change to a document never opened, and one after a close: ignored; a second open starts afresh
        other = (root / "b.txt").as_uri()
        h.change(other, TEXT, 5)
        h.open(other, TEXT)
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(other)))
        h.change(other, "x", 2)
        h.open(other, "Nothing wrong here.\n", version=3)
        h.open(other, TEXT + TEXT, version=4)  # opened twice: the second text wins
        b = await h.diagnostics(other, 4)
        assert spans(b.diagnostics) == expected(TEXT + TEXT)
        # versions out of order (a client's bug): the text is the last one sent, and so are the diagnostics
        n = len(h.published)
        h.change(uri, "Fine words.\n", 300)
        h.change(uri, TEXT, 250)
        back = await h.diagnostics(uri, 250, after=n)
        assert spans(back.diagnostics) == expected(TEXT)
        await asyncio.sleep(0.5)
        assert [p.version for p in h.published[n:] if p.uri == uri][-1] == 250
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


def test_odd_documents_and_uris(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    missing = tmp_path / "not-a-folder"
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")

    async def scenario() -> None:
        h = Harness(root)
        await h.start()
        h.client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            types.WorkspaceFoldersChangeEvent(added=[types.WorkspaceFolder(missing.as_uri(), "gone"),
                                                     types.WorkspaceFolder(a_file.as_uri(), "file")], removed=[])))
        huge = ("the the border " * 70_000)[:1_000_000]  # one line of 1 MB
        cases = {
            (root / "huge.txt").as_uri(): huge,
            (root / "binary.txt").as_uri(): "PK\x03\x04\x00\x00\x14\x00\x08\x08\ufffd\ufffd\x7f\x1b[0m " + TEXT,
            root.as_uri() + "/my%20notes%2B%C3%A7a.txt": TEXT,
            root.as_uri() + "/%E6%97%A5%E6%9C%AC/caf%C3%A9 raw space.txt": TEXT,
            "untitled:Untitled-1": TEXT,
            (tmp_path / "nowhere" / "deleted.txt").as_uri(): TEXT,
            "file://fileserver/share/notes.txt": TEXT,  # a UNC path
            "file:relative.txt": TEXT,
            root.as_uri() + "/%ZZ-not-an-escape.txt": TEXT,
            "not a uri at all": TEXT,
        }
        for uri, text in cases.items():
            h.open(uri, text)
        for uri, text in cases.items():
            got = await h.diagnostics(uri, 1, timeout=200)
            if uri.endswith("huge.txt"):
                assert any(d.code == "MTF105" for d in got.diagnostics)
            else:
                assert spans(got.diagnostics) == expected(text), uri
        assert not [m for m in h.messages if "Error in server" in m], h.messages
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr

    run(scenario())


def test_a_broken_settings_file_is_named_and_the_defaults_serve(tmp_path: Path) -> None:
    """The server started in a workspace whose settings file does not parse: one message naming the file and
    why, and the diagnostics of the defaults."""
    cases = (("mtfix.toml", b"ignore = [\n", "not valid TOML"), ("pyproject.toml", b"[tool.mtfix]\nselect = 5\n", "select"),
             ("mtfix.toml", b"ignore = [\"caf\xe9\"]\n", "not valid UTF-8"), ("mtfix.toml", None, "a folder"))
    for i, (name, content, reason) in enumerate(cases):
        (tmp_path / str(i)).mkdir()
        root = workspace(tmp_path / str(i))
        if content is None:  # a settings file that cannot be read
            (root / name).mkdir()
        else:
            (root / name).write_bytes(content)

        async def scenario(root: Path = root, name: str = name, reason: str = reason) -> None:
            h = Harness(root)
            await h.start()
            uri, diags = await h.open_checked("a.txt", TEXT)
            assert spans(diags) == expected(TEXT)
            assert len([m for m in h.messages if f"{root / name}" in m and reason in m]) == 1, h.messages
            assert await h.stop() == 0

        run(scenario())


def test_traffic_before_initialize(tmp_path: Path) -> None:
    """LSP: before ``initialize`` a request is refused with ServerNotInitialized (-32002) and a notification
    dropped (until session 28 a ``didOpen`` sent first showed "Error in server: RuntimeError: The workspace is
    not available")."""
    c = RawClient(workspace(tmp_path))
    uri = (c.root / "a.txt").as_uri()
    assert c.call("textDocument/codeAction", code_action_params(uri))["error"]["code"] == -32002
    open_doc(c, uri, "Dropped text.\n")
    c.notify("$/setTrace", {"value": "off"})
    assert "result" in c.initialize()
    open_doc(c, uri, TEXT, 2)
    assert spans_of(published(c, uri, 2)) == expected(TEXT)
    no_server_errors(c)
    assert "result" in c.call("shutdown")
    c.notify("exit")
    code, stderr = c.finish()
    assert code == 0 and "Traceback" not in stderr
