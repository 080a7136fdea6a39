"""What `pip install mtfix` gives a user: the built wheel holds every file mtfix reads at run time, its
metadata is complete, and an installed copy in a fresh venv, run from outside the repository, gives the
same output as the source tree.

The wheel is built from a copy of the git-tracked files only (what a fresh clone has): with `build` (the dev
extra) as sdist then wheel from the sdist, as `python -m build` does, else with `pip wheel` from the tree; with
local setuptools when it is new enough, else in an isolated build environment (setuptools from PyPI). The
tests skip only when no wheel can be built for want of pip or of the network for the build backend.
"""

from __future__ import annotations

import ast
import email
import importlib.util
import os
import re
import shutil
import site
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
#: top-level files a build reads besides the package (README: the long description; LICENSE: licence-files)
BUILD_INPUTS = ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "setup.cfg", "setup.py")
NETWORK_TROUBLE = re.compile(r"No matching distribution|Could not find a version|NewConnectionError|"
                             r"Failed to establish|Temporary failure in name resolution|Network is unreachable|"
                             r"ProxyError|ConnectTimeout|ReadTimeout", re.I)
SAMPLE = """Regional news

It came to our notice then that, the delegation of Armenia arrived to Yerevan on Monday. The sides discussed
about the railfreight and the the energy issues.

The minister said that, The new road will be ready next year. Tbilisi Baku snowThe agreement was signed.
"""
#: CLI runs compared between the installed copy and the source tree (grammar off: no LanguageTool needed)
COMMANDS = {
    "check": ["check", "--grammar", "off", "sample.txt"],
    "check-json": ["check", "--grammar", "off", "--format", "json", "sample.txt"],
    "fix-diff": ["fix", "--grammar", "off", "--diff", "sample.txt"],
    "score": ["score", "--grammar", "off", "sample.txt"],
    "rules-json": ["rules", "--format", "json"],
    "glossary-validate": ["glossary", "validate", "gloss.tsv"],
}

#: the review page's creation time and report id: the only parts that differ between two runs
VOLATILE = re.compile(r'"(created|report)":"[^"]*"')

pytestmark = pytest.mark.slow


def _tracked(*paths: str) -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--", *paths], cwd=REPO, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the test derives the package's files from `git ls-files`")
    return [p for p in out.stdout.decode().split("\0") if p]


def _expand(rel: str) -> list[str]:
    """``rel`` (a tracked path) as the files it stands for: a tracked symlink to a folder is that folder's
    files (the wheel holds copies)."""
    path = REPO / rel
    if path.is_symlink() and path.is_dir():
        return sorted(f"{rel}/{p.relative_to(path).as_posix()}" for p in path.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)
    return [rel]


def package_files() -> list[str]:
    """Every tracked file under mtfix/ (symlinked folders expanded), minus caches and tests."""
    files = [f for rel in _tracked("mtfix") for f in _expand(rel)]
    return [f for f in files if "__pycache__" not in f and not f.endswith(".pyc") and "/tests/" not in f]


def _build_wheel(out: Path) -> Path:
    src = out / "src"
    for rel in _tracked(*BUILD_INPUTS, "mtfix"):
        target = src / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        path = REPO / rel
        if path.is_symlink():  # mtfix/glossaries -> ../glossaries: keep the link, bring its target
            target.symlink_to(os.readlink(path))
            linked = path.resolve().relative_to(REPO)
            (src / linked).parent.mkdir(parents=True, exist_ok=True)
            if path.is_dir():
                shutil.copytree(REPO / linked, src / linked, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(REPO / linked, src / linked)
        else:
            shutil.copy2(path, target)
    if _has_build():  # the dev extra: sdist first, then the wheel from it
        cmd = [sys.executable, "-m", "build", "--outdir", str(out / "dist"), str(src)]
        isolation = "--no-isolation"
    else:  # the wheel straight from the tree; no sdist to check
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w",
               str(out / "dist"), str(src)]
        isolation = "--no-build-isolation"
    if _local_setuptools_ok():  # offline
        cmd.insert(3, isolation)
    try:
        done = subprocess.run(cmd, cwd=out, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"cannot build a wheel here: {exc}")
    if done.returncode != 0:
        tail = (done.stdout + done.stderr)[-2000:]
        if "No module named pip" in tail or (isolation not in cmd and NETWORK_TROUBLE.search(tail)):
            pytest.skip(f"cannot build a wheel here (no pip, or no network for the build backend): {tail}")
        pytest.fail(f"building the wheel failed ({' '.join(cmd[1:3])}):\n{tail}")
    (wheel,) = (out / "dist").glob("mtfix-*.whl")
    return wheel


def _has_build() -> bool:
    """The `build` package (not a `build/` folder that happens to be on the path)."""
    try:
        return importlib.util.find_spec("build.__main__") is not None
    except ImportError:
        return False


def _local_setuptools_ok() -> bool:
    """Local setuptools meets pyproject's build requirement: build offline without isolation."""
    floor = _setuptools_floor()
    try:
        import setuptools
    except ImportError:
        return False
    have = tuple(int(x) for x in re.findall(r"\d+", setuptools.__version__)[:2])
    return floor is not None and have >= floor


def _setuptools_floor() -> tuple[int, ...] | None:
    for req in PYPROJECT["build-system"]["requires"]:
        m = re.fullmatch(r"\s*setuptools\s*>=\s*([\d.]+)\s*", req)
        if m:
            return tuple(int(x) for x in m.group(1).split(".")[:2])
    return None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("wheel")
    return out, _build_wheel(out)


@pytest.fixture(scope="module")
def installed(built: tuple[Path, Path]) -> Path:
    """A fresh venv (seeing the test environment's packages for the dependencies) with the wheel in it."""
    out, wheel = built
    env_dir = out / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # run inside a venv (CI's), the new venv's "system" packages are the base interpreter's, not the test
    # environment's: name the test environment's folders in a .pth, after the venv's own. A folder named
    # in a .pth has its own .pth files left unread, so the test environment's editable mtfix stays out.
    site_dir = Path(subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip())
    parents = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if Path(p).is_dir()]
    (site_dir / "zz_test_environment.pth").write_text("".join(f"{p}\n" for p in parents), encoding="utf-8")
    # --ignore-installed: the test environment's own (editable) mtfix must neither be taken as the install
    # (pip would say "already satisfied") nor be uninstalled
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "--no-index",
                           "--ignore-installed", "--disable-pip-version-check", "-q", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return env_dir


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as zf:
        (meta,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(zf.read(meta))


def test_wheel_holds_every_package_file(built: tuple[Path, Path]) -> None:
    names = _names(built[1])
    expected = package_files()
    assert any(f.startswith("mtfix/garble/data/") for f in expected), "the package file list came out empty"
    missing = [f for f in expected if f not in names]
    assert not missing, f"tracked package files missing from the wheel: {missing}"
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_sdist_rebuilds(built: tuple[Path, Path]) -> None:
    """The sdist (what pip builds from when no wheel fits) holds what a rebuild needs, and the wheel above was
    built from it."""
    sdists = list((built[0] / "dist").glob("mtfix-*.tar.gz"))
    if not sdists:
        pytest.skip("no sdist: the `build` package (dev extra) is not installed, the wheel came from `pip wheel`")
    with tarfile.open(sdists[0]) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    needed = ["pyproject.toml", "README.md", "LICENSE", *package_files()]
    missing = [f for f in needed if f not in names]
    assert not missing, f"missing from the sdist: {missing}"


def test_wheel_metadata(built: tuple[Path, Path]) -> None:
    names, meta = _names(built[1]), _metadata(built[1])
    expression = meta["License-Expression"] or ""
    assert "GPL-3.0-or-later" in expression
    assert "CC-BY-SA-4.0" in expression, "the detector's model files are CC BY-SA 4.0 (mtfix/garble/data/NOTICE)"
    licences = {n.split(".dist-info/licenses/", 1)[1] for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "mtfix/garble/data/NOTICE"} <= licences
    assert set(meta.get_all("Provides-Extra") or []) >= set(PYPROJECT["project"]["optional-dependencies"])
    with zipfile.ZipFile(built[1]) as zf:
        (ep,) = [n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt")]
        assert "mtfix = mtfix.cli:main" in zf.read(ep).decode()


def test_direct_imports_are_declared() -> None:
    """Every third-party module mtfix imports is a declared dependency (core or an extra), not one that
    happens to come with another package."""
    declared = _requirement_names(PYPROJECT["project"]["dependencies"])
    for extra in PYPROJECT["project"]["optional-dependencies"].values():
        declared |= _requirement_names(extra)
    undeclared = _undeclared(REPO / "mtfix", declared)
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_the_tests_imports_are_in_the_dev_extra() -> None:
    """Every third-party module the tests import comes with ``make install`` (``.[dev]``) by name: a core
    dependency, the ``dev`` extra or the build backend, not one that happens to come with another package
    (the LSP tests' ``attrs`` came with lsprotocol)."""
    declared = (_requirement_names(PYPROJECT["project"]["dependencies"])
                | _requirement_names(PYPROJECT["project"]["optional-dependencies"]["dev"])
                | _requirement_names(PYPROJECT["build-system"]["requires"]))
    undeclared = _undeclared(REPO / "tests", declared)
    assert not undeclared, f"imported by the tests but not in pyproject.toml's dev extra: {undeclared}"


def _requirement_names(reqs: list[str]) -> set[str]:
    """The normalised distribution names of requirement strings."""
    return {_norm(re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0]) for r in reqs}


def _undeclared(folder: Path, declared: set[str]) -> dict[str, str]:
    """Third-party top-level modules imported under ``folder`` whose distributions are none of ``declared``:
    module → a file that imports it."""
    import importlib.metadata as md

    dists = md.packages_distributions()
    undeclared = {}
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            mods = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                    [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            for mod in mods:
                top = mod.split(".")[0]
                if top in sys.stdlib_module_names or top == "mtfix" or top not in dists:
                    continue
                if not {_norm(d) for d in dists[top]} & declared:
                    undeclared[top] = path.relative_to(REPO).as_posix()
    return undeclared


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_setuptools_floor_supports_the_licence_fields() -> None:
    """A SPDX string in project.license (PEP 639) needs setuptools >= 77: older ones reject the file."""
    if isinstance(PYPROJECT["project"].get("license"), str):
        assert (_setuptools_floor() or (0,)) >= (77,), PYPROJECT["build-system"]["requires"]


def _run(args: list[str], cwd: Path, env: dict[str, str], limit: float = 120) -> tuple[int, str, str]:
    """Run the installed copy; ``limit`` seconds is a guard against a hang, not a speed claim."""
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=limit)
    return done.returncode, done.stdout, done.stderr


def _env(tmp: Path, name: str, pythonpath: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MTFIX_"))}
    env.update(MTFIX_CACHE_DIR=str(tmp / f"cache-{name}"), MTFIX_NO_CACHE="1", NO_COLOR="1", COLUMNS="100")
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    return env


def test_installed_copy_matches_source_tree(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"  # outside the repository: no mtfix.toml, no source tree on the path
    work.mkdir()
    (work / "sample.txt").write_text(SAMPLE, encoding="utf-8")
    (work / "gloss.tsv").write_text("term\tvariants\nGeorgian Railways\tGeorgian Railway\n", encoding="utf-8")
    inst_env, src_env = _env(tmp_path, "inst", None), _env(tmp_path, "src", str(REPO))
    py = str(installed / "bin" / "python")

    probe = ("import sys, mtfix, mtfix.cli; mtfix.check('Prices of oilgas rose.'); "
             "print('\\n'.join(sorted({m.__file__ for n, m in sys.modules.items() "
             "if n.split('.')[0] == 'mtfix' and getattr(m, '__file__', None)})))")
    code, out, err = _run([py, "-c", probe], work, inst_env)
    assert code == 0, err
    site = str((installed / "lib").resolve())
    strays = [f for f in out.split() if not str(Path(f).resolve()).startswith(site)]
    assert not strays, f"the venv imported mtfix from elsewhere (an editable install?): {strays[:3]}"

    for name, args in COMMANDS.items():
        got = _run([str(installed / "bin" / "mtfix"), *args], work, inst_env)
        want = _run([sys.executable, "-m", "mtfix", *args], work, src_env)
        assert got == want, f"{name}: `mtfix {' '.join(args)}` from the installed copy differs from the source tree"
    assert "MTF101" in _run([py, "-m", "mtfix", *COMMANDS["check"]], work, inst_env)[1]

    # the demo reads its bundled text; its stderr names the (per-run) cache folder, so only stdout is compared
    got = _run([str(installed / "bin" / "mtfix"), "demo"], work, inst_env)
    want = _run([sys.executable, "-m", "mtfix", "demo"], work, src_env)
    assert got[0] == want[0] == 0 and got[1] == want[1], got[2]

    # the review page inlines its static files and templates: the same page but for its time and id
    pages = []
    for exe, env in (([str(installed / "bin" / "mtfix")], inst_env), ([sys.executable, "-m", "mtfix"], src_env)):
        out = tmp_path / f"review-{len(pages)}.html"
        code, _, err = _run([*exe, "review", "--grammar", "off", "sample.txt", "-o", str(out)], work, env)
        assert code == 0, err
        pages.append(VOLATILE.sub("", out.read_text(encoding="utf-8")))
    assert pages[0] == pages[1]
    external = re.search(r"""<(script|link)\b[^>]*\b(src|href)=["'](?!#|data:)""", pages[0])
    assert not external, f"the review page is not self-contained: {external.group(0)}"


def test_installed_language_server_answers_over_stdio(installed: Path, tmp_path: Path) -> None:
    """``mtfix server`` of the installed copy (its console script, outside the repository, no source tree on the
    path), driven by the real LSP client of tests/lsp: initialize, a document with a known finding, its
    diagnostics, shutdown and exit."""
    pytest.importorskip("pygls", reason="the language server needs the lsp extra (pygls)")
    import asyncio

    sys.path.insert(0, str(REPO / "tests" / "lsp"))
    from lsp_harness import Harness

    work = tmp_path / "ws"
    work.mkdir()
    server = (str(installed / "bin" / "mtfix"), "server", "--grammar", "off")

    async def scenario() -> None:
        h = Harness(work, command=server, env=_env(tmp_path, "lsp", None))
        await h.start()
        _, diags = await h.open_checked("a.txt", "The the talks went on , the minister said.\n")
        assert {"MTF105", "MTF111"} <= {str(d.code) for d in diags}, diags
        assert await h.stop() == 0
        assert "Traceback" not in h.stderr, h.stderr

    asyncio.run(asyncio.wait_for(scenario(), 60))


#: the Spark job's subprocess limit, seconds: a guard against a hang, ten times its time at load 18 (no speed claim)
SPARK_LIMIT = 900

SPARK_JOB = """
import json, sys
from pyspark.sql import SparkSession
from mtfix.config import Config
from mtfix.integrations.spark import repair

spark = (SparkSession.builder.master("local[1]").appName("mtfix-wheel").config("spark.ui.enabled", "false")
         .config("spark.sql.shuffle.partitions", "1").config("spark.ui.showConsoleProgress", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
df = spark.createDataFrame([(1, "Prices of oilgas rose."), (2, "Both sides said the talks were useful.")],
                           "n long, body string")
rows = repair(df, "body", config=Config(grammar="off")).orderBy("n").collect()
worker = spark.sparkContext.parallelize([0], 1).map(lambda _: __import__("mtfix").__file__).collect()[0]
print(json.dumps({"texts": [r.mtfix_text for r in rows], "worker": worker, "driver": __import__("mtfix").__file__}))
spark.stop()
"""


@pytest.mark.spark
def test_installed_spark_job_runs_from_the_installed_copy(installed: Path, tmp_path: Path) -> None:
    """A local Spark job (one core) in the installed copy's Python: the repaired column, and the driver and the
    Python worker both import mtfix from the venv.  Its limit is a guard against a hang, not a speed claim: the job
    takes ≈ 20 s on a quiet machine but 85-100 s at load 12-19 on two cores (session 52: the driver JVM's start
    ≈ 40 s, the Python worker's start and imports and the pipeline's first, cold load ≈ 40 s; a warm cache saved
    none of it), and its old 120 s limit was hit at load 18: SPARK_LIMIT."""
    for module in ("pyspark", "pandas", "pyarrow"):
        pytest.importorskip(module, reason="the Spark path needs the spark extra")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Java is not installed")
    import json

    work = tmp_path / "spark"
    work.mkdir()
    py = str(installed / "bin" / "python")
    env = _env(tmp_path, "spark", None) | {"PYSPARK_PYTHON": py, "PYSPARK_DRIVER_PYTHON": py}
    code, out, err = _run([py, "-c", SPARK_JOB], work, env, limit=SPARK_LIMIT)
    assert code == 0, err[-3000:]
    got = json.loads(out.strip().splitlines()[-1])
    assert got["texts"] == ["Prices of oil and gas rose.", "Both sides said the talks were useful."], got
    site = str((installed / "lib").resolve())
    assert str(Path(got["worker"]).resolve()).startswith(site), got
    assert str(Path(got["driver"]).resolve()).startswith(site), got
