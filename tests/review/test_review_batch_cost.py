"""What `mtfix review` of a large batch does once rather than once a file (session 31): the pipeline's signature,
the score's signature, and a batched page's per-file packing (made, then dropped, until session 31)."""

from __future__ import annotations

from mtfix.config import Config
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def _inputs(n: int) -> list[Input]:
    return [Input(f"story-{k}.txt", f"In district {k}, the council met the the officials.\n".encode()) for k in range(n)]


def test_a_batch_makes_the_pipeline_signature_once_not_once_a_file(monkeypatch):
    from mtfix.review import build_report

    calls = []
    real = Pipeline.signature
    monkeypatch.setattr(Pipeline, "signature", lambda self: calls.append(1) or real(self))
    with Pipeline(Config(grammar="off")) as p:
        html = build_report(p, _inputs(6))
    assert len(calls) <= 2, len(calls)  # the files' scores, the page's meta
    assert real(Pipeline(Config(grammar="off"))) in html


def test_a_batched_page_packs_its_chunks_not_every_file_alone(monkeypatch):
    from mtfix.review import render
    from mtfix.review.report import build_context

    monkeypatch.setattr(render, "BATCH_FILES", 2)
    monkeypatch.setattr(render, "CHUNK_FILES", 2)
    monkeypatch.setattr(render, "COMPRESS_ABOVE", 0)
    packed = []
    real = render._packed
    monkeypatch.setattr(render, "_packed", lambda text: packed.append(text) or real(text))
    with Pipeline(Config(grammar="off")) as p:
        from mtfix.review import review_files

        html = render.render_html(build_context(p, review_files(p, _inputs(6))))
    assert len(packed) == 1 + 3  # the list, three chunks of two files
    assert html.count('id="mtfix-chunk-') == 3 and 'id="mtfix-file-0"' not in html


def test_the_score_signature_is_remembered_but_follows_what_makes_it(monkeypatch):
    import mtfix.scoring as scoring

    sig = Pipeline(Config(grammar="off")).signature()
    first = scoring.fluency_signature(sig)
    assert scoring.fluency_signature(sig) == first
    assert scoring.fluency_signature(sig.replace("grammar:off", "grammar:x")) != first
    monkeypatch.setattr(scoring, "detector_signature", lambda: "garble:other@1234")
    other = scoring.fluency_signature(sig)
    assert other != first and "other@1234" in other
