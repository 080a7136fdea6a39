"""The rules pass: packs of pattern rules and detectors → findings.

Pattern rules do not run over every segment: an Aho-Corasick automaton of the
rules' literal ``triggers`` finds the few segments where each can match, and
the pattern runs only there.  The cost of the pass therefore grows with the
text, not with the number of rules.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import regex

from mtfix.errors import RulePackError
from mtfix.findings import make_finding
from mtfix.findings import minimal_edit as minimal_edit  # importable from here, as before
from mtfix.model import BaseChecker, Document, Finding, FixSafety, Scope, widest
from mtfix.rules.detectors import DETECTOR_SCOPES, DETECTORS, POST_DETECTORS, Context, Hit
from mtfix.rules.marks import MarkView, finding_keeping_marks, mark_offsets
from mtfix.rules.markup import (
    READS_MARKUP,
    finding_around_markup,
    glued_offsets,
    markup_offsets,
    new_findings,
    reference_offsets,
    shielded,
)
from mtfix.rules.pack import TEMPLATE as _TEMPLATE
from mtfix.rules.pack import TRANSFORMS as _TRANSFORMS
from mtfix.rules.pack import Pack, Rule, bundled_pack_paths, load_bundled, load_user_packs
from mtfix.rules.windows import Windows, markup_windows, without
from mtfix.segment import is_page
from mtfix.text.quoted import in_quoted_literal
from mtfix.text.tokens import lower_same_length as lower_same_length  # importable from here, as before

if TYPE_CHECKING:
    from mtfix.catalogue import RuleInfo

#: How long one pattern may run over one segment (seconds) before it is stopped
#: as catastrophic backtracking; segments are at most ``segment.MAX_BLOCK`` long.
PATTERN_TIMEOUT = 1.0


def expand(template: str, match: regex.Match) -> str:
    """Fill ``{group}`` / ``{group:upper|lower|cap|decap}`` from a match.

    >>> m = regex.match(r"(?P<w>\\w+)", "azerbaijan")
    >>> expand("{w:cap}!", m)
    'Azerbaijan!'
    """

    def sub(m: regex.Match) -> str:
        tok = m.group(0)
        if tok == "{{":
            return "{"
        if tok == "}}":
            return "}"
        name, transform = m.group(1), m.group(2)
        value = match.group(int(name) if name.isdigit() else name) or ""
        return _TRANSFORMS[transform](value) if transform else value

    return _TEMPLATE.sub(sub, template)


def select_rules(rules: Iterable[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Keep rules whose code starts with a selected prefix and no ignored one."""
    sel, ign = tuple(select), tuple(ignore)
    return [
        r
        for r in rules
        if (not sel or any(r.code.startswith(s) or r.name == s for s in sel))
        and not any(r.code.startswith(i) or r.name == i for i in ign)
    ]


class RulesChecker(BaseChecker):
    """Runs rule packs over a document.  Build once, use for many documents.

    >>> checker = RulesChecker.bundled()
    >>> from mtfix.segment import to_document
    >>> doc = to_document("The price of oilgas rose.")
    >>> [(f.code, doc.text[f.start:f.end]) for f in checker.check(doc)]
    [('MTF206', 'oilgas')]
    """

    name = "rules"

    def __init__(self, packs: Iterable[Pack], select: Iterable[str] = (), ignore: Iterable[str] = (),
                 *, conditional: Iterable[str] = ()):
        self.packs = tuple(packs)
        # Source-language packs that report only on documents with evidence of their language
        # (mtfix.rules.detectors.language); the user naming the language or the pack runs them always.
        self._conditional = {p.name: p.source_lang for p in self.packs if p.name in set(conditional)}
        all_rules = [r for p in self.packs for r in p.rules]
        self.selected: list[Rule] = select_rules(all_rules, select, ignore)  # the pack rules that run
        self._triggered: list[Rule] = []
        self._untriggered: list[Rule] = []
        self._detectors: list[Rule] = []
        self._post: list[Rule] = []
        for r in self.selected:
            if r.detector:
                (self._post if r.detector in POST_DETECTORS else self._detectors).append(r)
            elif r.triggers:
                self._triggered.append(r)
            else:
                self._untriggered.append(r)
        self._automaton = self._build_automaton(self._triggered)
        #: the rules (pack, code: two packs may share a code) that read through zero-width marks
        #: (``params.through_marks``, mtfix.rules.marks)
        self._through = frozenset((r.pack, r.code) for r in self.selected
                                  if r.params.get("through_marks") is True and r.detector not in POST_DETECTORS)
        #: the rules that leave the text of a quoted literal alone (``params.leave_quoted_literals``,
        #: mtfix.text.quoted: 'Set the delimiter to " , "'): the spacing rules
        self._literal_safe = frozenset((r.pack, r.code) for r in self.selected if r.params.get("leave_quoted_literals") is True)

    #: the checker as a whole: post rules read every finding, a conditional pack the document's evidence
    scope = Scope.DOCUMENT

    def scope_of(self, code: str) -> Scope:
        """What ``code``'s findings in one sentence depend on (:class:`~mtfix.model.Scope`): a pattern rule's
        only on the sentence it runs in, a detector's on what it declares, a post rule's and a conditional
        pack's (but ``params.without_evidence``) on the whole document; the widest when packs share a code."""
        scopes = [self._rule_scope(r) for r in self.selected if r.code == code]
        return widest(scopes) if scopes else Scope.DOCUMENT

    def _rule_scope(self, rule: Rule) -> Scope:
        if rule.pack in self._conditional and rule.params.get("without_evidence") is not True:
            return Scope.DOCUMENT  # reported only when the whole document shows its language
        if rule.detector:
            return DETECTOR_SCOPES.get(rule.detector, Scope.DOCUMENT)
        return Scope.SEGMENT  # a pattern runs in one sentence (_run_pattern)

    @classmethod
    def bundled(
        cls,
        names: Iterable[str] | None = None,
        extra_files: Iterable[str] = (),
        select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> RulesChecker:
        """The bundled packs (all, or ``names``) plus packs from ``extra_files``."""
        names = list(names) if names is not None else sorted(bundled_pack_paths())
        packs = [load_bundled(n) for n in names] + load_user_packs(extra_files)
        return cls(packs, select, ignore)

    @staticmethod
    def _build_automaton(rules: list[Rule]):
        if not rules:
            return None
        import ahocorasick

        by_trigger: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rules):
            for t in r.triggers:
                by_trigger[t].append(i)
        auto = ahocorasick.Automaton()
        for t, idx in by_trigger.items():
            auto.add_word(t, tuple(idx))
        auto.make_automaton()
        return auto

    def rules(self) -> list[RuleInfo]:
        """The catalogue entries of the rules that run (the checker protocol's ``rules()``)."""
        from mtfix.catalogue import pack_rule_info

        paths = {p.name: p.path for p in self.packs}
        return [pack_rule_info(r, paths.get(r.pack)) for r in self.selected]

    def signature(self) -> str:
        """The packs, each with its version and the digest of its file."""
        from mtfix.signature import packs_field

        return packs_field(self.packs)

    # -- running ---------------------------------------------------------------
    def check(self, doc: Document, annotations: Mapping[str, Any] | None = None) -> list[Finding]:
        if not doc.segments:
            return []
        findings, ctx = self._passes(doc, lambda rule: True)
        return self._with_post(doc, findings, ctx)

    def check_local(self, doc: Document) -> list[Finding]:
        """The findings of the codes whose scope is narrower than the document (:meth:`scope_of`) in ``doc``'s
        segments: a document whose ``segments`` are some of another's gives those segments' findings
        (:mod:`mtfix.recheck`)."""
        if not doc.segments:
            return []
        local = self._local_codes()
        findings, _ = self._passes(doc, lambda rule: rule.code in local)
        return sorted(findings, key=lambda f: (f.start, f.end, f.code))

    def check_document_codes(self, doc: Document, local: list[Finding]) -> list[Finding]:
        """The findings of the document-scope codes in ``doc``, given ``local``, those of :meth:`check_local` in
        the whole document (a conditional pack's evidence and the post rules read them): with them, what
        :meth:`check` finds."""
        if not doc.segments:
            return []
        codes = self._local_codes()
        findings, ctx = self._passes(doc, lambda rule: rule.code not in codes)
        found = sorted([*local, *findings], key=lambda f: (f.start, f.end, f.code))
        return [f for f in self._with_post(doc, found, ctx) if f.code not in codes]

    def _local_codes(self) -> frozenset[str]:
        """The codes whose scope is narrower than the document (no post rule's)."""
        found = self.__dict__.get("_local")
        if found is None:
            found = self._local = frozenset(r.code for r in self.selected if r.detector not in POST_DETECTORS
                                            and self.scope_of(r.code) is not Scope.DOCUMENT)
        return found

    def _passes(self, doc: Document, runs: Callable[[Rule], bool]) -> tuple[list[Finding], Context]:
        """The findings of the rules (not post) that ``runs`` accepts, read as the document asks (through HTML's
        tags, a character reference, Markdown's inline markup), and the context of the pass."""
        markup = markup_offsets(doc)
        if markup and is_page(doc):  # HTML: every rule reads a word through its tags (session 29)
            return self._pass(doc, markup, every=True, runs=runs)
        # a character reference reads as its character in either pass, and the rules that read the emphasis
        # (READS_MARKUP) read it so too (session 31: mtfix.rules.markup.reference_offsets)
        # and so do the tags inside a word of a Markdown HTML block (session 45: meta["glued"], not a page)
        refs = sorted({*reference_offsets(doc), *glued_offsets(doc)}) if markup else []
        findings, ctx = self._pass(doc, refs, every=True, runs=runs)
        if len(markup) > len(refs):  # Markdown: the rules read the prose through its inline markup too
            findings += new_findings(findings, self._pass(doc, markup, markup_windows(doc, markup), runs=runs)[0])
        return findings, ctx

    def _with_post(self, doc: Document, findings: list[Finding], ctx: Context) -> list[Finding]:
        """``findings`` without a conditional pack's where the document shows no evidence of its language, with
        the post rules' findings over them, in order."""
        if self._conditional:
            findings = self._with_evidence(doc, findings)
        ctx.findings = findings
        for rule in self._post:
            findings.extend(self._from_hits(doc, rule, self._detected(rule, doc, ctx)))
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        return findings

    def _pass(self, doc: Document, markup: list[int], windows: Windows | None = None,
              every: bool = False, runs: Callable[[Rule], bool] = lambda rule: True) -> tuple[list[Finding], Context]:
        """The findings of the rules (not post) on ``doc`` read without the characters at ``markup`` (Markdown
        markup, :mod:`mtfix.rules.markup`; none: the text as it is), and the context of the pass; only in the
        paragraphs ``windows`` holds, when given (:mod:`mtfix.rules.windows`); ``every``: the rules that read
        Markdown's markup (:data:`READS_MARKUP`) run too (HTML's glued tags are no emphasis); only the rules
        ``runs`` accepts."""
        # rules with params.through_marks read a document with zero-width marks through a view without them
        # (mtfix.rules.marks); a document with none runs every rule on its own text, as before
        marks = mark_offsets(doc.text) if self._through else []
        read, read_markup = (windows.doc, windows.markup) if windows else (doc, markup)
        read_marks = mark_offsets(read.text) if marks and windows else marks
        view = MarkView(read, sorted({*read_markup, *read_marks})) if marks else None
        through = self._through if view is not None else frozenset()
        base = MarkView(read, read_markup) if read_markup else None
        lower = lower_same_length(base.doc.text if base else read.text)
        ctx = Context(lower=lower, memo=doc.memo)
        if windows:  # what holds of the whole document is read in all of it (mtfix.rules.windows)
            ctx.cache["document_text"] = without(doc.text, markup)
        plain = self._hits(base.doc if base else read, lower, ctx, lambda r: runs(r) and (r.pack, r.code) not in through
                           and not (markup and not every and r.detector in READS_MARKUP))
        hits = [(r, base.hit(h)) for r, h in plain] if base else list(plain)
        if view is not None:
            vlower = lower_same_length(view.doc.text)
            vctx = Context(lower=vlower, memo=doc.memo)
            if windows:
                vctx.cache["document_text"] = without(doc.text, sorted({*markup, *marks}))
            hits += [(r, view.hit(h)) for r, h in self._hits(view.doc, vlower, vctx,
                                                             lambda r: runs(r) and (r.pack, r.code) in through
                                                             and not (markup and not every and r.detector in READS_MARKUP))]
        if windows:
            hits = [(r, windows.hit(h)) for r, h in hits]
        # a viewed rule's edit keeps the marks between the characters it keeps (mtfix.rules.marks.keep_marks)
        findings = [finding_keeping_marks(doc.text, f) if (r.pack, r.code) in through else f
                    for f, (r, _) in zip([self._finding(doc, r, h) for r, h in hits], hits, strict=True)]
        if not markup:
            return [f for f in findings if not doc.is_protected(f.start, f.end)], ctx
        kept = set(markup)  # and never rewrites the markup (mtfix.rules.markup.place_edit)
        return [finding_around_markup(doc, f, kept) for f in findings if not shielded(doc, f, kept)], ctx

    def _hits(self, doc: Document, lower: str, ctx: Context, runs: Callable[[Rule], bool]) -> Iterator[tuple[Rule, Hit]]:
        """The (rule, hit) pairs of the pattern rules and (not post) detectors that ``runs`` accepts."""
        starts = [s.start for s in doc.segments]
        for rule, seg_idx in self._candidates(doc, lower, starts):
            if runs(rule):
                for s in seg_idx:
                    seg = doc.segments[s]
                    yield from ((rule, h) for h in self._run_pattern(doc, rule, seg.start, seg.end)
                                if (rule.pack, rule.code) not in self._literal_safe or not _in_literal(doc, h))
        for rule in self._untriggered:
            if runs(rule):
                for seg in doc.segments:
                    yield from ((rule, h) for h in self._run_pattern(doc, rule, seg.start, seg.end)
                                if (rule.pack, rule.code) not in self._literal_safe or not _in_literal(doc, h))
        for rule in self._detectors:
            if runs(rule):
                hits = self._detected(rule, doc, ctx)
                yield from ((rule, h) for h in hits if not doc.is_protected(h.start, h.end)
                            and not ((rule.pack, rule.code) in self._literal_safe and _in_literal(doc, h)))

    def _detected(self, rule: Rule, doc: Document, ctx: Context) -> list[Hit]:
        """The hits of ``rule``'s detector.  A user pack's rule whose ``params`` do not suit its detector (a list
        item that is no pattern, where the detector compiles one only on a text that may match) fails as that
        pack's error, naming it, the rule and the field; a bundled detector's failure is mtfix's own."""
        try:
            return list(DETECTORS[rule.detector](doc, rule, ctx))  # type: ignore[index]
        except Exception as exc:
            user = {p.name: p.path for p in self.packs if p.path not in _bundled_paths()}
            if rule.pack not in user:
                raise
            raise RulePackError(rule.pack, f"the params do not suit detector {rule.detector!r} ({type(exc).__name__}: "
                                f"{exc})", code=rule.code, field="params", path=user[rule.pack]) from None

    def _with_evidence(self, doc: Document, findings: list[Finding]) -> list[Finding]:
        """Drop the findings of conditional packs whose source language the document does not show."""
        from mtfix.rules.detectors.language import pack_applies

        fired: dict[str, set[str]] = defaultdict(set)
        for f in findings:
            fired[f.origin].add(f.code)
        quiet = {f"rule:{name}" for name, lang in self._conditional.items()
                 if not pack_applies(doc, lang, fired.get(f"rule:{name}", ()))}
        if not quiet:
            return findings
        # Rules marked params.without_evidence match only tokens no English text has ("oilgas"): they stay.
        keep = {r.code for p in self.packs if f"rule:{p.name}" in quiet for r in p.rules
                if r.params.get("without_evidence") is True}
        return [f for f in findings if f.origin not in quiet or f.code in keep]

    def _candidates(self, doc: Document, lower: str, starts: list[int]):
        """(rule, segment indices) pairs worth running a pattern on."""
        if self._automaton is None:
            return []
        wanted: dict[int, set[int]] = defaultdict(set)
        for end, rule_ids in self._automaton.iter(lower):
            s = bisect_right(starts, end) - 1
            if s < 0 or end >= doc.segments[s].end:
                continue
            for r in rule_ids:
                wanted[r].add(s)
        return [(self._triggered[r], sorted(segs)) for r, segs in sorted(wanted.items())]

    def _run_pattern(self, doc: Document, rule: Rule, start: int, end: int) -> Iterable[Hit]:
        """The hits of a pattern rule in the sentence ``doc.text[start:end]``, read alone (session 47): sliced
        out, so that no look-behind, ``\\b`` or ``^`` reads the sentence before it (glued sentences, "said.Next")."""
        try:  # all matches first: the timeout counts from the iterator's creation
            matches = list(rule.pattern.finditer(doc.text[start:end], timeout=PATTERN_TIMEOUT))
        except TimeoutError:
            line, _ = doc.line_col(start)
            raise RulePackError(
                rule.pack,
                f"pattern ran over {PATTERN_TIMEOUT:g} s on one sentence ({doc.path or '<text>'}:{line}): "
                "catastrophic backtracking? rewrite it without nested or overlapping repeats such as (a|a)+",
                code=rule.code, field="pattern",
            ) from None
        group = "m" if "m" in rule.pattern.groupindex else 0
        for m in matches:
            s, e = m.span(group)
            if s < 0:
                continue
            repl = expand(rule.replacement, m) if rule.replacement is not None else None
            msg = expand(rule.message, m)
            yield Hit(start + s, start + e, repl, msg)

    def _from_hits(self, doc: Document, rule: Rule, hits: Iterable[Hit]) -> Iterable[Finding]:
        for h in hits:
            if not doc.is_protected(h.start, h.end) or (
                    rule.fix == "none" and h.replacement is None and doc.sentence_around_markup(h.start, h.end)):
                yield self._finding(doc, rule, h)

    def _finding(self, doc: Document, rule: Rule, hit: Hit) -> Finding:
        safety = hit.safety or rule.fix
        suggestions = tuple(hit.suggestions) or rule.suggestions
        repl = hit.replacement
        # the replacement is a suggestion unless it is a fix that changes nothing
        if repl is not None and (safety is FixSafety.NONE or doc.text[hit.start:hit.end] != repl):
            suggestions = (repl, *suggestions)
        return make_finding(
            doc, rule.code, rule.category, hit.severity or rule.severity, hit.start, hit.end,
            hit.message or rule.message, replacement=repl, safety=safety, suggestions=suggestions,
            origin=f"rule:{rule.pack}", edit_origin=f"rule:{rule.pack}:{rule.code}",
        )


def _in_literal(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` lies inside a quoted literal of its sentence (:func:`mtfix.text.quoted.in_quoted_literal`)."""
    seg = doc.segment_at(hit.start)
    return seg is not None and in_quoted_literal(doc.text, seg.start, seg.end, hit.start, hit.end)


def _bundled_paths() -> set[str]:
    """The files of the bundled packs, as a pack's ``path`` names them."""
    return {str(path) for path in bundled_pack_paths().values()}


def build_checker(config, warnings: list[str]) -> RulesChecker:
    """The rules checker a :class:`~mtfix.config.Config` asks for; ``select``/``ignore`` as the rule
    catalogue resolves them (``mtf105``, ``mtf1`` and the checker name ``rules`` too)."""
    select, ignore = tuple(config.select or ()), tuple(config.ignore or ())
    if select or ignore:
        from mtfix.catalogue import build_catalogue

        catalogue = build_catalogue(config, with_lt=False)

        def resolved(tokens: tuple[str, ...]) -> list[str]:  # a token the catalogue does not know is kept:
            return [c for t in tokens for c in catalogue.resolve_token(t) or (t,)]  # the pipeline reports it

        select, ignore = tuple(resolved(select)), tuple(resolved(ignore))
    checker = RulesChecker.bundled(config.pack_names(), config.rule_files, select, ignore)
    warning = library_source_lang_warning(config.source_lang) if config.packs is None else None
    if warning and warning not in warnings:  # the library said nothing until session 26 (the CLI warned)
        warnings.append(warning)
    if config.packs is None and not config.source_lang:  # nobody named a language: packs run on evidence
        bundled = _bundled_paths()
        checker._conditional = {p.name: p.source_lang for p in checker.packs if p.source_lang and p.path in bundled}
    return checker


def missing_pack(lang: str | None) -> str | None:
    """Why ``source_lang`` ``lang`` adds no rule pack (there is no bundled ``<lang>-en``), else None:
    ``there is no zz-en rule pack (packs for: az; bundled packs: …); only the English packs are used``."""
    if not lang:
        return None
    from mtfix.config import pack_language

    names = sorted(bundled_pack_paths())
    if f"{pack_language(lang)}-en" in names:
        return None
    langs = sorted(n.split("-")[0] for n in names if n.endswith("-en"))
    return (f"there is no {pack_language(lang)}-en rule pack (packs for: {', '.join(langs) or 'none'}; "
            f"bundled packs: {', '.join(names)}); only the English packs are used")


def library_source_lang_warning(lang: str | None) -> str | None:
    """The warning a pipeline adds to ``Pipeline.warnings`` for :func:`missing_pack` (the CLI replaces it
    with its own, which names where the setting came from)."""
    why = missing_pack(lang)
    return f"source_lang {lang!r}: {why}" if why else None
