"""Glossary enforcement: the checker the pipeline runs after the rule packs.

Tiers, each with its own code and fix safety (documented in
``mtfix.glossary.rules``): exact variants (MTF301), misspelt names (MTF302),
initials and first mentions (MTF303), source-language inflections (MTF304),
consistency within the document (MTF305), forbidden forms (MTF306) and, for
bilingual input, source terms whose target term is missing (MTF307).
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from mtfix.glossary.formats import load
from mtfix.glossary.matcher import Hit, Matcher
from mtfix.glossary.model import Entry, Glossary
from mtfix.glossary.rules import RULES
from mtfix.model import Document, Edit, Finding, FixSafety, Severity

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "glossaries"
_INITIALS = regex.compile(r"(?<![\p{L}\p{N}.])(?P<init>\p{Lu})\.[ \t]?(?P<name>\p{Lu}[\p{Ll}’'-]+)")
_CAP_TOKEN = regex.compile(r"(?<![\p{L}\p{N}_.@/-])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}_@/]|\.\p{L})")
_PREV_CAP = regex.compile(r"\p{Lu}[\p{L}.’'-]*[ \t]+$")


def bundled_glossary_paths() -> list[Path]:
    return sorted(p for p in BUNDLED_DIR.glob("*") if p.suffix.lower() in (".yaml", ".yml", ".tsv", ".csv", ".tbx"))


@lru_cache(maxsize=32)
def _load_cached(path: str, mtime: float, size: int) -> Glossary:
    return load(path)


def load_file(path: str | Path) -> Glossary:
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return load(p)  # raises GlossaryError naming the file
    return _load_cached(str(p), st.st_mtime, st.st_size)


def assemble(user_files: tuple[str, ...], *, bundled: bool = True) -> Glossary:
    """Bundled glossaries (unless ``bundled`` is false) plus the user's files.

    Conflicts among the user's files are errors naming both files and lines;
    where a user file disagrees with a bundled one, the user's entry wins
    (listed in ``Glossary.notes``)."""
    base = Glossary()
    if bundled:
        for p in bundled_glossary_paths():
            base = base.merged(load_file(p), other_wins=False)
    user = Glossary()
    for f in user_files:
        user = user.merged(load_file(f), other_wins=False)
    return base.merged(user, other_wins=True) if user.entries else base


def _finding(code: str, start: int, end: int, message: str, entry: Entry | None, replacement: str | None,
             safety: FixSafety, doc: Document, severity: Severity | None = None) -> Finding:
    info = RULES[code]
    origin = f"glossary:{entry.origin} ({entry.term})" if entry else "glossary:document"
    edits: tuple[Edit, ...] = ()
    if replacement is not None and safety is not FixSafety.NONE and doc.text[start:end] != replacement:
        edits = (Edit(start, end, replacement, doc.text[start:end], code, origin, safety),)
    seg = doc.segment_at(start)
    return Finding(
        code=code, category=info.category, severity=severity or info.severity, start=start, end=end,
        message=message, suggestions=(replacement,) if replacement else (), edits=edits,
        fix=safety if edits else FixSafety.NONE, origin=origin, segment=seg.index if seg else None,
    )


class GlossaryChecker:
    name = "glossary"

    def __init__(self, glossary: Glossary, *, first_mention: bool = True):
        self.glossary = glossary
        self.first_mention = first_mention
        self.matcher = Matcher(glossary)
        self._names = self._name_index(self.matcher)
        self._forms = self.matcher.keys
        self._by_short: dict[str, list[Entry]] = {}
        for e in glossary.entries:
            if e.type == "person" and e.short != e.term:
                self._by_short.setdefault(e.short, []).append(e)
        self._lock = threading.Lock()
        self._stats = Counter()
        self._fuzzy_cache: dict[str, tuple[str, Entry, int] | None] = {}

    @staticmethod
    def _name_index(matcher: Matcher) -> dict[str, list[tuple[str, Entry]]]:
        """Name tokens of five letters or more, by first letter, for the misspelling tier."""
        index: dict[str, list[tuple[str, Entry]]] = {}
        seen: set[tuple[str, str]] = set()
        for e, kind, form in matcher.owners():
            if kind != "term" or not e.is_name:
                continue
            for tok in form.split():
                if len(tok) < 5 or not tok[0].isupper() or not tok[1:].islower() or not tok.isalpha():
                    continue
                if (tok, e.term) not in seen:
                    seen.add((tok, e.term))
                    index.setdefault(tok[0], []).append((tok, e))
        return index

    def signature(self) -> str:
        h = hashlib.sha1()
        for e in self.glossary.entries:
            h.update(repr(e).encode("utf-8"))
        names = "+".join(Path(s).stem for s in self.glossary.sources) or "none"
        return f"{names}#{h.hexdigest()[:8]}"

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._stats)

    # -- the tiers -------------------------------------------------------------------
    def check(self, doc: Document) -> list[Finding]:
        text = doc.text
        hits = [h for h in self.matcher.find(text) if doc.segment_at(h.start) and not doc.is_protected(h.start, h.end)]
        findings: list[Finding] = []
        seen_entries: set[str] = set()
        covered: list[tuple[int, int]] = []
        initials = {m.start(): m for m in _INITIALS.finditer(text)}
        events = sorted([(h.start, "hit", h) for h in hits] + [(p, "init", m) for p, m in initials.items()],
                        key=lambda x: x[0])
        canonical = mentions = 0
        for _pos, kind, obj in events:
            if kind == "init":
                f = self._initials(doc, obj, seen_entries)
                if f is not None:
                    findings.append(f)
                    covered.append((f.start, f.end))
                    mentions += 1
                continue
            h: Hit = obj
            if any(s <= h.start < e for s, e in covered):
                continue
            doc.terms.append(_span(h.start, h.end))
            covered.append((h.start, h.end))
            mentions += 1
            f = self._exact(doc, h, seen_entries)
            if f is None:
                canonical += 1
            else:
                findings.append(f)
            seen_entries.add(h.entry.term)
        fuzzy = self._misspellings(doc, covered)
        findings += fuzzy
        mentions += len(fuzzy)
        findings += self._consistency(doc, covered + [(f.start, f.end) for f in fuzzy])
        if doc.source:
            findings += self._missing_terms(doc)
        doc.meta["glossary"] = {"mentions": mentions, "canonical": canonical}
        with self._lock:
            self._stats.update(mentions=mentions, canonical=canonical, documents=1)
        return findings

    def _replacement(self, e: Entry, form: str, first: bool) -> str:
        """A variant becomes the full term, or the short form if it was a bare
        surname and this is not a first mention that needs the full name."""
        if e.type == "person" and " " not in form and e.short != e.term:
            return e.term if (first and e.first_mention and self.first_mention) else e.short
        return e.term

    def _exact(self, doc: Document, h: Hit, seen: set[str]) -> Finding | None:
        e, first = h.entry, h.entry.term not in seen
        got = doc.text[h.start : h.end]
        if h.kind == "forbidden":
            return _finding("MTF306", h.start, h.end, f"'{got}' is a forbidden form: the glossary says '{e.term}'",
                            e, None, FixSafety.NONE, doc)
        if h.kind == "variant":
            repl = self._replacement(e, h.form, first)
            return _finding("MTF301", h.start, h.end, f"'{got}' should read '{repl}' (glossary)", e, repl,
                            FixSafety.SAFE, doc)
        if h.kind == "inflected":
            base = self._replacement(e, h.form, first)
            repl = base + ("’s" if "’" in doc.text else "'s") if h.genitive else base
            return _finding("MTF304", h.start, h.end, f"source-language form '{got}' should read '{repl}'", e, repl,
                            FixSafety.SAFE, doc)
        if (first and self.first_mention and e.first_mention and e.short != e.term and got == e.short
                and not _PREV_CAP.search(doc.text, max(0, h.start - 40), h.start)):
            return _finding("MTF303", h.start, h.end, f"first mention of '{e.short}': write '{e.term}'", e, e.term,
                            FixSafety.SAFE, doc)
        return None

    def _initials(self, doc: Document, m: regex.Match, seen: set[str]) -> Finding | None:
        """``E.Blinken``, ``A. Blinken`` → the full name at the first mention, the surname later."""
        name = m.group("name").rstrip("’'")
        initial = m.group("init")
        # The entry whose first names (in any listed spelling) start with this initial;
        # a surname shared by two people with the same initial is left alone.
        owners = [e for e in self._by_short.get(name, ()) if initial in _initials_of(e)]
        if len(owners) != 1 or doc.is_protected(m.start(), m.end()) or not doc.segment_at(m.start()):
            return None
        e = owners[0]
        prev = _PREV_CAP.search(doc.text, max(0, m.start() - 40), m.start())
        if prev and prev.group().split()[0] in {f.split()[0] for f in (e.term, *e.accepted) if " " in f}:
            return None  # "Antony J. Blinken": a middle initial
        first = e.term not in seen
        seen.add(e.term)
        end = m.start("name") + len(name)
        doc.terms.append(_span(m.start(), end))
        repl = e.term if first else e.short
        return _finding("MTF303", m.start(), end, f"'{doc.text[m.start():end]}' should read '{repl}'", e, repl,
                        FixSafety.SAFE, doc)

    def _nearest(self, token: str) -> tuple[str, Entry, int] | None:
        if token in self._fuzzy_cache:
            return self._fuzzy_cache[token]
        from rapidfuzz.distance import OSA

        best: list[tuple[int, str, Entry]] = []
        for cand, e in self._names.get(token[0], ()):
            limit = max(1, max(len(cand), len(token)) // 3)
            if abs(len(cand) - len(token)) > limit or _derived(token, cand):
                continue
            d = OSA.distance(token, cand, score_cutoff=limit)
            if d <= limit:
                best.append((d, cand, e))
        result = None
        if best:
            # nearest first; within one entry, a token of the term itself before accepted spellings
            best.sort(key=lambda x: (x[0], x[1] not in x[2].term.split()))
            d, cand, e = best[0]
            rivals = {ee.term for dd, _, ee in best if dd == d}
            if len(rivals) == 1 and d > 0:
                result = (cand, e, d)
        if len(self._fuzzy_cache) < 100_000:
            self._fuzzy_cache[token] = result
        return result

    def _misspellings(self, doc: Document, covered: list[tuple[int, int]]) -> list[Finding]:
        from mtfix.lexicon import is_common, is_word

        text = doc.text
        counts = Counter(m.group() for m in _CAP_TOKEN.finditer(text))
        out = []
        for m in _CAP_TOKEN.finditer(text):
            tok = m.group()
            if (tok.lower() in self._forms or counts[tok] >= 3 or is_common(tok)
                    or any(s <= m.start() < e for s, e in covered)
                    or doc.is_protected(m.start(), m.end()) or not doc.segment_at(m.start())):
                continue
            near = self._nearest(tok)
            if near is None or is_word(tok):  # "Blinkers" is a word, "Blinke" is not
                continue
            cand, e, d = near
            safety = FixSafety.SAFE if e.is_name and d <= max(1, len(cand) // 3) else FixSafety.UNSAFE
            doc.terms.append(_span(m.start(), m.end()))
            out.append(_finding("MTF302", m.start(), m.end(),
                                f"'{tok}' looks like a misspelling of '{cand}' ({e.term}; distance {d})",
                                e, cand, safety, doc))
        return out

    def _consistency(self, doc: Document, covered: list[tuple[int, int]]) -> list[Finding]:
        from rapidfuzz.distance import OSA

        from mtfix.lexicon import is_common

        matches = [m for m in _CAP_TOKEN.finditer(doc.text) if len(m.group()) >= 5]
        counts = Counter(m.group() for m in matches)
        dominant = [t for t, c in counts.items() if c >= 3 and not is_common(t)]
        if not dominant:
            return []
        out = []
        for m in matches:
            tok = m.group()
            if counts[tok] > 2 or is_common(tok) or any(s <= m.start() < e for s, e in covered):
                continue
            if doc.is_protected(m.start(), m.end()) or not doc.segment_at(m.start()):
                continue
            for dom in dominant:
                if counts[dom] < 3 * counts[tok] or dom.lower() == tok.lower():
                    continue
                if _derived(tok, dom):  # Armenia / Armenian, Brussel / Brussels
                    continue
                d = OSA.distance(tok, dom, score_cutoff=2)
                if d <= max(1, min(2, len(dom) // 4)):
                    known = dom.lower() in self._forms
                    out.append(_finding(
                        "MTF305", m.start(), m.end(),
                        f"'{tok}' ({counts[tok]}×) beside '{dom}' ({counts[dom]}×) in this document: inconsistent "
                        "spelling", None, dom, FixSafety.SAFE if known else FixSafety.UNSAFE, doc))
                    break
        return out

    def _missing_terms(self, doc: Document) -> list[Finding]:
        src_low = doc.source.lower() if doc.source else ""
        low = doc.text.lower()
        out = []
        for e in self.glossary.entries:
            for s in e.source:
                if s and regex.search(r"(?<!\w)" + regex.escape(s.lower()) + r"(?!\w)", src_low):
                    if not any(f.lower() in low for f in (*e.forms(), e.short)):
                        end = doc.segments[0].end if doc.segments else len(doc.text)
                        out.append(_finding("MTF307", 0, end,
                                            f"the source has '{s}' but the translation lacks '{e.term}'", e, None,
                                            FixSafety.NONE, doc))
                    break
        return out


def _initials_of(e: Entry) -> set[str]:
    """First letters of the first names in every listed spelling (Entoni Blinken gives E)."""
    return {f.split()[0][0] for f in (e.term, *e.accepted, *e.variants, *e.source) if " " in f}


_ENDINGS = {"i", "n", "s", "an", "ian", "is", "es", "ns", "ans", "ese", "ians"}


def _derived(a: str, b: str) -> bool:
    """One is the other plus a derivational ending: Armenia/Armenian, Azerbaijan/Azerbaijani,
    Brussel/Brussels.  A truncation ("Blinke" for "Blinken") is no derivation."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.startswith(shorter) and longer[len(shorter):] in _ENDINGS and len(shorter) >= 5 and (
        a == longer or len(longer) - len(shorter) > 1 or longer[len(shorter):] in {"i", "s"}
    )


def _span(start: int, end: int):
    from mtfix.model import Span

    return Span(start, end)


def build_checker(config, warnings: list[str]) -> GlossaryChecker | None:
    """The glossary checker a Config asks for (None when there is no glossary at all)."""
    glossary = assemble(tuple(config.glossaries), bundled=config.default_glossaries)
    if config.extra.get("verbose"):
        warnings.extend(glossary.notes)
    if not glossary.entries:
        return None
    return GlossaryChecker(glossary, first_mention=config.first_mention)
