"""The pre-commit hooks, for real: a temporary git repository whose ``.pre-commit-config.yaml``
points at a snapshot of this checkout; pre-commit builds the hook's virtualenv (once per
session, pip-installing mtfix and its dependencies) and runs it on ``git commit``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mtfix

pytest.importorskip("pre_commit")
if shutil.which("git") is None:  # pragma: no cover
    pytest.skip("git is not installed", allow_module_level=True)

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]

# Our own garbled text, in the style of Azerbaijani→English MT news.
GARBLED = """\
Talks in Baku

It simply came to our notice then that, the ministers discussed the oilgas corridor.
The delegation arrived through the snowThe storm, and officials said the trip went well.
I support Georgia according to I called Armenia for the help.
"""

CLEAN = """\
Talks in Baku

The foreign ministers of Azerbaijan and Georgia met in Baku on Tuesday to discuss the
oil and gas corridor, rail freight and tourism. Both sides said the talks were useful.
"""


def _git_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for k in list(env):
        if k.startswith(("GIT_", "PRE_COMMIT")):
            del env[k]
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.invalid",
        GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.invalid",
        PRE_COMMIT_HOME=str(home / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
    )
    # pre-commit's git hook runs `python -m pre_commit` with this interpreter.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def _snapshot(dest: Path, env: dict[str, str]) -> str:
    """Copy this checkout's work tree (tracked and untracked, not ignored files) to ``dest`` and
    commit it there: pre-commit clones a hook repository at a revision."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the work tree
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target, follow_symlinks=False)
    _run(["git", "init", "-q"], dest, env)
    _run(["git", "add", "-A"], dest, env)
    _run(["git", "commit", "-q", "-m", "snapshot of the mtfix work tree"], dest, env)
    return _run(["git", "rev-parse", "HEAD"], dest, env).stdout.strip()


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory) -> tuple[Path, str, dict[str, str]]:
    """A committed snapshot of this checkout, and a PRE_COMMIT_HOME where the hook's
    environment is built once for the session."""
    home = tmp_path_factory.mktemp("precommit")
    (home / "gitconfig").write_text("[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
    env = _git_env(home)
    src = home / "mtfix-src"
    src.mkdir()
    rev = _snapshot(src, env)
    # Build the hook environment once (pip installs mtfix from the snapshot).
    warm = home / "warm"
    warm.mkdir()
    _run(["git", "init", "-q"], warm, env)
    (warm / ".pre-commit-config.yaml").write_text(_config(src, rev, ["mtfix-check", "mtfix-fix"]))
    _run([sys.executable, "-m", "pre_commit", "install-hooks"], warm, env)
    return src, rev, env


def _config(src: Path, rev: str, hooks: list[str]) -> str:
    lines = ["repos:", f"  - repo: {src}", f"    rev: {rev}", "    hooks:"]
    lines += [f"      - id: {h}" for h in hooks]
    return "\n".join(lines) + "\n"


@pytest.fixture
def editor_repo(tmp_path, hook_source):
    """An editor's repository with the hooks installed as git hooks."""
    src, rev, env = hook_source

    def make(hooks: list[str]) -> Path:
        repo = tmp_path / "articles"
        repo.mkdir()
        _run(["git", "init", "-q"], repo, env)
        (repo / ".pre-commit-config.yaml").write_text(_config(src, rev, hooks))
        _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
        _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
        _run(["git", "commit", "-q", "-m", "add hooks"], repo, env)  # no text file: hooks are skipped
        return repo

    return make, env


def _commit(repo: Path, env: dict[str, str], *files: str) -> subprocess.CompletedProcess:
    _run(["git", "add", *files], repo, env)
    return _run(["git", "commit", "-m", f"add {' '.join(files)}"], repo, env, check=False)


def _committed(repo: Path, env: dict[str, str]) -> list[str]:
    return _run(["git", "ls-tree", "-r", "--name-only", "HEAD"], repo, env).stdout.split()


def test_check_refuses_garbled_commit_and_shows_findings(editor_repo):
    make, env = editor_repo
    repo = make(["mtfix-check"])
    (repo / "article.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "article.txt")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "mtfix check" in out and "Failed" in out
    assert "article.txt:3:1: MTF101" in out  # the hallucinated opener, with file:line:col
    assert "MTF206" in out  # 'oilgas'
    assert "article.txt" not in _committed(repo, env)
    # The file is untouched by a check.
    assert (repo / "article.txt").read_text(encoding="utf-8") == GARBLED


def test_check_lets_clean_commit_through(editor_repo):
    make, env = editor_repo
    repo = make(["mtfix-check"])
    (repo / "clean.txt").write_text(CLEAN, encoding="utf-8")
    proc = _commit(repo, env, "clean.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "mtfix check" in proc.stderr + proc.stdout and "Passed" in proc.stderr + proc.stdout
    assert "clean.txt" in _committed(repo, env)


@pytest.mark.parametrize("name", ["ep1.srt", "EP1.SRT"])
def test_check_refuses_garbled_subtitles_commit(editor_repo, name):
    """A staged ``.srt`` reaches the hook (before, its ``files:`` took ``.md`` and ``.txt`` only, so
    the commit went through unchecked) and is read as SubRip: findings at the file's own lines.  ``EP1.SRT`` (a
    camera's or a Windows tool's name) too: a folder walk of ``mtfix`` takes it, and the hooks' ``files:`` took
    lower case only until session 35, so pre-commit said "(no files to check) Skipped" and the cue was committed."""
    make, env = editor_repo
    repo = make(["mtfix-check"])
    cue = "1\n00:00:01,000 --> 00:00:04,000\nIt simply came to our notice then that, the ministers met.\n"
    (repo / name).write_text(cue, encoding="utf-8")
    proc = _commit(repo, env, name)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and f"{name}:3:1: MTF101" in out, out
    assert name not in _committed(repo, env)


def test_utf16_subtitles_reach_the_hooks(editor_repo):
    """A subtitle saved as UTF-16 with a byte-order mark (Subtitle Edit's "Unicode") looks binary to
    pre-commit's classifier: with ``types: [text]`` it was passed over and the commit went through
    unchecked. The hooks take ``types: [file]`` now, and mtfix reads the file by its BOM."""
    make, env = editor_repo
    repo = make(["mtfix-check"])
    cue = "1\r\n00:00:01,000 --> 00:00:04,000\r\nIt simply came to our notice then that, the ministers met.\r\n"
    (repo / "ep1.srt").write_bytes(cue.encode("utf-16"))
    proc = _commit(repo, env, "ep1.srt")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "ep1.srt:3:1: MTF101" in out, out
    assert "ep1.srt" not in _committed(repo, env)


def test_fix_repairs_then_commit_goes_through(editor_repo):
    make, env = editor_repo
    repo = make(["mtfix-fix"])
    path = repo / "article.txt"
    path.write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "article.txt")
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "files were modified by this hook" in proc.stdout + proc.stderr
    fixed = path.read_text(encoding="utf-8")
    assert "It simply came to our notice" not in fixed
    assert "The ministers discussed the oil and gas corridor." in fixed
    assert "snow The storm" in fixed or "snow the storm" in fixed.lower()
    assert "article.txt" not in _committed(repo, env)
    # As with formatters: stage the repaired file and commit again.  What no safe fix mends
    # ("according to I thanked") is left for `mtfix-check`, not for the fixer.
    proc = _commit(repo, env, "article.txt")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "article.txt" in _committed(repo, env)


#: A garbled news page of my own with a site template's syntax in it (session 29).
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body>{% include "nav.html" %}
<p>Officials said the the oilgas corridor was <b>open</b> again on Monday.</p>
<p>Welcome, {{ user.name }}, to <a href="{{ url }}">the site</a>.</p>
</body></html>
"""


def test_pages_are_checked_and_mended_when_the_hooks_files_name_them(editor_repo, hook_source):
    """The hooks leave .html out by default, as a folder walk does (a repository of Markdown articles often holds
    its site's templates); ``files: \\.(md|html?)$`` in the editor's configuration takes pages: mtfix-fix mends
    a page's prose, keeping every tag and its template syntax, and mtfix-check passes what is left."""
    make, env = editor_repo
    src, rev, _ = hook_source
    repo = make(["mtfix-check"])
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n"
        "      - id: mtfix-fix\n        files: \\.(md|html?)$\n"
        "      - id: mtfix-check\n        files: \\.(md|html?)$\n")
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    path = repo / "index.html"
    path.write_text(PAGE, encoding="utf-8")
    proc = _commit(repo, env, ".pre-commit-config.yaml", "index.html")
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "files were modified by this hook" in proc.stdout + proc.stderr
    fixed = path.read_text(encoding="utf-8")
    assert fixed == PAGE.replace("the the oilgas", "the oil and gas")
    proc = _commit(repo, env, "index.html")
    assert "index.html" in _committed(repo, env), proc.stdout + proc.stderr


def test_a_page_is_not_taken_by_the_hooks_as_offered(editor_repo):
    make, env = editor_repo
    repo = make(["mtfix-check", "mtfix-fix"])
    (repo / "index.html").write_text(PAGE, encoding="utf-8")
    proc = _commit(repo, env, "index.html")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (repo / "index.html").read_text(encoding="utf-8") == PAGE
    assert "(no files to check)Skipped" in proc.stdout + proc.stderr


def test_fix_hook_writing_elsewhere_lets_the_commit_through(editor_repo, hook_source):
    """Session 24: ``mtfix-fix`` with ``args: [-o, fixed]`` writes the fixed copies under ``fixed/`` and leaves the
    staged files as they are: nothing for the editor to ``git add`` and commit again, so the hook passes (it exited 1
    on every such commit until then, refusing it again at each try).  What is left is ``mtfix-check``'s to refuse."""
    src, rev, _ = hook_source
    make, env = editor_repo
    repo = make(["mtfix-fix"])
    (repo / ".pre-commit-config.yaml").write_text(_config_with_args(src, rev, {"mtfix-fix": ["-o", "fixed"]}))
    (repo / "article.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, ".pre-commit-config.yaml", "article.txt")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "article.txt" in _committed(repo, env) and (repo / "article.txt").read_text(encoding="utf-8") == GARBLED
    assert (repo / "fixed" / "article.txt").read_text(encoding="utf-8") == mtfix.fix(GARBLED, grammar="off").text
    (repo / ".pre-commit-config.yaml").write_text(_config_with_args(src, rev, {"mtfix-fix": ["-o", "fixed"],
                                                                               "mtfix-check": ["--fail-on", "major"]}))
    (repo / "second.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, ".pre-commit-config.yaml", "second.txt")
    assert proc.returncode == 1 and "MTF101 [major]" in proc.stdout + proc.stderr  # the check still refuses


def test_fix_hook_entry_drops_exit_on_fix_with_an_output_folder():
    from mtfix.integrations.precommit import _plan

    for out in (["-o", "fixed"], ["--output-dir", "fixed"], ["--output-dir=fixed"], ["-ofixed"]):
        planned = _plan(["fix", "--exit-non-zero-on-fix", *out, "a.md"])
        assert all("--exit-non-zero-on-fix" not in args for args in planned), (out, planned)
    assert all("--exit-non-zero-on-fix" in args for args in _plan(["fix", "--exit-non-zero-on-fix", "a.md"]))


def test_repository_configuration_is_read(editor_repo):
    make, env = editor_repo
    repo = make(["mtfix-check"])
    (repo / "mtfix.toml").write_text('exclude = ["drafts/*"]\nignore = ["MTF206"]\n', encoding="utf-8")
    _run(["git", "add", "mtfix.toml"], repo, env)
    _run(["git", "commit", "-q", "-m", "mtfix settings"], repo, env)
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wip.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "drafts/wip.txt")  # excluded by the repository's globs
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (repo / "only-minor.txt").write_text("Prices of oilgas rose in May.\n", encoding="utf-8")
    proc = _commit(repo, env, "only-minor.txt")  # MTF206 ignored: nothing left to report
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (repo / "article.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "article.txt")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "MTF101" in out and "MTF206" not in out


def test_hundreds_of_files_under_two_settings_files(editor_repo):
    """A commit of 400 files: pre-commit shuffles them and splits them between hook processes.
    Each file is still checked under its own settings file (``site/mtfix.toml`` reports only
    critical findings), every file is counted once in the summaries, and the verdict is the
    worst one."""
    import re

    make, env = editor_repo
    repo = make(["mtfix-check"])
    for folder in ("news", "site"):
        (repo / folder).mkdir()
        for i in range(200):
            (repo / folder / f"{i:03d}.md").write_text(CLEAN, encoding="utf-8")
    (repo / "site" / "mtfix.toml").write_text('min-severity = "critical"\nfail-on = "critical"\n', encoding="utf-8")
    (repo / "site" / "garbled.md").write_text(GARBLED, encoding="utf-8")
    (repo / "news" / "garbled.md").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "news", "site")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "news/garbled.md:3:1: MTF101 [major]" in out and "site/garbled.md:" not in out
    assert sum(int(n) for n in re.findall(r"findings? in (\d+) files?", out)) == 402, out
    _run(["git", "reset", "-q", "news/garbled.md"], repo, env)
    proc = _run(["git", "commit", "-m", "the rest"], repo, env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "site/garbled.md" in _committed(repo, env)


def test_broken_settings_refuse_the_commit_with_one_line_and_no_traceback(editor_repo):
    """A settings error reaches the editor as mtfix's one-line message naming file and line
    (exit 2 through ``mtfix.cli.guarded``), never a traceback; the fix hook leaves the file as is."""
    make, env = editor_repo
    repo = make(["mtfix-fix"])
    (repo / "mtfix.toml").write_text('fail-on = "major"\nselekt = ["MTF1"]\n', encoding="utf-8")
    (repo / "article.txt").write_text(GARBLED, encoding="utf-8")
    proc = _commit(repo, env, "mtfix.toml", "article.txt")
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert "mtfix.toml:2" in out and "selekt" in out, out
    assert "Traceback" not in out, out
    assert (repo / "article.txt").read_text(encoding="utf-8") == GARBLED
    assert _committed(repo, env) == [".pre-commit-config.yaml"]


def test_hook_entry_point_errors_exit_2_without_traceback(tmp_path, capsys):
    """In-process: a bad option value and a missing file each give exit 2 and one line."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    article = tmp_path / "article.md"
    article.write_text(GARBLED, encoding="utf-8")
    assert main(["check", "--fail-on", "sometimes", str(article)]) == 2
    assert main(["check", str(tmp_path / "missing.md")]) == 2
    assert main(["lint", str(article)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "sometimes" in err and "missing.md" in err
    assert article.read_text(encoding="utf-8") == GARBLED


@pytest.mark.parametrize("argv", [["check"], ["check", "--fail-on", "minor"], ["fix", "--exit-non-zero-on-fix"],
                                  ["check", "--"]])
def test_a_hook_given_no_file_says_so_and_fails(tmp_path, capsys, monkeypatch, argv):
    """``pass_filenames: false`` makes pre-commit run the hook without files: before, it checked
    nothing and passed silently; now one line says why and the commit stops (exit 2)."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "article.md").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert "no file to check" in captured.err and "pass_filenames: false" in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err and captured.out == ""
    assert (tmp_path / "article.md").read_text(encoding="utf-8") == GARBLED
    assert main(["check", "."]) == 1  # a folder named in the hook's args is checked


def test_pyproject_table_sets_threshold_and_rules(tmp_path, capsys):
    """The hook's entry point in-process: ``[tool.mtfix]`` in the repository's pyproject.toml sets
    the severity threshold and the rule selection; grammar stays off."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()  # the configuration search stops at the repository root
    article = tmp_path / "article.md"
    article.write_text(GARBLED, encoding="utf-8")
    assert main(["check", str(article)]) == 1
    out = capsys.readouterr().out
    assert "article.md:3:1: MTF101 [major]" in out and "MTF206" in out
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "articles"\n\n[tool.mtfix]\nfail-on = "critical"\nignore = ["MTF206"]\n', encoding="utf-8")
    assert main(["check", str(article)]) == 0  # majors are shown but do not fail below "critical"
    out = capsys.readouterr().out
    assert "MTF101 [major]" in out and "MTF206" not in out
    assert article.read_text(encoding="utf-8") == GARBLED


def test_hook_reads_include_and_exclude_as_mtfix_does(tmp_path, capsys, monkeypatch):
    """The globs are gitignore syntax, as for a folder walk (docs/files.md): ``drafts/`` excludes
    the folder and ``news/*.md`` does not reach into sub-folders; before, the hook's own
    fnmatch matching checked and fixed both."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "mtfix.toml").write_text('include = ["news/*.md", "drafts/**"]\nexclude = ["drafts/"]\n',
                                         encoding="utf-8")
    for rel in ("drafts/wip.md", "news/old/a.md", "news/today.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # pre-commit runs hooks from the repository root
    assert main(["check", "drafts/wip.md", "news/old/a.md", "news/today.md"]) == 1
    out = capsys.readouterr().out
    assert "news/today.md:" in out and "drafts/wip.md" not in out and "news/old/a.md" not in out
    assert main(["fix", "drafts/wip.md", "news/old/a.md"]) == 0  # nothing selected: nothing to do
    assert (tmp_path / "drafts/wip.md").read_text(encoding="utf-8") == GARBLED


@pytest.mark.parametrize("order", ["root first", "folder first"])
def test_each_file_is_checked_under_its_own_settings_file(tmp_path, capsys, monkeypatch, order):
    """pre-commit shuffles the staged files and splits them between hook processes: a file must
    be checked under the settings file nearest it, whatever file comes first (before, the first
    file's settings applied to all, so a folder's ``ignore`` held or not by chance)."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mtfix.toml").write_text('ignore = ["MTF101"]\nfail-on = "critical"\n', encoding="utf-8")
    for rel in ("notes.md", "site/page.md"):
        (tmp_path / rel).write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = ["notes.md", "site/page.md"] if order == "root first" else ["site/page.md", "notes.md"]
    assert main(["check", *files]) == 1  # notes.md fails under the defaults (fail-on major)
    out = capsys.readouterr().out
    assert "notes.md:3:1: MTF101 [major]" in out and "site/page.md:3:1: MTF101" not in out
    assert "site/page.md:" in out  # its other findings are still reported
    assert main(["check", "site/page.md"]) == 0
    assert main(["check", "--config", "site/mtfix.toml", *files]) == 0  # --config: one file for all


def test_file_name_starting_with_a_dash_is_checked(tmp_path, capsys, monkeypatch):
    """pre-commit passes file names after the options, without ``--``: ``-notes.md`` is a file
    to check, not an option (before, it was swallowed and the hook passed, exit 0, silently)."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "-notes.md").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--fail-on", "minor", "-notes.md"]) == 1
    assert "-notes.md:3:1: MTF101" in capsys.readouterr().out
    assert main(["check", "--no-such-option", "-notes.md"]) == 2  # a real unknown option is still an error


def test_documented_configuration_is_valid():
    """docs/pre-commit.md's settings file and YAML snippets are what mtfix and pre-commit accept."""
    import re
    import textwrap
    import tomllib

    import yaml

    from mtfix.config import config_from_mapping

    doc = (REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    (toml_block,) = re.findall(r"```toml\n(.*?)```", doc, re.S)
    cfg = config_from_mapping(tomllib.loads(toml_block), "docs/pre-commit.md", REPO)
    assert cfg.fail_on == "major" and cfg.exclude and cfg.grammar == "off"
    block = re.search(r"```yaml\n(.*?)\s*```", doc, re.S).group(1)
    config = yaml.safe_load(textwrap.dedent(block))  # the block sits in a numbered list
    offered = {h["id"] for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for h in config["repos"][0]["hooks"]} == offered == {"mtfix-check", "mtfix-fix"}


def test_hooks_take_the_files_a_folder_walk_takes(tmp_path, monkeypatch):
    """pre-commit's own filter (the hooks' ``files:`` and ``types:``, through pre-commit's
    classifier) passes a staged file of every extension ``mtfix`` walks a folder for, and no other.
    Before, the hooks took ``.md``, ``.markdown`` and ``.txt`` only: not ``.text``, which walks took,
    nor subtitles."""
    import re

    import yaml
    from pre_commit.commands.run import Classifier

    from mtfix.io.inputs import walk_extensions

    monkeypatch.chdir(tmp_path)
    walked = sorted(walk_extensions([None]))
    assert {".srt", ".vtt", ".md", ".txt"} <= set(walked)
    others = [".jsonl", ".csv", ".po", ".xlf", ".tmx", ".py", ".rst", ".html", ".htm"]  # pages: asked for (session 29)
    names = [f"sub/a{ext}" for ext in walked + others]
    (tmp_path / "sub").mkdir()
    for name in names:
        Path(name).write_text(CLEAN, encoding="utf-8")
    names.append("sub/wide.srt")  # UTF-16 with a BOM: binary to pre-commit's classifier, read by mtfix
    Path(names[-1]).write_bytes(CLEAN.encode("utf-16"))
    # A walk takes an extension in any case (a camera's or a Windows tool's EP1.SRT, NOTES.TXT); until session 35
    # the hooks' `files:` took lower case only, and such a file was committed unchecked.
    shouted = ["sub/EP1.SRT", "sub/Notes.Txt", "sub/README.MD"]
    for name in shouted:
        Path(name).write_text(CLEAN, encoding="utf-8")
    names += shouted
    assert set(shouted) <= set(_walked_files(tmp_path / "sub", tmp_path))
    walked_names = sorted([f"sub/a{ext}" for ext in walked] + ["sub/wide.srt", *shouted])
    for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")):
        classifier = Classifier(names)
        taken = classifier.by_types(classifier.filenames, hook.get("types", []), hook.get("types_or", []),
                                    hook.get("exclude_types", []))
        files = re.compile(hook.get("files", ""))
        assert sorted(n for n in taken if files.search(n)) == walked_names, hook["id"]


def _walked_files(folder: Path, root: Path) -> list[str]:
    """The files a folder walk of ``mtfix`` takes under ``folder``, relative to ``root``."""
    from mtfix.io.inputs import iter_paths

    return [Path(p).resolve().relative_to(root.resolve()).as_posix() for p in iter_paths([str(folder)])]


def test_grammar_off_does_not_even_import_the_grammar_checker():
    """A commit pays for every import of a cold start: with grammar off (the hook's default) the
    LanguageTool client and server code stay unloaded (0.16 s measured, bench/RESULTS.md)."""
    code = ("import sys; from mtfix.config import Config; from mtfix.pipeline import Pipeline; "
            "p = Pipeline(Config(grammar='off')); p.fix('Prices of oilgas rose.'); "
            "print(sorted(m for m in sys.modules if m.startswith('mtfix.grammar')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert proc.stdout.strip() == "[]"


def test_files_under_several_settings_files_are_one_mtfix_run(tmp_path, monkeypatch):
    """``mtfix`` takes each file's settings file itself: the hook filters the files by their own
    settings' globs and runs ``mtfix`` once (one summary), with ``--grammar off`` unless a file's
    settings file turns LanguageTool on (those files run apart, without it)."""
    from mtfix.integrations.precommit import hook_argv

    (tmp_path / ".git").mkdir()
    for rel in ("notes.md", "site/page.md", "site/drafts/wip.md", "lt/a.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(GARBLED, encoding="utf-8")
    (tmp_path / "site" / "mtfix.toml").write_text('exclude = ["drafts/"]\nignore = ["MTF101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    files = ["site/page.md", "site/drafts/wip.md", "notes.md"]
    assert hook_argv("check", ["-q"], files) == [["check", "-q", "--grammar", "off", "--", "site/page.md", "notes.md"]]
    (tmp_path / "lt" / "mtfix.toml").write_text('grammar = "auto"\n', encoding="utf-8")
    assert hook_argv("check", [], ["lt/a.md", *files]) == [
        ["check", "--grammar", "off", "--", "site/page.md", "notes.md"], ["check", "--", "lt/a.md"]]
    assert hook_argv("check", ["--grammar", "off"], ["lt/a.md", "notes.md"]) == [
        ["check", "--grammar", "off", "--", "lt/a.md", "notes.md"]]


@pytest.mark.parametrize("report", [["-o", "report.json"], ["-oreport.json"], ["--output", "report.json"],
                                    ["--output-file=report.json"]])
def test_a_report_file_in_the_check_hooks_args_is_one_line(tmp_path, capsys, monkeypatch, report):
    """Session 22: ``args: [--format, json, -o, report.json]`` on mtfix-check stopped the commit with click's three
    lines (``No such option: -o``); a report file cannot work in a hook pre-commit runs once per batch, several at
    once (each would replace the others' file): one line says so, exit 2, nothing written."""
    from mtfix.integrations.precommit import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "article.md").write_text(GARBLED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "json", *report, "article.md"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "writes no report file" in captured.err, captured.err
    assert "each run would replace" in captured.err and "Traceback" not in captured.err and captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git", "article.md"]


def _config_with_args(src: Path, rev: str, hooks: dict[str, list[str]]) -> str:
    lines = ["repos:", f"  - repo: {src}", f"    rev: {rev}", "    hooks:"]
    for hook, args in hooks.items():
        lines += [f"      - id: {hook}", f"        args: [{', '.join(args)}]"]
    return "\n".join(lines) + "\n"


def test_fix_hook_with_an_output_folder_over_many_batches(editor_repo, hook_source):
    """Session 22: ``mtfix-fix`` with ``args: [-o, fixed]`` when pre-commit splits 300 files between several hook
    processes running at once (and the hook splits a folder whose settings turn LanguageTool on into a run of its
    own): every file's fixed copy is under ``fixed/``, none replaced by another run, the staged files untouched;
    ``mtfix-check`` with ``-o report.json`` refuses the commit with one line and writes no file."""
    src, rev, _ = hook_source
    make, env = editor_repo
    repo = make(["mtfix-fix"])
    (repo / ".pre-commit-config.yaml").write_text(_config_with_args(src, rev, {"mtfix-fix": ["-o", "fixed"]}))
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    names = []
    for folder in ("news", "site"):
        (repo / folder).mkdir()
        for i in range(150):
            text = GARBLED.replace("Baku", f"Baku {i}") if i % 3 == 0 else CLEAN.replace("Tuesday", f"day {i}")
            (repo / folder / f"{i:03d}.md").write_text(text, encoding="utf-8")
            names.append(f"{folder}/{i:03d}.md")
    (repo / "site" / "mtfix.toml").write_text('grammar = "off"\n', encoding="utf-8")  # its own run
    before = {n: (repo / n).read_bytes() for n in names}
    _run(["git", "add", "news", "site"], repo, env)
    # --verbose: the hook passes (the staged files stay as they are: session 24), and pre-commit shows a passing
    # hook's output only then
    proc = _run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"], repo, env, check=False)
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out and proc.returncode == 0, out
    assert out.count("changed ") >= 2, out  # several runs
    for n in names:
        assert (repo / n).read_bytes() == before[n], n  # -o leaves the inputs as they were
        fixed = (repo / "fixed" / n).read_text(encoding="utf-8")
        assert fixed == mtfix.fix(before[n].decode("utf-8"), grammar="off").text, n
    (repo / ".pre-commit-config.yaml").write_text(
        _config_with_args(src, rev, {"mtfix-check": ["--format", "json", "-o", "report.json"]}))
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    proc = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], repo, env, check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "writes no report file (-o)" in out and "Traceback" not in out, out
    assert not (repo / "report.json").exists()


def _team_hooks() -> list[dict]:
    """The hooks of docs/pre-commit.md's "A team's repository" YAML block, as the page writes them."""
    import yaml

    page = (REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    section = page.split("## A team's repository", 1)[1].split("\n## ", 1)[0]
    block = section.split("```yaml", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)["hooks"]


def test_the_team_pages_check_all_entry_runs_on_a_glossary_change_and_when_asked(editor_repo, hook_source):
    """docs/pre-commit.md, "A team's repository": the third entry checks every article when the glossary is
    staged; the same entry with `stages: [manual]` and `always_run: true` (which the page left out until
    session 36: without it pre-commit said "(no files to check) Skipped" with nothing staged) runs when asked."""
    import yaml

    src, rev, env = hook_source
    make, _ = editor_repo
    repo = make(["mtfix-check"])
    hooks = _team_hooks()
    assert [h["id"] for h in hooks] == ["mtfix-fix", "mtfix-check", "mtfix-check"], hooks
    config = {"repos": [{"repo": str(src), "rev": rev, "hooks": hooks}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "articles").mkdir()
    (repo / "glossary").mkdir()
    (repo / "articles" / "a.md").write_text("Ships left the harbour for Dunmere on Monday.\n", encoding="utf-8")
    (repo / "glossary" / "terms.tsv").write_text("term\tvariants\nKorvale\tKorval\n", encoding="utf-8")
    # the settings name the glossary only: the entry's own args select MTF3 and fail on a minor finding (session 45)
    (repo / "mtfix.toml").write_text('glossaries = ["glossary/terms.tsv"]\n', encoding="utf-8")
    proc = _commit(repo, env, ".")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (repo / "glossary" / "terms.tsv").write_text("term\tvariants\nKorvale\tKorval\nDunmeer\tDunmere\n",
                                                  encoding="utf-8")
    proc = _commit(repo, env, "glossary/terms.tsv")  # no article staged: the third entry checks them all
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "articles/a.md:1:" in out and "MTF301" in out, out
    _run(["git", "commit", "-q", "--no-verify", "-m", "glossary"], repo, env)

    manual = dict(hooks[2])
    del manual["files"]
    manual.update(stages=["manual"], always_run=True)
    page = " ".join((REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8").split())
    assert "`stages: [manual]` and `always_run: true` instead of `files:`" in page
    config["repos"][0]["hooks"] = [*hooks[:2], manual]
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _run(["git", "add", ".pre-commit-config.yaml"], repo, env)
    _run(["git", "commit", "-q", "--no-verify", "-m", "manual stage"], repo, env)
    proc = _run([sys.executable, "-m", "pre_commit", "run", "--hook-stage", "manual", "mtfix-check-all"], repo, env,
                check=False)  # nothing staged
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "articles/a.md:1:" in out and "Dunmere" in out, out
    (repo / "note.md").write_text("A short note for the desk.\n", encoding="utf-8")
    proc = _commit(repo, env, "note.md")  # a commit does not run the manual entry
    assert proc.returncode == 0 and manual["name"] not in proc.stdout + proc.stderr, proc.stdout + proc.stderr

def _pre_commit(repo: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    proc = _run([sys.executable, "-m", "pre_commit", *args], repo, env, check=False)
    return proc.returncode, proc.stdout + proc.stderr


#: The hooks' names as pre-commit prints them, one line per hook run ("mtfix fix" alone is also in the summary line).
_FIX, _CHECK = "mtfix fix (safe repairs)", "mtfix check (garbled"


def test_the_fix_hook_mends_at_a_commit_and_on_demand_never_at_a_push_or_a_merge(editor_repo):
    """Session 36: the hooks declare their ``stages``. Until then they declared none, so a team that installed
    pre-push or pre-merge-commit hooks had ``mtfix-fix`` rewrite articles in the working tree at ``git push``
    (after the commits were made: the push refused, the mends in no pushed commit) and in a merge. Now the
    check refuses a garbled push and a garbled merge, the fix does not run there and writes nothing, and
    ``--hook-stage manual`` runs both, as docs/pre-commit.md says."""
    make, env = editor_repo
    repo = make(["mtfix-fix", "mtfix-check"])
    _run([sys.executable, "-m", "pre_commit", "install", "--hook-type", "pre-push",
          "--hook-type", "pre-merge-commit"], repo, env)
    remote = repo.parent / "remote.git"
    _run(["git", "init", "-q", "--bare", str(remote)], repo, env)
    _run(["git", "remote", "add", "origin", str(remote)], repo, env)
    _run(["git", "push", "-q", "origin", "main"], repo, env)
    path = repo / "article.txt"
    path.write_text(GARBLED, encoding="utf-8")
    _run(["git", "add", "article.txt"], repo, env)
    _run(["git", "commit", "-q", "--no-verify", "-m", "garbled, hooks skipped"], repo, env)

    push = _run(["git", "push", "origin", "main"], repo, env, check=False)
    out = push.stdout + push.stderr
    assert push.returncode != 0 and "article.txt:3:1: MTF101" in out, out  # the check refuses the push
    assert _FIX not in out and path.read_text(encoding="utf-8") == GARBLED, out  # nothing mended
    code, out = _pre_commit(repo, env, "run", "--hook-stage", "pre-push", "--all-files")
    assert code == 1 and _CHECK in out and _FIX not in out, out
    assert path.read_text(encoding="utf-8") == GARBLED

    _run(["git", "checkout", "-q", "-b", "wire"], repo, env)
    (repo / "wire.md").write_text(GARBLED.replace("Baku", "Tbilisi"), encoding="utf-8")
    _run(["git", "add", "wire.md"], repo, env)
    _run(["git", "commit", "-q", "--no-verify", "-m", "wire copy"], repo, env)
    _run(["git", "checkout", "-q", "main"], repo, env)
    (repo / "notes.txt").write_text(CLEAN, encoding="utf-8")
    assert _commit(repo, env, "notes.txt").returncode == 0
    merge = _run(["git", "merge", "--no-ff", "-m", "merge the wire copy", "wire"], repo, env, check=False)
    out = merge.stdout + merge.stderr
    assert merge.returncode != 0 and "wire.md:3:1: MTF101" in out and _FIX not in out, out
    assert "Tbilisi" in (repo / "wire.md").read_text(encoding="utf-8")
    assert "It simply came" in (repo / "wire.md").read_text(encoding="utf-8")  # not mended in the merge
    _run(["git", "merge", "--abort"], repo, env)

    code, out = _pre_commit(repo, env, "run", "--hook-stage", "manual", "--all-files")
    assert code == 1 and _FIX in out and _CHECK in out, out
    assert "It simply came" not in path.read_text(encoding="utf-8")  # mended on demand


def _documented_ci_command() -> list[str]:
    """The ``pre-commit run`` step of docs/pre-commit.md's CI job."""
    import shlex

    import yaml

    doc = (REPO / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "jobs:" in b]
    assert len(blocks) == 1, "docs/pre-commit.md shows one CI job"
    (job,) = blocks[0]["jobs"].values()
    runs = [s["run"] for s in job["steps"] if "pre-commit run" in s.get("run", "")]
    assert len(runs) == 1, runs
    cached = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/cache")]
    assert cached and "~/.cache/pre-commit" in cached[0]["with"]["path"], "the job caches PRE_COMMIT_HOME"
    return shlex.split(runs[0])


def test_the_documented_ci_job_fails_with_findings_and_the_fixes_diff_and_no_colour(editor_repo, hook_source):
    """Session 36: docs/pre-commit.md's CI step run as written in a fresh shallow clone, its output to a pipe
    as a CI log takes it: exit 1; the fix hook's edits shown as a plain ``git diff``; what no fix mends
    reported as ``file:line:col: CODE``; no colour escape and no traceback. A broken settings file fails the
    job the same way with one line naming the file and its line (exit code 2 shown by pre-commit)."""
    make, env = editor_repo
    repo = make(["mtfix-fix", "mtfix-check"])
    (repo / "article.txt").write_text(GARBLED, encoding="utf-8")
    _run(["git", "add", "article.txt"], repo, env)
    _run(["git", "commit", "-q", "--no-verify", "-m", "garbled, hooks skipped"], repo, env)
    ci = repo.parent / "ci"
    _run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(ci)], repo.parent, env)
    command = _documented_ci_command()
    assert command[:2] == ["pre-commit", "run"], command
    code, out = _pre_commit(ci, env, *command[1:])
    assert code == 1 and "Traceback" not in out and "\x1b" not in out, out
    assert "All changes made by hooks:" in out and "-It simply came to our notice then that" in out, out
    # what no fix mends: the check's findings on the mended text, file:line:col first
    assert re.search(r"^article\.txt:\d+:\d+: MTF\d+ \[major\] ", out, re.M), out
    _run(["git", "checkout", "-q", "--", "."], ci, env)
    (ci / "mtfix.toml").write_text('fail-on = "serious"\n', encoding="utf-8")
    code, out = _pre_commit(ci, env, *command[1:])
    assert code == 1 and "- exit code: 2" in out and "Traceback" not in out and "\x1b" not in out, out
    assert "mtfix.toml:1: fail-on must be one of" in out, out
