"""The examples of the README and docs/*.md work as written: a user who copies one gets what the page
says.  Every TOML, YAML, JSON and Python block parses; settings snippets load with mtfix's own settings
loader, the glossary and rule-pack snippets with its loaders (the pack's examples pass); the Python of
the library pages runs, and a line ``expr  # 'value'`` gives that value; every ``mtfix ...`` command
names commands and options mtfix has; and documented sample outputs of fast commands still match.
(``tests/docs/test_docs.py`` checks the other direction: everything mtfix has is documented.)"""

from __future__ import annotations

import ast
import json
import re
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml
from typer.testing import CliRunner

from mtfix.cli import app

ROOT = Path(__file__).resolve().parents[2]
#: the pages a user reads (docs/rules.md is generated from the rule catalogue and tested there)
PAGES = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
         for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))] if p.name != "rules.md"}
_FENCE = re.compile(r"^[ \t]*```(\w*)[ \t]*\n(.*?)^[ \t]*```", re.S | re.M)


def _blocks(lang: str) -> list[tuple[str, str]]:
    """(``page:line``, dedented text) of every fenced block in ``lang``."""
    out = []
    for page, text in PAGES.items():
        for m in _FENCE.finditer(text):
            if m.group(1) == lang:
                out.append((f"{page}:{text.count(chr(10), 0, m.start()) + 2}", textwrap.dedent(m.group(2))))
    return out


def _ids(blocks: list[tuple[str, str]]) -> list[str]:
    return [where for where, _ in blocks]


TOML, YAML, JSON, PYTHON = _blocks("toml"), _blocks("yaml"), _blocks("json"), _blocks("python")


def _run(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("where,block", TOML, ids=_ids(TOML))
def test_toml_blocks_are_valid_and_settings_load(where: str, block: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    data = tomllib.loads(block)
    if "language-server" in data or "project" in data:  # Helix's languages.toml, a plug-in's pyproject
        return
    # a settings snippet: mtfix's loader takes it, with the files it names in place
    from mtfix.config import check_named_files, load_config

    for name in data.get("glossaries", []):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("entries:\n  - term: Baku\n    variants: [Bakı]\n" if name.endswith(".yaml")
                                     else "term\tvariants\nBaku\tBakı\n", encoding="utf-8")
    site = tmp_path / "site" if "extend" in data else tmp_path
    site.mkdir(exist_ok=True)
    if "extend" in data:
        (site / data["extend"]).resolve().write_text('fail-on = "minor"\n', encoding="utf-8")
    (site / "mtfix.toml").write_text(block, encoding="utf-8")
    monkeypatch.chdir(site)
    loaded = load_config(site / "mtfix.toml")
    check_named_files(loaded)
    if "fail-on" in data:
        assert str(loaded.config.fail_on) == data["fail-on"], where


@pytest.mark.parametrize("where,block", YAML, ids=_ids(YAML))
def test_yaml_blocks_load(where: str, block: str, tmp_path: Path) -> None:
    data = yaml.safe_load(block)
    if isinstance(data, dict) and "repos" in data or isinstance(data, dict) and "hooks" in data:
        # a .pre-commit-config.yaml (or its hooks: part): the hook ids are the ones mtfix offers
        offered = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
        hooks = [h for r in data.get("repos", [data]) for h in r["hooks"]]
        assert {h["id"] for h in hooks} <= offered, where
        for h in hooks:  # args the hook passes on are options of its command
            opts = [a for a in h.get("args", []) if a.startswith("-")]
            assert not opts or _run("check", *h["args"], "--help").exit_code == 0, (where, h)
        return
    if isinstance(data, dict) and "jobs" in data:  # a CI workflow: its pre-commit step is run for real in
        # tests/integrations/test_precommit.py::test_the_documented_ci_job_fails_with_findings_and_the_fixes_diff_and_no_colour
        assert any("pre-commit run" in s.get("run", "") for j in data["jobs"].values() for s in j["steps"]), where
        return
    if isinstance(data, dict) and "entries" in data:  # a glossary
        from mtfix.glossary.loading import load_file

        path = tmp_path / "names.yaml"
        path.write_text(block, encoding="utf-8")
        assert load_file(path).entries, where
        assert _run("glossary", "validate", str(path)).exit_code == 0, where
        return
    path = tmp_path / "my-pack.yaml"
    if isinstance(data, list) and data and "match" in data[0]:  # a stock-phrase entry: in a pack of its own
        entry = data[0]
        example = entry["flag"][0]
        data = {"pack": "my-pack", "version": "1", "rules": [{
            "code": "TRE110", "name": "my-phrases", "title": "A stock phrase", "docs": "Stock phrases.",
            "category": "Fluency/Register", "severity": "minor", "detector": "stock_phrases",
            "params": {"phrases": [entry]}, "fix": entry.get("safety", "safe"), "message": "a stock phrase",
            "examples": {"flag": [example], "pass": entry["pass"]}}]}
        block = yaml.safe_dump(data, allow_unicode=True)
    assert isinstance(data, dict) and "rules" in data, f"{where}: a YAML block of an unknown kind"
    path.write_text(block, encoding="utf-8")
    r = _run("rules", "--rules", str(path), "--select", data["rules"][0]["code"][:3], "--check-examples")
    assert r.exit_code == 0, f"{where}: {r.output}"


def _json_value(block: str) -> Any:
    try:
        return json.loads(block)
    except json.JSONDecodeError:  # a fragment of an object: '"corrections": [...]'
        return json.loads("{" + block + "}")


@pytest.mark.parametrize("where,block", JSON, ids=_ids(JSON))
def test_json_blocks_are_valid(where: str, block: str) -> None:
    assert _json_value(block) is not None


def test_the_library_pages_sample_record_is_what_process_gives() -> None:
    """docs/library.md's sample result: every field, as ``process`` returns it today."""
    from mtfix import Config, Pipeline

    (block,) = [b for w, b in JSON if w.startswith("docs/library.md")]
    shown = json.loads(block)
    pipeline = Pipeline(Config(grammar="off"))
    got = next(pipeline.process([{"id": "n1", "text": "Prices of oilgas rose."}], id_field="id")).to_dict()
    # the signature's id changes with every rule pack's content: the page shows one of the right form
    from mtfix.records import job_signature

    assert got.pop("signature") == job_signature(pipeline).id
    assert re.fullmatch(r"mtfix-fluency#[0-9a-f]{12}", shown.pop("signature"))
    assert got == shown, ("docs/library.md's sample record is stale: regenerate it with Pipeline(Config("
                          f"grammar='off')).process(...): {json.dumps(got, ensure_ascii=False)}")


@pytest.mark.parametrize("where,block", PYTHON, ids=_ids(PYTHON))
def test_python_blocks_compile(where: str, block: str) -> None:
    ast.parse(block, filename=where)


def _asserting(block: str) -> str:
    """``expr  # 'literal'`` lines become ``assert (expr) == literal``; other comments stay comments."""
    lines = []
    for line in block.splitlines():
        code, sep, comment = line.partition("  #")
        try:
            expected = ast.literal_eval(comment.strip()) if sep else None
            ast.parse(code.strip(), mode="eval")
        except (SyntaxError, ValueError):
            expected = None
        if expected is not None and not line.startswith(" "):
            lines.append(f"assert ({code.strip()}) == {expected!r}, {code.strip()!r}")
        else:
            lines.append(line)
    return "\n".join(lines)


LIBRARY = [(w, b) for w, b in PYTHON if "import mtfix" in b or "from mtfix import Config, Pipeline" in b
           or b.startswith("config = Config(")]


@pytest.mark.parametrize("where,block", LIBRARY, ids=_ids(LIBRARY))
def test_library_python_runs_as_written(where: str, block: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's and docs/library.md's library code, and docs/spark.md's ``Config`` lines, run
    (with ``text``, ``records``, ``names.tsv`` and the job's own ``log``/``store`` standing in), and
    the values their comments show are the values they give."""
    import logging

    from mtfix import Config

    monkeypatch.chdir(tmp_path)
    (tmp_path / "names.tsv").write_text("term\tvariants\nJeyhun Bayramov\tCeyhun Bayramov\n", encoding="utf-8")
    stored: list[Any] = []
    env = {"text": "It simply came to our notice then that, prices of oilgas rose.", "Config": Config,
           "records": [{"id": "n1", "body": "Prices of oilgas rose."}, {"id": "n2"}],
           "log": logging.getLogger("ingest"), "store": lambda *a: stored.append(a)}
    exec(compile(_asserting(block), where, "exec"), env)  # noqa: S102 - the docs' own examples
    if "store(" in block:
        assert [s[:2] for s in stored] == [("n1", "Prices of oil and gas rose.")]


def test_spark_page_imports_what_it_names() -> None:
    import importlib

    for where, block in PYTHON:
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mtfix"):
                module = importlib.import_module(node.module)
                missing = [a.name for a in node.names if not hasattr(module, a.name)]
                assert not missing, f"{where}: {node.module} has no {missing}"


# -- commands -------------------------------------------------------------------------------------

def _commands() -> list[tuple[str, str]]:
    """Every ``mtfix ...`` command line of a code block and every inline ``mtfix ...`` span."""
    out = []
    for page, text in PAGES.items():
        pieces = [line for m in _FENCE.finditer(text) for line in m.group(2).splitlines()]
        pieces += [m.group(1) for m in re.finditer(r"`((?:python -m )?mtfix [^`\n]+)`", _FENCE.sub("", text))]
        for piece in pieces:
            for part in re.split(r"(?<!\\)\|\s|&&|;|\$\(", piece.strip()):
                part = part.strip().replace("python -m mtfix ", "mtfix ")
                if part.startswith("mtfix ") and not part.startswith("mtfix could"):
                    out.append((page, part))
    return out


def test_documented_commands_use_commands_and_options_mtfix_has() -> None:
    root = typer.main.get_command(app)
    wrong = []
    for page, cmd in _commands():
        tokens = cmd.replace("\\|", "|").split()[1:]
        node, i = root, 0
        while i < len(tokens) and hasattr(node, "commands"):
            name = tokens[i].strip("[]").split("|")[0]
            if name not in node.commands:
                break
            node, i = node.commands[name], i + 1
        if hasattr(node, "commands"):  # stopped at a group: the next word must be an option or a placeholder
            if i < len(tokens) and not tokens[i].startswith("-") and tokens[i] != "CMD":
                wrong.append(f"{page}: no command {tokens[i]!r}: {cmd}")
            continue
        options = {o for p in node.params for o in (*p.opts, *p.secondary_opts)} | {"--help", "-h"}
        for token in tokens[i:]:
            if token.startswith("#") or token in (">", "<"):
                break
            for piece in token.strip("[]()").split("|"):
                piece = piece.split("=")[0].rstrip(".,:;)")
                if re.fullmatch(r"--?[a-zA-Z][\w-]*", piece) and piece not in options:
                    wrong.append(f"{page}: {piece}: not an option of `mtfix {node.name}`: {cmd}")
    assert not wrong, "\n".join(wrong)


# -- sample outputs --------------------------------------------------------------------------------

def _matches(shown: str, got: str) -> bool:
    """``shown`` (a documented line, "…" or "(…)" standing for what it leaves out) matches ``got``."""
    pattern = ".*".join(re.escape(part) for part in re.split(r"\(…\)|…", shown))
    return re.fullmatch(pattern, got) is not None


def test_the_refused_commit_of_the_pre_commit_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/pre-commit.md's refused commit: the hook's report on such an article, under the page's
    own settings file, is the lines it shows."""
    page = PAGES["docs/pre-commit.md"]
    shown = [line for line in page.split("A refused commit looks like this", 1)[1].split("```")[1].splitlines()
             if line.startswith("news/")]
    (settings,) = [b for w, b in TOML if w.startswith("docs/pre-commit.md")]
    (tmp_path / "mtfix.toml").write_text(settings, encoding="utf-8")
    for name in tomllib.loads(settings)["glossaries"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("term\tvariants\nBaku\tBakı\n" if name.endswith(".tsv")
                                     else "entries:\n  - term: Baku\n    variants: [Bakı]\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "baku-talks.md").write_text(
        "# Baku talks\n\n"
        "It simply came to our notice then that, the foreign ministers met in Baku.\n"
        "We support the projects according to I thanked our partners, he said.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "news/baku-talks.md"])
    got = [line for line in r.stdout.splitlines() if line.startswith("news/")]
    assert r.exit_code == 1
    assert len(got) == len(shown) and all(_matches(s, g) for s, g in zip(shown, got, strict=True)), got
    # round 5: the page showed the report as what steps 1-4 give; without its settings file (source-lang
    # "az", select) MTF204 is not reported (az-en needs evidence of Azerbaijani) and MTF401 is: the page
    # says under which settings the report is made
    (tmp_path / "mtfix.toml").unlink()
    r = CliRunner().invoke(app, ["check", "--grammar", "off", "news/baku-talks.md"])
    assert "MTF204" not in r.stdout and "MTF401" in r.stdout
    intro = " ".join(page.split("A refused commit looks like this", 1)[1].split("```")[0].split())
    assert 'source-lang = "az"' in intro and "`select`" in intro and "MTF4" in intro, intro


def test_the_rule_pack_pages_messages(tmp_path: Path) -> None:
    """docs/rule-packs.md's pack: its examples pass; the messages the page quotes for a failing example
    and for a broken pattern are the ones mtfix prints."""
    page = PAGES["docs/rule-packs.md"]
    (pack,) = [b for w, b in YAML if w.startswith("docs/rule-packs.md") and b.startswith("pack:")]
    path = tmp_path / "my-pack.yaml"
    path.write_text(pack.replace('fixed: "The talks failed."', 'fixed: "The talks failed!"'), encoding="utf-8")
    r = _run("rules", "--rules", str(path), "--select", "TRE", "--check-examples")
    failing = re.search(r"\(`(rule pack 'my-pack' \(my-pack\.yaml\), rule TRE101: flag\s+example .*?)`\)",
                        page, re.S)
    assert failing and r.exit_code == 1
    assert " ".join(failing.group(1).split()) in r.output.replace(str(path), "my-pack.yaml")
    path.write_text(pack.replace(r"(?P<next>\p{L}))'", r"(?P<next>\p{L})'"), encoding="utf-8")
    r = _run("check", "--rules", str(path), "--grammar", "off", str(path))
    broken = re.search(r"gives `(rule pack 'my-pack' \(my-pack\.yaml\), rule TRE101, field\s+'pattern'.*?)`",
                       page, re.S)
    assert broken and r.exit_code == 2
    assert " ".join(broken.group(1).split()) in r.output.replace(str(path), "my-pack.yaml")


def test_the_glossary_pages_messages_and_provenance(tmp_path: Path) -> None:
    """docs/glossaries.md's YAML error messages and its example of an edit's provenance."""
    import mtfix

    page = " ".join(PAGES["docs/glossaries.md"].split())
    path = tmp_path / "names.yaml"
    path.write_text("entries:\n  - term: Baku\n    variants: [Bakı]\n    type: place\n    variants: [Bakü]\n",
                    encoding="utf-8")
    r = _run("glossary", "validate", str(path))
    shown = re.search(r"`(names\.yaml:5:5: not valid YAML: duplicate key[^`]*)`", page)
    assert shown and shown.group(1) in r.output.replace(str(path), "names.yaml")
    path.write_text("entries:\n  - {term: Baku, variants: [Bakı, Bakü\n", encoding="utf-8")
    r = _run("glossary", "validate", str(path))
    shown = re.search(r"`(names\.yaml:3:1: not valid YAML: did not find[^`]*)`", page)
    assert shown and shown.group(1) in r.output.replace(str(path), "names.yaml")
    origin = re.search(r"`(glossary:glossaries/south-caucasus\.yaml:\d+ \(Antony Blinken\))`", page)
    edits = mtfix.fix("Antoni Blinken arrived in Baku.").edits
    assert origin and [e.origin for e in edits] == [origin.group(1)]


def test_the_readmes_finding_fields_and_the_scoring_pages_signature_fields() -> None:
    """The README's ``Finding(code, category, ...)`` lists the dataclass's fields in order, and
    docs/scoring.md's signature template names the fields of a score's signature in order."""
    import dataclasses

    import mtfix
    from mtfix.model import Finding

    shown = re.search(r"# Finding\(([^)]*)\)", PAGES["README.md"])
    assert shown and [f.strip() for f in shown.group(1).split(",")] == [f.name for f in dataclasses.fields(Finding)]
    template = re.search(r"`(mtfix-fluency\|rules:<[^`]*)`", PAGES["docs/scoring.md"])
    signature = mtfix.score("Prices rose.").signature

    def fields(s: str) -> list[str]:
        return [part.split(":", 1)[0] for part in s.split("|")]

    assert template and fields(template.group(1)) == fields(signature), signature


def test_the_editor_pages_message_for_a_bad_editor_setting() -> None:
    """docs/editors.md's message for ``minSeverity: "huge"`` is the server's ("mtfix: " + the loader's
    error + "; keeping the previous settings"), the allowed values in the order mtfix names them."""
    from mtfix.errors import ConfigError
    from mtfix.lsp.settings import normalise

    page = " ".join(PAGES["docs/editors.md"].split())
    shown = re.search(r"`(mtfix: editor setting mtfix\.minSeverity: [^`]*)`", page)
    with pytest.raises(ConfigError) as exc:
        normalise({"minSeverity": "huge"})
    assert shown and shown.group(1) == f"mtfix: {exc.value}; keeping the previous settings"


def test_the_review_pages_sample_decision_is_the_edit_mtfix_proposes() -> None:
    """docs/review.md's sample decision (MTF101 on its own sentence): the edit's original, replacement,
    length and sentence offset are those of the edit a review proposes for that sentence."""
    import mtfix

    (block,) = [b for w, b in JSON if w.startswith("docs/review.md") and '"mtfix-review-decisions"' in b]
    (decision,) = _json_value(block)["files"][0]["decisions"]
    (edit,) = [e for f in mtfix.check(decision["sentence"]).findings if f.code == decision["code"] for e in f.edits]
    assert (edit.original, edit.replacement, edit.start) == (
        decision["original"], decision["replacement"], decision["sentence_offset"])
    assert decision["end"] - decision["start"] == len(decision["original"])


def test_the_files_pages_messages_for_a_stream_past_its_limit_and_an_output_folder_that_is_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/files.md quotes what mtfix says for standard input past ``MTFIX_STDIN_LIMIT`` (the default,
    64 MiB) and for ``fix sub -o sub``: the messages mtfix prints."""
    from mtfix.errors import InputError
    from mtfix.io.stdio import STDIN, read_stream

    page = " ".join(PAGES["docs/files.md"].split())
    shown = re.search(r"`(-: standard input is larger than 64 MiB \(MTFIX_STDIN_LIMIT\)[^`]*)`", page)
    monkeypatch.delenv("MTFIX_STDIN_LIMIT", raising=False)
    with pytest.raises(InputError) as exc:
        read_stream(lambda n: b"a" * n, "standard input is", STDIN)  # a stream without end
    assert shown and str(exc.value) == shown.group(1)
    shown = re.search(r"`(mtfix: error: -o sub: is the input folder sub itself: [^`]*)`", page)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("The talks , went well.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = _run("fix", "--grammar", "off", "sub", "-o", "sub")
    assert shown and r.exit_code == 2 and shown.group(1) in " ".join(r.output.split())
    assert (tmp_path / "sub" / "a.txt").read_text(encoding="utf-8") == "The talks , went well.\n"


def test_rules_and_explain_read_the_pack_the_config_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/rule-packs.md: `rules` and `explain` read the packs of the current folder's settings file,
    or of the one `--config FILE` names (the page's own pack, named by `rule-files`)."""
    (pack,) = [b for w, b in YAML if w.startswith("docs/rule-packs.md") and b.startswith("pack:")]
    conf = tmp_path / "conf"
    conf.mkdir()
    (conf / "my-pack.yaml").write_text(pack, encoding="utf-8")
    (conf / "mtfix.toml").write_text('rule-files = ["my-pack.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "TRE101" not in _run("rules").output
    r = _run("rules", "--config", "conf/mtfix.toml", "--select", "TRE")
    assert r.exit_code == 0 and "TRE101" in r.output, r.output
    r = _run("explain", "--config", "conf/mtfix.toml", "TRE101")
    assert r.exit_code == 0 and r.output.startswith("TRE101 ("), r.output
    monkeypatch.chdir(conf)
    assert "TRE101" in _run("rules", "--select", "TRE").output


def test_review_makes_the_folder_of_its_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/review.md: `-o` names the report; a folder of it not made yet is made."""
    assert "a folder not made yet is made" in PAGES["docs/review.md"]
    (tmp_path / "a.txt").write_text("Prices of oilgas rose.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = _run("review", "--grammar", "off", "a.txt", "-o", "reports/today/r.html")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "reports" / "today" / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_doctor_checks_the_server_lt_url_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/languagetool.md: `mtfix doctor --lt-url URL` checks that server, FAIL (exit 1) when it does
    not answer."""
    import socket

    assert "`mtfix doctor` | " in PAGES["docs/languagetool.md"]
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    r = _run("doctor", "--lt-url", f"http://127.0.0.1:{port}")
    assert r.exit_code == 1
    assert re.search(rf"FAIL +LT server +http://127\.0\.0\.1:{port} ", r.output), r.output


# -- session 24: the documentation run as written, round 4 ----------------------------------------


def test_the_rules_pages_options_are_options_mtfix_has() -> None:
    """docs/rules.md (the rules' own documentation, as `mtfix explain` prints it) names only options
    that some mtfix command has (MTF129 said "applied only with --unsafe", an option no command has)."""
    root = typer.main.get_command(app)

    def options(node: Any) -> set[str]:
        own = {o for p in getattr(node, "params", []) for o in (*p.opts, *p.secondary_opts)}
        return own.union(*(options(c) for c in getattr(node, "commands", {}).values()))

    named = set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")))
    assert named and not named - options(root), sorted(named - options(root))


def test_the_pages_historical_and_english_word_variants_are_unsafe_fixes() -> None:
    """MTF301 on a historical name ("Tiflis") and on a one-word variant English prints ("SNG") is an
    unsafe fix, applied with unsafe fixes on (tests/glossary/test_glossary_tiers.py): the rule's
    documentation and the README say so, not "a suggestion, never an edit" / "only suggested"."""
    import mtfix

    for text, fixed in [
        ("In 1900 Tiflis was a busy city.", "In 1900 Tbilisi was a busy city."),
        ("The SNG plant opened on Monday.", "The Commonwealth of Independent States plant opened on Monday."),
    ]:
        (f,) = [f for f in mtfix.check(text).findings if f.code == "MTF301"]
        assert str(f.fix) == "unsafe" and f.edits
        assert mtfix.fix(text).text == text and mtfix.fix(text, unsafe=True).text == fixed
    rules_page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    mtf301 = " ".join(rules_page.split('<a id="mtf301"></a>')[1].split("<a id=")[0].split())
    assert "never an edit" not in mtf301 and "only a suggestion" not in mtf301
    readme = " ".join(PAGES["README.md"].split())
    assert "exact variants (MTF301, safe;" in readme and "only suggested" not in readme
    # docs/glossaries.md's field table (round 5: it still said "never replaced by `fix`")
    (historical,) = [line for line in PAGES["docs/glossaries.md"].splitlines() if line.startswith("| `historical`")]
    assert "never replaced" not in historical and "--unsafe-fixes" in historical


def test_the_formats_page_says_a_markdown_sentence_with_an_address_is_judged() -> None:
    """docs/formats.md: since analysis revision 17 a Markdown sentence holding a URL, an autolink or an
    image with an address is judged, the address read as one name (it said such a sentence is not
    judged)."""
    import mtfix
    from mtfix.config import Config

    garbled = "The minister of it simply of the talks was informed {} by the side of the of news.\n"
    pipeline = mtfix.Pipeline(Config(grammar="off", select=("MTF401",)))
    for address in ("at https://example.org/a", "at <https://example.org/a>", "![map](https://example.org/m.png)"):
        doc = pipeline.document(garbled.format(address), path="a.md")
        assert [f.code for f in pipeline.check(doc).findings] == ["MTF401"], address
    page = " ".join(PAGES["docs/formats.md"].split())
    assert "such an address is not judged" not in page
    assert "an autolink or an image whose source is such an address is judged, the address read as one name" in page


def test_the_detector_page_names_the_analysis_revision_the_weights_are_applied_to() -> None:
    """docs/detector.md, "Training": the analysis revision the shipped weights were fitted on (session 24: today's
    recipe; revision 19, refitted on revision 22 in session 33, on 23 in session 35 and on 24 in session 38) and the one they are applied to, the shipped model
    a plain retrain reproduces, and the revisions since the older model's fit run to it."""
    from mtfix.garble.model import Detector
    from mtfix.garble.signs import ANALYSIS_REVISION

    page = " ".join(PAGES["docs/detector.md"].split())
    assert f"They are applied to analysis revision {ANALYSIS_REVISION}," in page
    # session 33: refitted on revision 22 (the rows revisions 20–22 read differently), byte for byte;
    # session 35: refitted on revision 23 (4 rows a gloss after a preposition reads differently);
    # session 38: refitted on revision 24 (12 rows that open with a bullet or a symbol);
    # session 39: refitted on revision 25 (2 rows that open with a copyright sign, read as a word again);
    # session 41: refitted on revision 26 (an irregular verb's "-s" present told by morphology);
    # session 42: refitted on revision 27 (each irregular past its own verb's), byte for byte
    assert "fitted on analysis revision 27." in page
    digest = Detector.load().digest
    assert f"reproduces the shipped `garble-1.0@{digest[:12]}` (SHA-256 `{digest}`) byte for byte" in page
    assert f"analysis revisions 2–{ANALYSIS_REVISION} changed the features" in page


def test_languagetool_status_names_the_server_lt_url_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/languagetool.md: `mtfix languagetool status --lt-url URL` reports that server: one that does not
    answer is named, as `doctor` names it (it said `server: not running`, as if no server were asked for)."""
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    r = _run("languagetool", "status", "--lt-url", f"http://127.0.0.1:{port}")
    assert r.exit_code == 1
    assert f"server:       http://127.0.0.1:{port} does not answer a check (--lt-url)\n" in r.output, r.output


def test_the_spark_pages_summary_of_the_example_feed_is_what_mtfix_gives() -> None:
    """docs/spark.md: `examples/spark_job.py` on the example feed prints `N rows: … repaired, … left for
    review, … with an error`. The job's counts are the library's on the same rows (tests/integrations/
    test_examples.py::test_spark_job), so they are computed here without Spark (round 5: the page said 5
    left for review; since session 24's detector the job prints 6)."""
    from mtfix import Config, Pipeline

    shown = re.search(r"It prints `(\d+) rows: (\d+) repaired, (\d+) left for\s+review, (\d+) with an error`",
                      PAGES["docs/spark.md"])
    feed = [json.loads(line) for line in (ROOT / "examples" / "news-feed.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [{"id": r["id"], "body": r.get("body")} for r in feed]  # a DataFrame: a missing field is a null
    got = list(Pipeline(Config(grammar="off")).process(rows, text_field="body", id_field="id"))
    counts = (len(got), sum(r.changed for r in got), sum(bool(r.remaining) for r in got), sum(not r.ok for r in got))
    assert shown and tuple(int(n) for n in shown.groups()) == counts, counts


def test_the_detector_pages_share_of_professional_sentences_with_a_minor_is_the_models() -> None:
    """docs/detector.md, "Limits": the share of realmt's professional dev sentences that get a minor MTF401 is
    the shipped card's `figures.dev.clean_minor` (round 5: the page said "about a fifth", the older model's;
    the session-24 model's minor threshold, a third of the fitting-side professional sentences, gives 30 %)."""
    card = json.loads((ROOT / "mtfix" / "garble" / "data" / "detector.json").read_text(encoding="utf-8"))
    share = round(100 * card["figures"]["dev"]["clean_minor"])
    page = " ".join(PAGES["docs/detector.md"].split())
    assert "about a fifth of realmt's professional" not in page
    assert f"so {share} % of realmt's professional dev sentences get a minor MTF401" in page


def test_the_short_signature_ids_the_pages_show_are_the_scoring_pages_signatures() -> None:
    """docs/library.md (the sample record, the `signature` field) and docs/spark.md (`mtfix_signature`) show
    the short id of a grammar-off job's signature: the id of docs/scoring.md's example signature (the one
    the session rules keep current), i.e. what `job_signature(Pipeline(Config(grammar="off"))).id` gives
    with the bundled packs (round 5: the pages showed `c450e8a855fa`, an id of no signature mtfix writes)."""
    from mtfix.signature import Signature

    (example,) = re.findall(r"^`(mtfix-fluency\|rules:[a-z][^<`]*)`$", PAGES["docs/scoring.md"], re.M)
    want = Signature.parse(example).id
    for page in ("docs/library.md", "docs/spark.md"):
        shown = set(re.findall(r"mtfix-fluency#[0-9a-f]{12}", PAGES[page]))
        assert shown == {want}, f"{page}: {sorted(shown)}; docs/scoring.md's example signature has the id {want}"


def test_the_rule_pack_pages_table_of_codes_covers_every_rule() -> None:
    """docs/rule-packs.md's first table (pack, for, codes) names a code family for every rule `mtfix rules`
    lists (round 5: it had no row for the garble detector's MTF4xx nor for the subtitle lines' MTF601)."""
    from mtfix.catalogue import build_catalogue

    table = PAGES["docs/rule-packs.md"].split("| pack | for | codes |", 1)[1].split("\n\n", 1)[0]
    families = re.findall(r"`(MTF\d)(?:xx|\d\d)`|`(LT):", table)
    prefixes = {a or b for a, b in families}
    missing = sorted({r.code for r in build_catalogue() if not any(r.code.startswith(p) for p in prefixes)})
    assert not missing, missing


def test_the_scoring_pages_seed_document_scores_are_what_score_gives(seed_text: Any) -> None:
    """docs/scoring.md, "Consequences worth knowing": the seed documents' scores under the shipped model, as
    `mtfix score --grammar off` reports them (one decimal). Reads ../shared/seeds (skipped without them).
    Round 5: the page gave seed 004 40.2, measured with the session-24 scratch model; the shipped one gives 40.1."""
    import mtfix

    shown = re.search(r"clean seed documents score ([\d.]+) / ([\d.]+) / ([\d.]+) / ([\d.]+), the garbled seed 004 "
                      r"([\d.]+)", " ".join(PAGES["docs/scoring.md"].split()))
    got = tuple(f"{mtfix.score(seed_text(p)).fluency:.1f}"
                for p in ("000", "001", "002", "003", "004"))
    assert shown and shown.groups() == got, got


def test_the_scoring_pages_demo_article_figures_are_what_score_gives() -> None:
    """docs/scoring.md, "Not met": the demo article's words and its document score before and after repair,
    as `mtfix demo` reads its bundled copy. Round 8: the page said "94 words"; `mtfix score` counts 100 before
    repair and 95 after (either way under 128 words: one unit)."""
    from importlib import resources

    import mtfix

    page = " ".join(PAGES["docs/scoring.md"].split())
    shown = re.search(r"the demo article \((\d+) words before repair, (\d+) after; one unit each\) reads ([\d.]+) "
                      r"before repair and ([\d.]+) after", page)
    text = (resources.files("mtfix") / "demo" / "garbled-news.txt").read_text(encoding="utf-8")
    before = mtfix.score(text, grammar="off")
    after = mtfix.score(mtfix.fix(text, grammar="off").text, grammar="off")
    got = (str(before.words), str(after.words), f"{before.fluency:.1f}", f"{after.fluency:.1f}")
    assert shown and shown.groups() == got, got


def test_show_settings_shows_the_subtitle_limits_the_command_line_gives(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """README: `--show-settings` prints the resolved settings, each with its source (`command line (over
    file:line)` when an option replaces the file's value), as valid TOML. Round 5: `--max-line-length` and
    `--max-cps` were applied only after it had printed and exited, so it showed the file's `[subtitles]`
    (or none) and did not check `--max-cps 3`."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nThe talks ended.\n", encoding="utf-8")
    r = _run("check", "--show-settings", "--max-line-length", "30", "a.srt")
    assert r.exit_code == 0, r.output
    assert tomllib.loads(r.stdout)["subtitles"] == {"max-line-length": 30}
    assert "[subtitles]  # command line\nmax-line-length = 30  # command line\n" in r.stdout
    (tmp_path / "mtfix.toml").write_text("[subtitles]\nmax-line-length = 50\nmax-cps = 17\n", encoding="utf-8")
    r = _run("check", "--show-settings", "--max-line-length", "30", "a.srt")
    assert tomllib.loads(r.stdout)["subtitles"] == {"max-line-length": 30, "max-cps": 17}, r.stdout
    assert "max-line-length = 30  # command line (over " in r.stdout
    r = _run("check", "--show-settings", "--max-cps", "3", "a.srt")
    assert r.exit_code == 2 and "--max-cps must be 5 or more" in r.output


def test_the_detector_pages_laser_sentence_is_what_check_gives() -> None:
    """docs/detector.md, analysis revision 18: "The laser emits light …" has no MTF402 and a minor MTF401 at
    the probability the page gives for the shipped model (round 5: it gave 0.34, the probability under the
    model before session 24's refit; the shipped one gives 0.39)."""
    import mtfix

    text = "The laser emits light at a wavelength of λ = 633 nm in the lab."
    page = " ".join(PAGES["docs/detector.md"].split())
    shown = re.search(r"MTF401 p 0\.54 → [\d.]+ with the model of the time, ([\d.]+) with the shipped one", page)
    (f,) = mtfix.check(text).findings
    got = re.search(r"p=([\d.]+)", f.message_with_detail)
    assert shown and got and f.code == "MTF401" and str(f.severity) == "minor" and got.group(1) == shown.group(1), f


def test_show_settings_shows_every_tables_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/files.md: `mtfix check --show-settings` prints them all with their values and sources, as valid TOML.
    Round 6: the tables (`[languagetool]`, `[glossary]`, `[server]`, `[subtitles]`) were printed only when the
    settings file or the command line set one of their keys, and then only those keys: their defaults (42, 20,
    the LanguageTool heap …) were nowhere. Now every key of every table is shown, a default as a comment (so
    the output saved as an `mtfix.toml` still sets nothing it did not set)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MTFIX_LT_START_TIMEOUT", raising=False)  # the suite's longer wait (tests/conftest.py)
    (tmp_path / "a.txt").write_text("The talks ended.\n", encoding="utf-8")
    r = _run("check", "--show-settings", "a.txt")
    assert r.exit_code == 0, r.output
    assert "languagetool" not in tomllib.loads(r.stdout) and "subtitles" not in tomllib.loads(r.stdout)
    for line in ("# [languagetool]  # default", '# heap = "1g"  # default', "# port = 0  # default",
                 '# language = "en-US"  # default', "# timeout = 60  # default", "# start-timeout = 90  # default",
                 "# batch-chars = 4000  # default", "# workers = 2  # default", "# result-cache = true  # default",
                 "# [glossary]  # default", "# first-mention = true  # default",
                 "# [server]  # default", "# debounce-ms = 50  # default", "# docs-url: not set  # default",
                 "# [subtitles]  # default", "# max-line-length = 42  # default", "# max-cps = 20  # default"):
        assert line + "\n" in r.stdout, (line, r.stdout)
    (tmp_path / "mtfix.toml").write_text("[subtitles]\nmax-cps = 17\n\n[languagetool]\nheap = \"2g\"\n",
                                         encoding="utf-8")
    r = _run("check", "--show-settings", "--max-line-length", "30", "a.txt")
    assert r.exit_code == 0, r.output
    shown = tomllib.loads(r.stdout)
    assert shown["subtitles"] == {"max-line-length": 30, "max-cps": 17} and shown["languagetool"] == {"heap": "2g"}
    assert 'heap = "2g"' in r.stdout and '# heap = "1g"' not in r.stdout and "# port = 0  # default\n" in r.stdout
    assert "# max-line-length = 42" not in r.stdout and "# max-cps = 20" not in r.stdout


def test_the_pre_commit_pages_snippets_give_the_fix_hook_what_the_check_hook_reports() -> None:
    """docs/pre-commit.md: "`[fix]` marks what `mtfix-fix` (or `mtfix fix`) mends", with `mtfix-fix` first ("mend
    first..."). Round 6: the page's `args` snippet ran `mtfix-check` first with `--glossary glossary/names.tsv` and
    gave `mtfix-fix` none, so a real commit was refused with `MTF301 … [fix]` and "1 fixable with `mtfix fix`" at
    every try while `mtfix-fix` passed: it never read the glossary. Every snippet naming both hooks runs
    `mtfix-fix` first and gives both the options that decide what is found and mended, and the page says why."""
    import yaml

    page = PAGES["docs/pre-commit.md"]
    deciding = {"--glossary", "-g", "--select", "--ignore", "--source-lang", "--pack", "--rules",
                "--no-default-glossaries", "--config"}
    seen = 0
    for m in _FENCE.finditer(page):
        if m.group(1) != "yaml":
            continue
        data = yaml.safe_load(textwrap.dedent(m.group(2)))
        if "jobs" in data:  # the CI job: it runs the repository's .pre-commit-config.yaml
            continue
        hooks = data["repos"][0]["hooks"] if "repos" in data else data["hooks"]
        ids = [h["id"] for h in hooks]
        if {"mtfix-check", "mtfix-fix"} <= set(ids):
            seen += 1
            assert ids.index("mtfix-fix") < ids.index("mtfix-check"), m.group(2)

            def options(hook: dict[str, Any]) -> list[tuple[str, str]]:
                args = [str(a) for a in hook.get("args", [])]
                return [(a, args[i + 1] if i + 1 < len(args) else "") for i, a in enumerate(args) if a in deciding]

            by_id: dict[str, dict] = {}
            for h in hooks:
                by_id.setdefault(h["id"], h)
            assert options(by_id["mtfix-fix"]) == options(by_id["mtfix-check"]), m.group(2)
            # an aliased entry (the check-all entry, session 45) may narrow what it reports with --select alone:
            # a subset of what mtfix-fix finds and mends, never a [fix] it did not read
            for h in hooks:
                if h.get("alias"):
                    own = [o for o in options(h) if o[0] != "--select"]
                    assert own == options(by_id["mtfix-fix"]), m.group(2)
    # (the third: the pages snippet, session 29; the fourth: the check-all entry, session 35; the fifth: the
    # stages entry, session 36)
    assert seen == 5
    assert "never mended by `mtfix-fix`" in " ".join(page.split())


@pytest.mark.parametrize("where,block", [(w, b) for w, b in LIBRARY if b.startswith("import mtfix")],
                         ids=_ids([(w, b) for w, b in LIBRARY if b.startswith("import mtfix")]))
def test_one_text_examples_define_the_text_they_use(where: str, block: str) -> None:
    """A block that starts with ``import mtfix`` is copied whole into a REPL: the ``text`` it passes must be one
    it assigns (until session 27 docs/library.md's and the README's used ``text`` undefined: a NameError)."""
    tree = ast.parse(block)
    stored = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "text"
              and isinstance(n.ctx, ast.Store)]
    loaded = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "text"
              and isinstance(n.ctx, ast.Load)]
    assert not loaded or (stored and min(stored) < min(loaded)), f"{where}: `text` used before it is assigned"
