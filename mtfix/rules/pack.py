"""Rule packs: YAML files of rules, each rule carrying its own examples.

A pack is data (see ``docs/rule-packs.md``).  Loading validates every field
and compiles every pattern; a mistake names the pack, the rule and the field.
A file that passed all of that before, byte for byte (recorded in the user's
cache, :mod:`mtfix.caching.cache`), compiles its patterns on first use instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from mtfix.caching import regexcache
from mtfix.errors import RulePackError
from mtfix.io.paths import real_path
from mtfix.model import MQM_CATEGORIES, FixSafety, Severity
from mtfix.text.tokens import LazyPattern

#: ``{group}`` / ``{group:transform}`` in replacement and message templates; ``{{`` and ``}}`` are braces.
TEMPLATE = regexcache.compile(r"\{\{|\}\}|\{(\w+)(?::(\w+))?\}")
TRANSFORMS = {
    "upper": str.upper,
    "lower": str.lower,
    "cap": lambda s: s[:1].upper() + s[1:],
    "decap": lambda s: s[:1].lower() + s[1:],
}

_CODE = regexcache.compile(r"^[A-Z]{2,5}\d{3}$")
_REQUIRED = ("code", "name", "title", "docs", "category", "severity", "message", "examples")
_KNOWN = set(_REQUIRED) | {
    "pattern", "detector", "params", "flags", "triggers", "replacement", "fix", "suggestions",
}


def short(value: Any) -> str:
    """:func:`mtfix.safe_yaml.short`, imported only for an error message (PyYAML is not needed on a cache hit)."""
    from mtfix.safe_yaml import short as bounded

    return bounded(value)


@dataclass(frozen=True)
class Example:
    """Text a rule must flag (with the text it must become), or must leave alone."""

    text: str
    fixed: str | None = None  # expected result of applying the rule's fix
    flagged: str | None = None  # the text of the reported span, when given
    fix: str | None = None  # the fix safety expected for this occurrence, when given


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    title: str
    docs: str
    category: str
    severity: Severity
    message: str
    fix: FixSafety
    pack: str
    pattern: Any = None  # compiled regex.Pattern, or a LazyPattern (a pack checked before: see load_pack_file)
    detector: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    triggers: tuple[str, ...] = ()
    replacement: str | None = None
    suggestions: tuple[str, ...] = ()
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()

    def explain(self) -> str:
        """The rule's documentation as ``mtfix explain`` prints it."""
        how = f"pattern: {self.pattern.pattern}" if self.pattern is not None else f"detector: {self.detector}"
        lines = [
            f"{self.code} ({self.name}): {self.title}",
            f"pack: {self.pack} | category: {self.category} | severity: {self.severity} | fix: {self.fix}",
            how,
            "",
            self.docs.strip(),
            "",
            "Flags:",
            *[f"  - {e.text!r}" + (f"\n    → {e.fixed!r}" if e.fixed is not None else "") for e in self.flag_examples],
            "Leaves alone:",
            *[f"  - {e.text!r}" for e in self.pass_examples],
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class Pack:
    name: str
    version: str
    description: str
    source_lang: str | None
    rules: tuple[Rule, ...]
    path: str

    @property
    def signature(self) -> str:
        return f"{self.name}@{self.version}"


_FLAGS = {"ignorecase": regex.IGNORECASE, "multiline": regex.MULTILINE, "verbose": regex.VERBOSE}


def _need(pack: str, code: str | None, raw: dict, key: str, kind: type) -> Any:
    if key not in raw or raw[key] is None or raw[key] == "":
        raise RulePackError(pack, "missing required field", code=code, field=key)
    if not isinstance(raw[key], kind):
        raise RulePackError(pack, f"must be {kind.__name__}", code=code, field=key)
    return raw[key]


_EXAMPLE_KEYS = ("text", "fixed", "flagged", "fix")
_SAFETY_RANK = {"none": 0, "unsafe": 1, "safe": 2}


def _examples(pack: str, code: str, raw: Any, key: str, rule_fix: str = "none") -> tuple[Example, ...]:
    """The ``flag`` or ``pass`` (``key``) examples of a rule whose fix safety is ``rule_fix``.  What can be told
    without running the rule is checked here (session 27: a misspelt key, a ``fixed`` of a rule that does not fix,
    a ``flagged`` text the example lacks, a ``fix`` above the rule's, ``fixed`` in a pass example were all loaded
    without a word); whether the rule gives ``fixed`` is ``mtfix rules --check-examples``'s (docs/rule-packs.md)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RulePackError(pack, "must be a list", code=code, field=f"examples.{key}")
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append(Example(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            out.append(_example(pack, code, item, key, rule_fix))
        else:
            raise RulePackError(pack, f"bad example {short(item)}", code=code, field=f"examples.{key}")
    return tuple(out)


def _example(pack: str, code: str, item: dict, key: str, rule_fix: str) -> Example:
    """One example given as a mapping (``text`` and, for a flag example, ``fixed``, ``flagged``, ``fix``)."""
    field, text = f"examples.{key}", item["text"]

    def bad(reason: str) -> RulePackError:
        return RulePackError(pack, f"the example {short(text)}: {reason}", code=code, field=field)

    for name in item:
        if name not in _EXAMPLE_KEYS:
            shown = repr(name) if isinstance(name, str) and len(name) <= 40 else short(name)
            raise bad(f"unknown field {shown} (an example has {', '.join(_EXAMPLE_KEYS)})")
    fix = item.get("fix")
    if fix is not None and fix not in _SAFETY_RANK:
        raise RulePackError(pack, f"not a fix safety: {fix!r}", code=code, field=field)
    for name in ("fixed", "flagged"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise RulePackError(pack, f"{name!r} of the example {short(text)} must be text, not "
                                f"{short(item[name])}: quote it", code=code, field=field)
    if key == "pass":
        given = [name for name in ("fixed", "flagged", "fix") if item.get(name) is not None]
        if given:
            raise bad(f"a pass example is not reported, so it has no {given[0]!r} (move it to 'flag', or remove "
                      f"{given[0]!r})")
        return Example(text)
    fixed, flagged = item.get("fixed"), item.get("flagged")
    if fixed is not None and fixed != text and rule_fix == "none":
        raise bad("'fixed' is given, but the rule does not fix (fix: none): remove 'fixed', or give the rule a "
                  "replacement and fix: safe or unsafe")
    if flagged is not None and flagged not in text:
        raise bad(f"'flagged' {short(flagged)} is not in the text: it is the text of the span the rule reports")
    if fix is not None and _SAFETY_RANK[fix] > _SAFETY_RANK.get(rule_fix, 2):
        raise bad(f"its fix safety {fix!r} is above the rule's ({rule_fix}): an occurrence may be fixed less "
                  "safely than its rule, never more")
    return Example(text, fixed, flagged, fix)


def parse_rule(pack: str, raw: Any, *, checked: bool = False) -> Rule:
    """Validate one rule's fields and compile its pattern (``checked``: the pattern and its
    templates passed before, byte for byte, so the pattern is compiled on first use)."""
    if not isinstance(raw, dict):
        raise RulePackError(pack, f"a rule must be a mapping, not {short(raw)}")
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE.match(code):
        raise RulePackError(pack, f"bad or missing code {short(code)}: a code is 2 to 5 capital letters and 3 digits "
                                  "(TRE101)", field="code")
    for key in raw:
        if key not in _KNOWN:
            name = key if isinstance(key, str) and len(key) <= 60 else short(key)
            raise RulePackError(pack, "unknown field", code=code, field=name)
    for key in _REQUIRED:
        _need(pack, code, raw, key, dict if key == "examples" else str)
    category = raw["category"]
    if category not in MQM_CATEGORIES:
        raise RulePackError(pack, f"not an MQM category: {category!r}", code=code, field="category")
    try:
        severity = Severity(raw["severity"])
    except ValueError:
        raise RulePackError(pack, f"not a severity: {raw['severity']!r}", code=code, field="severity") from None
    try:
        fix = FixSafety(raw.get("fix", "none"))
    except ValueError:
        raise RulePackError(pack, f"not a fix safety: {raw.get('fix')!r}", code=code, field="fix") from None
    pattern = detector = None
    if "pattern" in raw and "detector" in raw:
        raise RulePackError(pack, "a rule has a pattern or a detector, not both", code=code, field="detector")
    if "pattern" in raw:
        flags = 0
        given = raw.get("flags") or []
        if not isinstance(given, list):
            shown = given if isinstance(given, str) and len(given) <= 40 else "ignorecase"
            raise RulePackError(pack, f"must be a list, such as [{shown}]", code=code, field="flags")
        for f in raw.get("flags", []) or []:
            if f not in _FLAGS:
                raise RulePackError(pack, f"unknown flag {f!r}", code=code, field="flags")
            flags |= _FLAGS[f]
        source = _need(pack, code, raw, "pattern", str)
        try:
            pattern = LazyPattern(source, flags | regex.VERSION1) if checked else regexcache.compile(source, flags | regex.VERSION1)
        except regex.error as exc:
            raise RulePackError(pack, f"invalid pattern: {exc}", code=code, field="pattern") from None
        if not checked and pattern.fullmatch("") is not None:
            raise RulePackError(pack, "the pattern matches the empty string, so it matches at every position "
                                "(its fix would be applied between every two characters): make it match at "
                                "least one character, or anchor it with a lookaround", code=code, field="pattern")
    elif "detector" in raw:
        detector = _need(pack, code, raw, "detector", str)
        from mtfix.rules.detectors import DETECTORS

        if detector not in DETECTORS:
            raise RulePackError(pack, f"unknown detector {detector!r}", code=code, field="detector")
    else:
        raise RulePackError(pack, "a rule needs a pattern or a detector", code=code, field="pattern")
    params = raw.get("params") or {}
    if not isinstance(params, dict):
        raise RulePackError(pack, "must be a mapping", code=code, field="params")
    if "through_marks" in params and not isinstance(params["through_marks"], bool):  # was ignored without a word
        raise RulePackError(pack, f"must be true or false, not {short(params['through_marks'])} (true: the rule reads "
                            "through zero-width marks, docs/rule-packs.md)", code=code, field="params.through_marks")
    if "leave_quoted_literals" in params and not isinstance(params["leave_quoted_literals"], bool):
        raise RulePackError(pack, f"must be true or false, not {short(params['leave_quoted_literals'])} (true: the "
                            "rule leaves a quoted literal alone, docs/rule-packs.md)", code=code,
                            field="params.leave_quoted_literals")
    for key, value in params.items():
        if isinstance(value, list) and any(isinstance(v, bool) for v in value):
            raise RulePackError(
                pack, "a list holds true/false: quote words such as \"on\", \"no\", \"yes\"", code=code,
                field=f"params.{key}",
            )
        if isinstance(value, list) and any(isinstance(v, str) and not v.strip() for v in value):
            # an empty prefix or word matched everywhere: glued_words split every word, pass after pass (session 26)
            raise RulePackError(pack, "a list holds an empty string: remove it", code=code, field=f"params.{key}")
    replacement = raw.get("replacement")
    if replacement is not None and not isinstance(replacement, str):
        raise RulePackError(pack, "must be a string", code=code, field="replacement")
    if fix is not FixSafety.NONE and pattern is not None and replacement is None:
        raise RulePackError(pack, f"fix is {fix} but there is no replacement", code=code, field="replacement")
    if pattern is not None and not checked:
        for key in ("replacement", "message"):
            if raw.get(key) is not None:
                check_template(pack, code, key, raw[key], pattern)
    suggestions = raw.get("suggestions") or []
    if not isinstance(suggestions, list) or not all(isinstance(t, str) for t in suggestions):
        raise RulePackError(pack, "must be a list of strings", code=code, field="suggestions")
    triggers = raw.get("triggers") or []
    if not isinstance(triggers, list) or not all(isinstance(t, str) and t for t in triggers):
        raise RulePackError(pack, "must be a list of non-empty strings", code=code, field="triggers")
    examples = raw["examples"]
    for name in examples:  # a misspelt `passes:` was ignored, its examples never tested (session 27)
        if name not in ("flag", "pass"):
            shown = repr(name) if isinstance(name, str) and len(name) <= 40 else short(name)
            raise RulePackError(pack, f"unknown field {shown} (examples has flag and pass)", code=code, field="examples")
    flag = _examples(pack, code, examples.get("flag"), "flag", str(fix))
    keep = _examples(pack, code, examples.get("pass"), "pass", str(fix))
    if not flag or not keep:
        raise RulePackError(
            pack, "a rule needs at least one example to flag and one to pass", code=code, field="examples"
        )
    if fix is not FixSafety.NONE and all(e.fixed is None for e in flag):
        raise RulePackError(pack, "a fixing rule needs a flag example with 'fixed'", code=code, field="examples.flag")
    return Rule(
        code=code,
        name=raw["name"],
        title=raw["title"],
        docs=raw["docs"],
        category=category,
        severity=severity,
        message=raw["message"],
        fix=fix,
        pack=pack,
        pattern=pattern,
        detector=detector,
        params=dict(raw.get("params") or {}),
        triggers=tuple(t.lower() for t in triggers),
        replacement=replacement,
        suggestions=tuple(suggestions),
        flag_examples=flag,
        pass_examples=keep,
    )


def check_template(pack: str, code: str, key: str, template: str, pattern: Any) -> None:
    """Refuse a template naming a group the pattern lacks, or an unknown transform; and a replacement with a
    brace that is no part of ``{group}``, ``{group:transform}``, ``{{`` or ``}}`` (``{w!r}``, ``{w.upper}``, a lone
    ``{``: until session 26 written into the text as it stood).

    >>> check_template("p", "XX101", "replacement", "{w!r}", regex.compile(r"(?P<w>a)"))
    Traceback (most recent call last):
    mtfix.errors.RulePackError: rule pack 'p', rule XX101, field 'replacement': '{w!r}' is no template: write {group} or {group:transform} (transforms: upper, lower, cap, decap), and a brace as {{ or }}

    >>> check_template("p", "XX101", "replacement", "{w:shout}", regex.compile(r"(?P<w>a)"))
    Traceback (most recent call last):
    mtfix.errors.RulePackError: rule pack 'p', rule XX101, field 'replacement': unknown transform 'shout' in {w:shout} (known: upper, lower, cap, decap)
    """
    for m in TEMPLATE.finditer(template):
        name, transform = m.group(1), m.group(2)
        if name is None:
            continue
        known = int(name) <= pattern.groups if name.isdigit() else name in pattern.groupindex
        if not known:
            groups = ", ".join(sorted(pattern.groupindex)) or "none"
            raise RulePackError(
                pack, f"{m.group(0)} names no group of the pattern (named groups: {groups})", code=code, field=key
            )
        if transform is not None and transform not in TRANSFORMS:
            raise RulePackError(
                pack, f"unknown transform {transform!r} in {m.group(0)} (known: {', '.join(TRANSFORMS)})",
                code=code, field=key,
            )
    if key == "replacement" and ("{" in (rest := TEMPLATE.sub("", template)) or "}" in rest):
        at = next((i for i, c in enumerate(template) if c in "{}" and TEMPLATE.match(template, i) is None
                   and not any(m.start() < i < m.end() for m in TEMPLATE.finditer(template))), 0)
        end = template.find("}", at) + 1 if template[at] == "{" and "}" in template[at:] else at + 1
        raise RulePackError(
            pack, f"{template[at:end]!r} is no template: write {{group}} or {{group:transform}} (transforms: "
            f"{', '.join(TRANSFORMS)}), and a brace as {{{{ or }}}}", code=code, field=key,
        )


def parse_pack(data: Any, path: str, *, checked: bool = False) -> Pack:
    """A :class:`Pack` from parsed YAML (``checked``: see :func:`parse_rule`)."""
    name = Path(path).stem
    if not isinstance(data, dict):
        raise RulePackError(name, "a pack must be a mapping with 'pack' and 'rules'")
    for key, kinds, what in (("pack", (str,), "a name"), ("source_lang", (str,), "a language code or null"),
                             ("version", (str, int, float), "text or a number"), ("description", (str,), "text")):
        value = data.get(key)
        if value is not None and (not isinstance(value, kinds) or isinstance(value, bool)):
            raise RulePackError(name, f"must be {what}, not {short(value)}", field=key)
    name = data.get("pack") or name
    rules_raw = data.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        raise RulePackError(name, "missing required field", field="rules")
    rules = tuple(parse_rule(name, r, checked=checked) for r in rules_raw)
    seen: set[str] = set()
    for r in rules:
        if r.code in seen:
            raise RulePackError(name, "duplicate rule code", code=r.code, field="code")
        seen.add(r.code)
    return Pack(
        name=name,
        version=str(data.get("version", "0")),
        description=str(data.get("description", "")).strip(),
        source_lang=data.get("source_lang"),
        rules=rules,
        path=path,
    )


def load_pack_file(path: str | Path) -> Pack:
    """Load and validate one pack file (YAML)."""
    from mtfix.caching.cache import cached, lookup, remember
    from mtfix.io.inputs import read_named_file
    from mtfix.io.textfile import utf8_text

    p = Path(path)
    try:
        raw = read_named_file(p, fifo=False)  # (its digest, in the signature, reads it again)
    except OSError as exc:  # the reason, not Python's "[Errno 2] ...: 'path'" that names the file again
        if str(path) == "-":  # `--rules -`
            from mtfix.io.paths import missing_reason

            raise RulePackError(p.stem, f"-: {missing_reason(path)}") from None
        raise RulePackError(p.stem, f"cannot read {p}: {exc.strerror or exc}") from None
    text = utf8_text(raw, "rule packs", p, lambda message: RulePackError(p.stem, message), encoding="utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as read_text

    def parse() -> Any:
        import yaml

        from mtfix.safe_yaml import describe, load, where

        try:
            return load(text)
        except yaml.YAMLError as exc:
            at = where(exc)  # file:line:col, as the other errors of a pack's text name it
            if not at:
                raise RulePackError(p.stem, f"not valid YAML: {describe(exc)}", path=str(p)) from None
            raise RulePackError(p.stem, f"{p}{at}: not valid YAML: {describe(exc)}") from None

    # the parsed YAML, from the user's cache when this exact file was parsed before
    data = cached(raw, "rule-pack-2", parse)  # "-2": not the parses from before duplicate keys were refused
    # A file that passed every check before (same bytes, mtfix, Python and regex) compiles
    # its patterns on first use: a cold start pays only for the patterns its text triggers.
    kind = _checked_kind()
    seen, _ = lookup(raw, kind, _CHECKED_FOLDER)
    try:
        pack = parse_pack(data, str(p), checked=seen)
    except RulePackError as exc:  # name the file too: a user may have several packs of one name
        if exc.path is not None:
            raise
        raise RulePackError(exc.pack, exc.reason, code=exc.code, field=exc.field, path=str(p)) from None
    if not seen:
        remember(raw, kind, True, _CHECKED_FOLDER)
    return pack


#: The code prefix of mtfix's own rules (bundled packs and the other checkers): never a user pack's.
RESERVED_PREFIX = "MTF"


def load_user_packs(files: Iterable[str | Path]) -> list[Pack]:
    """The packs of ``files`` (a file named twice is loaded once), checked against the bundled
    packs and each other: a rule may not take a code or a name another pack's rule has, since
    ``--select``, ``--ignore``, suppressions and ``mtfix explain`` could not tell them apart."""
    packs: list[Pack] = []
    seen_files: set[Path] = set()
    for f in files:
        key = real_path(f)
        if key not in seen_files:
            seen_files.add(key)
            packs.append(load_pack_file(f))
    if not packs:
        return packs
    taken: dict[tuple[str, str], tuple[Rule, str]] = {}  # (kind, value) → the rule and its pack, as named
    for r in (r for name in sorted(bundled_pack_paths()) for r in load_bundled(name).rules):
        taken.setdefault(("code", r.code), (r, f"bundled pack {r.pack!r}"))
        taken.setdefault(("name", r.name), (r, f"bundled pack {r.pack!r}"))
    for pack in packs:
        for r in pack.rules:
            if r.code.startswith(RESERVED_PREFIX):  # the other checkers' codes too (MTF3xx glossary, MTF4xx ...)
                raise RulePackError(pack.name, f"the code {r.code!r} is mtfix's own: {RESERVED_PREFIX} codes belong to "
                                    "the bundled packs and checkers (glossary MTF3xx, garble detector MTF4xx, "
                                    "bilingual MTF5xx); give your rules a prefix of your own (TRE101)",
                                    code=r.code, field="code", path=pack.path)
            for kind, value in (("code", r.code), ("name", r.name)):
                first, where = taken.setdefault((kind, value), (r, f"pack {pack.name!r} ({pack.path})"))
                if first is not r:
                    raise RulePackError(pack.name, f"the {kind} {value!r} is taken: rule {first.code} ({first.name}) "
                                        f"of {where} has it; give this rule its own", code=r.code, field=kind,
                                        path=pack.path)
    for pack in packs:
        for r in pack.rules:
            if r.detector:
                _try_detector(pack, r)
    return packs


def _try_detector(pack: Pack, rule: Rule) -> None:
    """Run a user rule's detector on the rule's examples: ``params`` that do not suit it (a number where it reads
    words, a list item that is no pattern) fail here, naming the pack, the rule and the field, before any file is
    read (until session 26: ``mtfix: internal error: AttributeError: 'int' object has no attribute 'lower'``)."""
    from mtfix.rules.detectors import DETECTORS, Context
    from mtfix.segment import to_document
    from mtfix.text.tokens import lower_same_length

    for example in (*rule.flag_examples, *rule.pass_examples):
        doc = to_document(example.text)
        try:
            list(DETECTORS[rule.detector](doc, rule, Context(lower=lower_same_length(doc.text))))  # type: ignore[index]
        except Exception as exc:  # noqa: BLE001 - any failure of the detector is the params' (the examples are text)
            raise RulePackError(pack.name, f"the params do not suit detector {rule.detector!r} (on the example "
                                f"{short(example.text)}: {type(exc).__name__}: {exc})", code=rule.code, field="params",
                                path=pack.path) from None


_CHECKED_FOLDER = "checked"


@lru_cache(maxsize=1)
def _checked_kind() -> str:
    """What a "this pack passed" entry depends on besides the file's bytes, the mtfix and the
    Python version (:func:`mtfix.caching.cache.key`): the regex module, and this module (its checks)."""
    try:
        st = Path(__file__).stat()
        here = f"{st.st_size}-{st.st_mtime_ns}"
    except OSError:  # pragma: no cover - a zipped install
        here = "?"
    return f"rule-pack-checked:regex-{regex.__version__}:pack-{here}"


def bundled_pack_paths() -> dict[str, Path]:
    """The packs shipped inside mtfix, by name."""
    root = resources.files("mtfix.rules") / "packs"
    return {Path(str(f)).stem: Path(str(f)) for f in root.iterdir() if str(f).endswith(".yaml")}


@lru_cache(maxsize=32)
def load_bundled(name: str) -> Pack:
    paths = bundled_pack_paths()
    if name not in paths:
        raise RulePackError(name, f"no such bundled pack (have: {', '.join(sorted(paths))})")
    return load_pack_file(paths[name])
