"""Every data file shipped under ``mtfix/``: the script that builds it and its SHA-256, or who writes it by hand.

A generated file (a model, a fitted table) names the command that builds it and the digest of the bytes
shipped; ``--rebuild`` runs the cheap ones (under about a minute of CPU) in a scratch copy of the tree and
compares the bytes.  A hand-written file (a rule pack, a glossary, a template) names how it is versioned:
its digest is not pinned here, since it changes with every edit and the result's signature already carries
it (a pinned copy would only make every rule-pack patch edit this file too).

    python bench/shipped_data.py              # the list with today's digests; exit 1 when an entry is off
    python bench/shipped_data.py --rebuild    # also rebuild the cheap generated files, byte for byte

``tests/test_shipped_data.py`` runs the listing check, and the rebuild as a slow test.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "mtfix"


@dataclass(frozen=True)
class Built:
    """A generated file: the command that builds it (run from the repository's root), the SHA-256 of the
    bytes shipped, and whether a rebuild is cheap enough for ``--rebuild`` and the slow test."""

    command: str
    sha256: str
    cheap: bool = False
    note: str = ""

    @property
    def script(self) -> str:
        """The script the command runs (``bench/....py``)."""
        return next(w for w in self.command.split() if w.endswith(".py"))


@dataclass(frozen=True)
class ByHand:
    """A file written by hand: where its version is kept."""

    versioned_by: str


_DETECTOR = ("python bench/train_detector.py --skip-tagger",
             "minutes; tests/garble/test_detector_provenance.py checks the rows a retrain would fit against the card")
_SIGNED = "its content digest in the result's signature"

#: Every file under ``mtfix/`` that is not Python source, by its path under ``mtfix/``; a directory entry
#: (ending in "/") covers the files in it.
SHIPPED: dict[str, Built | ByHand] = {
    "garble/data/detector.json": Built(_DETECTOR[0], "9a3339982de423eda41c7f54b9329d0cf8c9d5d31fa4405c3de378b7b032178d",
                                       note=_DETECTOR[1]),
    "garble/data/detector.npz": Built(_DETECTOR[0], "7eb9ed8b9cf4fb68b3b72afc56680e4de5c5d89667d4099d5f3cb7b14ef6d4b3",
                                      note=_DETECTOR[1]),
    "garble/data/tagger.npz": Built("python bench/train_detector.py",
                                    "252698a650a9584e8233a5298e4bafde0340450e1ed9490332e9d4748b602df1",
                                    note="the tagger is trained first (EWT train, 5 iterations): minutes"),
    "checks/length_ratio.json": Built("python bench/fit_length_ratio.py fit",
                                      "10b3d26acd6c1a69f6039a51123385b504ad6ac5e9520b6a4c741a0c19b60dfe", cheap=True,
                                      note="about 30 s of CPU"),
    "checks/lexical_coverage.json.gz": Built(
        "python bench/train_lexicon.py --ship mtfix/checks/lexical_coverage.json.gz",
        "fcd2d8c728444e931264e621a267fac8c2d4c73fbcbc51a72297caed1221c6ef",
        note="IBM Model 1 on six languages, about 90 s each"),
    "garble/data/NOTICE": ByHand("the licences of the data the detector and tagger were trained on"),
    "rules/packs/": ByHand("the pack's `version:` field and " + _SIGNED),
    "glossaries/": ByHand(_SIGNED + " (a link to the repository's `glossaries/`)"),
    "grammar/categories.tsv": ByHand("MAPPING_REVISION and the mapping digest in the signature (grammar/checker.py)"),
    "grammar/safe-fixes.yaml": ByHand("MAPPING_REVISION and the mapping digest in the signature (grammar/checker.py)"),
    "grammar/scoring.tsv": ByHand("MAPPING_REVISION and the mapping digest in the signature (grammar/checker.py)"),
    "grammar/defaults.yaml": ByHand("the settings' rules key in the signature (grammar/checker.py)"),
    "grammar/lt-pom.xml": ByHand("the LanguageTool version it names (in the signature)"),
    "scoring/weights.yaml": ByHand("its `version:` field, in the fluency signature"),
    "schemas/": ByHand("the schema version in the file name (record-result-N.json)"),
    "demo/garbled-news.txt": ByHand("a copy of examples/garbled-news.txt (tests check they are the same)"),
    "review/static/": ByHand("the mtfix version"),
    "review/templates/": ByHand("the mtfix version"),
    "integrations/log4j2-quiet.properties": ByHand("the mtfix version"),
    "py.typed": ByHand("an empty marker (PEP 561)"),
}


def shipped_files(root: Path = PACKAGE) -> list[str]:
    """Paths under ``root`` of every file that is not Python source or bytecode (links followed)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = [d for d in dirnames if d != "__pycache__"]
        for name in filenames:
            if not name.endswith((".py", ".pyc")):
                out.append((Path(dirpath) / name).relative_to(root).as_posix())
    return sorted(out)


def entry_for(rel: str) -> Built | ByHand | None:
    """The entry of :data:`SHIPPED` that covers ``rel`` (its own, or its folder's)."""
    if rel in SHIPPED:
        return SHIPPED[rel]
    folders = [k for k in SHIPPED if k.endswith("/") and rel.startswith(k)]
    return SHIPPED[max(folders, key=len)] if folders else None


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def problems(root: Path = PACKAGE, repo: Path = REPO) -> list[str]:
    """What is off: a shipped file in no entry, an entry with no file, a generated file whose script is gone or
    whose bytes are not the ones recorded."""
    out = []
    files = shipped_files(root)
    for rel in files:
        if entry_for(rel) is None:
            out.append(f"mtfix/{rel}: in no entry of SHIPPED (bench/shipped_data.py): name its script or ByHand")
    for key, entry in SHIPPED.items():
        if not any(r == key or (key.endswith("/") and r.startswith(key)) for r in files):
            out.append(f"mtfix/{key}: in SHIPPED but not shipped")
        if isinstance(entry, Built):
            if not (repo / entry.script).is_file():
                out.append(f"mtfix/{key}: its script {entry.script} is gone")
            elif (root / key).is_file() and sha256(root / key) != entry.sha256:
                out.append(f"mtfix/{key}: sha256 {sha256(root / key)}, SHIPPED records {entry.sha256 or 'none'} "
                           f"(rebuilt by `{entry.command}`? record the new digest)")
    return out


def rebuild(key: str, shared: Path | None = None) -> bytes:
    """The bytes ``SHIPPED[key]``'s command builds, run in a scratch copy of the tree (the tree is not touched)."""
    entry = SHIPPED[key]
    assert isinstance(entry, Built)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "tree"
        shutil.copytree(REPO, copy, symlinks=True, ignore=shutil.ignore_patterns(
            "__pycache__", ".git", ".venv", "*.egg-info", ".mypy_cache", ".ruff_cache", ".pytest_cache"))
        env = {**os.environ, "PYTHONPATH": str(copy), "MTFIX_CACHE_DIR": str(Path(tmp) / "cache")}
        if shared is not None:
            env["MTFIX_SHARED"] = str(shared)
        argv = [sys.executable if w == "python" else w for w in entry.command.split()]
        subprocess.run(argv, cwd=copy, env=env, check=True, stdout=subprocess.DEVNULL)
        return (copy / "mtfix" / key).read_bytes()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cheap generated files and compare bytes")
    args = ap.parse_args(argv)
    for rel in shipped_files():
        entry = entry_for(rel)
        made = (f"`{entry.command}`" if isinstance(entry, Built) else f"by hand; versioned by {entry.versioned_by}"
                if entry else "??")
        print(f"mtfix/{rel}  {sha256(PACKAGE / rel)[:12]}  {made}")
    found = problems()
    for key, entry in SHIPPED.items():
        if args.rebuild and isinstance(entry, Built) and entry.cheap:
            same = hashlib.sha256(rebuild(key)).hexdigest() == entry.sha256
            print(f"rebuilt mtfix/{key}: {'byte-identical' if same else 'DIFFERS'}")
            if not same:
                found.append(f"mtfix/{key}: `{entry.command}` does not rebuild it byte for byte")
    for p in found:
        print(p, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
