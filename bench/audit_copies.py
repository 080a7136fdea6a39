"""Data hygiene: lines of the repository that share a 7-word shingle with the shared data (session 15).

The project never copies text from ``../shared`` (the seed documents, the benchmarks, realmt, the EWT
treebank): its examples and tests are written in the data's style, not taken from it.  This scans every
file git tracks, and every untracked one it does not ignore (text files; ``bench/RESULTS.md`` included), for
7-word shingles, lower-cased with punctuation stripped (words are runs of letters and digits), that also occur in a string of the shared
data, and prints each hit as ``path:line  'shingle'  (where)``.

Excepted, and said so in the output's count: shingles inside a phrase of MTF101's ``params.phrases``
(the stock phrase the seed article showed, documented in the rule as no English writer's phrase),
shingles that only repeat one word or hold no word of letters (figures: a published baseline's
scores) and those holding one of
:data:`NAMES` or an arXiv citation (attribution, session 29).  The data's code, manifests and licences (``.py``, ``.json``, ``LICENSE*``) and the code
spans of its Markdown are not read: they are boilerplate (imports, file names, licence terms).  Everything else is a copy to rewrite
with our own words, a name that happens to be seven words long, or boilerplate: decide line by line.

The repository's shingles are collected first (a few hundred thousand), then the shared files are
streamed past them, so memory stays small; the whole scan takes about a minute on two cores (the
benchmarks are 150 MB of JSON once unpacked).  ``--quick`` reads only realmt and the seeds.

    python bench/audit_copies.py                 # every hit
    python bench/audit_copies.py --quick         # realmt and the seeds only (seconds)
    python bench/audit_copies.py --summary       # counts by file and by data file
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, shared_root  # noqa: E402

N = 7
_WORD = regex.compile(r"[\p{L}\p{N}]+")
#: The folders of ``../shared`` scanned: all of them hold text the project must not copy.
FOLDERS = ("seeds", "realmt", "benchmarks", "corpora")
QUICK = ("seeds", "realmt")


def shingles(text: str) -> Iterator[tuple[int, str]]:
    """(character offset, shingle) of each 7-word shingle of ``text``, lower-cased, punctuation stripped."""
    words = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    for i in range(len(words) - N + 1):
        yield words[i][0], " ".join(w for _, w in words[i : i + N])


def project_files(repo: Path = REPO) -> list[Path]:
    """The files of ``repo``: those git tracks and the untracked ones it does not ignore (a new file is scanned
    before it is committed; session 51), or all files under ``repo`` when it is no git work tree."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=repo,
                             capture_output=True, check=True).stdout
        names = [n for n in out.decode("utf-8", "replace").split("\0") if n]
    except (OSError, subprocess.CalledProcessError):
        names = [str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts]
    return [repo / n for n in names if (repo / n).is_file()]


def exempt_phrases() -> list[str]:
    """MTF101's documented stock phrases, normalised as shingles are."""
    sys.path.insert(0, str(REPO))
    from mtfix.rules.pack import load_bundled

    out = []
    for rule in load_bundled("en-generic").rules:
        if rule.code == "MTF101":
            for p in rule.params.get("phrases", []):
                match = p.get("match") if isinstance(p, dict) else p
                if isinstance(match, str):
                    out.append(" ".join(w.lower() for w in _WORD.findall(match)))
    return out


#: Names of five words or more (organisations, offices) that the data and our own text both write: a
#: shingle that holds one is a name with a word or two around it, not copied prose.
NAMES = ("united nations high commissioner for refugees", "people s bank of china",
         "ministry of foreign affairs of the")
#: Shared files that hold no text to copy: code, manifests, licences (boilerplate our own LICENSE shares).
_NOT_DATA = (".py", ".json")
#: Code in a Markdown file of the data (file names, shell lines): boilerplate, read as a break.
_MD_CODE = regex.compile(r"```.*?```|`[^`\n]*`", regex.S)


def _exempt(shingle: str, phrases: list[str]) -> bool:
    words = shingle.split()
    if len(set(words)) == 1 or not any(w.isalpha() for w in words):
        return True  # one word repeated, or figures only (a baseline's published scores, quoted as figures)
    if "arxiv" in words:
        return True  # a citation ("Fomicheva et al. 2020, arXiv:…"): the attribution the data's licence asks for
    return any(shingle in p for p in phrases) or any(name in shingle for name in NAMES)


def project_shingles(files: list[Path]) -> dict[str, list[tuple[str, int]]]:
    """Shingle → [(path, line)] over ``files`` (undecodable files skipped)."""
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        lines = [i for i, c in enumerate(text) if c == "\n"]
        rel = str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)
        for off, sh in shingles(text):
            index[sh].append((rel, bisect.bisect_left(lines, off) + 1))
    return index


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def data_texts(shared: Path, folders: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(where, text) of every string of the shared data: each JSON string value, each conllu sentence,
    the whole of any other text file."""
    for folder in folders:
        base = shared / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = str(path.relative_to(shared))
            if path.suffix in _NOT_DATA or path.name.upper().startswith(("LICENSE", "COPYING")):
                continue
            name = path.name[:-3] if path.name.endswith(".gz") else path.name
            opener = gzip.open if path.name.endswith(".gz") else open
            try:
                with opener(path, "rt", encoding="utf-8") as fh:
                    if name.endswith(".jsonl"):
                        for n, line in enumerate(fh):
                            if line.strip():
                                for s in _strings(json.loads(line)):
                                    yield f"{rel}:{n + 1}", s
                    elif name.endswith(".conllu"):
                        for n, line in enumerate(fh):
                            if line.startswith("# text = "):
                                yield f"{rel}:{n + 1}", line[9:]
                    elif name.endswith(".md"):
                        for part in _MD_CODE.split(fh.read()):
                            yield rel, part
                    else:
                        yield rel, fh.read()
            except (UnicodeDecodeError, OSError, json.JSONDecodeError):
                continue


def scan(shared: Path, folders: tuple[str, ...] = FOLDERS, files: list[Path] | None = None
         ) -> tuple[list[tuple[str, int, str, str]], int]:
    """The hits (path, line, shingle, where in the data) and the number of exempt shingles found."""
    index = project_shingles(files if files is not None else project_files())
    phrases = exempt_phrases()
    found: dict[str, str] = {}
    for where, text in data_texts(shared, folders):
        for _, sh in shingles(text):
            if sh in index and sh not in found:
                found[sh] = where
    hits, exempt = [], 0
    for sh, where in found.items():
        if _exempt(sh, phrases):
            exempt += len(index[sh])
            continue
        for path, line in index[sh]:
            hits.append((path, line, sh, where))
    return sorted(hits), exempt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--quick", action="store_true", help="only realmt and the seeds")
    ap.add_argument("--summary", action="store_true", help="counts by file and by data file, not every hit")
    args = ap.parse_args(argv)
    root = shared_root(args.shared, "", "audit_copies")
    hits, exempt = scan(root, QUICK if args.quick else FOLDERS)
    if args.summary:
        for name, c in Counter(h[0] for h in hits).most_common():
            print(f"  {c:5d}  {name}")
        for name, c in Counter(h[3].split(":")[0] for h in hits).most_common():
            print(f"  {c:5d}  <- {name}")
    else:
        for path, line, sh, where in hits:
            print(f"  {path}:{line}  '{sh}'  ({where})")
    print(f"audit_copies: {len(hits)} line hits in {len({h[0] for h in hits})} files; {exempt} exempt "
          "(MTF101's documented phrases, one word repeated, figures, names)")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
