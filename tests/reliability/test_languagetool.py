"""Issue 9, LanguageTool lifecycle: the private server dies with mtfix, logs rotate, no ``fcntl`` at
load time, a non-local ``--lt-url`` neither drives safe fixes nor fills the local cache, and the
mapping's guards (names, mid-sentence morphology, overlaps, inverse fixes).

The lifecycle tests run the real CLI in a subprocess against the real LanguageTool 6.7 and send it
real signals.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtfix.config import Config
from mtfix.errors import ConfigError, GrammarError
from mtfix.grammar.cache import ResultCache
from mtfix.grammar.client import LTMatch
from mtfix.grammar.install import SERVER_CLASS
from mtfix.grammar.mapping import Knowledge, document_names, drop_shadowed, map_matches, no_inverse_fixes
from mtfix.grammar.server import KEEP_LOGS, ServerRecord, rotate_logs, server_lock, start_server, write_record
from mtfix.grammar.settings import host_name, settings_from
from mtfix.model import Finding, Severity
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document
from tests.languagetool_home import installed_lt_home

PROC = Path("/proc")


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, MTFIX_CACHE_DIR=str(tmp_path / "cache"), MTFIX_LT_HOME=str(installed_lt_home()))


def _lt_children(parent: int) -> list[int]:
    """Pids of LanguageTool servers whose parent is ``parent``."""
    out = []
    for d in PROC.iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            cmdline = (d / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == parent and SERVER_CLASS.encode() in cmdline:
            out.append(int(d.name))
    return out


def _gone(pid: int) -> bool:
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return True
    return "State:\tZ" in status  # a zombie holds no memory and no port


@pytest.mark.languagetool
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the JVM")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_private_server_dies_with_mtfix_whatever_the_signal(tmp_path: Path, sig: signal.Signals) -> None:
    lt_dir = tmp_path / "cache" / "languagetool" / "hosts" / host_name()  # this host's logs (session 37)
    lt_dir.mkdir(parents=True)
    for n in range(8):  # logs of earlier private servers
        old = lt_dir / f"server-{40000 + n}.log"
        old.write_text("old\n", encoding="utf-8")
        os.utime(old, (time.time() - 1000 + n, time.time() - 1000 + n))
    big = tmp_path / "big.txt"
    big.write_text("".join(f"Report {i} say that the the prices of oilgas rises again.\n" for i in range(20000)),
                   encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mtfix", "check", "--grammar", "required", str(big)],
                            env=_env(tmp_path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        jvms: list[int] = []
        while not jvms and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            jvms = _lt_children(proc.pid)
        assert jvms, f"no LanguageTool child appeared (mtfix exited {proc.poll()})"
        time.sleep(1.0)  # let it start answering: mtfix is then mid-run
        os.kill(proc.pid, sig)
        proc.wait(20)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not all(_gone(p) for p in jvms):
            time.sleep(0.1)
        assert all(_gone(p) for p in jvms), f"LanguageTool {jvms} still running after {sig.name} of mtfix"
        logs = sorted(p.name for p in lt_dir.glob("server-*.log"))
        assert len(logs) == KEEP_LOGS and "server-40007.log" in logs and "server-40000.log" not in logs, logs
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for p in _lt_children(proc.pid):
            os.kill(p, signal.SIGKILL)


def test_log_rotation_keeps_the_newest_and_the_recorded_servers_log(tmp_path: Path) -> None:
    settings = settings_from({"cache-dir": str(tmp_path)})
    settings.run_dir.mkdir(parents=True)
    logs = []
    for n in range(9):
        log = settings.run_dir / f"server-{41000 + n}.log"
        log.write_text("x\n", encoding="utf-8")
        log.with_suffix(".properties").write_text("cacheSize=0\n", encoding="utf-8")
        os.utime(log, (1000 + n, 1000 + n))
        logs.append(log)
    write_record(settings, ServerRecord("http://127.0.0.1:41000", 41000, 1, "6.7", "", str(logs[0]), 0.0))
    deleted = rotate_logs(settings, keep=3)
    left = sorted(p.name for p in settings.run_dir.glob("server-*.log"))
    assert left == ["server-41000.log", "server-41006.log", "server-41007.log", "server-41008.log"]
    assert len(deleted) == 5 and not logs[3].with_suffix(".properties").exists()


def test_no_fcntl_at_load_time(tmp_path: Path) -> None:
    """As on Windows: ``import fcntl`` fails; importing the grammar modules and taking the lock still work."""
    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "import mtfix.grammar.checker, mtfix.grammar.server as s\n"
        "from mtfix.grammar.settings import settings_from\n"
        f"st = settings_from({{'cache-dir': {str(tmp_path)!r}}})\n"
        "with s.server_lock(st):\n"
        "    print('locked')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.strip() == "locked", r.stderr


def test_lock_still_excludes_on_posix(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("flock is POSIX")
    settings = settings_from({"cache-dir": str(tmp_path)})
    code = (
        "import time, mtfix.grammar.server as s\n"
        "from mtfix.grammar.settings import settings_from\n"
        f"st = settings_from({{'cache-dir': {str(tmp_path)!r}}})\n"
        "with s.server_lock(st):\n"
        "    print(time.time())\n"
    )
    with server_lock(settings):
        other = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        time.sleep(3)
        released = time.time()
    out, _ = other.communicate(timeout=60)
    assert float(out) >= released - 0.01  # it waited for this process's lock


# -- trust: a non-local --lt-url ---------------------------------------------------------------------

class _RepeatLT:
    """A stand-in LT answering every check with one ENGLISH_WORD_REPEAT_RULE match per "the the"."""

    def __init__(self) -> None:
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _send(self, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"}])

            def do_POST(self) -> None:
                form = parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                text = form.get("text", [""])[0]
                matches, at = [], text.find("the the")
                while at >= 0:
                    matches.append({"message": "Repeated word.", "replacements": [{"value": "the"}], "offset": at,
                                    "length": 7, "context": {"text": text, "offset": at, "length": 7},
                                    "sentence": text, "rule": {"id": "ENGLISH_WORD_REPEAT_RULE",
                                                               "description": "repeat", "issueType": "duplication",
                                                               "category": {"id": "MISC", "name": "Misc"}}})
                    at = text.find("the the", at + 7)
                self._send({"software": {"name": "LanguageTool", "version": "6.7"}, "matches": matches})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _lt_pipeline(url: str, cache: Path) -> Pipeline:
    return Pipeline(Config(grammar="required", lt_url=url, select=("LT:",),
                           extra={"languagetool": {"cache-dir": str(cache)}}))


def test_a_non_local_server_never_drives_safe_fixes_nor_fills_the_local_cache(tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from mtfix.grammar import checker as checker_mod
    from mtfix.grammar.cache import ResultCache

    text = "The envoy met the the minister."
    fake = _RepeatLT()
    try:
        monkeypatch.setattr(checker_mod, "is_local_url", lambda url: False)  # as if it were elsewhere
        with _lt_pipeline(fake.url, tmp_path) as p:
            fixed = p.fix(text)
        assert [str(f.fix) for f in fixed.findings] == ["unsafe"] and fixed.text == text and fixed.held_back == 1
        db = tmp_path / "grammar-cache.sqlite3"
        payloads = [json.loads(row[0]) for row in sqlite3.connect(db).execute("SELECT matches FROM lt_results")]
        assert payloads and all(pl["server"] == f"LanguageTool 6.7 at {fake.url}" for pl in payloads)
        local = ResultCache(db, "6.7", "en-US", settings_from().rules_key)
        assert local.get_many([text]) == {}  # not under the key local servers share
        local.close()

        monkeypatch.undo()  # the same answers from a loopback server: safe, and cached under the shared key
        with _lt_pipeline(fake.url, tmp_path) as p:
            assert p.fix(text).text == "The envoy met the minister."
    finally:
        fake.close()


def test_results_cache_key_follows_what_changes_lt_answers() -> None:
    """LT's server options (``languageModel`` adds its n-gram rules) were not part of the key: answers of a
    server without them were served for one with them."""
    def key(version: str = "6.7", **table: object) -> str:
        s = settings_from(table)
        cache = ResultCache(":memory:", version, s.language, s.rules_key)
        try:
            return cache.key("It rain.")
        finally:
            cache.close()

    base = key()
    changed = [key("6.8"), key(language="en-GB"), key(**{"disabled-rules": ["EN_A_VS_AN"]}),
               key(**{"enabled-rules": ["PASSIVE_VOICE"]}), key(**{"server-options": {"languageModel": "/ngrams"}})]
    assert base not in changed and len(set(changed)) == len(changed)
    same = [key(heap="2g", timeout=5, workers=1, **{"batch-chars": 900}), key(**{"server-options": {}})]
    assert set(same) == {base}


def test_is_local_url() -> None:
    from mtfix.grammar.checker import is_local_url

    assert is_local_url("http://127.0.0.1:8081") and is_local_url("http://localhost:8081/")
    assert is_local_url("http://[::1]:8081") and is_local_url("http://127.1.2.3")
    assert not is_local_url("https://languagetool.example.org") and not is_local_url("http://10.0.0.5:8081")
    assert not is_local_url("http://127.0.0.1.evil.example:80")


# -- the mapping's guards (synthetic matches: no server needed) ---------------------------------------

def _match(rule: str, start: int, length: int, *repl: str, issue: str = "misspelling",
           category: str = "TYPOS") -> LTMatch:
    return LTMatch(rule, category, issue, "msg", tuple(repl), start, length)


def test_no_morphology_fix_before_a_capitalised_word_mid_sentence() -> None:
    doc = to_document("Talks in Georgia weather It was agreed. Old sailors weather storms well.")
    spliced = doc.text.index("weather")
    fine = doc.text.index("weather storms")
    ms = [_match("AGREEMENT", spliced, 7, "weathers", issue="grammar", category="GRAMMAR"),
          _match("AGREEMENT", fine, 7, "weathers", issue="grammar", category="GRAMMAR")]
    found = map_matches(doc, 0, ms)
    assert [str(f.fix) for f in found] == ["none", "unsafe"]
    assert found[0].edits == () and found[1].edits[0].replacement == "weathers"


def test_mutually_inverse_fixes_are_not_offered() -> None:
    doc = to_document("The colour of the flag. The color of the sea. A grey day.")
    a, b = doc.text.index("colour"), doc.text.index("color ")
    ms = [_match("SPELL", a, 6, "color"), _match("SPELL", b, 5, "colour"),
          _match("SPELL", doc.text.index("grey"), 4, "gray")]
    found = no_inverse_fixes(map_matches(doc, 0, ms))
    assert [str(f.fix) for f in found] == ["none", "none", "unsafe"]


def test_spelling_on_names_the_document_or_glossary_knows_is_dropped() -> None:
    doc = to_document("Dr Elnur Qasimzade wrote it. AzeNews said so. Later AzeNews agreed with ilham aliyev. "
                             "Then the Ministr spoke.")
    words = ["Elnur", "Qasimzade", "AzeNews", "aliyev", "Ministr"]
    ms = [_match("MORFOLOGIK_RULE_EN_US", doc.text.index(w), len(w), "alien" if w == "aliyev" else "X") for w in words]
    know = Knowledge({"aliyev": "Aliyev", "ilham": "Ilham"}, document_names(doc.text))
    kept = [doc.text[f.start:f.end] for f in map_matches(doc, 0, ms, knowledge=know)]
    assert kept == ["Ministr"]  # a misspelling at a sentence's second word is still reported
    eu = to_document("The european delegation came.")
    m = _match("MORFOLOGIK_RULE_EN_US", 4, 8, "European")
    assert map_matches(eu, 0, [m], knowledge=Knowledge({"european": "European"}, {}))  # an everyday word
    assert len(map_matches(doc, 0, ms)) == 5  # without that knowledge all five are reported


def test_spelling_of_a_word_in_combining_marks_is_dropped() -> None:
    """LT's speller flagged "Cafe\u0301" (é as e + U+0301, as macOS file names and some MT output write
    it) and suggested "Café": a correct word reported as a typo."""
    doc = to_document("The Cafe\u0301 opened. The Cafee opened.")
    decomposed = _match("MORFOLOGIK_RULE_EN_US", 4, 5, "Cafe", "Caf\u00e9")
    typo = _match("MORFOLOGIK_RULE_EN_US", doc.text.index("Cafee"), 5, "Cafe", "Caf\u00e9")
    assert [doc.text[f.start:f.end] for f in map_matches(doc, 0, [decomposed, typo])] == ["Cafee"]


def test_untrusted_answers_never_make_safe_fixes() -> None:
    doc = to_document("We met the the minister.")
    m = LTMatch("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Repeated word.", ("the",), 7, 7)
    assert str(map_matches(doc, 0, [m])[0].fix) == "safe"
    assert str(map_matches(doc, 0, [m], trusted=False)[0].fix) == "unsafe"


def test_lt_finding_overlapping_an_own_finding_of_the_same_category_is_dropped() -> None:
    own = Finding("MTF103", "Fluency/Spelling", Severity.MINOR, 8, 15, "glued")
    twin = Finding("MTF202", "Fluency/Spelling", Severity.MINOR, 8, 15, "glued")
    lt = Finding("LT:MORFOLOGIK_RULE_EN_US", "Fluency/Spelling", Severity.MINOR, 8, 15, "typo")
    other_family = Finding("LT:X", "Accuracy/Mistranslation", Severity.MINOR, 8, 15, "meaning")
    elsewhere = Finding("LT:Y", "Fluency/Spelling", Severity.MINOR, 30, 33, "typo")
    other_category = Finding("LT:Z", "Fluency/Grammar", Severity.MINOR, 9, 12, "agreement")
    kept = drop_shadowed([own, twin, lt, other_family, elsewhere, other_category])
    assert [f.code for f in kept] == ["MTF103", "MTF202", "LT:X", "LT:Y", "LT:Z"]


# -- against the real server ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def real_lt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache directory whose recorded server is a real LanguageTool (started here, stopped after)."""
    home = installed_lt_home()
    cache = tmp_path_factory.mktemp("lt-reliability")
    settings = dataclasses.replace(settings_from({"cache-dir": str(cache)}), home=home, home_is_own=False)
    server = start_server(settings)
    write_record(settings, ServerRecord(server.url, server.port, server.pid, server.version, str(home),
                                        str(server.log), time.time()))
    yield cache
    server.stop()


def _real_pipeline(cache: Path, **kw: object) -> Pipeline:
    return Pipeline(Config(grammar="required", extra={"languagetool": {"cache-dir": str(cache)}}, **kw))


@pytest.mark.languagetool
def test_real_lt_names_the_document_knows_are_not_spelling_errors(real_lt: Path) -> None:
    text = ("Dr Elnur Qasimzade, a senior fellow, wrote the report.\n"
            "The envoy met ilham aliyev in Baku on Monday.\n")
    with _real_pipeline(real_lt, select=("LT:",)) as p:
        grammar = next(c for c in p.checkers if c.name == "grammar")
        raw = grammar._client.check(text)
        flagged = {text[m.offset : m.offset + m.length] for m in raw}
        assert {"Elnur", "Qasimzade"} <= flagged and any("aliyev" in w for w in flagged), flagged  # LT flags them
        found = p.check(text).findings
    spans = [text[f.start : f.end] for f in found]
    assert not any(w in s for s in spans for w in ("Elnur", "Qasimzade", "aliyev")), spans
    assert not any("alien" in s for f in found for s in f.suggestions)


@pytest.mark.languagetool
def test_real_lt_surrogate_in_a_segment_is_checked_not_a_crash(real_lt: Path) -> None:
    """The pipeline may refuse such text; the grammar checker itself never crashes on it."""
    with _real_pipeline(real_lt, select=("LT:",)) as p:
        grammar = next(c for c in p.checkers if c.name == "grammar")
        found = grammar.check(to_document("A odd \ud800 sign met the the envoy."))
    assert {f.code for f in found} >= {"LT:EN_A_VS_AN"}


@pytest.mark.languagetool
def test_real_lt_glued_token_counts_once(real_lt: Path) -> None:
    text = "He said snowThe talks ended.\n"
    with _real_pipeline(real_lt) as p:
        at_glue = [f.code for f in p.check(text).findings if text[f.start : f.end] == "snowThe"]
        grammar = next(c for c in p.checkers if c.name == "grammar")
        raw = [m for m in grammar._client.check(text) if text[m.offset : m.offset + m.length] == "snowThe"]
    assert raw, "LT flags the glued token itself"
    assert at_glue and not any(c.startswith("LT:") for c in at_glue), at_glue
    with _real_pipeline(real_lt, ignore=("MTF",)) as p:  # without mtfix's own finding, LT's stays
        assert any(f.code.startswith("LT:") and text[f.start : f.end] == "snowThe" for f in p.check(text).findings)


@pytest.mark.languagetool
def test_real_lt_seed_003_names_are_not_findings(real_lt: Path) -> None:
    shared = Path(os.environ.get("MTFIX_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
    found = sorted((shared / "seeds").glob("003_*.txt"))
    if not found:
        pytest.skip(f"seed 003 not found in {shared / 'seeds'} (set MTFIX_SHARED)")
    text = found[0].read_text(encoding="utf-8")
    with _real_pipeline(real_lt, select=("LT:",)) as p:
        found = p.check(text).findings
    spans = {text[f.start : f.end] for f in found}
    assert not spans & {"Vasif", "Huseynov", "AzeMedia", "aliyev", "Ilham aliyev"}, spans


@pytest.mark.parametrize(("key", "value", "words"), [
    ("result-cache", "false", ["result-cache", "true or false"]),  # bool("false") is True: never silently on
    ("disabled-rules", 7, ["disabled-rules", "array of strings"]),
    ("jvm-args", ["-Xss4m", 2], ["jvm-args", "array of strings"]),
    ("port", True, ["port", "whole number"]),
    ("port", 70000, ["port", "65535"]),
    ("timeout", "abc", ["timeout", "number of seconds"]),
    ("timeout", 0, ["timeout", "number of seconds"]),
    ("workers", 1.5, ["workers", "whole number"]),
    ("server-options", "maxTextLength=1", ["server-options", "table"]),
    ("heap", 2048, ["heap", "string"]),
])
def test_languagetool_settings_of_the_wrong_type_are_errors(key: str, value: object, words: list[str]) -> None:
    with pytest.raises(ConfigError) as err:
        settings_from({key: value})
    for w in words:
        assert w in str(err.value), str(err.value)


def test_languagetool_rule_lists_take_one_string_as_one_rule() -> None:
    """``disabled-rules = "EN_A_VS_AN"`` switches off that rule, not the rules "E", "N", "_", ..."""
    s = settings_from({"disabled-rules": "EN_A_VS_AN", "enabled-rules": "EN_QUOTES", "jvm-args": "-Xss4m"})
    assert "EN_A_VS_AN" in s.disabled_rules and "E" not in s.disabled_rules
    assert s.enabled_rules == ("EN_QUOTES",) and s.jvm_args == ("-Xss4m",)


def test_a_configured_port_in_use_fails_at_once_naming_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`port = N` taken by another program (one that never answers HTTP): a clear error at once, not
    a wait of `start-timeout` seconds for an answer from the wrong program.  "At once" is asserted as
    behaviour, not as a time: no server is spawned and no warm-up is waited for (``_start`` is where both
    happen), with a start-up wait of a day that a regression would sit through."""
    import socket

    from mtfix.grammar import server

    def spawned(*_args: object) -> None:
        raise AssertionError("a server was started (and its warm-up waited for) on a port already in use")

    monkeypatch.setattr(server, "_start", spawned)
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen(5)
        port = other.getsockname()[1]
        settings = dataclasses.replace(settings_from({"cache-dir": str(tmp_path), "port": port,
                                                      "start-timeout": 86400}), home=installed_lt_home(),
                                       home_is_own=False)
        with pytest.raises(GrammarError) as err:
            start_server(settings)
    assert f"port {port}" in str(err.value) and "in use" in str(err.value), str(err.value)
    assert "another program" in str(err.value), str(err.value)  # the health check did not take it for LT


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to tell an LT process")
def test_a_recorded_server_that_does_not_answer_in_time_keeps_its_record(tmp_path: Path) -> None:
    """A server `mtfix languagetool start` recorded that is alive but slow to answer the health check (busy
    on a loaded machine) keeps its record: removing it left a JVM that `mtfix languagetool stop` could no
    longer find, and `start` then started a second one.  A record whose process is gone is still removed."""
    import socket

    from mtfix.grammar.server import read_record, recorded_server, start_persistent, stop_persistent

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing answers there
    settings = settings_from({"cache-dir": str(tmp_path)})
    busy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)", SERVER_CLASS])
    for _ in range(100):  # until its command line (which names the server class) is readable
        if SERVER_CLASS.encode() in (PROC / str(busy.pid) / "cmdline").read_bytes():
            break
        time.sleep(0.05)
    try:
        write_record(settings, ServerRecord(f"http://127.0.0.1:{port}", port, busy.pid, "6.7", "", "", time.time()))
        assert recorded_server(settings) is None and read_record(settings) is not None
        with pytest.raises(GrammarError, match="does not answer"):
            start_persistent(settings)
        stopped = stop_persistent(settings, timeout=5)
        assert stopped is not None and stopped.pid == busy.pid
        assert busy.wait(10) is not None
    finally:
        busy.kill()
    write_record(settings, ServerRecord(f"http://127.0.0.1:{port}", port, busy.pid, "6.7", "", "", time.time()))
    assert recorded_server(settings) is None and read_record(settings) is None  # gone: a stale record
