"""Docs run as written, round 20 (session 40): README's set-up, formats.md's bilingual formats, library.md,
spark.md and pre-commit.md walked as a new user.

Each test holds a page's claim as the page writes it (bench/RESULTS.md, "Session 40: the docs run as written,
round 20")."""

from __future__ import annotations

from pathlib import Path

from mtfix import Config, Pipeline

ROOT = Path(__file__).resolve().parents[2]


def _page(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def _reference_row() -> str:
    """library.md's row of the result schema for ``reference``."""
    [row] = [line for line in (ROOT / "docs/library.md").read_text(encoding="utf-8").splitlines()
             if line.startswith("| `reference` |")]
    return row


# -- library.md, "The result schema, version 2": what a record's `reference` holds -----------------------------

def test_library_page_names_every_key_of_a_records_reference() -> None:
    """The row named `BLEU`, `chrF` and `TER` only; a record scored with `ref_field` also holds `segments`
    (every time) and `note` (when the lines do not pair up, or the reference is empty), as `score --format
    json` documents them in formats.md.  A job that read the row and stored the three keys into a fixed table
    schema met two more."""
    pipeline = Pipeline(Config(grammar="off"))
    records = [
        {"text": "The talks ended on Monday.", "ref": "The talks ended on Monday."},
        {"text": "The talks ended.\nPrices rose.", "ref": "The talks ended. Prices rose."},
        {"text": "The talks ended.", "ref": ""},
    ]
    results = list(pipeline.process(records, mode="score", ref_field="ref"))
    assert all(r.ok for r in results)
    keys = {key for r in results for key in r.to_dict()["reference"]}
    assert keys == {"BLEU", "chrF", "TER", "segments", "note"}
    assert "note" not in results[0].reference and results[1].reference["segments"] == 1
    row = _reference_row()
    for key in keys:
        assert f"`{key}`" in row, key


# -- formats.md, "XLIFF, PO, TMX": every English variant that is not the source is a unit -----------------------

_TMX_ONE_VARIANT = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t"
 creationtoolversion="1" o-tmf="t"/>
<body>
<tu tuid="pair"><tuv xml:lang="de"><seg>Die Datei öffnen</seg></tuv><tuv xml:lang="en"><seg>Open the the file</seg></tuv></tu>
<tu tuid="alone"><tuv xml:lang="en-GB"><seg>Close the the window</seg></tuv></tu>
<tu tuid="german"><tuv xml:lang="de"><seg>Fenster</seg></tuv></tu>
</body>
</tmx>
"""


def test_a_tmx_unit_of_one_english_variant_is_checked_and_one_of_another_language_counted() -> None:
    """The page: "each English variant of a `<tu>` that is not its source is a unit", and a `<tu>` with no such
    variant "is not checked; a note counts them".  A `<tu>` of a single variant was passed over before either
    rule: an English translation whose German source had been dropped went unchecked, with no note, and a
    `<tu>` of German alone was not counted."""
    from mtfix.formats import get_format

    container = get_format("tmx").load(_TMX_ONE_VARIANT.encode(), "m.tmx", {})
    units = {u.id: (u.text, u.source) for u in container.units}
    assert units == {"pair": ("Open the the file", "Die Datei öffnen"), "alone": ("Close the the window", None)}
    notes = " | ".join(container.errors)
    assert "1 translation unit(s) without an English variant other than the source (de)" in notes
    assert "1 translation unit(s) with only English variants" in notes
    page = _page("docs/formats.md")
    assert "A `<tu>` of one variant is read the same way" in page


def test_fix_mends_a_tmx_unit_of_one_english_variant_in_place(tmp_path: Path) -> None:
    """`mtfix fix` of such a file splices the edit into the lone variant and leaves every other byte."""
    from tests.cli_in_process import run_mtfix_in_process as mtfix

    path = tmp_path / "m.tmx"
    path.write_text(_TMX_ONE_VARIANT, encoding="utf-8")
    result = mtfix("fix", str(path))
    assert result.rc == 0 and not result.traceback, result.stderr
    assert path.read_text(encoding="utf-8") == _TMX_ONE_VARIANT.replace("the the", "the")


def test_a_tmx_without_header_says_which_variant_is_the_source() -> None:
    """The page and the note said "each unit's source is its first variant"; the reading takes the first variant
    in a language other than English (an English first variant is checked against the German after it), as with
    `srclang="*all*"`.  The note and the page now say what is done."""
    from mtfix.formats import get_format

    raw = (b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<body>\n<tu tuid="t">'
           b'<tuv xml:lang="en"><seg>The cat sat 3 times.</seg></tuv><tuv xml:lang="de"><seg>Die Katze.</seg></tuv>'
           b'</tu>\n</body>\n</tmx>\n')
    container = get_format("tmx").load(raw, "m.tmx", {})
    assert [(u.text, u.source) for u in container.units] == [("The cat sat 3 times.", "Die Katze.")]
    [note] = container.errors
    assert "first variant in a language other than English" in note
    page = _page("docs/formats.md")
    assert "each unit's source is its first variant in a language other than English" in page
