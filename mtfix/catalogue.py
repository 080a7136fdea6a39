"""The rule catalogue: every rule mtfix can report, from every checker, in one shape.

``mtfix rules``, ``mtfix explain``, SARIF's rule table and ``--select``/``--ignore`` read
the catalogue and nothing else, so they cannot disagree.  Sources:

* the rules of the bundled packs and of the user's ``rule-files`` (``mtfix/rules``);
* the glossary tiers' ``GlossaryRule``s (``mtfix/glossary/rules.py``);
* the source-vs-target checks' ``BILINGUAL_RULES`` (``mtfix/checks/source_target_rules.py``);
* LanguageTool rules that mtfix maps or lets fix (``mtfix/grammar/categories.tsv``,
  ``safe-fixes.yaml``); any other ``LT:RULE_ID`` is looked up in the installed LT jars;
* any checker that has a ``rules() -> list[RuleInfo]`` method, any checker module (in
  ``CHECKER_FACTORIES``) with a ``catalogue_rules()`` function, and any source added with
  :func:`register_source`: how a new checker plugs in.

``--select``/``--ignore`` take codes (``MTF101``), prefixes (``MTF1``, ``LT:``), rule names
(``hallucinated-phrase``) and checker names (``garble``, ``glossary``).

>>> cat = build_catalogue()
>>> cat["MTF101"].name, cat.resolve(["hallucinated-phrase"], []).wants("MTF101")
('hallucinated-phrase', True)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtfix.errors import ConfigError
from mtfix.io.paths import real_path

#: Where the rule documentation lives; a rule's ``help_uri`` is this plus ``#<anchor>`` (or its ``url``).
DOCS_URL = "https://github.com/mtfix/mtfix/blob/main/docs/rules.md"
#: LanguageTool's page for one of its rules: the link of an LT rule that docs/rules.md does not list.
LT_RULE_URL = "https://community.languagetool.org/rule/show/{rule}?lang=en"
LT_PREFIX = "LT:"


@dataclass(frozen=True)
class RuleInfo:
    """One rule, as every report describes it."""

    code: str
    name: str
    checker: str  # rules | glossary | bilingual | grammar | a plug-in's name
    pack: str  # the rule pack, or the checker's own table
    category: str  # MQM category
    severity: str  # minor | major | critical
    fix: str  # safe | unsafe | none (or a phrase when it depends on the occurrence)
    title: str
    docs: str
    examples: tuple[dict[str, str], ...] = ()  # {"text", "fixed"?, "flagged"?, "fix"?}: text the rule flags
    leaves_alone: tuple[str, ...] = ()  # text the rule must not flag
    how: str = ""  # pattern or detector, for pack rules
    anchor: str = ""
    url: str = ""  # where the rule is documented when docs/rules.md does not list it (a user pack, an LT rule,
    # a plug-in's rule)

    def __post_init__(self) -> None:
        if not self.anchor:
            object.__setattr__(self, "anchor", re.sub(r"[^a-z0-9]+", "-", self.code.lower()).strip("-"))

    @property
    def help_uri(self) -> str | None:
        """Where the rule is documented: its ``url``, else its section of docs/rules.md, which lists the
        rules of mtfix's own checkers only: a plug-in's rule without a ``url`` has none (None)."""
        if self.url:
            return self.url
        from mtfix.checker_registry import CHECKER_FACTORIES

        return f"{DOCS_URL}#{self.anchor}" if any(self.checker == n for n, _ in CHECKER_FACTORIES) else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["url"]  # reports carry it as help_uri
        d["examples"] = [dict(e) for e in self.examples]
        d["leaves_alone"] = list(self.leaves_alone)
        d["help_uri"] = self.help_uri
        return d

    def explain(self) -> str:
        """The rule's documentation as ``mtfix explain`` prints it."""
        lines = [
            f"{self.code} ({self.name}): {self.title}",
            f"checker: {self.checker} | pack: {self.pack} | category: {self.category} | "
            f"severity: {self.severity} | fix: {self.fix}",
        ]
        if self.how:
            lines.append(self.how)
        lines += ["", self.docs.strip(), ""]
        if self.examples:
            lines.append("Flags:")
            for e in self.examples:
                lines.append(f"  - {e['text']!r}" + (f"\n    → {e['fixed']!r}" if e.get("fixed") is not None else ""))
        if self.leaves_alone:
            lines.append("Leaves alone:")
            lines += [f"  - {t!r}" for t in self.leaves_alone]
        if self.help_uri:
            lines.append(f"docs: {self.help_uri}")
        return "\n".join(lines).rstrip() + "\n"


# -- sources -----------------------------------------------------------------------------------

Source = Callable[[Any], Iterable[RuleInfo]]  # config (or None) → rules


def _example(e: Any) -> dict[str, str]:
    """A pack example as the catalogue carries it: ``text``, and ``fixed``, ``flagged`` (the
    reported span's text) and ``fix`` (the occurrence's fix safety) when the pack gives them."""
    return {"text": e.text, **{k: getattr(e, k) for k in ("fixed", "flagged", "fix") if getattr(e, k) is not None}}


def _pack_rules(config: Any) -> Iterator[RuleInfo]:
    from mtfix.rules.pack import bundled_pack_paths, load_bundled, load_user_packs

    packs = [load_bundled(n) for n in sorted(bundled_pack_paths())]
    packs += load_user_packs(getattr(config, "rule_files", ()) or ())
    for p in packs:
        yield from (pack_rule_info(r, p.path) for r in p.rules)


@lru_cache(maxsize=1)
def _bundled_pack_files() -> frozenset[Path]:
    from mtfix.rules.pack import bundled_pack_paths

    return frozenset(p.resolve() for p in bundled_pack_paths().values())


def pack_rule_info(r: Any, path: str | Path | None = None) -> RuleInfo:
    """A rule pack's :class:`mtfix.rules.pack.Rule` as the catalogue carries it.

    A rule of a user's pack (``path`` not a bundled pack) is not in docs/rules.md: its
    documentation link is the pack file, where its ``docs`` are.
    """
    how = f"pattern: {r.pattern.pattern}" if r.pattern is not None else f"detector: {r.detector}"
    url = ""
    if path is not None:
        pack_file = real_path(path)
        if pack_file not in _bundled_pack_files():
            url = pack_file.as_uri()
    return RuleInfo(
        r.code, r.name, "rules", r.pack, r.category, str(r.severity), str(r.fix), r.title, r.docs.strip(),
        tuple(_example(e) for e in r.flag_examples),
        tuple(e.text for e in r.pass_examples), how, url=url,
    )


_GLOSSARY_NAMES = {
    "MTF301": "glossary-variant", "MTF302": "glossary-misspelling", "MTF303": "glossary-initials",
    "MTF304": "glossary-inflection", "MTF305": "name-inconsistency", "MTF306": "glossary-forbidden",
    "MTF307": "glossary-source-term-missing",
}


def _glossary_rules(config: Any) -> Iterator[RuleInfo]:
    from mtfix.glossary.rules import RULES

    for r in RULES.values():
        name = getattr(r, "name", None) or _GLOSSARY_NAMES.get(r.code) or f"glossary-{r.code.lower()}"
        yield RuleInfo(r.code, name, "glossary", "glossary", r.category, str(r.severity), r.fix, r.title,
                       r.docs.strip())


#: source-vs-target checks: the category and severity their findings usually carry (the
#: checker refines them per occurrence, e.g. MTF501 Accuracy/Omission for a lost number).
_BILINGUAL_META = {
    "MTF501": ("number-mismatch", "Accuracy/Mistranslation", "major"),
    "MTF502": ("untranslated-source", "Non-translation", "major"),
    "MTF503": ("placeholder-mismatch", "Other", "major"),
    "MTF504": ("month-mismatch", "Accuracy/Mistranslation", "major"),
    "MTF505": ("length-omission", "Accuracy/Omission", "minor"),
    "MTF506": ("length-addition", "Accuracy/Addition", "minor"),
    "MTF507": ("lexical-omission", "Accuracy/Omission", "minor"),
    "MTF508": ("lexical-addition", "Accuracy/Addition", "minor"),
}


def _bilingual_rules(config: Any) -> Iterator[RuleInfo]:
    from mtfix.checks.source_target_rules import BILINGUAL_RULES

    for code, info in BILINGUAL_RULES.items():
        title, docs = info if isinstance(info, tuple) else (getattr(info, "title", str(info)), str(info))
        name, category, severity = _BILINGUAL_META.get(code, (code.lower(), "Other", "major"))
        yield RuleInfo(code, name, "bilingual", "source-target", category, severity, "none", title, docs)


def _garble_rules(config: Any) -> Iterator[RuleInfo]:
    """The garble detector's MTF4xx codes (``mtfix/garble/rules.py``; no model is loaded)."""
    from mtfix.garble.rules import GARBLE_RULES

    for code, r in GARBLE_RULES.items():
        yield RuleInfo(code, r.name, "garble", "garble", r.category, r.severity, "none", r.title, r.docs)


def _lt_rows() -> list[tuple[str, str, str, str]]:
    """``categories.tsv`` rows: (key, MQM category, severity, why)."""
    from importlib import resources

    text = (resources.files("mtfix.grammar") / "categories.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("key\t"):
            continue
        cells = line.split("\t") + ["", "", "", ""]
        rows.append((cells[0], cells[1], cells[2], cells[3]))
    return rows


def _safe_fixes() -> dict[str, dict[str, Any]]:
    """``safe-fixes.yaml`` read as data (importing ``mtfix.grammar.mapping`` would load the LT
    client and its HTTP stack: most of a second)."""
    from importlib import resources

    from mtfix import safe_yaml

    data = safe_yaml.load((resources.files("mtfix.grammar") / "safe-fixes.yaml").read_text(encoding="utf-8"))
    return {str(e["rule"]): e for e in data or ()}


def _lt_rules(config: Any) -> Iterator[RuleInfo]:
    rows = {k[5:]: (mqm, sev, why) for k, mqm, sev, why in _lt_rows() if k.startswith("rule:")}
    default = next(((mqm, sev, why) for k, mqm, sev, why in _lt_rows() if k == "*"), ("Other", "minor", ""))
    safe = _safe_fixes()
    for rule_id in sorted(set(rows) | set(safe)):
        mqm, sev, why = rows.get(rule_id, default)
        sf = safe.get(rule_id)
        docs = why or ""
        if sf is not None:
            docs = (docs + "\n\n" if docs else "") + "Its first suggestion is applied by `mtfix fix` (safe-fixes.yaml)."
        else:
            docs = (docs + "\n\n" if docs else "") + "LanguageTool's suggestion is applied only with --unsafe-fixes."
        yield RuleInfo(
            f"{LT_PREFIX}{rule_id}", rule_id.lower().replace("_", "-"), "grammar", "languagetool", mqm, sev,
            "safe" if sf is not None else "unsafe", f"LanguageTool rule {rule_id}", docs,
            tuple({"text": str(e["text"]), "fixed": str(e["fixed"])} for e in (sf or {}).get("examples", ())),
            tuple(str(t) for t in (sf or {}).get("leave_alone", ())),
        )


def _declared_rules(config: Any) -> Iterator[RuleInfo]:
    """Rules of checker modules (``CHECKER_FACTORIES``) that define ``catalogue_rules()``: how a
    new checker plugs in without an edit here.  Resolving ``--select`` looks only at modules
    already imported (a cold start must not import checkers the configuration turned off)."""
    import importlib
    import sys

    from mtfix.checker_registry import factories

    import_all = getattr(config, "full", True)
    for _name, target in factories():
        name = target.split(":")[0]
        try:
            module = importlib.import_module(name) if import_all else sys.modules.get(name)
        except ImportError:
            continue
        if module is None:
            continue
        declared = getattr(module, "catalogue_rules", None)
        if callable(declared):
            yield from (r for r in declared() if isinstance(r, RuleInfo))
    if import_all:  # plug-ins (entry points ``mtfix.checkers``): their checkers' ``rules()``
        from mtfix.checker_registry import plugin_checkers

        for checker in plugin_checkers():
            yield from (r for r in checker.rules() if isinstance(r, RuleInfo))
            checker.close()


SOURCES: list[tuple[str, Source]] = [
    ("rules", _pack_rules),
    ("glossary", _glossary_rules),
    ("bilingual", _bilingual_rules),
    ("garble", _garble_rules),
    ("grammar", _lt_rules),
    ("declared", _declared_rules),
]


def builtin_rules(checker: str) -> list[RuleInfo]:
    """The catalogue entries of a built-in checker, by its name: what that checker's
    ``rules()`` returns (``mtfix.rules.engine.RulesChecker`` lists only its selected rules)."""
    source = {"glossary": _glossary_rules, "garble": _garble_rules, "grammar": _lt_rules,
              "bilingual": _bilingual_rules}.get(checker)
    return list(source(None)) if source is not None else []


def register_source(name: str, source: Source) -> None:
    """Add a source of rules (a new checker's ``rules``) to every catalogue built afterwards."""
    SOURCES.append((name, source))
    _cached.cache_clear()


# -- the catalogue ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Selection:
    """``--select``/``--ignore`` resolved against the catalogue: exact codes and code prefixes."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def wants(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)


@dataclass
class Catalogue:
    """Every rule by code, in a stable order (pack rules, glossary, bilingual, LanguageTool)."""

    rules: dict[str, RuleInfo] = field(default_factory=dict)

    def __iter__(self) -> Iterator[RuleInfo]:
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, code: object) -> bool:
        return code in self.rules

    def __getitem__(self, code: str) -> RuleInfo:
        return self.rules[code]

    def get(self, code: str) -> RuleInfo | None:
        return self.rules.get(code)

    def add(self, info: RuleInfo) -> None:
        self.rules.setdefault(info.code, info)

    def find(self, token: str) -> RuleInfo | None:
        """A rule by code (any case) or name; ``LT:RULE_ID`` also from the LanguageTool jars."""
        t = token.strip()
        hit = self.rules.get(t) or self.rules.get(t.upper())
        if hit is not None:
            return hit
        for r in self.rules.values():
            if r.name == t:
                return r
        if t.upper().startswith(LT_PREFIX):
            return lt_rule_from_jars(t[len(LT_PREFIX):])
        return None

    def near(self, token: str, n: int = 5) -> list[str]:
        """Codes and names that look like ``token`` (for error messages)."""
        import difflib

        words = [r.code for r in self] + [r.name for r in self] + sorted({r.checker for r in self})
        out = difflib.get_close_matches(token, words, n=n, cutoff=0.5)
        out += [w for w in difflib.get_close_matches(token.upper(), words, n=n, cutoff=0.5) if w not in out]
        return out[:n]

    def resolve_token(self, token: str) -> tuple[str, ...] | None:
        """The codes or code prefixes ``token`` stands for (a code, a prefix, a rule name, a
        checker name such as ``garble``, or ``LT:...``), else None."""
        t = token.strip()
        up = t.upper()
        if up in ("LT", LT_PREFIX) or up.startswith(LT_PREFIX) or t == "grammar":
            return (LT_PREFIX + t[3:] if up.startswith(LT_PREFIX) else LT_PREFIX,)
        if t in self.rules or up in self.rules:
            return (t if t in self.rules else up,)
        for r in self.rules.values():
            if r.name == t:
                return (r.code,)
        if any(code.startswith(up) for code in self.rules):
            return (up,)
        by_checker = tuple(r.code for r in self.rules.values() if r.checker == t)
        return by_checker or None

    def resolve(self, select: Iterable[str], ignore: Iterable[str], *, origin: str = "") -> Selection:
        """Resolve codes, prefixes and names once; an unknown one is a ConfigError listing near matches."""
        out: list[tuple[str, ...]] = []
        for opt, tokens in (("select", select), ("ignore", ignore)):
            resolved = []
            for tok in tokens:
                codes = self.resolve_token(tok)
                if codes is None:
                    near = self.near(tok)
                    hint = f"; did you mean {', '.join(near)}?" if near else "; see `mtfix rules`"
                    # a settings file's key by its name, the command line's option by its own
                    where, name = (f"{origin}: ", opt) if origin else ("", f"--{opt}")
                    raise ConfigError(f"{where}{name} {tok!r}: no rule has this code, prefix or name{hint}")
                resolved.extend(codes)
            out.append(tuple(resolved))
        return Selection(out[0], out[1])


@lru_cache(maxsize=8)
def _cached(rule_files: tuple[tuple[str, int, int], ...], with_lt: bool) -> Catalogue:
    """Keyed by each rule file's name, modification time and size: a pack edited while the
    process runs (the language server) is read again."""
    from types import SimpleNamespace

    cfg = SimpleNamespace(rule_files=tuple(name for name, _, _ in rule_files), full=with_lt)
    cat = Catalogue()
    for name, source in SOURCES:
        if name == "grammar" and not with_lt:
            continue
        for info in source(cfg):
            cat.add(info)
    return cat


def _stat(path: str) -> tuple[str, int, int]:
    try:
        st = os.stat(path)
    except OSError:  # loading it says what is wrong
        return str(path), -1, -1
    return str(path), st.st_mtime_ns, st.st_size


def build_catalogue(config: Any = None, checkers: Iterable[Any] = (), *, with_lt: bool = True) -> Catalogue:
    """The catalogue for ``config`` (its ``rule_files`` add rules): every source, plus the
    ``rules()`` of any of ``checkers`` that has one.  ``with_lt=False`` leaves out the
    LanguageTool rows (resolving ``--select`` needs none: any ``LT:`` code is valid)."""
    base = _cached(tuple(_stat(f) for f in getattr(config, "rule_files", ()) or ()), with_lt)
    extra = [info for c in checkers for info in (c.rules() if callable(getattr(c, "rules", None)) else ())
             if isinstance(info, RuleInfo)]
    if not extra:
        return base
    cat = Catalogue(dict(base.rules))
    for info in extra:
        cat.add(info)
    return cat


def selection_for(config: Any, checkers: Iterable[Any] = (), *, origin: str = "") -> Selection:
    """``config.select``/``config.ignore`` resolved against the catalogue; an unknown code or
    name is a ConfigError (prefixed with ``origin``, e.g. the settings file and line)."""
    select, ignore = tuple(config.select or ()), tuple(config.ignore or ())
    if not select and not ignore:
        return Selection()
    return build_catalogue(config, checkers, with_lt=False).resolve(select, ignore, origin=origin)


# -- LanguageTool rules from the jars -------------------------------------------------------------

def lt_jars() -> list[Path] | None:
    """The installed LanguageTool jars that hold rules (core and English), or None when LT is not
    installed."""
    try:
        from mtfix.grammar.install import find_installation, lib_dir
        from mtfix.grammar.settings import settings_from
    except ImportError:  # pragma: no cover
        return None
    try:
        inst = find_installation(settings_from(None))
    except Exception:  # a broken installation counts as none
        return None
    if inst is None:
        return None
    lib = lib_dir(inst.home)
    return sorted(j for j in lib.glob("*.jar") if j.name.startswith(("language-en-", "languagetool-core-")))


_LT_HINT = ("LanguageTool is not installed, so mtfix cannot read this rule's documentation: run "
            "`mtfix languagetool install` (or set MTFIX_LT_HOME to a directory of LT jars)")


class LTNotInstalled(LookupError):
    """``explain LT:...`` for a rule mtfix has no entry for, without LanguageTool installed."""

    def __str__(self) -> str:
        return _LT_HINT


def _classify(lt_category: str) -> tuple[str, str]:
    rows = {k: (mqm, sev) for k, mqm, sev, _ in _lt_rows()}
    return rows.get(lt_category) or rows.get("*") or ("Other", "minor")


def lt_rule_from_jars(rule_id: str) -> RuleInfo | None:
    """An LT rule read from the installed jars: XML rules (grammar.xml, style.xml) with their
    category, message and examples; Java rules by the class that declares the id.  None when
    no jar has it; :class:`LTNotInstalled` when LanguageTool is not installed."""
    jars = lt_jars()
    if jars is None:
        raise LTNotInstalled(rule_id)
    return _lt_rule_in(tuple(jars), rule_id)


@lru_cache(maxsize=64)
def _lt_rule_in(jars: tuple[Path, ...], rule_id: str) -> RuleInfo | None:
    import struct
    import zipfile
    from xml.etree import ElementTree as ET

    if not re.fullmatch(r"[A-Z0-9_]+", rule_id):
        return None
    marker = f'id="{rule_id}"'.encode()
    needle = b"\x01" + struct.pack(">H", len(rule_id)) + rule_id.encode()  # a class-file UTF8 constant
    classes: list[str] = []
    for jar in jars:
        try:
            zf = zipfile.ZipFile(jar)
        except (OSError, zipfile.BadZipFile):
            continue
        with zf:
            for entry in zf.namelist():
                if entry.endswith(".xml") and "/rules/en/" in entry and "/en-" not in entry:
                    data = zf.read(entry)
                    if marker not in data:
                        continue
                    root = ET.fromstring(data)
                    for cat in root.iter("category"):
                        for node in cat:
                            if node.get("id") != rule_id:
                                continue
                            return _xml_rule(rule_id, node, cat, entry)
                elif entry.endswith(".class") and "/rules/" in entry and needle in zf.read(entry):
                    classes.append(entry[:-6].replace("/", "."))
    if not classes:
        return None
    java_class = min(classes, key=len)
    mqm, sev = _classify("*")
    return RuleInfo(f"{LT_PREFIX}{rule_id}", rule_id.lower().replace("_", "-"), "grammar", "languagetool", mqm, sev,
                    "unsafe", f"LanguageTool rule {rule_id}",
                    f"A rule written in Java ({java_class}); LanguageTool's suggestion is applied only with "
                    "--unsafe-fixes. Category and severity depend on the LT category of each match "
                    "(mtfix/grammar/categories.tsv).", url=LT_RULE_URL.format(rule=rule_id))


def _xml_rule(rule_id: str, node: Any, cat: Any, entry: str) -> RuleInfo:
    def text(el: Any) -> str:
        return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""

    name = node.get("name") or text(node.find(".//short")) or rule_id
    message = text(node.find(".//message"))
    examples = []
    leaves = []
    for ex in node.iter("example"):
        t = text(ex)
        if not t:
            continue
        if ex.get("correction") is not None or ex.find("marker") is not None and ex.get("type") != "correct":
            examples.append({"text": t})
        else:
            leaves.append(t)
    mqm, sev = _classify(cat.get("id", ""))
    docs = f"{message}\n\nLanguageTool category {cat.get('id')} ({cat.get('name')}); from {entry}."
    return RuleInfo(f"{LT_PREFIX}{rule_id}", rule_id.lower().replace("_", "-"), "grammar", "languagetool", mqm, sev,
                    "unsafe", name, docs.strip(), tuple(examples[:5]), tuple(leaves[:5]),
                    url=LT_RULE_URL.format(rule=rule_id))
