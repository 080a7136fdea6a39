"""Every data file shipped under ``mtfix/``: the script that builds it and its SHA-256, or who writes it by hand.

A generated file (a model, a fitted table) names the command that builds it and the digest of the bytes
shipped; ``--rebuild`` runs the cheap ones (under about a minute of CPU) in a scratch copy of the tree and
compares the bytes.  A hand-written file (a rule pack, a glossary, a template) names how it is versioned, and
its digest is pinned in :data:`PINNED` (session 31): an edit that does not record its digest (and bump the
version the entry names) fails the check, so that no shipped byte changes unnoticed.

    python bench/shipped_data.py              # the list with today's digests; exit 1 when an entry is off
    python bench/shipped_data.py --rebuild    # also rebuild the cheap generated files, byte for byte
    python bench/shipped_data.py --rebuild --shared DIR   # their data elsewhere than $MTFIX_SHARED or ../shared
    python bench/shipped_data.py --record     # pin today's digests of the hand-written files in PINNED

``tests/packaging/test_shipped_data.py`` runs the listing check, and the rebuild as a slow test.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_data import SHARED_HELP, require_shared, shared_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "mtfix"
#: the command that pins the hand-written files' digests (rewrites :data:`PINNED` in this file)
RECORD = "python bench/shipped_data.py --record"


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
    "garble/data/detector.json": Built(_DETECTOR[0], "11516a76ca1861056b7b2a1121e394e7083a73021ccda6b545196de3313d3003",
                                       note=_DETECTOR[1]),
    "garble/data/detector.npz": Built(_DETECTOR[0], "434cace95bc4790834d253f7509d586d9af3d7706abd46e6982c01b953aad8f8",
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
    "garble/data/intransitive-verbs.txt": Built(
        "python bench/build_intransitive_pasts.py",
        "a30e526b15edeb186f482af16cdb8c7db5f378c7ef4915058e711cf3a30626ac", cheap=True,
        note="UD English EWT train: seconds; misreads revision 20"),
    "garble/data/dative-verbs.txt": Built(
        "python bench/build_dative_verbs.py",
        "05ac24f4ea7bb0591a39d2b7a8d48ac99c4772a1823b8470ab06298367df8fad", cheap=True,
        note="UD English EWT train: seconds; misreads revision 21"),
    "garble/data/countable-nouns.txt": Built(
        "python bench/build_countable_nouns.py",
        "08442ce95a778ce5fe0463443c3ac3ad45acbc7a63b748e9f2d03422d27eafdd", cheap=True,
        note="UD English EWT train: seconds; read only by a model naming bare_count_noun_share (session 52)"),
    "glossary/data/english-nouns.txt": Built(
        "python bench/build_english_nouns.py",
        "206ab5b30b2772878d7366559607260d5770b43f797b454abf4ff554e1458025",
        note="lemminflect 0.2.3 (a test extra) and wordfreq: seconds; glossary revision 18"),
    "glossary/data/NOTICE": ByHand("the licences of the word list's sources"),
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

#: The SHA-256 of each hand-written (:class:`ByHand`) file, by its path under ``mtfix/``; written by
#: :data:`RECORD` between the two marker comments (do not edit by hand).
PINNED: dict[str, str] = {
    # pinned: begin
    "demo/garbled-news.txt": "3a689b1756da168cef8406184ccdbd2fee71e658a9bc64253505bc7b292ed953",
    "garble/data/NOTICE": "3830c344097c82cd3e1e6c9d1e0597fe3dcba9038daa7557d2c80718596725f6",
    "glossaries/international-organisations.yaml": "690c0a75353b83620cb9e6f81c0f687a1fb6a4bfdb7672054b55fa79d1dc3ba2",
    "glossaries/south-caucasus.yaml": "6af7948bd0bc980e4ffcfec3a3b5cdd76f479ab3549f39b5b0cb15828a103c30",
    "glossary/data/NOTICE": "71d8bc214279a774eef1406b267c5d887aaac26aa1033b7de285e42300b95468",
    "grammar/categories.tsv": "8ef7d7ce209cce68b520d48d440dfa4ec4f3aee9823d44305bd541c44d3d8939",
    "grammar/defaults.yaml": "daebd346a123c9d486c82400d9dab2f87d297c2796b1011614389fbe5059fd89",
    "grammar/lt-pom.xml": "3dbad3fc416753ad5f52a4f551c9f1f44c31c28961d8f85bfb15367fcfce6d17",
    "grammar/safe-fixes.yaml": "d030dccc0545c25351ef781b108302be1a7d330fbbd6268d80b7cf826cc660d0",
    "grammar/scoring.tsv": "e06738311c04a48f4fb46822bbc8e3406460462d4285c23f28d3f096eeda949a",
    "integrations/log4j2-quiet.properties": "a20fc03091e7ba9e519b993ca8aae83d2e3249d6b46f2efcf9773a971d2e9aea",
    "py.typed": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "review/static/report.css": "24928eceb7f17cf3d089ac9f648cfe1f1fdeb7d53b9d2ff9e08fd08331c8ae64",
    "review/static/report.js": "ca1963ad00312baec907c944712e0a9d8054cd409f273237dc92297691acb636",
    "review/templates/parts.html.j2": "dad80aacf83b5be239e13fb87a719848e7a8972e111425a2a3eefcda9780d583",
    "review/templates/report.html.j2": "9638ba05a9da0178fc7dbc7d59a219e27e4ffb12314d2c0afe376137cc744279",
    "rules/packs/az-en.yaml": "706c2460183e23693a89a5e7fbec3e2410dedb30ef45b2a8c4c0a4e1418d1980",
    "rules/packs/en-generic.yaml": "f6138d782377a4a3f962a884ab1d63fe7ca3f746ecdc813498b651fc5ff175d1",
    "schemas/record-result-1.json": "c5a01e0d5ad3a4b9b3898c4dc9a495187e7e41da0bfadfdf9e8c000f793b8e73",
    "schemas/record-result-2.json": "160fadf2a52ad2deb3503e3e6988a397dec78b77675b269a5a9de5bcb92ec242",
    "scoring/weights.yaml": "1c667d2c4f57c7d442f6b8e0fc30f2df0be57fa4ea228e03fa268841f7d2af36",
    # pinned: end
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
    out.extend(pin_problems(root, files))
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


def hand_written(root: Path = PACKAGE, files: list[str] | None = None) -> dict[str, str]:
    """Today's SHA-256 of each hand-written file under ``root``, by its path under ``mtfix/``."""
    files = shipped_files(root) if files is None else files
    return {rel: sha256(root / rel) for rel in files if isinstance(entry_for(rel), ByHand)}


def pin_problems(root: Path = PACKAGE, files: list[str] | None = None) -> list[str]:
    """A hand-written file whose digest is not the one :data:`PINNED` records (or none is), and a pin of no such file."""
    today = hand_written(root, files)
    out = []
    for rel, digest in today.items():
        pinned = PINNED.get(rel)
        if pinned != digest:
            entry = entry_for(rel)
            assert isinstance(entry, ByHand)
            out.append(f"mtfix/{rel}: sha256 {digest}, PINNED records {pinned or 'none'}: a change by hand "
                       f"(versioned by {entry.versioned_by}) has its digest pinned by `{RECORD}`")
    out.extend(f"mtfix/{rel}: pinned in PINNED but not a hand-written file shipped (`{RECORD}` drops it)"
               for rel in sorted(set(PINNED) - set(today)))
    return out


_PIN_BLOCK = re.compile(r"(?m)^( *)# pinned: begin\n.*?^ *# pinned: end\n", re.DOTALL)


def record(source: Path = Path(__file__), root: Path = PACKAGE) -> bool:
    """Rewrite :data:`PINNED` in ``source`` with today's digests of the hand-written files; True when it changed."""
    text = source.read_text(encoding="utf-8")
    m = _PIN_BLOCK.search(text)
    assert m is not None, f"no '# pinned: begin/end' block in {source}"
    pad = m.group(1)
    rows = "".join(f'{pad}"{rel}": "{digest}",\n' for rel, digest in sorted(hand_written(root).items()))
    new = text[:m.start()] + f"{pad}# pinned: begin\n{rows}{pad}# pinned: end\n" + text[m.end():]
    if new != text:
        source.write_text(new, encoding="utf-8")
    return new != text


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
    ap.add_argument("--record", action="store_true", help="pin today's digests of the hand-written files (PINNED)")
    ap.add_argument("--shared", help=SHARED_HELP)
    args = ap.parse_args(argv)
    if args.record:
        print("PINNED " + ("rewritten" if record() else "already up to date") + f" in {Path(__file__).name}")
        PINNED.clear()
        PINNED.update(hand_written())
    shared = shared_dir(args.shared)
    if args.rebuild:
        require_shared(shared, "benchmarks", "shipped_data")
    for rel in shipped_files():
        entry = entry_for(rel)
        made = (f"`{entry.command}`" if isinstance(entry, Built) else f"by hand; versioned by {entry.versioned_by}"
                if entry else "??")
        print(f"mtfix/{rel}  {sha256(PACKAGE / rel)[:12]}  {made}")
    found = problems()
    for key, entry in SHIPPED.items():
        if args.rebuild and isinstance(entry, Built) and entry.cheap:
            same = hashlib.sha256(rebuild(key, shared.resolve())).hexdigest() == entry.sha256
            print(f"rebuilt mtfix/{key}: {'byte-identical' if same else 'DIFFERS'}")
            if not same:
                found.append(f"mtfix/{key}: `{entry.command}` does not rebuild it byte for byte")
    for p in found:
        print(p, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
