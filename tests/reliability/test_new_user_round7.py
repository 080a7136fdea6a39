"""Session 17, reliability round 7 (bilingual input, glossaries, ``score --ref``, Markdown): the
defects found, each a test written before its fix.

- MTF503 compared tags as written: the same tag with its attributes in another order, the other
  quote, ``<br/>`` against ``<br />``, ``<B>`` against ``<b>``, or ``{{ name }}`` against
  ``{{name}}`` was reported (major) as a tag lost and a tag added.
- MTF501 said a number of the source "is missing from the target" when the target keeps it inside a
  span it must not change (XLIFF ``<mrk translate="no">``, a native-code ``<ph>``).
- ``--source-field`` naming a column or field no record has (a typo): one warning per record (or
  one line), exit 0, and none of MTF501–MTF506 ran; the same typo in ``--text-field`` is exit 2.
- XLIFF annotation marks (``<mrk mtype="term">``, ``<sm/>``) a tool adds to a target were MTF503.
- MTF502 called the words of ``<mrk mtype="protected">`` untranslated copies.
- A glossary saved in NFD wrote decomposed letters into a composed text; ``validate`` passed the
  same term saved composed and decomposed.
- ``glossary mine`` read Markdown raw (names from code blocks) and counted NFC/NFD twins apart.
- ``score --ref`` with another line count fell back to one segment without a word.
- MTF505 counted native code in the source but not in the target.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from mtfix.checks.source_target import BilingualChecker
from mtfix.segment import to_document
from tests.cli_in_process import run_mtfix_in_process as run_mtfix  # what is read and said, in process


def _codes(target: str, source: str) -> list[tuple[str, str]]:
    doc = to_document(target, source=source)
    return [(f.code, f.message) for f in BilingualChecker().check(doc)]


@pytest.mark.parametrize(("source", "target"), [
    ('Klick <g id="1" ctype="x-bold">hier</g> jetzt.', 'Click <g ctype="x-bold" id="1">here</g> now.'),
    ('Datei <x id="1"/> gespeichert.', "File <x id='1'/> saved."),
    ("Zeile eins<br/>Zeile zwei", "Line one<br />line two"),
    ("Das ist <B>fett</B>.", "This is <b>bold</b>."),
    ("Hallo {{ name }}, willkommen.", "Hello {{name}}, welcome."),
])
def test_equivalent_tags_and_placeholders_are_not_a_mismatch(source: str, target: str) -> None:
    assert [c for c, _ in _codes(target, source) if c == "MTF503"] == []


@pytest.mark.parametrize(("source", "target"), [
    ('Klick <g id="1">hier</g>.', 'Click <g id="2">here</g>.'),
    ("Hallo {{ name }}.", "Hello {{ user }}."),
    ("Das ist <b>fett</b>.", "This is <i>bold</i>."),
])
def test_real_tag_differences_are_still_reported(source: str, target: str) -> None:
    assert any(c == "MTF503" for c, _ in _codes(target, source))


XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">
 <file id="f1">
  <unit id="u1"><segment><source>Siehe <mrk id="m1" translate="no">Code 42</mrk> hier.</source><target>See <mrk id="m1" translate="no">Code 42</mrk> here.</target></segment></unit>
  <unit id="u2"><segment><source>Siehe <mrk id="m1" translate="no">Code 42</mrk> und 7.</source><target>See <mrk id="m1" translate="no">Code 42</mrk> and 8.</target></segment></unit>
 </file>
</xliff>
"""


def test_a_number_kept_inside_a_locked_span_is_not_missing(tmp_path: Path) -> None:
    (tmp_path / "a.xlf").write_text(XLIFF2, encoding="utf-8")
    run = run_mtfix("check", "a.xlf", cwd=tmp_path)
    assert not run.traceback, run.stderr
    assert "[u1] MTF501" not in run.stdout, run.stdout
    assert "'42' of the source is missing" not in run.stdout, run.stdout
    assert "[u2] MTF501" in run.stdout and "'8'" in run.stdout, run.stdout  # a real change still flagged


def test_a_number_in_a_protected_span_of_the_target_only_is_not_flagged() -> None:
    """A URL only the target has is not the translation's number (as before the change)."""
    assert [c for c, _ in _codes("See https://example.com/page/42 now.", "Siehe jetzt.") if c == "MTF501"] == []


@pytest.mark.parametrize(("name", "body", "extra"), [
    ("a.csv", "src,text\nEs gibt 3 Dinge.,There are 4 things.\n", ()),
    ("a.jsonl", '{"src": "Es gibt 3 Dinge.", "text": "There are 4 things."}\n', ("--text-field", "text")),
])
def test_a_source_field_no_record_has_is_an_error(tmp_path: Path, name: str, body: str, extra: tuple[str, ...]) -> None:
    (tmp_path / name).write_text(body, encoding="utf-8")
    args = ("--column", "text") if name.endswith(".csv") else extra
    run = run_mtfix("check", *args, "--source-field", "srcx", name, cwd=tmp_path)
    assert run.rc == 2 and not run.traceback, (run.rc, run.stderr)
    assert "srcx" in run.stderr and "--source-field" in run.stderr, run.stderr
    good = run_mtfix("check", *args, "--source-field", "src", name, cwd=tmp_path)
    assert "MTF501" in good.stdout, good.stdout + good.stderr


def test_a_source_field_some_records_lack_is_still_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"src": "Es gibt 3 Dinge.", "text": "There are 4 things."}\n'
                                      '{"text": "No source here."}\n{"src": null, "text": "Null source."}\n',
                                      encoding="utf-8")
    run = run_mtfix("check", "--text-field", "text", "--source-field", "src", "a.jsonl", cwd=tmp_path)
    assert run.rc != 2 and "line 2: no string field 'src'" in run.stdout + run.stderr, (run.rc, run.stderr)
    assert "MTF501" in run.stdout


ZURICH_NFD = unicodedata.normalize("NFD", "Zürich")


def test_a_term_saved_decomposed_is_written_as_the_text_writes(tmp_path: Path) -> None:
    """A glossary saved in NFD (macOS, some CMS exports) wrote its decomposed term into an NFC text:
    the text then held two spellings of the name, and a search for "Zürich" missed the fixed one."""
    (tmp_path / "g.yaml").write_text(f"entries:\n- term: {ZURICH_NFD}\n  variants: [Zuerich]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("We met in Zuerich today.\n", encoding="utf-8")
    run = run_mtfix("fix", "-g", "g.yaml", "a.txt", cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "We met in Zürich today.\n"
    (tmp_path / "b.txt").write_text(f"In {ZURICH_NFD}, and Zuerich.\n", encoding="utf-8")  # a decomposed text
    run_mtfix("fix", "-g", "g.yaml", "b.txt", cwd=tmp_path)
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == f"In {ZURICH_NFD}, and {ZURICH_NFD}.\n"


def test_the_same_term_composed_and_decomposed_is_a_duplicate(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(f"entries:\n- term: {ZURICH_NFD}\n  variants: [Zurich]\n"
                                     "- term: Zürich\n  variants: [Zuerich]\n", encoding="utf-8")
    run = run_mtfix("glossary", "validate", "g.yaml", cwd=tmp_path)
    assert run.rc == 1 and "g.yaml:4: duplicate entry" in run.stdout + run.stderr, (run.rc, run.stdout, run.stderr)


def test_a_reference_with_another_line_count_says_it_is_scored_as_one_segment(tmp_path: Path) -> None:
    """sacrebleu refuses a reference whose line count differs; mtfix scored the two texts as one
    segment each without a word, so a reference missing a line gave a plausible-looking BLEU."""
    (tmp_path / "hyp.txt").write_text("The cat sat on the mat.\nThe dog ran.\nA bird sang.\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("The cat sat on the mat.\nThe dog ran.\n", encoding="utf-8")
    run = run_mtfix("score", "--ref", "ref.txt", "hyp.txt", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    assert "3 lines" in run.stderr and "2" in run.stderr and "one segment" in run.stderr, run.stderr
    js = run_mtfix("score", "--ref", "ref.txt", "hyp.txt", "--format", "json", cwd=tmp_path)
    assert '"one segment' in js.stdout or "one segment" in js.stdout, js.stdout[:2000]
    (tmp_path / "ref2.txt").write_bytes(b"\xef\xbb\xbfThe cat sat on the mat.\r\nThe dog ran.\r\n\r\nA bird sang.\r\n")
    same = run_mtfix("score", "--ref", "ref2.txt", "hyp.txt", cwd=tmp_path)  # a BOM, CRLF, a blank line
    assert "one segment" not in same.stderr and "BLEU 100.00" in same.stdout, (same.stdout, same.stderr)


@pytest.mark.parametrize(("source", "target"), [
    ("Fünf Äpfel hier.", 'Five <mrk mtype="term">apples</mrk> here.'),  # XLIFF 1.2: a term marked in the target
    ("Fünf Äpfel hier.", 'Five <mrk id="c1" type="comment" value="check">apples</mrk> here.'),  # XLIFF 2 comment
    ("Fünf Äpfel hier.", 'Five <sm id="m1" type="term"/>apples<em startRef="m1"/> here.'),
])
def test_an_annotation_marker_in_the_target_only_is_not_a_tag_mismatch(source: str, target: str) -> None:
    """XLIFF's ``<mrk>`` (and 2.x ``<sm/>``/``<em/>``) annotate the text (a term, a reviewer's comment)
    and are not written into the translated document: a CAT tool adds them to a target."""
    assert [c for c, _ in _codes(target, source) if c == "MTF503"] == []


def test_an_html_em_and_a_placeholder_are_still_compared() -> None:
    assert any(c == "MTF503" for c, _ in _codes("Five <em>apples</em> here.", "Fünf Äpfel hier."))


def test_a_locked_mark_the_target_lost_is_still_reported() -> None:
    target, source = "See code 42 here.", 'Siehe <mrk mtype="protected">Code 42</mrk> hier.'
    assert any(c == "MTF503" and "protected" in m for c, m in _codes(target, source))


def test_mine_reads_markdown_as_prose_and_one_name_in_both_unicode_forms(tmp_path: Path) -> None:
    """``glossary mine`` read a Markdown file raw: a "name" seen only in a code block or front matter
    was proposed; and a name written composed once and decomposed once counted as two names, each
    under ``--min-count``."""
    (tmp_path / "a.md").write_text("---\ntitle: The Fake Code Name\n---\n\n```\nThe Fake Code Name went The Fake Code Name\n"
                                   "```\n\nThe Real Stock Exchange rose. See [the Real Stock Exchange](http://x.org/The Url Name).\n",
                                   encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"The {ZURICH_NFD} Stock Exchange rose. The Zürich Stock Exchange fell.\n",
                                    encoding="utf-8")
    run = run_mtfix("glossary", "mine", "a.md", "b.txt", "-o", "-", cwd=tmp_path)
    assert run.rc == 0 and not run.traceback, run.stderr
    terms = [line.split("\t")[0] for line in run.stdout.splitlines()[1:]]
    assert "Fake Code Name" not in terms and "Url Name" not in terms, run.stdout
    assert "Real Stock Exchange" in terms, run.stdout
    assert "Zürich Stock Exchange" in terms, run.stdout


def test_words_of_a_locked_span_are_not_untranslated_copies(tmp_path: Path) -> None:
    """MTF502 called the content of ``<mrk mtype="protected">`` (which must stay as it is) "copied
    from the source: not translated"."""
    (tmp_path / "a.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file source-language="de" target-language="en" datatype="html" original="x"><body>\n'
        '  <trans-unit id="1"><source>Bitte <mrk mtype="protected">Einstellungen öffnen und Konfiguration laden</mrk> '
        'klicken.</source><target>Please click <mrk mtype="protected">Einstellungen öffnen und Konfiguration laden'
        '</mrk>.</target></trans-unit>\n'
        '  <trans-unit id="2"><source>Bitte Einstellungen öffnen und Konfiguration laden klicken.</source>'
        '<target>Please click Einstellungen öffnen und Konfiguration laden.</target></trans-unit>\n'
        ' </body></file>\n</xliff>\n', encoding="utf-8")
    run = run_mtfix("check", "a.xlf", cwd=tmp_path)
    assert "[1] MTF502" not in run.stdout, run.stdout
    assert "[2] MTF502" in run.stdout, run.stdout  # the same words outside a lock: still untranslated


def test_native_code_on_both_sides_does_not_make_the_target_short(tmp_path: Path) -> None:
    """MTF505 counted the letters of a ``<ph>``'s native code in the source but not in the target
    (the target's locked spans were left out, the source's were not): "35 letters for 149"."""
    ph = ('<ph id="1">[[ENTITY_REFERENCE_NAVIGATION_SIDEBAR_ELEMENT_IDENTIFIER_PLACEHOLDER_VALUE_FOR_THE_CURRENT_'
          'USER_ACCOUNT_SETTINGS_PAGE]]</ph>')
    (tmp_path / "a.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file source-language="de" target-language="en" datatype="html" original="x"><body>\n'
        f'  <trans-unit id="1"><source>Lesen Sie {ph} die wichtigen Hinweise zur Nutzung jetzt bitte.</source>'
        f'<target>Please read {ph} the important usage notes now.</target></trans-unit>\n'
        ' </body></file>\n</xliff>\n', encoding="utf-8")
    run = run_mtfix("check", "a.xlf", cwd=tmp_path)
    assert "MTF505" not in run.stdout, run.stdout
