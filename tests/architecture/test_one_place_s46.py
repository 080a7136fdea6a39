"""One concept in one place, round 16 (session 46): a news agency's dateline in ``text/datelines.py`` (the garble
detector and the glossary each defined one); ``--show-settings`` out of ``cli/options.py`` into
``cli/settings_display.py``; a batch of files out of ``files.py`` into ``batch.py``; the shape scripts' treebank
walk and ``MIN_USES`` in ``bench/shape_tables.py``; LanguageTool's defaults read from ``LTSettings`` (three places
wrote them) and held to the docs; the subtitle limits' and the debounce's defaults in the CLI's help read from
their constants."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.architecture.test_one_place_s45 import _defined, _strings, _tree

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "mtfix"
BENCH = REPO / "bench"


def _top_imports(path: Path) -> set[str]:
    """The modules a file imports at its top level (not inside a function)."""
    out: set[str] = set()
    for node in _tree(path).body:
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


# -- 1. a dateline ------------------------------------------------------------------------------------------------------

def test_a_dateline_is_defined_in_text_datelines_only() -> None:
    defining = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                      if any("dateline" in name.lower() for name in _defined(p)))
    assert defining == ["text/datelines.py"]
    assert {"ends_dateline", "dateline_end", "in_dateline", "_DATELINE", "_MONTH", "_AGENCY"} <= _defined(
        PACKAGE / "text" / "datelines.py")


def test_the_detector_and_the_glossary_read_the_one_module() -> None:
    from mtfix.garble import signs
    from mtfix.glossary import capitals_names, matcher
    from mtfix.text import datelines

    assert signs.ends_dateline is datelines.ends_dateline
    assert capitals_names.dateline_end is datelines.dateline_end
    assert matcher.in_dateline is datelines.in_dateline


@pytest.mark.parametrize(("words", "line", "detector", "glossary"), [
    (["BAKU", ",", "Dec", "1", "(", "Reuters", ")", "-"], "BAKU, Dec 1 (Reuters) - The", True, 4),
    (["TASHKENT", ",", "Uzbekistan", "(", "AP", ")", "—"], "TASHKENT, Uzbekistan (AP) — The", True, 8),
    # the detector reads a place in title case and no date as a dateline too; the glossary asks for capitals
    (["Baku", ",", "3", "October", "–"], "Baku, 3 October – The", True, 0),
    (["BAKU", ",", "Azerbaijan", "–"], "BAKU, Azerbaijan – The", True, 0),
    # neither: a sentence, an acronym opening one
    (["The", "minister", ",", "—"], "The minister, — The", False, 0),
    (["NATO", "said", "-"], "NATO said - The", False, 0),
])
def test_the_two_readings_of_a_dateline(words: list[str], line: str, detector: bool, glossary: int) -> None:
    from mtfix.text.datelines import dateline_end, ends_dateline

    assert ends_dateline(words, len(words) - 1) is detector
    assert dateline_end(line) == glossary


# -- 2. modules split by concept ----------------------------------------------------------------------------------------

_DISPLAY = {"show_settings", "table_defaults", "toml_key", "toml_value", "ADDED_TO"}
_BATCH = {"FileProblem", "BatchResults", "SELF_DECODING", "walk_skip_collector", "skip_reason_of", "run_batch",
          "_run_file", "_no_longer_a_file", "_bomless_reason"}


def test_the_settings_display_is_its_own_module() -> None:
    options = PACKAGE / "cli" / "options.py"
    assert _defined(PACKAGE / "cli" / "settings_display.py") >= _DISPLAY
    assert not (_DISPLAY | {"_ADDED_TO"}) & _defined(options)
    assert "mtfix.cli.settings_display" not in _top_imports(options)  # loaded by --show-settings only
    assert len(options.read_text(encoding="utf-8").splitlines()) < 600


def test_a_batch_of_files_is_its_own_module() -> None:
    assert _defined(PACKAGE / "batch.py") >= _BATCH
    assert not _BATCH & _defined(PACKAGE / "files.py")
    # the batch runs what files.py does with one file; files.py does not know the batch (no cycle)
    assert "mtfix.files" in _top_imports(PACKAGE / "batch.py")
    assert not {m for m in ast.walk(_tree(PACKAGE / "files.py"))
                if isinstance(m, ast.ImportFrom) and m.module == "mtfix.batch"}


def test_a_batch_still_hands_one_file_s_units_to_workers_and_resets_after() -> None:
    from mtfix import files

    seen: list[int] = []
    warnings: list[str] = []
    with files.units_in_workers(3, warnings):
        seen.append(files._UNIT_JOBS.get())
        assert files._UNIT_WARNINGS.get() is warnings
    seen.append(files._UNIT_JOBS.get())
    assert seen == [3, 1] and files._UNIT_WARNINGS.get() is None


# -- 3. bench: the shape scripts' treebank walk -------------------------------------------------------------------------

def test_the_shape_scripts_walk_the_treebank_in_one_place() -> None:
    walkers = sorted(p.name for p in BENCH.glob("*.py") if "kids[r[6]].append(r)" in p.read_text(encoding="utf-8"))
    assert walkers == ["shape_tables.py"]
    for script in ("voice_shapes.py", "parse_shapes.py"):
        assert "MIN_USES" not in _defined(BENCH / script) or "shape_tables.MIN_USES" in (
            BENCH / script).read_text(encoding="utf-8")
        assert not re.search(r"^MIN_USES = \d", (BENCH / script).read_text(encoding="utf-8"), re.M)


def test_the_treebank_walk_counts_verbs_and_their_forms() -> None:
    from collections import Counter, defaultdict

    sys.path.insert(0, str(BENCH))
    try:
        import shape_tables
    finally:
        sys.path.remove(str(BENCH))
    rows = [["1", "Prices", "price", "NOUN", "NNS", "_", "2", "nsubj"],
            ["2", "rose", "rise", "VERB", "VBD", "_", "0", "root"],
            ["3", "and", "and", "CCONJ", "CC", "_", "4", "cc"],
            ["4", "Rising", "rise", "VERB", "VBG", "_", "2", "conj"]]
    uses: Counter[str] = Counter()
    forms: defaultdict[str, set[str]] = defaultdict(set)
    walked = [(lemma, [k[1] for k in mine]) for lemma, mine, _ in shape_tables.treebank_verbs([rows], uses, forms)]
    assert walked == [("rise", ["Prices", "Rising"]), ("rise", ["and"])]
    assert uses == {"rise": 2} and dict(forms) == {"rose": {"rise"}}
    assert shape_tables.frequent_verbs(Counter({"rise": 10, "be": 50, "fall": 9})) == {"rise"}


# -- 4. LanguageTool's defaults: LTSettings the source ------------------------------------------------------------------

def _as_written(value: object) -> str:
    """A default as the docs write it: text bare, a whole number without ".0", TOML's true/[]/{}."""
    from mtfix.cli.settings_display import toml_value

    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return toml_value(list(value) if isinstance(value, tuple) else value)


#: the keys whose default the docs name by a value (the others: an environment variable, defaults.yaml)
_VALUED = {"heap": "heap", "jvm-args": "jvm_args", "port": "port", "server-options": "server_options",
           "language": "language", "timeout": "timeout", "start-timeout": "start_timeout",
           "batch-chars": "batch_chars", "workers": "workers", "result-cache": "result_cache"}


def test_settings_from_reads_its_defaults_from_ltsettings(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.grammar import settings

    monkeypatch.delenv("MTFIX_LT_START_TIMEOUT", raising=False)  # the test suite's longer wait (session 51)
    got = settings.settings_from({})
    for field in ("port", "language", "timeout", "start_timeout", "result_cache", "jvm_args", "server_options",
                  "enabled_rules"):
        assert getattr(got, field) == settings.FIELD_DEFAULTS[field], field
    tree = _tree(PACKAGE / "grammar" / "settings.py")
    reader = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "settings_from")
    literal = [ast.unparse(c) for c in ast.walk(reader) if isinstance(c, ast.Call) and ast.unparse(c.func) == "table.get"
               and len(c.args) == 2 and isinstance(c.args[1], ast.Constant) and c.args[1].value not in ((), None)]
    assert literal == []


def test_ltsettings_defaults_are_defaults_yaml_s() -> None:
    from mtfix.grammar.settings import FIELD_DEFAULTS, defaults

    d = defaults()
    assert {k: FIELD_DEFAULTS[k] for k in ("heap", "batch_chars", "workers")} == {
        k: d[k] for k in ("heap", "batch_chars", "workers")}


def test_show_settings_defaults_are_ltsettings_s(monkeypatch: pytest.MonkeyPatch) -> None:
    from mtfix.cli.settings_display import table_defaults
    from mtfix.grammar import settings

    def no_cache_folder(*args: object, **kwargs: object) -> object:
        raise OSError("no cache folder")

    monkeypatch.setattr(settings, "settings_from", no_cache_folder)
    monkeypatch.delenv(settings.START_TIMEOUT_ENV, raising=False)  # the suite's longer wait (tests/conftest.py)
    lt = table_defaults()["languagetool"]
    assert {k: _as_written(lt[k]) for k in _VALUED} == {k: _as_written(settings.FIELD_DEFAULTS[f])
                                                        for k, f in _VALUED.items()}


def test_docs_languagetool_md_names_the_defaults_the_code_has() -> None:
    from mtfix.grammar.settings import FIELD_DEFAULTS

    written: dict[str, str] = {}
    for line in (REPO / "docs" / "languagetool.md").read_text(encoding="utf-8").splitlines():
        cells = line.split(" | ")
        if len(cells) < 3 or not cells[0].startswith("| `"):
            continue
        keys, values = re.findall(r"`([^`]+)`", cells[0]), re.findall(r"`([^`]+)`", cells[1])
        if len(keys) == len(values):
            written |= dict(zip(keys, values, strict=True))
    assert {k: written.get(k) for k in _VALUED} == {k: _as_written(FIELD_DEFAULTS[f]) for k, f in _VALUED.items()}


def test_the_settings_module_s_own_table_names_the_defaults_the_code_has() -> None:
    from mtfix.grammar import settings

    written = {}
    for line in (settings.__doc__ or "").splitlines():
        m = re.match(r"``([a-z-]+)``\s.*\s``([^`]+)``$", line)
        if m and m.group(1) in _VALUED and "see ``defaults.yaml``" not in line:  # batch-chars, workers: see there
            written[m.group(1)] = m.group(2)
    assert len(written) == 8  # the table is there: every key it gives a value of
    assert written == {k: _as_written(settings.FIELD_DEFAULTS[_VALUED[k]]) for k in written}


# -- 5. the CLI's help reads the defaults it names ----------------------------------------------------------------------

def test_the_help_s_defaults_are_the_constants() -> None:
    from mtfix.checks.subtitle_lines import DEFAULT_MAX_CPS, DEFAULT_MAX_LINE_LENGTH
    from mtfix.config import DEFAULT_DEBOUNCE_MS

    for module in ("options.py", "server.py"):
        said = [s for s in _strings(PACKAGE / "cli" / module) if re.search(r"\(default \d", s)]
        assert said == [], said
    out = subprocess.run([sys.executable, "-m", "mtfix", "server", "--help"], capture_output=True, text=True,
                         cwd=REPO, timeout=120, env={"COLUMNS": "400", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})
    assert f"(default {DEFAULT_DEBOUNCE_MS:g})" in out.stdout, out.stdout + out.stderr
    from mtfix.cli.options import MaxCpsOpt, MaxLineLengthOpt

    assert f"(default {DEFAULT_MAX_LINE_LENGTH}," in MaxLineLengthOpt.__metadata__[0].help
    assert f"(default {DEFAULT_MAX_CPS:g}," in MaxCpsOpt.__metadata__[0].help
