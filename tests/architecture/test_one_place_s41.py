"""One concept in one place, round 11 (session 41): ``fix --decisions`` decodes each input once, the "-s"/"-es"
endings have one home, and the record schema describes the ``reference`` the code returns."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import InputError
from mtfix.io import textfile
from tests.review.conftest import OFF
from tests.review.test_decisions import decisions_doc, review

REPO = Path(__file__).resolve().parents[2]
TEXT = "The café on the oilgas route reopened.It simply came to our notice then that, prices rose.\n"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every ``raw`` :func:`mtfix.io.textfile.decode` really decodes from now on."""
    seen: list[bytes] = []
    real = textfile._decode

    def counted(raw: bytes, path: str | None, legacy: str | None) -> textfile.TextFile:
        seen.append(raw)
        return real(raw, path, legacy)

    monkeypatch.setattr(textfile, "_decode", counted)
    return seen


@pytest.mark.parametrize(("encoding", "data"), [(None, TEXT.encode()), ("latin-1", TEXT.encode("latin-1"))])
def test_fix_with_decisions_decodes_each_input_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    encoding: str | None, data: bytes) -> None:
    article, other = tmp_path / "article.txt", tmp_path / "other.txt"
    article.write_bytes(data)
    other.write_bytes(b"Nothing was decided here.\n")
    extra = ["--encoding", encoding] if encoding else []
    payload = review(article, tmp_path / "r.html", *extra)[0]
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    seen = _counting(monkeypatch)
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["fix", *OFF, "-q", *extra, "--decisions", str(dec), str(article), str(other),
                                 "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert seen.count(data) == 1  # the check that it decodes, then the format's reading: one decode
    assert seen.count(other.read_bytes()) == 1  # not in the decisions: still checked, once
    fixed = (out / "article.txt").read_bytes().decode(encoding or "utf-8")
    assert fixed == "The café on the oil and gas route reopened. Prices rose.\n"  # every accepted edit applied
    assert (out / "other.txt").read_bytes() == other.read_bytes()


def test_an_undecodable_input_still_stops_fix_with_decisions(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(TEXT.encode())
    payload = review(article, tmp_path / "r.html")[0]
    dec = tmp_path / "d.json"
    dec.write_text(json.dumps(decisions_doc(payload, payload["edits"])), encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 prices rose.\n")
    r = CliRunner().invoke(app, ["fix", *OFF, "--decisions", str(dec), str(article), str(bad)])
    assert r.exit_code == 2 and "not valid utf-8" in r.output and "no file was written" in r.output, r.output
    assert article.read_bytes() == TEXT.encode()


def test_decoded_once_reuses_only_the_same_bytes_and_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(monkeypatch)
    raw = "café\n".encode("latin-1")
    assert textfile.decode(raw, "a.txt", "latin-1").text == textfile.decode(raw, "a.txt", "latin-1").text
    assert len(seen) == 2  # outside the block: each call decodes
    with textfile.decoded_once():
        first = textfile.decode(raw, "-", "latin-1")
        again = textfile.decode(raw, None, "latin-1")
        assert len(seen) == 3 and again.text == first.text and (first.path, again.path) == ("-", None)
        assert textfile.decode(raw, None, "cp1252").encoding == "cp1252" and len(seen) == 4  # another encoding
        assert textfile.decode(bytes(raw), None, "latin-1") == again and len(seen) == 5  # other bytes: decoded
        for _ in range(2):  # a file that does not decode raises each time
            with pytest.raises(InputError, match="not valid utf-8"):
                textfile.decode(raw, "b.txt")
        assert len(seen) == 7
    textfile.decode(raw, None, "latin-1")
    assert len(seen) == 8  # the block's memory ends with it


def _literal_string_tuples(path: Path) -> list[tuple[str, ...]]:
    return [tuple(e.value for e in n.elts) for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Tuple) and n.elts
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in n.elts)]


def test_the_sibilant_endings_are_written_in_one_place() -> None:
    from mtfix.text import plurals

    homes = [p.relative_to(REPO).as_posix() for p in sorted((REPO / "mtfix").rglob("*.py"))
             if any({"ch", "sh"} <= set(t) or {"ches", "shes"} & set(t) for t in _literal_string_tuples(p))]
    assert homes == ["mtfix/text/plurals.py"]
    assert plurals.ES_ENDS == ("ses", "xes", "zes", "ches", "shes")
    words = ["Jones", "Sanchez", "church", "wish", "box", "Pashinian", "level", "road"]
    assert [plurals.plural_of(w) for w in words] == ["Joneses", "Sanchezes", "churches", "wishes", "boxes",
                                                     "Pashinians", "levels", "roads"]
    assert [plurals.singular_of(plurals.plural_of(w)) for w in words] == words


def test_the_three_readers_of_the_endings_read_them_from_their_home() -> None:
    from mtfix.glossary import family_names, matcher
    from mtfix.rules.detectors import capitals
    from mtfix.text import irregular_verbs, plurals

    assert family_names.plural_of is plurals.plural_of and matcher.SIBILANT_ENDS is plurals.SIBILANT_ENDS
    assert capitals.singular_of is plurals.singular_of and irregular_verbs.ES_ENDS is plurals.ES_ENDS
    assert irregular_verbs.s_bases("teaches") == ("teache", "teach") and irregular_verbs.s_bases("heroes") == (
        "heroe", "hero") and irregular_verbs.s_bases("flies") == ("fly", "flie")


def test_the_record_schema_describes_every_key_of_reference() -> None:
    import mtfix
    from mtfix.model import SCHEMA_VERSION
    from mtfix.records import record_schema

    described = record_schema()["properties"]["reference"]["description"]
    got = mtfix.score("Prices rose.\nThen they fell.", ref="Prices rose.").reference
    assert got is not None and set(got) == {"segments", "BLEU", "chrF", "TER", "note"}
    assert all(k in described for k in got) and all(set(got[k]) == {"score", "signature"} for k in
                                                    ("BLEU", "chrF", "TER"))
    assert "{score, signature}" in described
    assert SCHEMA_VERSION == "2"  # a description constrains nothing: the records validate as before
