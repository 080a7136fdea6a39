"""The start-up caches (issue 11): compiled ``regex`` and ``re`` patterns, the garble models' arrays
uncompressed, and the code of dataclass methods.  Each gives what the uncached path gives,
and a missing, corrupt, foreign or stale entry is rebuilt."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import regex

import mtfix.rules.detectors  # noqa: F401 - their module-level patterns
import mtfix.segment  # noqa: F401
from mtfix.caching import cache, codecache, regexcache
from mtfix.caching.bounded import Bounded
from mtfix.garble import tagger
from mtfix.rules.pack import bundled_pack_paths, load_pack_file
from mtfix.text.tokens import EWT_TOKEN

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    "The minister’s envoy met the the delegation in Baku on Tuesday, 5 May 2024.",
    "Mr. Aliyev didn't say; prices of oilgas rose 3.5% (U.S. data) — talks go on…",
    "ﬁne-tuned Ṣàngó’s rock'n'roll at https://example.org/a?b=1 and mail@example.org",
    "",
]
#: (pattern, flags) of the patterns compiled on importing mtfix's modules.
MODULE_PATTERNS = [(p, f) for p, f, _version in regexcache._memo]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTFIX_NO_CACHE", raising=False)
    monkeypatch.setattr(regexcache, "_memo", Bounded(regexcache._memo.size))
    monkeypatch.setattr(regexcache, "_installed", False)  # the library's path: an entry per pattern
    return tmp_path / "cache"


def _patterns() -> list[tuple[str, int]]:
    """Patterns of the kinds mtfix compiles: token patterns and every bundled rule's pattern."""
    out = [*MODULE_PATTERNS, (r"(?i)\b(\w+)\s+\1\b", 0), (r"(?P<w>a)|(?P<x>b)", regex.VERSION1)]
    for path in bundled_pack_paths().values():
        for rule in load_pack_file(path).rules:
            if rule.pattern is not None:
                out.append((rule.pattern.pattern, rule.pattern.flags))
    return out


def _behaviour(p: regex.Pattern) -> tuple:
    return (
        p.pattern,
        p.flags,
        p.groups,
        dict(p.groupindex),
        [[(m.span(), m.groups()) for m in p.finditer(t)] for t in TEXTS],
    )


def test_cached_patterns_match_as_compiled_ones(cache_dir):
    patterns = _patterns()
    assert len(patterns) > 30
    plain = [_behaviour(regex.compile(p, f)) for p, f in patterns]
    miss = [_behaviour(regexcache.compile(p, f)) for p, f in patterns]
    regexcache._memo.clear()
    hit = [_behaviour(regexcache.compile(p, f)) for p, f in patterns]
    assert plain == miss == hit
    assert len(list((cache_dir / "regex").glob("*.marshal"))) >= len(set(patterns))


def test_a_hit_is_rebuilt_from_the_cache_not_compiled(cache_dir, monkeypatch):
    regexcache.compile(r"\p{Lu}\p{Ll}+ing\b")
    regexcache._memo.clear()

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex, "compile", refuse)
    assert regexcache.compile(r"\p{Lu}\p{Ll}+ing\b").findall("Walking and Talking") == ["Walking", "Talking"]


def test_same_pattern_same_object_within_a_process(cache_dir):
    assert regexcache.compile(r"ab+c", regex.I) is regexcache.compile(r"ab+c", regex.I)
    assert regexcache.compile(r"ab+c") is not regexcache.compile(r"ab+c", regex.I)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "bad-crc", "other-pattern"])
def test_a_damaged_or_foreign_entry_is_rebuilt(cache_dir, damage):
    pattern = r"(?<=\p{L})['’](?:s|re)\b"
    good = _behaviour(regexcache.compile(pattern))
    (entry,) = (cache_dir / "regex").glob("*.marshal")
    blob = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x00\x01garbage")
    elif damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "bad-crc":
        entry.write_bytes(blob[:4] + blob[4:].replace(b"re", b"ve"))
    else:  # a well-formed entry of another pattern
        body = marshal.dumps(regex.compile(r"x+")._pickled_data)
        entry.write_bytes(zlib.crc32(body).to_bytes(4, "little") + body)
    regexcache._memo.clear()
    assert _behaviour(regexcache.compile(pattern)) == good
    regexcache._memo.clear()
    assert entry.read_bytes() == blob or damage == "other-pattern"  # written again
    assert _behaviour(regexcache.compile(pattern)) == good


def test_errors_are_regexs_own(cache_dir):
    with pytest.raises(regex.error):
        regexcache.compile(r"(unclosed")
    assert not (cache_dir / "regex").exists()


def test_no_cache_writes_nothing(cache_dir, monkeypatch):
    monkeypatch.setenv("MTFIX_NO_CACHE", "1")
    assert regexcache.compile(r"\d+").findall("3 of 45") == ["3", "45"]
    raw = (REPO / "mtfix/garble/data/detector.npz").read_bytes()
    assert tagger.read_npz_cached(raw) == tagger.read_npz(raw)
    assert not cache_dir.exists()


def test_model_arrays_from_the_cache_equal_the_npz(cache_dir):
    for name in ("tagger.npz", "detector.npz"):
        raw = (REPO / "mtfix/garble/data" / name).read_bytes()
        plain = tagger.read_npz(raw)
        assert tagger.read_npz_cached(raw) == plain  # a miss
        assert tagger.read_npz_cached(raw) == plain  # a hit
    assert len(list((cache_dir / "arrays").glob("*.marshal"))) == 2


def test_tagger_from_cached_arrays_tags_the_same(cache_dir):
    raw = (REPO / "mtfix/garble/data/tagger.npz").read_bytes()
    tagger.read_npz_cached(raw)
    cached = tagger.PackedTagger.from_arrays(tagger.read_npz_cached(raw))
    plain = tagger.PackedTagger.from_arrays(tagger.read_npz(raw))
    for text in TEXTS[:3]:
        words = EWT_TOKEN.findall(text)
        assert cached.tag(words) == plain.tag(words)


def test_a_hit_gives_the_arrays_as_views_of_one_read_not_copies(cache_dir):
    """Session 30: the tagger's 6.4 MB of weights were copied twice after the read (by marshal, then into an
    ``array``); a hit now gives read-only views of the buffer read, and the tagger keeps its weights as one."""
    raw = (REPO / "mtfix/garble/data/tagger.npz").read_bytes()
    plain = tagger.read_npz(raw)
    assert all(isinstance(data, bytes) for _, _, data in tagger.read_npz_cached(raw).values())  # a miss: built
    hit = tagger.read_npz_cached(raw)
    views = [data for _, _, data in hit.values()]
    assert all(isinstance(v, memoryview) and v.readonly for v in views)
    assert len({id(v.obj) for v in views}) == 1  # one buffer
    assert {k: (d, s, bytes(v)) for k, (d, s, v) in hit.items()} == plain
    packed = tagger.PackedTagger.from_arrays(hit)
    assert isinstance(packed.weights, memoryview) and packed.weights.obj is views[0].obj
    assert list(packed.weights[:200]) == list(tagger.PackedTagger.from_arrays(plain).weights[:200])


def test_an_arrays_entry_that_names_bytes_past_its_end_is_rebuilt(cache_dir):
    raw = (REPO / "mtfix/garble/data/detector.npz").read_bytes()
    plain = tagger.read_npz(raw)
    tagger.read_npz_cached(raw)
    (entry,) = (cache_dir / "arrays").glob("*.marshal")
    blob = entry.read_bytes()
    n = int.from_bytes(blob[4:8], "little")
    head = marshal.loads(blob[8:8 + n])
    name = next(iter(head))
    dtype, shape, at, length = head[name]
    head[name] = (dtype, shape, at, length + 10**6)  # well formed, CRC right, but past the end
    top = marshal.dumps(head)
    body = len(top).to_bytes(4, "little") + top + blob[8 + n:]
    entry.write_bytes(zlib.crc32(body).to_bytes(4, "little") + body)
    assert tagger.read_npz_cached(raw) == plain
    assert entry.read_bytes() == blob  # written again


@pytest.mark.parametrize("damage", [b"", b"\x00\x00\x00\x00junk", "flip"])
def test_a_corrupt_arrays_entry_is_rebuilt(cache_dir, damage):
    raw = (REPO / "mtfix/garble/data/detector.npz").read_bytes()
    plain = tagger.read_npz(raw)
    tagger.read_npz_cached(raw)
    (entry,) = (cache_dir / "arrays").glob("*.marshal")
    blob = entry.read_bytes()
    if damage == "flip":  # one weight changed: the CRC no longer matches
        i = len(blob) - 100
        damage = blob[:i] + bytes([blob[i] ^ 1]) + blob[i + 1 :]
    entry.write_bytes(damage)
    assert tagger.read_npz_cached(raw) == plain
    assert entry.read_bytes() == blob


def test_a_changed_model_file_is_not_served_stale(cache_dir, tmp_path):
    raw = (REPO / "mtfix/garble/data/detector.npz").read_bytes()
    tagger.read_npz_cached(raw)
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "dense.npy":
                data = data[:-4] + b"\x00\x00\x80\x3f"  # the last dense weight becomes 1.0
            dst.writestr(name, data)
    changed = out.getvalue()
    assert tagger.read_npz_cached(changed) == tagger.read_npz(changed) != tagger.read_npz(raw)
    assert len(list((cache_dir / "arrays").glob("*.marshal"))) == 2


def test_blob_cache_skips_an_unwritable_directory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(blocker))
    assert cache.cached_blob(b"x", "t", lambda: {"a": (1, b"2")}) == {"a": (1, b"2")}


_DATACLASSES = """
import dataclasses, json, sys
from mtfix.caching import codecache
if sys.argv[1] == "on":
    assert codecache.install()

@dataclasses.dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int = 0
    tags: tuple = ()

@dataclasses.dataclass(slots=True)
class Box:
    items: list = dataclasses.field(default_factory=list)
    name: str = "box"
    def __post_init__(self):
        self.items.append(self.name)

s, t, b = Span(1, 2), Span(1, 3, ("a",)), Box()
out = {"repr": [repr(s), repr(t), repr(b)], "eq": [s == Span(1, 2), s < t, hash(s) == hash(Span(1, 2))],
       "box": b.items, "ann": repr(Span.__init__.__annotations__), "fields": [f.name for f in dataclasses.fields(Span)]}
try:
    s.start = 5
except dataclasses.FrozenInstanceError as exc:
    out["frozen"] = type(exc).__name__
print(json.dumps(out))
"""


def test_dataclasses_are_the_same_with_cached_code(tmp_path):
    env = {"PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}

    def run(mode: str) -> dict:
        out = subprocess.run(
            [sys.executable, "-c", _DATACLASSES, mode], env=env, capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)

    plain = run("off")
    assert not (tmp_path / "cache").exists()
    assert run("on") == plain  # a miss: the code is compiled and stored at exit
    (entry,) = (tmp_path / "cache" / "code").glob("*.marshal")
    stored = entry.read_bytes()
    assert run("on") == plain  # a hit
    assert entry.read_bytes() == stored  # nothing new, nothing written
    entry.write_bytes(b"\x00\x00\x00\x00garbage")
    assert run("on") == plain  # corrupt: compiled again and rewritten
    assert entry.read_bytes() == stored


def test_cached_code_is_what_exec_compiles(cache_dir):
    source = "def __create_fn__(_return_type):\n def __init__(self, a:int)->_return_type:\n  self.a=a\n return __init__"
    code = codecache.code_for(source)
    plain = compile(source, "<string>", "exec", dont_inherit=True)
    assert code == plain and code.co_flags == plain.co_flags  # no annotations future from codecache itself
    ns: dict = {}
    codecache.cached_exec(source, {}, ns)
    assert ns["__create_fn__"](None).__annotations__ == {"a": int, "return": None}


def test_a_check_reports_the_same_with_and_without_the_caches(tmp_path):
    text = tmp_path / "news.txt"
    text.write_text((REPO / "examples/garbled-news.txt").read_text(encoding="utf-8"), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "mtfix", "check", "--grammar", "off", str(text)]

    def run(**extra: str) -> str:
        out = subprocess.run(cmd, cwd=tmp_path, env={**env, **extra}, capture_output=True, text=True, timeout=120)
        assert out.returncode in (0, 1), out.stderr
        return out.stdout

    plain = run(MTFIX_NO_CACHE="1")
    assert plain and run() == plain and run() == plain  # no cache, a miss, a hit
    for folder in ("regex", "arrays", "code"):
        assert list((tmp_path / "cache" / folder).glob("*.marshal"))


def test_detector_from_the_cache_is_the_same(cache_dir, monkeypatch):
    from mtfix.garble.model import Detector

    raw = (REPO / "mtfix/garble/data/detector.npz").read_bytes()

    def parts(d: Detector) -> tuple:
        return (d.meta, d.trigrams.to_json(), d.dense, list(d.hashed), d.digest)

    monkeypatch.setenv("MTFIX_NO_CACHE", "1")
    plain = parts(Detector.from_bytes(raw))
    monkeypatch.delenv("MTFIX_NO_CACHE")
    assert parts(Detector.from_bytes(raw)) == plain  # a miss
    assert parts(Detector.from_bytes(raw)) == plain  # a hit
    (entry,) = (cache_dir / "arrays").glob("*.marshal")
    entry.write_bytes(b"\x00" * 8)
    assert parts(Detector.from_bytes(raw)) == plain  # corrupt: rebuilt


@pytest.mark.parametrize(("size", "lang", "floor"), [("small", "en", None), ("small", "tr", 4.0)])
def test_word_lists_from_the_cache_are_the_same(cache_dir, monkeypatch, size, lang, floor):
    from mtfix.text import lexicon

    plain = lexicon._as_dict(lexicon._buckets(size, lang, floor))
    for _ in range(2):  # a miss, then a hit
        got = lexicon._read(size, lang, floor)
        assert got == plain and list(got) == list(plain)
    (entry,) = (cache_dir / "wordlists").glob("*.marshal")
    entry.write_bytes(entry.read_bytes()[:100])  # truncated: rebuilt
    assert lexicon._read(size, lang, floor) == plain
    monkeypatch.setenv("MTFIX_NO_CACHE", "1")
    assert lexicon._read(size, lang, floor) == plain


def _fresh_store(store, monkeypatch) -> None:
    """``store`` as a fresh process finds it; its state comes back after the test."""
    for name in ("entries", "used", "added", "loading"):
        monkeypatch.setattr(store, name, getattr(store, name))
    store.reset()


@pytest.fixture
def re_cache(cache_dir, monkeypatch):
    """:mod:`mtfix.caching.recodecache` as a fresh process finds it (not installed: its functions are called)."""
    from mtfix.caching import recodecache

    def fresh() -> None:
        monkeypatch.setattr(recodecache, "_differs", False)
        _fresh_store(recodecache.STORE, monkeypatch)

    fresh()
    recodecache.fresh = fresh  # type: ignore[attr-defined]
    yield recodecache
    del recodecache.fresh  # type: ignore[attr-defined]


#: ``re`` patterns of the kinds a cold check compiles: pysbd's look-arounds and back-references, named
#: groups, verbose and flagged patterns, a bytes pattern.
RE_PATTERNS: list[tuple[str | bytes, int]] = [
    (r'"(?=(?P<tmp>[^\"\\]+|\\{2}|\\.)*)(?P=tmp)"', 0),
    (r"(?<=[^\d\s])(\.|∯)((\[(\d{1,3},?\s?-?\s?)*\b\d{1,3}\])+|((\d{1,3}\s?)?\d{1,3}))(\s)(?=[A-Z])", 0),
    (r"(?:\b(?:Mr|Mrs|Dr|U\.S)\.)(?=\s+[A-Z])", re.IGNORECASE),
    (r"""
        (?P<key>\w+) [ \t]* = [ \t]*   # a key
        (?P<value>"[^"]*"|\S+)         # its value
     """, re.VERBOSE | re.MULTILINE),
    (r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII),
    (rb"\s*<(?:[A-Za-z_][\w.-]*:)?(?P<root>[A-Za-z_][\w.-]*)", 0),
    (r"[\t\xa0\u2000-\u200a][ \t\xa0]*|[\xad\u200b-\u200d\ufeff]+", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", re.DOTALL),
]
RE_TEXTS = [*TEXTS, 'He said "it is \\"done\\"" at 5.3 p.m. (U.S.). ∯3 Next', "key = \"v 1\"\nother=x # coding: utf-8"]


def _re_behaviour(p: re.Pattern) -> tuple:
    texts = [t.encode() for t in RE_TEXTS] if isinstance(p.pattern, bytes) else RE_TEXTS
    return (p.pattern, p.flags, p.groups, dict(p.groupindex),
            [[(m.span(), m.groups(), m.groupdict()) for m in p.finditer(t)] for t in texts])


def test_re_patterns_from_the_cache_are_the_same(re_cache, cache_dir, monkeypatch):
    from re import _compiler

    plain = {(p, f): _compiler.compile(p, f) for p, f in RE_PATTERNS}
    for (p, f), want in plain.items():  # misses: compiled by re, and stored
        assert re_cache.cached_compile(p, f) == want
    re_cache.save()
    (entry,) = (cache_dir / "code").glob("*.marshal")
    re_cache.fresh()

    def no_compiling(p, f):
        raise AssertionError(f"compiled, not read from the cache: {p!r}")

    own = re_cache._original  # re's compiler (set when another test imported the command line)
    monkeypatch.setattr(re_cache, "_original", no_compiling)
    for (p, f), want in plain.items():  # hits: built from the stored arguments alone
        got = re_cache.cached_compile(p, f)
        assert got == want and _re_behaviour(got) == _re_behaviour(want)
    monkeypatch.setattr(re_cache, "_original", own)
    entry.write_bytes(b"\x00\x00\x00\x00garbage")
    re_cache.fresh()
    for (p, f), want in plain.items():  # corrupt: compiled again
        assert _re_behaviour(re_cache.cached_compile(p, f)) == _re_behaviour(want)


def test_a_pattern_whose_arguments_build_another_is_not_stored(re_cache, cache_dir, monkeypatch):
    other = re_cache._arguments("x+", 0)
    monkeypatch.setattr(re_cache, "_arguments", lambda p, f: other)  # a compiler that differs from re's
    got = re_cache.cached_compile("y+", 0)
    assert got.pattern == "y+" and got.fullmatch("yy") and not got.fullmatch("xx")
    assert not re_cache.STORE.added and not re_cache.STORE.entries
    assert re_cache.cached_compile("z+", 0).pattern == "z+" and not re_cache.STORE.entries  # not tried again
    re_cache.save()
    assert not (cache_dir / "code").exists()


def test_arguments_that_name_the_groups_otherwise_are_not_stored(re_cache, cache_dir, monkeypatch):
    """Review of session 18: re's patterns compare equal on their code alone, not on their group names, so
    arguments whose names differ from re's (another Python's compiler) passed the check, and a hit served a
    pattern whose ``group("a")`` was another group. The check compares the group names and count too."""
    pattern, own = "(?P<a>x)(?P<b>y)", re_cache._arguments

    def swapped(p, f):
        args = own(p, f)
        return (*args[:4], {"a": 2, "b": 1}, (None, "b", "a"))

    monkeypatch.setattr(re_cache, "_arguments", swapped)
    got = re_cache.cached_compile(pattern, 0)
    assert got.fullmatch("xy").group("a") == "x"
    assert not re_cache.STORE.added and not re_cache.STORE.entries  # not stored, so never served


def test_the_command_line_reads_re_patterns_from_the_cache(tmp_path):
    env = {"PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    probe = ("import re, sys\nfrom re import _compiler\nimport mtfix.cli\n"
             "print(_compiler.compile.__module__, re.compile(sys.argv[1]).fullmatch('aab') is not None)")

    def run(*extra: str, **more: str) -> str:
        out = subprocess.run([sys.executable, "-c", probe, "a+b", *extra], env={**env, **more},
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    assert run(MTFIX_NO_CACHE="1") == "re._compiler True"  # the cache off: re left alone
    assert run() == "mtfix.caching.recodecache True"
    (entry,) = (tmp_path / "cache" / "code").glob("*.marshal")  # the patterns, stored at exit
    stored = entry.read_bytes()
    assert run() == "mtfix.caching.recodecache True" and entry.read_bytes() == stored  # a hit: nothing written


@pytest.mark.parametrize("which", ["re", "dataclasses"])
def test_a_cache_past_its_bound_keeps_what_a_process_used(re_cache, cache_dir, monkeypatch, which):
    if which == "re":
        mod, add, fresh = re_cache, (lambda i: re_cache.cached_compile(f"a{i}+", 0)), re_cache.fresh
    else:
        mod, add = codecache, lambda i: codecache.code_for(f"x = {i}\n")

        def fresh() -> None:
            _fresh_store(codecache.STORE, monkeypatch)

        fresh()
    entries = lambda: mod.STORE.entries  # noqa: E731
    monkeypatch.setattr(mod.STORE, "limit", 3)
    for i in range(5):  # another program held five (a test run)
        add(i)
    mod.save()
    fresh()
    assert entries() is None and add(1) is not None and len(entries()) == 5  # read: all five
    mod.save()  # nothing new, but past the bound: only what this process used is kept
    fresh()
    add(1)
    assert len(entries()) == 1
    mod.save()
    (entry,) = (cache_dir / "code").glob("*.marshal")
    stored = entry.read_bytes()
    mod.save()
    assert entry.read_bytes() == stored  # within the bound and nothing new: nothing written


@pytest.fixture
def regex_store(cache_dir, monkeypatch):
    """:mod:`mtfix.caching.regexcache` as the command line finds it in a fresh process (its store installed,
    nothing read; :func:`regexcache.install` itself would register a save at exit)."""
    monkeypatch.setattr(regexcache, "_installed", True)

    def fresh() -> None:
        regexcache._memo.clear()
        _fresh_store(regexcache.STORE, monkeypatch)

    fresh()
    return fresh


def test_the_command_line_rebuilds_regex_patterns_from_one_entry(regex_store, cache_dir, monkeypatch):
    patterns = _patterns()
    plain = [_behaviour(regex.compile(p, f)) for p, f in patterns]
    assert [_behaviour(regexcache.compile(p, f)) for p, f in patterns] == plain  # misses: compiled
    regexcache.save()
    store = [e for e in (cache_dir / "regex").glob("*.marshal") if isinstance(marshal.loads(e.read_bytes()[4:]), dict)]
    assert len(store) == 1 and len(marshal.loads(store[0].read_bytes()[4:])) >= len(set(patterns))  # one entry
    regex_store()
    lookups: list[str] = []
    own = cache.lookup_blob

    def counted(raw, kind, folder):
        lookups.append(kind)
        return own(raw, kind, folder)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(cache, "lookup_blob", counted)
    monkeypatch.setattr(regex, "compile", refuse)
    assert [_behaviour(regexcache.compile(p, f)) for p, f in patterns] == plain  # hits: rebuilt
    assert lookups == ["regex-patterns-1"]  # one file read, not one per pattern
    stored = store[0].read_bytes()
    regexcache.save()
    assert store[0].read_bytes() == stored  # nothing new: nothing written


@pytest.mark.parametrize("damage", ["garbage", "other-pattern"])
def test_a_damaged_regex_store_is_read_past(regex_store, cache_dir, damage):
    pattern = r"(?<=\p{L})['’](?:s|re)\b"
    good = _behaviour(regexcache.compile(pattern))
    regexcache.save()
    (entry,) = [e for e in (cache_dir / "regex").glob("*.marshal") if isinstance(marshal.loads(e.read_bytes()[4:]), dict)]
    key = (pattern, 0, int(regex.DEFAULT_VERSION))
    if damage == "garbage":
        entry.write_bytes(b"\x00\x01garbage")
    else:  # a well-formed store whose entry for the pattern is another pattern's
        body = marshal.dumps({key: regex.compile(r"x+")._pickled_data})
        entry.write_bytes(zlib.crc32(body).to_bytes(4, "little") + body)
    regex_store()
    assert _behaviour(regexcache.compile(pattern)) == good
    regexcache.save()  # and stored right again
    assert marshal.loads(entry.read_bytes()[4:])[key][0] == pattern


def test_a_second_check_writes_nothing_to_the_cache(tmp_path):
    """Session 30: the mid-sentence capital detector joined a set's words in the set's order, which differs
    from process to process: every check compiled a new pattern and left one more entry in the cache."""
    text = tmp_path / "news.txt"
    text.write_text("The minister met The envoy in Baku. He said That talks on the pipeline will go on.\n",
                    encoding="utf-8")
    env = {"PYTHONPATH": str(REPO), "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}

    def run(seed: str) -> tuple[str, dict[str, bytes]]:
        out = subprocess.run([sys.executable, "-m", "mtfix", "check", "--grammar", "off", "--quiet", str(text)],
                             env={**env, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=120)
        assert out.returncode in (0, 1), out.stderr
        files = {str(f.relative_to(tmp_path)): f.read_bytes() for f in (tmp_path / "cache").rglob("*") if f.is_file()}
        return out.stdout, files

    first, stored = run("1")
    assert "MTF" in first
    for seed in ("2", "3"):
        assert run(seed) == (first, stored)
