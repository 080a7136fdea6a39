"""Install LanguageTool from Maven Central with the project's own descriptor, and verify it.

``mvn -f lt-pom.xml dependency:copy-dependencies`` copies the LT server, the English module and
their dependencies into ``<home>/lib``; a manifest (``mtfix-install.json``) records what was
installed.  Installing again is a no-op once verified; running LT needs no network at all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from textwrap import indent

from mtfix.errors import GrammarError
from mtfix.grammar.settings import LTSettings

SERVER_CLASS = "org.languagetool.server.HTTPServer"
MANIFEST = "mtfix-install.json"
#: Jars without which the server cannot check English.
REQUIRED_JARS = ("languagetool-server", "languagetool-core", "language-en", "english-pos-dict")

NO_MAVEN = (
    "Maven (mvn) is not installed, so mtfix cannot fetch LanguageTool from Maven Central. Either install "
    "Maven (Debian/Ubuntu: apt-get install maven; macOS: brew install maven) and run `mtfix languagetool "
    "install` again, or point mtfix at an existing LanguageTool: a directory of its jars with "
    "MTFIX_LT_HOME=DIR (or `home = \"DIR\"` under [tool.mtfix.languagetool]), or a running server with "
    "--lt-url URL."
)


@dataclass(frozen=True)
class Installation:
    """A verified LT installation: where its jars are, and its version."""

    home: Path
    lib: Path
    version: str
    jars: int

    @property
    def classpath(self) -> str:
        return str(self.lib / "*")


def lib_dir(home: Path) -> Path:
    """``home/lib`` when it holds jars (mtfix's layout), else ``home`` itself (an LT zip or a jar dir)."""
    sub = home / "lib"
    return sub if sub.is_dir() and any(sub.glob("*.jar")) else home


def _jar_version(jar: Path, artifact: str) -> str:
    return jar.name[len(artifact) + 1 : -len(".jar")]


def verify(home: Path) -> Installation:
    """The installation in ``home``, or GrammarError saying what is missing."""
    lib = lib_dir(home)
    if not lib.is_dir():
        raise GrammarError(f"LanguageTool is not installed in {home}: run `mtfix languagetool install`")
    jars = sorted(lib.glob("*.jar"))
    found: dict[str, Path] = {}
    for name in REQUIRED_JARS:
        hits = [j for j in jars if j.name.startswith(name + "-") and j.name[len(name) + 1 : len(name) + 2].isdigit()]
        if not hits:
            raise GrammarError(
                f"LanguageTool in {lib} is incomplete: no {name}-*.jar; run `mtfix languagetool install` again"
            )
        found[name] = hits[-1]
    server_jar = found["languagetool-server"]
    try:
        with zipfile.ZipFile(server_jar) as zf:
            zf.getinfo(SERVER_CLASS.replace(".", "/") + ".class")
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise GrammarError(f"{server_jar} does not contain {SERVER_CLASS} ({exc}): reinstall LanguageTool") from None
    damaged = _damaged(home, lib)
    if damaged:
        shown = ", ".join(damaged[:3]) + (f" and {len(damaged) - 3} more" if len(damaged) > 3 else "")
        raise GrammarError(f"LanguageTool in {lib} is incomplete or damaged ({shown}): run `mtfix languagetool "
                           "install` again (it reinstalls)")
    version = _jar_version(server_jar, "languagetool-server")
    return Installation(home=home, lib=lib, version=version, jars=len(jars))


def _damaged(home: Path, lib: Path) -> list[str]:
    """What is wrong with the jars the manifest of an installation mtfix made lists (missing, or not a
    whole zip file: an interrupted copy, a full disk); nothing for a directory without a manifest."""
    manifest = home / MANIFEST
    if not manifest.exists():
        return []
    try:
        names = json.loads(manifest.read_text(encoding="utf-8"))["jars"]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise TypeError("jars is not a list of names")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [f"{MANIFEST} cannot be read: {exc}"]
    return [f"{name} {'damaged' if (lib / name).exists() else 'missing'}" for name in names
            if not _whole_zip(lib / name)]


def _whole_zip(path: Path) -> bool:
    """True when ``path`` ends like a zip file (its end-of-central-directory record: a few ms for 127 jars,
    where opening each with :mod:`zipfile` costs about 0.3 s)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            fh.seek(max(0, size - 22))
            if fh.read(4) == b"PK\x05\x06":
                return True
    except OSError:
        return False
    return zipfile.is_zipfile(path)  # a zip with a comment after the record


def find_installation(settings: LTSettings) -> Installation | None:
    """The verified installation the settings point at, or None."""
    try:
        return verify(settings.home)
    except GrammarError:
        return None


def pom_path() -> Path:
    return Path(str(resources.files("mtfix.grammar") / "lt-pom.xml"))


def maven() -> str | None:
    return shutil.which("mvn")


def install(settings: LTSettings, *, force: bool = False, quiet: bool = True,
            announce: Callable[[], None] | None = None) -> tuple[Installation, bool]:
    """Install (or find) LT in ``settings.home``; returns (installation, whether anything was fetched).
    ``announce`` is called once an install is about to fetch (after every refusal), to say so."""
    home = settings.home
    if not force:
        try:
            inst = verify(home)
            if inst.version == settings.version or not settings.home_is_own:
                return inst, False
        except GrammarError:
            if not settings.home_is_own:
                raise
    if not settings.home_is_own:
        raise GrammarError(f"{home} is an LT directory mtfix does not manage; it does not install into it")
    if home.is_symlink():
        raise GrammarError(_linked_home(home))
    remove_stale_staging(home)
    mvn = maven()
    if mvn is None:
        raise GrammarError(NO_MAVEN)
    if announce is not None:
        announce()
    home.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{home.name}-", dir=home.parent))
    try:
        cmd = [mvn, "-B", "-f", str(pom_path()), f"-Dlt.version={settings.version}",
               "dependency:copy-dependencies", "-DincludeScope=runtime", f"-DoutputDirectory={staging / 'lib'}"]
        if quiet:
            cmd.insert(1, "-q")
        proc = subprocess.run(cmd, capture_output=quiet, text=True, cwd=staging, env=_maven_env())
        if proc.returncode != 0:
            tail = "\n".join(((proc.stdout or "") + (proc.stderr or "")).strip().splitlines()[-15:])
            raise GrammarError(
                f"Maven could not resolve LanguageTool {settings.version} from Maven Central "
                f"(exit {proc.returncode}).\n{indent(tail, '  ')}\n  Check that Maven Central is reachable (or that ~/.m2 "
                "already holds the artifacts), or point mtfix at an existing LanguageTool (MTFIX_LT_HOME or --lt-url)."
            )
        inst = verify(staging)
        (staging / MANIFEST).write_text(json.dumps({
            "version": inst.version, "jars": sorted(p.name for p in (staging / "lib").glob("*.jar")),
            "descriptor": "mtfix/grammar/lt-pom.xml",
        }, indent=1), encoding="utf-8")
        if home.exists():
            shutil.rmtree(home)
        os.replace(staging, home)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return verify(home), True


def _linked_home(home: Path) -> str:
    """Why mtfix does not install into ``home``, a symbolic link: installing replaces the folder, and
    deleting what a link points to (a folder the user keeps elsewhere) is not mtfix's to do."""
    target = os.path.realpath(home)
    return (f"{home} is a symbolic link (to {target}); mtfix installs LanguageTool by replacing that folder "
            f"and does not replace or delete what a link points to. Remove the link (rm {home}) and run "
            f"`mtfix languagetool install` again, or use the LanguageTool in {target} as it is with "
            f"MTFIX_LT_HOME={target} (or `home = \"{target}\"` under [tool.mtfix.languagetool]).")


#: A staging folder untouched this long belongs to an install that was killed (an install writes to it
#: until it ends).
STALE_STAGING_S = 3600


def remove_stale_staging(home: Path) -> list[Path]:
    """Remove the staging folders (``.<version>-*`` beside ``home``, up to 93 MB each) of installs that
    were killed before they could clean up (SIGKILL, power loss); the removed."""
    removed = []
    for staging in home.parent.glob(f".{home.name}-*"):
        try:
            touched = max(p.stat().st_mtime for p in (staging, staging / "lib") if p.exists())
        except (OSError, ValueError):
            continue
        if staging.is_dir() and not staging.is_symlink() and time.time() - touched > STALE_STAGING_S:
            shutil.rmtree(staging, ignore_errors=True)
            removed.append(staging)
    return removed


def _maven_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("MAVEN_OPTS", "-Xmx512m")
    return env


#: The oldest Java LanguageTool 6.x runs on.
MIN_JAVA = 17


def java_major(version_line: str) -> int | None:
    """The major version in ``java -version``'s first line ('openjdk version "17.0.9"' → 17,
    'java version "1.8.0_292"' → 8), or None when it does not say.

    >>> java_major('openjdk version "21.0.2" 2024-01-16'), java_major('java version "1.8.0_292"')
    (21, 8)
    """
    found = re.search(r'version "(\d+)(?:\.(\d+))?', version_line)
    if found is None:
        return None
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major


def java_problem(java: str) -> str | None:
    """Why ``java`` cannot run LanguageTool (missing, failing, older than Java 17), or None."""
    line = java_version(java)
    if line is None:
        return (f"Java ({java}) cannot run; LanguageTool needs Java {MIN_JAVA} or later "
                "(Debian/Ubuntu: apt-get install default-jre-headless), or use --lt-url URL")
    major = java_major(line)
    if major is not None and major < MIN_JAVA:
        return (f"Java ({java}) is version {major}; LanguageTool needs Java {MIN_JAVA} or later (set JAVA_HOME "
                "or `java` under [languagetool] to a newer one), or use --lt-url URL")
    return None


def java_version(java: str) -> str | None:
    """``java -version``'s first line, or None when java cannot run."""
    try:
        proc = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    lines = (proc.stderr or proc.stdout).strip().splitlines()
    return lines[0] if lines else "java"
