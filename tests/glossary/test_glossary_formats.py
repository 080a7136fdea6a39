"""Glossary files: every format read and written, and every mistake reported with file:line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix.cli import app
from mtfix.errors import GlossaryError
from mtfix.glossary.formats import dump, load

TSV = (
    "term\tvariants\ttype\tcase\tforbidden\tsource\tnote\tdomain\n"
    "Jeyhun Bayramov\tCeyhun Bayramov|Dzheyhun Bayramov\tperson\tsensitive\t\tCeyhun Bayramov\tFM\tpolitics\n"
    "airspace\tair space\tterm\tinsensitive\t\thava məkanı\t\taviation\n"
)


def test_tsv_all_columns(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text(TSV, encoding="utf-8")
    g = load(p)
    a, b = g.entries
    assert a.term == "Jeyhun Bayramov" and a.variants == ("Ceyhun Bayramov", "Dzheyhun Bayramov")
    assert a.type == "person" and a.source == ("Ceyhun Bayramov",) and a.domain == "politics"
    assert a.origin == f"{p}:2" and b.origin == f"{p}:3"
    assert not b.case_sensitive and b.source == ("hava məkanı",)


def test_unknown_column_is_named(tmp_path):
    p = tmp_path / "g.csv"
    p.write_text("term,variants,colour\nA,B,red\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"g.csv:1: unknown column\(s\): colour"):
        load(p)


def test_two_column_pairs(tmp_path):
    p = tmp_path / "deepl.csv"
    p.write_text("Paşinyan,Pashinyan\nQarabağ,Karabakh\n", encoding="utf-8")
    g = load(p)
    assert [(e.source, e.term) for e in g.entries] == [(("Paşinyan",), "Pashinyan"), (("Qarabağ",), "Karabakh")]


def test_yaml_with_comments_and_lines(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_text("# names\nentries:\n  # a person\n  - term: Hikmet Hajiyev\n    type: person\n"
                 "    variants: [Hikmət Hacıyev]\n", encoding="utf-8")
    (e,) = load(p).entries
    assert e.variants == ("Hikmət Hacıyev",) and e.origin == f"{p}:4"


def test_convert_names_the_tbx_concepts_it_cannot_hold(tmp_path):
    """A termbase concept without an English term has nothing to enforce: convert left it out silently."""
    src = tmp_path / "t.tbx"
    src.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="a"><langSet xml:lang="az"><tig><term>Bakı</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>Baku</term></tig></langSet></termEntry>\n'
        '<termEntry id="b"><langSet xml:lang="az"><tig><term>Gəncə</term></tig></langSet>'
        '<langSet xml:lang="ru"><tig><term>Гянджа</term></tig></langSet></termEntry>\n'
        "</body></text></martif>\n", encoding="utf-8")
    out = tmp_path / "t.yaml"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "wrote 1 entry to" in r.output and f"note: {src}:4: a term entry without a 'en' term: left out" in r.output
    assert [e.term for e in load(out).entries] == ["Baku"]


def test_a_semicolon_separated_csv_from_excel_is_read(tmp_path):
    """Excel where the comma is the decimal separator writes ';': every row was "malformed"."""
    table = tmp_path / "names.csv"
    table.write_text("term;variants;type\nIlham Aliyev;Ilham Aliev|Ilkham Aliyev;person\n", encoding="utf-8")
    (e,) = load(table).entries
    assert (e.term, e.variants, e.type) == ("Ilham Aliyev", ("Ilham Aliev", "Ilkham Aliyev"), "person")
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("Bakı;Baku\nGəncə;Ganja\n", encoding="utf-8")
    assert [(e.source, e.term) for e in load(pairs).entries] == [(("Bakı",), "Baku"), (("Gəncə",), "Ganja")]
    comma = tmp_path / "comma.csv"  # a comma in the first line: commas, whatever the later rows hold
    comma.write_text("term,variants,note\nSOCAR,,state oil company; Baku\n", encoding="utf-8")
    assert load(comma).entries[0].note == "state oil company; Baku"


def test_validate_warns_of_forms_run_together_with_commas(tmp_path):
    """``variants: Bakı, Bakü`` is one variant that no text will hold: validate says so; a list is trusted."""
    g = tmp_path / "g.yaml"
    g.write_text("entries:\n  - term: Baku\n    variants: Bakı, Bakü\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "validate", str(g)])
    assert r.exit_code == 1 and "variants 'Bakı, Bakü' is read as one form with a comma" in r.output, r.output
    g.write_text("entries:\n  - term: Washington\n    variants: ['Washington, D.C.']\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["glossary", "validate", str(g)]).exit_code == 0


def test_validate_reports_a_variant_that_is_another_entrys_short_form(tmp_path):
    """A variant equal to another entry's short form (or accepted spelling) is never replaced: the correct form wins when the text is matched.  Before, nothing said so."""
    from mtfix.glossary.checker import GlossaryChecker
    from mtfix.glossary.model import Glossary
    from mtfix.pipeline import Pipeline

    eu = tmp_path / "eu.yaml"
    eu.write_text("entries:\n  - term: European Council\n    type: organisation\n    short: Council\n"
                  "  - term: Kyiv\n    type: place\n    accepted: [Kyïv]\n", encoding="utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("term\tvariants\ttype\nCouncil of Europe\tCouncil\torganisation\n"
                    "Kyiv Oblast\tKyïv\tplace\nRiga\tRīga\tplace\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "validate", str(eu), str(mine)])
    assert r.exit_code == 1, r.output
    assert (f"{mine}:2: variant 'Council' of 'Council of Europe' is the short form of 'European Council' "
            f"({eu}:2)") in r.output, r.output
    assert f"{mine}:3: variant 'Kyïv' of 'Kyiv Oblast' is the accepted spelling of 'Kyiv' ({eu}:5)" in r.output
    assert r.output.count("never replaced") == 2
    assert "Riga" not in r.output
    # what the message warns of: the variant is left alone
    g = Glossary([*load(eu).entries, *load(mine).entries])
    assert Pipeline(checkers=[GlossaryChecker(g)]).fix("The Council met on Monday.").text == "The Council met on Monday."
    assert CliRunner().invoke(app, ["glossary", "validate", str(mine)]).exit_code == 0  # alone, no clash


def test_tbx_read_and_malformed(tmp_path):
    p = tmp_path / "g.tbx"
    p.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en"><text><body>\n'
        '<termEntry id="t1"><descrip type="subjectField">politics</descrip>\n'
        '<langSet xml:lang="en"><tig><term>Nikol Pashinyan</term></tig>'
        '<tig><term>Pashinian</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>'
        '<tig><term>Nikol Pachinian</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>'
        '</tig></langSet>\n<langSet xml:lang="az"><tig><term>Nikol Paşinyan</term></tig></langSet></termEntry>\n'
        "</body></text></martif>\n",
        encoding="utf-8",
    )
    (e,) = load(p).entries
    assert (e.term, e.accepted, e.variants, e.source, e.domain) == (
        "Nikol Pashinyan", ("Pashinian",), ("Nikol Pachinian",), ("Nikol Paşinyan",), "politics")
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><text><body><termEntry></body></martif>", encoding="utf-8")
    with pytest.raises(GlossaryError, match="bad.tbx:1: not well-formed XML"):
        load(bad)
    r = CliRunner().invoke(app, ["glossary", "validate", str(bad)])
    assert r.exit_code == 1 and "not well-formed XML" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("fmt", ["tsv", "csv", "yaml", "tbx"])
def test_convert_round_trip(tmp_path, fmt):
    src = tmp_path / "g.tsv"
    src.write_text(TSV, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    a, b = load(src), load(out)
    assert [(e.term, e.variants, e.source) for e in a.entries] == [(e.term, e.variants, e.source) for e in b.entries]
    assert "Dzheyhun Bayramov\tJeyhun" not in dump(a, "pairs") and "Ceyhun Bayramov\tJeyhun Bayramov" in dump(a, "pairs")


@pytest.mark.parametrize("fmt", ["tsv", "csv", "yaml", "tbx"])
def test_historical_names_survive_every_format(tmp_path, fmt):
    src = tmp_path / "g.yaml"
    src.write_text("entries:\n  - term: Volgograd\n    type: place\n    variants: [Volgogradd]\n"
                   "    historical: [Stalingrad, Tsaritsyn]\n    forbidden: [Volga City]\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    (e,) = load(out).entries
    assert (e.variants, e.historical, e.forbidden) == (("Volgogradd",), ("Stalingrad", "Tsaritsyn"), ("Volga City",))


def test_a_historical_name_that_is_also_correct_is_reported(tmp_path):
    p = tmp_path / "g.yaml"
    p.write_text("entries:\n  - term: Volgograd\n    variants: []\n    historical: [Volgograd]\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "validate", str(p)])
    assert r.exit_code == 1 and "historical name 'Volgograd' is also a correct form" in r.output



@pytest.mark.parametrize("name", ["pairs.csv", "pairs.txt", "pairs.tsv"])
def test_pairs_written_are_read_back(tmp_path, name):
    """`convert --to pairs` writes what the reader takes back: commas (quoted) in .csv, tabs elsewhere."""
    src = tmp_path / "g.tsv"
    src.write_text(TSV + "Globex, Inc.\t\torganisation\tsensitive\t\tGlobeks\t\t\n", encoding="utf-8")
    out = tmp_path / name
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out), "--to", "pairs"])
    assert r.exit_code == 0, r.output
    back = load(out)
    assert sorted((e.source[0], e.term) for e in back.entries) == [
        ("Ceyhun Bayramov", "Jeyhun Bayramov"), ("Globeks", "Globex, Inc."), ("hava məkanı", "airspace")]


def test_pairs_need_a_source_term(tmp_path):
    src = tmp_path / "g.tsv"
    src.write_text("term\tvariants\nAcme Corp\tACME\n", encoding="utf-8")
    out = tmp_path / "pairs.txt"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out), "--to", "pairs"])
    assert r.exit_code == 2 and "source term" in r.output and not out.exists()


@pytest.mark.parametrize(("body", "said"), [
    ("  - term: 123\n", "term must be text, not 123"),
    ("  - term: Acme\n    variants: [true, null]\n", "variants holds True"),
    ("  - term: Acme\n    note: 2024\n", "note must be text"),
])
def test_yaml_values_that_are_not_text_are_named(tmp_path, body, said):
    """YAML reads yes/no, numbers and null as other types: a glossary field must be text (quoted)."""
    p = tmp_path / "g.yaml"
    p.write_text("entries:\n" + body, encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "validate", str(p)])
    assert r.exit_code != 0 and said in r.output and "g.yaml:2" in r.output

def test_validate_reports_duplicate_conflict_and_malformed_line(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text(
        "term\tvariants\ttype\n"
        "Ilham Aliyev\tIlham Aliev\tperson\n"  # 2
        "Ilham Aliyev\tIlkham Aliyev\tperson\n"  # 3 duplicate
        "Heydar Aliyev\tIlham Aliev\tperson\n"  # 4 conflict
        "broken line without tabs\n"  # 5 malformed
        "Baku\tIlham Aliyev\tplace\n",  # 6 variant equal to another term
        encoding="utf-8",
    )
    r = CliRunner().invoke(app, ["glossary", "validate", str(p)])
    assert r.exit_code == 1
    assert f"{p}:3: duplicate entry 'Ilham Aliyev'" in r.output
    assert f"{p}:4: conflict: variant 'Ilham Aliev'" in r.output
    assert f"{p}:5: malformed line" in r.output
    assert f"{p}:6: variant 'Ilham Aliyev' of 'Baku' is the term of another entry" in r.output


def test_bundled_glossaries_are_valid():
    from mtfix.glossary.loading import bundled_glossary_paths

    paths = [str(p) for p in bundled_glossary_paths()]
    assert len(paths) >= 2
    r = CliRunner().invoke(app, ["glossary", "validate", *paths])
    assert r.exit_code == 0, r.output


def test_mine_proposes_names_with_counts(tmp_path):
    corpus = tmp_path / "clean.txt"
    corpus.write_text(
        "The Caspian Energy Forum opened. Delegates of the Caspian Energy Forum met the "
        "Organization of Black Sea Economic Cooperation (BSEC). The Caspian Energy Forum closed.",
        encoding="utf-8",
    )
    out = tmp_path / "proposals.tsv"
    r = CliRunner().invoke(app, ["glossary", "mine", str(corpus), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "Caspian Energy Forum\t\tterm\t\t3×" in text
    assert "BSEC\t\tterm\tOrganization of Black Sea Economic Cooperation" in text
    piped = CliRunner().invoke(app, ["glossary", "mine", str(corpus), "-o", "-"])  # wrote a file named "-"
    assert piped.exit_code == 0 and "Caspian Energy Forum\t\tterm\t\t3×" in piped.stdout
    assert not (tmp_path / "-").exists() and not Path("-").exists()


def test_mine_contexts_are_whole_words() -> None:
    """A proposal's example context starts and ends at word boundaries: a reviewer read
    "ntony Blinken met." (session 18: the 40-character window cut words in half)."""
    from mtfix.glossary.mine import mine

    text = ("Representatives extraordinarily welcomed delegates to the Caspian Energy Forum; "
            "the Caspian Energy Forum extraordinarily welcomed representatives.")
    (prop,) = [p for p in mine([text]) if p.term == "Caspian Energy Forum"]
    words = set(text.split())
    first, *_, last = prop.context.split()
    assert first in words and last in words, prop.context
    assert "Caspian Energy Forum" in prop.context


def test_mine_skips_binary_files_and_refuses_wide_text(tmp_path):
    (tmp_path / "a.txt").write_text("The Acme Corp deal. The Acme Corp plan went ahead.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    r = CliRunner().invoke(app, ["glossary", "mine", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "-o", str(tmp_path / "m.tsv")])
    assert r.exit_code == 0 and "b.txt: binary file skipped" in r.output and "from 1 text(s)" in r.output
    (tmp_path / "w.txt").write_bytes("The Acme Corp deal.\n".encode("utf-16-le"))
    r = CliRunner().invoke(app, ["glossary", "mine", str(tmp_path / "w.txt"), "-o", str(tmp_path / "n.tsv")])
    assert r.exit_code == 2 and "UTF-16" in r.output and not (tmp_path / "n.tsv").exists()


def test_convert_refuses_to_overwrite_its_input(tmp_path):
    """`convert g.tsv -o g.tsv` (or onto another of its inputs) would replace the file and lose its comments."""
    src = tmp_path / "g.tsv"
    src.write_text("# kept by hand\n" + TSV, encoding="utf-8")
    other = tmp_path / "h.yaml"
    other.write_text("entries:\n  - term: Baku\n    variants: [Bakı]\n", encoding="utf-8")
    before = src.read_bytes(), other.read_bytes()
    for args in ([str(src), "-o", str(src)], [str(src), str(other), "-o", str(tmp_path / "." / "h.yaml")]):
        r = CliRunner().invoke(app, ["glossary", "convert", *args])
        assert r.exit_code == 2 and "is an input" in r.output and "Traceback" not in r.output, r.output
    assert (src.read_bytes(), other.read_bytes()) == before


def test_convert_takes_the_output_format_in_any_case_and_names_a_wrong_one(tmp_path):
    src = tmp_path / "g.tsv"
    src.write_text(TSV, encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(tmp_path / "o.tsv"), "--to", "TSV"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(tmp_path / "o.tsv"), "--to", "xlsx"])
    assert r.exit_code == 2 and "--to 'xlsx'" in r.output and "cannot tell" not in r.output


@pytest.mark.parametrize("fmt", ["csv", "yaml", "tbx"])
def test_a_term_beginning_with_a_hash_survives_conversion(tmp_path, fmt):
    """A table line starting with # is a comment: a term "#MeToo" must not be written so and vanish."""
    src = tmp_path / "g.yaml"
    src.write_text("entries:\n  - term: \"#MeToo movement\"\n    variants: [MeToo hareketi]\n"
                   "    source: [\"#MeToo hərəkatı\"]\n  - term: Baku\n    variants: [Bakı]\n", encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert [e.term for e in load(out).entries] == ["#MeToo movement", "Baku"]
    pairs = tmp_path / "pairs.csv"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(pairs), "--to", "pairs"])
    assert r.exit_code == 0, r.output
    assert [(e.source, e.term) for e in load(pairs).entries] == [(("#MeToo hərəkatı",), "#MeToo movement")]


@pytest.mark.parametrize(("yaml_entry", "said"), [
    ("  - term: \"#MeToo movement\"\n    variants: []\n", "begins with '#'"),
    ("  - term: Acme\n    variants: [\"Acme|Co\"]\n", "holds '|'"),
    ("  - term: Acme\n    variants: []\n    note: \"old\\rMac line end\"\n", "a tab or a line break"),
])
def test_what_a_tsv_table_cannot_hold_is_refused(tmp_path, yaml_entry, said):
    """A value the table would read back as something else (a comment, two variants) is an error, not data loss."""
    src = tmp_path / "g.yaml"
    src.write_text("entries:\n" + yaml_entry, encoding="utf-8")
    fmts = ["tsv", "csv"] if said == "holds '|'" else ["tsv"]
    for fmt in fmts:
        out = tmp_path / f"out.{fmt}"
        r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
        assert r.exit_code == 2 and said in r.output and "g.yaml:2" in r.output and not out.exists(), r.output


def test_mine_refuses_to_write_over_its_corpus(tmp_path):
    corpus = tmp_path / "clean.txt"
    corpus.write_text("The Acme Corp deal. The Acme Corp plan went ahead.\n", encoding="utf-8")
    before = corpus.read_bytes()
    r = CliRunner().invoke(app, ["glossary", "mine", str(tmp_path), "-o", str(corpus)])
    assert r.exit_code == 2 and "is an input" in r.output and corpus.read_bytes() == before, r.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_a_table_with_a_bom_is_read_in_its_encoding(tmp_path, encoding):
    """Excel's "Unicode Text" export is UTF-16 with a BOM (and the language server appends to such
    a file in its own encoding): the glossary reader must read it, not call it "not UTF-8"."""
    p = tmp_path / "g.tsv"
    p.write_bytes("term\tvariants\tsource\nBaku\tBaki\tBakı\n".encode(encoding))
    (e,) = load(p).entries
    assert (e.term, e.variants, e.source, e.origin) == ("Baku", ("Baki",), ("Bakı",), f"{p}:2")
    r = CliRunner().invoke(app, ["glossary", "validate", str(p)])
    assert r.exit_code == 0, r.output


def test_validate_a_file_that_does_not_exist_is_a_usage_error(tmp_path):
    """Exit 1 means "the glossary has problems"; a mistyped path is exit 2, as everywhere in mtfix."""
    good = tmp_path / "g.tsv"
    good.write_text(TSV, encoding="utf-8")
    for bad in (tmp_path / "nope.tsv", tmp_path, tmp_path / "g.json"):
        r = CliRunner().invoke(app, ["glossary", "validate", str(good), str(bad)])
        assert r.exit_code == 2 and str(bad) in r.output and "Traceback" not in r.output, r.output


def test_validate_a_file_named_twice_is_not_its_own_duplicate(tmp_path):
    p = tmp_path / "g.tsv"
    p.write_text(TSV, encoding="utf-8")
    r = CliRunner().invoke(app, ["glossary", "validate", str(p), str(tmp_path / "." / "g.tsv")])
    assert r.exit_code == 0 and "duplicate" not in r.output, r.output


@pytest.mark.parametrize(("body", "said"), [
    ("entries:\n  - term: Baku\n    variants: [Baki]\n    type: place\n    variants: [Bakü]\n",
     "duplicate key 'variants' (line 5; first at line 3)"),
    ("entries:\n  - term: Baku\n    variants: [Baki]\nentries:\n  - term: Ganja\n    variants: [Gence]\n",
     "duplicate key 'entries' (line 4; first at line 1)"),
])
def test_a_yaml_key_given_twice_is_an_error_not_lost_data(tmp_path, body, said):
    """YAML keeps the last of two equal keys: the first list (Baku's variant, or every entry) vanished."""
    p = tmp_path / "g.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GlossaryError, match=re.escape(said)):
        load(p)
    r = CliRunner().invoke(app, ["glossary", "validate", str(p)])
    assert r.exit_code == 1 and said in r.output and str(p) in r.output, r.output


def test_a_value_xml_cannot_hold_is_named_when_writing_tbx(tmp_path):
    """A control character from a spreadsheet was an internal error (lxml's ValueError)."""
    src = tmp_path / "g.tsv"
    src.write_text("term\tvariants\tnote\nBaku\tBaki\tcopied\x01from Excel\n", encoding="utf-8")
    out = tmp_path / "g.tbx"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 2 and f"{src}:2" in r.output and "internal error" not in r.output, r.output
    assert not out.exists()


@pytest.mark.parametrize("row, what", [
    ("State Oil Company\t\tSOCAR;SOC\t", "a short form with ';'"),
    ("State Oil Company\t\t\tmtfix: type=person", "a note beginning 'mtfix:'"),
])
def test_what_the_tbx_note_of_mtfix_fields_cannot_hold_is_refused(tmp_path, row, what):
    """mtfix's own fields travel in a TBX note "mtfix: type=...; short=...": a ';' in a short form or a
    user's note starting "mtfix:" read back as other fields (a person, a truncated short form)."""
    src = tmp_path / "g.tsv"
    src.write_text(f"term\tvariants\tshort\tnote\n{row}\n", encoding="utf-8")
    out = tmp_path / "g.tbx"
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out)])
    assert r.exit_code == 2 and f"{src}:2: {what} cannot be written as TBX" in r.output, r.output
    assert not out.exists()


def test_trailing_empty_columns_of_a_spreadsheet_export_are_ignored(tmp_path):
    """Excel writes "term,variants,," when cells beyond the table were touched: that was "unknown column(s): ,"."""
    p = tmp_path / "g.csv"
    p.write_text("term,variants,,\nBaku,Baki,,\nGanja,Gence\n", encoding="utf-8")
    assert [(e.term, e.variants) for e in load(p).entries] == [("Baku", ("Baki",)), ("Ganja", ("Gence",))]
    p.write_text("term,variants,,\nBaku,Baki,,stray\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"g.csv:2: malformed line"):
        load(p)


@pytest.mark.parametrize(("header", "said"), [
    ("term\tvariants\tterm", "column 'term' is given twice"),  # the second silently replaced the first
    ("term\t\tvariants", "column 2 has no name"),
])
def test_a_header_with_a_column_twice_or_unnamed_is_an_error(tmp_path, header, said):
    p = tmp_path / "g.tsv"
    p.write_text(header + "\nBaku\tBaki\tGanja\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=f"g.tsv:1: {said}"):
        load(p)


@pytest.mark.parametrize(("to", "name"), [("tsv", "g.csv"), ("yaml", "g.tsv"), ("csv", "g.tbx"), ("tbx", "g.yaml")])
def test_convert_refuses_a_format_its_extension_would_be_read_as_another(tmp_path, to, name):
    """`--to tsv -o g.csv` wrote tab-separated text that every reader then took for CSV."""
    src = tmp_path / "src.tsv"
    src.write_text(TSV, encoding="utf-8")
    out = tmp_path / name
    r = CliRunner().invoke(app, ["glossary", "convert", str(src), "-o", str(out), "--to", to])
    assert r.exit_code == 2 and f"--to {to}" in r.output and not out.exists(), r.output


@pytest.mark.parametrize("command", ["convert", "mine"])
def test_output_into_a_folder_not_made_yet(tmp_path: Path, command: str) -> None:
    """``-o new/folder/out.tsv``: convert and mine said ``.../new/folder is not a directory`` (it did not
    exist) and wrote nothing; as ``review -o`` and ``fix -o DIR``, they make the folder."""
    src = tmp_path / ("g.tsv" if command == "convert" else "news.txt")
    src.write_text("Ilham Aliyev\tİlham Əliyev\n" if command == "convert"
                   else "The OSCE Minsk Group met. The OSCE Minsk Group left.\n", encoding="utf-8")
    out = tmp_path / "new" / "folder" / "out.tsv"
    r = CliRunner().invoke(app, ["glossary", command, str(src), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.is_file()


def test_validate_names_a_fifo_as_what_it_is(tmp_path: Path) -> None:
    """A FIFO named ``g.tsv`` was said to be ``no such file``."""
    import os

    os.mkfifo(tmp_path / "g.tsv")
    r = CliRunner().invoke(app, ["glossary", "validate", str(tmp_path / "g.tsv")])
    assert r.exit_code == 2 and "g.tsv: FIFO, not a regular file; not read" in r.output, r.output


@pytest.mark.parametrize("name, kind", [
    ("terms.xlsx", "an Excel workbook"), ("terms.ods", "an OpenDocument spreadsheet"), ("terms.docx", "a Word document"),
])
def test_an_office_glossary_is_named_as_such_with_what_to_save_it_as(tmp_path, name, kind):
    """A spreadsheet or Word glossary got "unknown glossary format '.xlsx'" (session 29): it is named as
    the office file it is, with the formats to save it as, by --glossary, validate and the library alike."""
    p = tmp_path / name
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    with pytest.raises(GlossaryError) as exc:
        load(p)
    said = str(exc.value)
    assert f"{name}: {kind}, not a glossary format mtfix reads" in said, said
    assert "CSV" in said and "TSV" in said and "YAML" in said and "unknown glossary format" not in said, said
    doc = tmp_path / "a.txt"
    doc.write_text("The ministers met.\n", encoding="utf-8")
    for args in (["check", "--grammar", "off", "-g", str(p), str(doc)], ["glossary", "validate", str(p)]):
        r = CliRunner().invoke(app, args)
        assert r.exit_code == 2 and said in r.output, (args, r.output)


def test_an_unknown_extension_is_still_unknown(tmp_path):
    p = tmp_path / "terms.dat"
    p.write_text("term\nBaku\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"unknown glossary format '\.dat' \(use \.tsv, \.csv, \.yaml or \.tbx\)"):
        load(p)
