"""Session 46 (the review experience for editors, round 29): what a keystroke costs the server, and what it must not
change.  Through the real LSP client (pygls over stdio): random edits (typed words, deletions, new paragraphs, the
slips MT leaves) sent as ranges give, for the final text, exactly the diagnostics a fresh full check of that text
gives (a hypothesis property: whatever the server keeps from the last check must never show); a burst of changes
within the debounce gives one check; a text typed and undone is published again for its new version.  In-process:
the diagnostics a document's memo takes again are those :func:`~mtfix.lsp.diagnostics.to_diagnostics` builds."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from editor_article import article, garbled_sentence  # noqa: E402
from lsp_harness import Harness, workspace  # noqa: E402
from test_lsp_incremental import Editor  # noqa: E402

#: our own article (bench/editor_article.py: slips every seventh sentence) with MT-phrased sentences in it
BASE = article(48) + "\n\n" + " ".join(garbled_sentence(k) for k in range(4)) + "\n"
#: what an editor types: words, the slips the rules know, sentence ends, a paragraph break, a name two ways
TYPED = st.sampled_from(["x", " the", " the the", " ,", " .", "\n\n", ". The", "river ", " Quay Street",
                         " Quai Street", "Teh ", " and and", "Mr. Okafor ", "Mr Okafor ", "", "**", "*a*"])
EDIT = st.tuples(st.floats(0, 1), st.integers(0, 14), TYPED)


def _plain(h: Harness, diags: list[types.Diagnostic], uri: str) -> list[Any]:
    """The diagnostics as JSON, without the document's version and with the document's URI as ``URI``."""
    out = []
    for d in h.client.protocol._converter.unstructure(diags):
        d.get("data", {}).pop("version", None)
        for r in d.get("relatedInformation") or ():
            if r["location"]["uri"] == uri:
                r["location"]["uri"] = "URI"
        out.append(d)
    return out


class _Server:
    """One server for every example of the property (an event loop kept across them)."""

    def __init__(self, root: Path):
        self.loop = asyncio.new_event_loop()
        self.h = Harness(root)
        self.loop.run_until_complete(self.h.start())
        self.n = 0

    def run(self, coro: Any) -> Any:
        return self.loop.run_until_complete(asyncio.wait_for(coro, 300))

    def close(self) -> None:
        try:
            self.run(self.h.stop())
        finally:
            self.loop.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    s = _Server(workspace(tmp_path_factory.mktemp("s46")))
    yield s
    s.close()


async def _edited_and_fresh(s: _Server, edits: list[tuple[float, int, str]], burst: bool) -> tuple[list, list, str]:
    """Open :data:`BASE`, send ``edits`` (one notification each, or all in one), and open the final text as a new
    document: (the edited document's diagnostics, the fresh document's, the final text)."""
    h = s.h
    s.n += 1
    uri = (h.root / f"edited{s.n}.md").as_uri()
    h.open(uri, BASE, "markdown")
    await h.diagnostics(uri, 1, timeout=120)
    ed = Editor(h, uri, BASE)
    spans = []
    for where, drop, typed in edits:
        at = round(where * len(ed.text))
        span = (at, min(len(ed.text), at + drop), typed)
        if burst:
            spans.append(span)
            ed.text = ed.text[:span[0]] + typed + ed.text[span[1]:]
        else:
            ed.change(span)
    if burst:  # the Editor's positions are of the text each edit finds: replay them on the text before
        final, ed.text = ed.text, BASE
        ed.change(*spans)
        assert ed.text == final
    got = (await h.diagnostics(uri, ed.version, timeout=120)).diagnostics
    fresh_uri = (h.root / f"fresh{s.n}.md").as_uri()
    h.open(fresh_uri, ed.text, "markdown")
    fresh = (await h.diagnostics(fresh_uri, 1, timeout=120)).diagnostics
    for u in (uri, fresh_uri):
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(u)))
    return _plain(h, got, uri), _plain(h, fresh, fresh_uri), ed.text


@settings(max_examples=14, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(EDIT, min_size=1, max_size=5), st.booleans())
def test_random_edits_give_a_fresh_full_checks_diagnostics(server: _Server, edits: list, burst: bool) -> None:
    got, fresh, text = server.run(_edited_and_fresh(server, edits, burst))
    assert got == fresh, f"edits {edits} (burst {burst}) gave other diagnostics than a full check of:\n{text}"


def test_a_word_typed_far_from_a_finding_keeps_its_diagnostic_and_moves_the_rest(server: _Server) -> None:
    """A word typed in the middle: the diagnostics before it are the same, those after it moved by the word, on
    their lines; and it is a full check's list (the property above, on the bench's own edit)."""
    middle = BASE.index("\n\n", len(BASE) // 2) - 1
    got, fresh, text = server.run(_edited_and_fresh(server, [(middle / len(BASE), 0, " again")], False))
    assert got == fresh and text == BASE[:middle] + " again" + BASE[middle:]
    assert len(got) > 10


def test_a_burst_of_changes_within_the_debounce_gives_one_check(tmp_path: Path) -> None:
    async def scenario() -> None:
        h = Harness(workspace(tmp_path), args=("--grammar", "off", "--debounce-ms", "400"))
        await h.start()
        try:
            uri = (h.root / "burst.md").as_uri()
            h.open(uri, BASE, "markdown")
            await h.diagnostics(uri, 1, timeout=120)
            before = len(h.published)
            ed = Editor(h, uri, BASE)
            at = BASE.index(" the ", len(BASE) // 2) + len(" the")
            for k, ch in enumerate(" the"):  # four keystrokes ("the the"), well within 400 ms of each other
                ed.change((at + k, at + k, ch))
            last = await h.diagnostics(uri, ed.version, after=before, timeout=120)
            await asyncio.sleep(0.6)  # nothing else comes
            mine = [p for p in h.published[before:] if p.uri == uri]
            assert [p.version for p in mine] == [ed.version], [p.version for p in mine]
            assert any(d.range.start.line == ed.text.count("\n", 0, at) and "the" in d.message
                       for d in last.diagnostics), "the doubled word typed has no diagnostic"
        finally:
            await h.stop()

    asyncio.run(scenario())


def test_a_text_typed_and_undone_is_published_for_its_new_version_unchanged(server: _Server) -> None:
    async def scenario() -> None:
        h = server.h
        uri = (h.root / "undone.md").as_uri()
        h.open(uri, BASE, "markdown")
        first = (await h.diagnostics(uri, 1, timeout=120)).diagnostics
        ed = Editor(h, uri, BASE)
        ed.change((10, 10, "xyz"))
        await h.diagnostics(uri, ed.version, timeout=120)
        ed.change((10, 13, ""))
        again = (await h.diagnostics(uri, ed.version, timeout=120)).diagnostics
        assert _plain(h, again, uri) == _plain(h, first, uri)
        assert all(d.data["version"] == ed.version for d in again)
        h.client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))

    server.run(scenario())


def test_the_memo_gives_what_building_gives_and_takes_the_unchanged_again() -> None:
    from mtfix.config import Config
    from mtfix.lsp.diagnostics import DiagnosticMemo, reading_sentences, to_diagnostics
    from mtfix.lsp.positions import LineIndex
    from mtfix.lsp.workspace import build_document
    from mtfix.pipeline import Pipeline

    pipeline, memo = Pipeline(Config(grammar="off")), DiagnosticMemo()
    text = BASE
    for version, edit in enumerate([None, (len(text) // 2, " again"), (len(text) // 3, "\n\n"), (5, "the the ")]):
        if edit:
            at = text.index(" ", edit[0])
            text = text[:at] + edit[1] + text[at:]
        result = pipeline.check(build_document(text, "a.md", "markdown"))
        args = (result.findings, LineIndex(text), "file:///a.md")
        kw: dict[str, Any] = {"version": version, "sentences": reading_sentences(result.document, result.findings)}
        built = to_diagnostics(*args, **kw)
        taken = to_diagnostics(*args, **kw, memo=memo)
        assert taken == built and len(built) > 10
        if edit:  # the findings well before the edit (its sentence and the one before) read the same: taken again
            before = sum(1 for f in result.findings if f.end < at - 400)
            assert memo.hits >= before and (before > 0 or at < 400), (memo.hits, before)
