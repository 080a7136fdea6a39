"""The pipeline: checkers (rules, glossary, grammar, ...) → findings → repair → score.

Configured once, used for many texts; thread-safe (checkers are built under a
lock and hold no per-document state) and picklable (it pickles its config and
rebuilds its checkers on the other side).

>>> p = Pipeline()
>>> p.fix("Prices of oilgas rose.").text
'Prices of oil and gas rose.'
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from mtfix.checker_registry import CHECKER_FACTORIES, as_checker, build_checkers, order_checkers
from mtfix.config import Config, check_unsafe, require_config
from mtfix.errors import ConfigError, InputError
from mtfix.findings import UNWRITABLE, merge_duplicates, one_fix_per_span, without_fixes_at
from mtfix.model import Checker, CheckOutput, Document, Finding, FixSafety
from mtfix.pipeline_results import MAX_FIX_PASSES, CheckResult, FixResult
from mtfix.repair import Pass, RepairLog, apply_edit_groups, defer_sentence_edits, fixable_edits
from mtfix.rules.markup import shielded_in
from mtfix.segment import SPREAD_MIN_CHARS, to_document
from mtfix.suppress import malformed_directives, suppressed

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from mtfix.records import RecordResult
    from mtfix.signature import Signature

    #: How :meth:`Pipeline.run_checkers` runs one checker on a document with the annotations before it.
    CheckerRun = Callable[[Checker, Document, Mapping[str, Any]], list[Finding]]

#: At most this many fixed-point warnings are kept in ``Pipeline.warnings`` (a long
#: ingest job must not grow it without bound).
_MAX_FIX_WARNINGS = 50


def _checker_list(checkers: Any) -> list[Any]:
    """``checkers=`` as a list, or a ConfigError: each item needs a ``name`` and a ``check`` method."""
    if isinstance(checkers, (str, bytes)) or not isinstance(checkers, Iterable):
        raise ConfigError(f"checkers must be a list of checkers (objects with name and check), "
                          f"not {type(checkers).__name__}")
    out = list(checkers)
    for c in out:
        if not (isinstance(getattr(c, "name", None), str) and callable(getattr(c, "check", None))):
            raise ConfigError(f"checkers must be objects with a name and a check method "
                              f"(mtfix.model.Checker), not {type(c).__name__} {c!r:.60}")
    return out


def _matches(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


class Pipeline:
    """Checkers configured once; ``check``/``fix``/``score`` texts or documents.

    ``merge`` (default true): one finding per problem (:func:`~mtfix.findings.merge_duplicates`) and one fix per span
    (:func:`~mtfix.findings.one_fix_per_span`); false
    keeps every checker's findings, duplicates and all, as ``mtfix rules --check-examples`` needs to judge
    one rule's own findings (the signature says ``findings:unmerged`` then)."""

    merge: bool = True

    def __init__(self, config: Config | None = None, *, checkers: list[Checker] | None = None):
        require_config(config)  # a wrong type failed at the first check, deep inside
        self.config = config or Config()
        self._checkers: list[Checker] | None = (
            order_checkers(as_checker(c) for c in _checker_list(checkers)) if checkers is not None else None)
        self._custom = checkers is not None
        self._lock = threading.Lock()
        self.warnings: list[str] = []

    # -- pickling: ship the config, rebuild checkers on the worker ----------------
    def __getstate__(self) -> dict[str, Any]:
        if self._custom:
            return {"config": self.config, "checkers": self._checkers}
        return {"config": self.config, "checkers": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], checkers=state["checkers"])

    @property
    def checkers(self) -> list[Checker]:
        if self._checkers is None:
            with self._lock:
                if self._checkers is None:
                    self._checkers = self._build()
        return self._checkers

    def _build(self) -> list[Checker]:
        return order_checkers(as_checker(c) for c in build_checkers(self.config, self.warnings))

    def load_models(self) -> None:
        """Load what the checkers load on first use (the garble detector's models, word lists),
        by checking one short sentence: forked workers (``--jobs``) then share them instead of
        each loading its own.  Nothing about later results changes."""
        self.check("The minister said the talks would resume in the capital on Monday.")

    def load_data(self) -> None:
        """Read now the model files the checkers read on first use (the garble detector's and the
        tagger's), without checking a text: one that cannot be read raises its :class:`ConfigError`
        here, once, instead of on every text (:func:`mtfix.records.process` and Spark's workers call it)."""
        for c in self.checkers:
            load = getattr(c, "load_data", None)
            if callable(load):
                load()

    def close(self) -> None:
        """Release what the checkers hold (a private LanguageTool server, threads, the results cache).  The
        pipeline may still be used: its checkers are built again then (a pipeline given its own checkers
        closes them, and they are the caller's to replace)."""
        with self._lock:
            checkers = self._checkers or []
            if not self._custom:
                self._checkers = None
        for c in checkers:
            c.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def signature(self) -> str:
        """What produced the findings, in its long form (see :meth:`signature_info`)."""
        return str(self.signature_info())

    def signature_info(self) -> Signature:
        """What produced the findings, as a :class:`~mtfix.signature.Signature`: every checker's
        own field (rule packs with content digests, glossaries with digests, LanguageTool's
        version and rule set, the garble model's digest, plug-ins), ``grammar:off`` when no
        grammar checker ran (scores with and without LanguageTool do not compare), the rule
        selection when ``select``/``ignore`` set one (``select:+MTF2,-MTF206``: resolved codes and
        prefixes), the segmenter, the lexicon and the mtfix version."""
        from mtfix.signature import check_signature  # a text report needs no signature: not at import

        built = {c.name: c for c in self.checkers}
        fields: list[tuple[str, str]] = []
        for name, _target in CHECKER_FACTORIES:
            c = built.pop(name, None)
            if c is not None:
                fields.append((name, c.signature()))
            elif name == "grammar":
                fields.append(("grammar", "off"))
        fields += [(c.name, c.signature()) for c in built.values()]
        sel = self._selection()  # which findings count: scores of two selections do not compare
        if sel.select or sel.ignore:
            fields.append(("select", ",".join([*(f"+{c}" for c in sorted(sel.select)),
                                               *(f"-{c}" for c in sorted(sel.ignore))])))
        return check_signature(fields, grammar_ran=any(n == "grammar" and v != "off" for n, v in fields),
                               merged=self.merge)

    # -- the three jobs ------------------------------------------------------------
    def document(self, text: str, **kwargs: Any) -> Document:
        """``text`` segmented; a text that is not valid Unicode is an :class:`InputError`.  ``kwargs`` are
        :func:`~mtfix.segment.to_document`'s (``source``, ``path``, ...); another is a :class:`ConfigError`."""
        _check_keywords("document", kwargs)
        ensure_valid_text(text, kwargs.get("path"))
        text = plain_str(text)
        source = kwargs.get("source")
        if source is not None:  # the source-language text: refused as the text is, naming it
            if not isinstance(source, str):
                raise TypeError(f"source must be text (str), not {type(source).__name__}"
                                + ("; decode the bytes first" if isinstance(source, (bytes, bytearray)) else ""))
            ensure_valid_text(source, "<source>")
            kwargs["source"] = plain_str(source)
        return to_document(text, **{"jobs": self.config.jobs, **kwargs})

    def _selection(self) -> Any:
        """``config.select``/``ignore`` by code, prefix or name, resolved once (mtfix.catalogue);
        an unknown code or name raises ConfigError."""
        sel = self.__dict__.get("_resolved_selection")
        if sel is None:
            from mtfix.catalogue import selection_for

            sel = self._resolved_selection = selection_for(self.config, self.checkers, origin="Config")
        return sel

    def mentions(self, doc: Document) -> frozenset[str]:
        """The names (glossary terms) ``doc`` mentions, for the first-mention rule of the units after
        it in the same document (``doc.meta["mentioned"]``): the union of what each checker that
        counts mentions (the glossary's) says."""
        found: frozenset[str] = frozenset()
        for checker in self._mention_counters():
            found |= checker.mentions(doc)
        return found

    def _mention_counters(self) -> list[Any]:
        """The checkers whose findings depend on the names mentioned before (``meta["mentioned"]``)."""
        return [c for c in self.checkers if callable(getattr(c, "mentions", None)) and getattr(c, "first_mention", True)]

    @property
    def tracks_mentions(self) -> bool:
        """Whether a unit's findings can depend on the names mentioned before it in its document."""
        return bool(self._mention_counters())

    def check(self, text: str | Document, **kwargs: Any) -> CheckResult:
        _check_keywords("check", kwargs, text)
        if isinstance(text, Document):
            ensure_valid_text(text.text, text.path)
        doc = text if isinstance(text, Document) else self.document(text, **kwargs)
        found, stats, annotations = self.run_checkers(doc)
        return self.finish(doc, [f for checker_findings in found for f in checker_findings], stats, annotations)

    def run_checkers(self, doc: Document, run: CheckerRun | None = None
                     ) -> tuple[list[list[Finding]], dict[str, Any], dict[str, Any]]:
        """Every checker's own findings on ``doc`` (one list per checker, in :attr:`checkers`' order), their
        stats and the annotations they provided; ``run(checker, doc, annotations)`` runs one checker
        (default: its ``check``; :mod:`mtfix.recheck` runs its segment-scope codes on changed segments only)."""
        found: list[list[Finding]] = []
        stats: dict[str, Any] = {}
        annotations: dict[str, Any] = {}
        view = MappingProxyType(annotations)  # what the checkers before provided, read-only
        begun = [c for c in self.checkers if callable(getattr(c, "begin", None)) and callable(getattr(c, "end", None))]
        _warm_up_for(doc, self.checkers)
        try:
            for checker in begun:
                checker.begin(doc)
            for checker in self.checkers:  # ordered by needs/provides
                out = checker.check(doc, view) if run is None else run(checker, doc, view)
                found.append(list(out))
                if isinstance(out, CheckOutput):
                    annotations.update((k, v) for k, v in out.annotations.items() if k in checker.provides)
                checker_stats = checker.stats()
                if checker_stats:
                    stats[checker.name] = checker_stats
        finally:
            for checker in begun:
                checker.end(doc)
        return found, stats, annotations

    def finish(self, doc: Document, findings: list[Finding], stats: dict[str, Any],
               annotations: dict[str, Any]) -> CheckResult:
        """The result of a check from the checkers' own ``findings`` (:meth:`run_checkers`): the selection,
        the markup's shield, the post filters, the inline directives, one finding per problem, in order."""
        wants = self._selection().wants  # select/ignore resolved once against the rule catalogue
        # a rule's or glossary's finding across Markdown markup stays: its edits keep the markup (mtfix.rules.markup);
        # a flag-only finding of a whole sentence that holds markup stays too (Document.sentence_around_markup)
        shielded = shielded_in(doc)
        # (session 31) the garble detector's flag (no edit) over a reference or a glued tag, which its view reads
        # through (mtfix.rules.markup.read_through), stays as a rule's does
        findings = [f for f in findings if wants(f.code) and (
            not (shielded(f) if f.origin.startswith(("rule:", "glossary:"))
                 or (not f.edits and f.origin.startswith("garble:")) else doc.is_protected(f.start, f.end))
            # (session 54) the bilingual check's flag on a tag the source lacks stands on the tag itself
            or (not f.edits and f.origin == "bilingual")
            or (not f.edits and not f.suggestions and doc.sentence_around_markup(f.start, f.end)))]
        n = len(findings)
        for checker in self.checkers:  # grammar: LT findings that repeat a rule's finding are dropped
            findings = checker.post_filter(doc, findings)
        if len(findings) > n:  # a post filter's own findings (subtitles: MTF601) are selected as the rest
            findings = [f for f in findings if wants(f.code)]
        findings = suppressed(doc, findings)
        for warning in malformed_directives(doc):  # "MTF401 MTF120": silences nothing (session 49 review)
            if warning not in self.warnings and len(self.warnings) < _MAX_FIX_WARNINGS:
                self.warnings.append(warning)
        if doc.meta.get(UNWRITABLE):  # before one fix per span: no suggestion gives way to an edit withheld here
            findings = without_fixes_at(findings, doc.meta[UNWRITABLE])
        if self.merge:  # one problem, one finding, one fix per span: after select/ignore and the inline directives
            findings = one_fix_per_span(merge_duplicates(findings), doc.text)
        findings.sort(key=lambda f: (f.start, f.end, f.code))
        findings = [_in_context(doc.text, f) if f.edits else f for f in findings]
        return CheckResult(doc, findings, stats, annotations)

    def fix(self, text: str | Document, *, unsafe: bool | None = None, **kwargs: Any) -> FixResult:
        """Apply fixes until nothing more applies (so a second run changes nothing).

        The loop stops at a fixed point (``converged``), or when a pass would
        bring back a text seen before (``oscillation``: the fixes undo each
        other; the text where the circle starts is returned, so that a second
        run also stops there), or after ``MAX_FIX_PASSES`` passes with fixes
        still applying (``pass_limit_hit``).  The last two name the rules
        still firing in ``still_firing`` and add a warning to ``warnings``.
        """
        _check_keywords("fix", kwargs, text)
        unsafe = check_unsafe(unsafe)
        unsafe = self.config.unsafe_fixes if unsafe is None else unsafe
        doc = text if isinstance(text, Document) else self.document(text, **kwargs)
        original = doc.text
        first = self.check(doc)
        result, log, held = first, RepairLog(start=original), 0
        seen: dict[str, int] = {original: 0}  # text -> number of passes that led to it
        results = [first]  # the check of each text in ``log`` order
        converged, oscillation, firing = False, False, ()
        for _ in range(MAX_FIX_PASSES + 1):
            usable, held_back = fixable_edits(result.findings, unsafe=unsafe)
            usable = defer_sentence_edits(result.document, usable)  # LanguageTool's: after the sentence's own
            held = len(held_back)
            current = result.document.text
            applied = apply_edit_groups(current, [f.edits for f in usable]) if usable else None
            if applied is None or not applied.applied or applied.text == current:
                converged = True
                break
            if len(log.passes) == MAX_FIX_PASSES:  # one more pass would still change the text
                firing = tuple(sorted({e.code for e in applied.applied}))
                break
            back_to = seen.get(applied.text)
            if back_to is not None:  # a circle: stop where it starts
                circle = log.passes[back_to:] + [Pass(current, applied.text, applied.applied)]
                firing = tuple(sorted({e.code for p in circle for e in p.edits}))
                del log.passes[back_to:]
                result = results[back_to]
                oscillation = True
                break
            log.passes.append(Pass(current, applied.text, applied.applied))
            seen[applied.text] = len(log.passes)
            result = self.check(self._rebuild(result.document, applied.text, applied.applied))
            results.append(result)
        out = FixResult(
            original, result.document.text, log, first.findings, result.findings, held, first.document, doc.path,
            converged=converged, pass_limit_hit=not converged and not oscillation, oscillation=oscillation,
            still_firing=firing, annotations=first.annotations, annotations_after=result.annotations, final=result,
        )
        warning = out.warning
        if warning is not None and warning not in self.warnings and len(self.warnings) < _MAX_FIX_WARNINGS:
            self.warnings.append(warning)
        return out

    def process(self, records: Iterable[Any], **options: Any) -> Iterator[RecordResult]:
        """Records (mappings or strings) through this pipeline, lazily, in input order, one
        JSON-ready :class:`~mtfix.records.RecordResult` each; ``workers=N`` for parallelism.
        Options as for :func:`mtfix.records.process`."""
        from mtfix.records import process

        return process(self, records, **options)

    def _rebuild(self, doc: Document, text: str, edits: Iterable) -> Document:
        """The document after edits: protected spans shifted, segments recomputed."""
        from mtfix.model import Span

        by_end = sorted(edits, key=lambda e: e.end)
        ends = [e.end for e in by_end]
        deltas = [0]  # deltas[k]: the length change of the first k edits by end
        for e in by_end:
            deltas.append(deltas[-1] + len(e.replacement) - (e.end - e.start))

        def shift(pos: int) -> int:  # O(log n): the edits that end at or before ``pos``
            k = bisect_right(ends, pos)
            if k < len(by_end) and by_end[k].start < pos:
                # inside an edit (a span it deleted: a Markdown reference of a copy deleted, session 44): its start
                return by_end[k].start + deltas[k]
            return pos + deltas[k]

        regions = doc.meta.get("regions")
        new_regions = [Span(shift(r.start), shift(r.end)) for r in regions] if regions else None
        fmt_protected = doc.meta.get("format_protected", [])
        new_prot = [Span(shift(p.start), shift(p.end)) for p in fmt_protected]
        new_code = [Span(shift(c.start), shift(c.end)) for c in doc.meta.get("code") or ()]
        new_headings = [Span(shift(h.start), shift(h.end)) for h in doc.meta.get("headings") or ()]
        opaque = doc.meta.get("opaque")
        new_opaque = None if opaque is None else [Span(shift(o.start), shift(o.end)) for o in opaque]
        new_joins = [Span(shift(j.start), shift(j.end)) for j in doc.meta.get("joins") or ()]
        glued = doc.meta.get("glued")  # an HTML page's glued tags (mtfix.formats.html.page_spans), shifted
        new = to_document(text, path=doc.path, protected=new_prot, regions=new_regions, source=doc.source,
                          code=new_code, headings=new_headings, opaque=new_opaque, joins=new_joins,
                          jobs=self.config.jobs,
                          glued=None if glued is None else [Span(shift(g.start), shift(g.end)) for g in glued],
                          page=doc.meta.get("page"))
        # the old document's meta (format, source language), with this text's regions, protected spans and cuts
        return replace(new, meta={**doc.meta, **new.meta})

    def score(self, text: str | Document, ref: str | None = None, **kwargs: Any):
        """Fluency (reference-free) and, with ``ref``, BLEU/chrF/TER."""
        from mtfix.scoring import score_document

        _check_keywords("score", kwargs, text)
        if ref is not None:
            if not isinstance(ref, str):  # it said "mtfix checks text (str), not int", naming no argument
                raise TypeError(f"ref must be text (str), not {type(ref).__name__}"
                                + ("; decode the bytes first" if isinstance(ref, (bytes, bytearray)) else ""))
            ensure_valid_text(ref, "<ref>")
            ref = plain_str(ref)
        result = self.check(text, **kwargs)
        return score_document(result, ref=ref, signature=self.signature())


@cache
def _document_keywords() -> tuple[str, ...]:
    """The keywords ``check``, ``fix``, ``score`` and ``document`` pass on to :func:`~mtfix.segment.to_document`."""
    import inspect

    return tuple(n for n, p in inspect.signature(to_document).parameters.items() if p.kind is p.KEYWORD_ONLY)


def _warm_up_for(doc: Document, checkers: Iterable[Checker]) -> None:
    """Before a long document's checkers (one of :data:`~mtfix.segment.SPREAD_MIN_CHARS` characters or more), load
    what its check loads on first use anyway: the loaders :func:`mtfix.parallel.warm_up` holds (``--jobs``), and,
    when the detector runs (its long-document work reads the large English list: ``garble.checker._register``), the
    list's dict, built at once instead of after the scans of its 320,000 words that answer a short text's first
    look-ups (:class:`mtfix.text.lexicon._ScannedList`: about 0.03 s of a 1 MB check, session 31).  The same answers:
    a loader only loads."""
    if len(doc.text) < SPREAD_MIN_CHARS:
        return
    from mtfix import parallel

    if parallel.warm_up_pending():
        parallel.warm_up()
    if any(getattr(c, "name", None) == "garble" and getattr(c, "active", True) for c in checkers):
        from mtfix.text.lexicon import load_english

        load_english()


def _check_keywords(method: str, kwargs: dict[str, Any], text: Any = None) -> None:
    """A :class:`ConfigError` naming ``Pipeline.<method>()``, the keyword and the closest known one, for a
    keyword the method does not take (it was ``TypeError: to_document() got an unexpected keyword``); and
    for keywords given with a :class:`Document` (``text``), which is segmented already: they build a
    document from text, and were silently dropped until session 22."""
    if not kwargs:
        return
    known = _document_keywords()
    unknown = [k for k in kwargs if k not in known]
    if unknown:
        import difflib

        extra = {"fix": ("unsafe",), "score": ("ref",)}.get(method, ())
        names = (*extra, *known)
        close = difflib.get_close_matches(unknown[0], names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(f"Pipeline.{method}() got an unknown keyword {unknown[0]!r}{hint}; it takes "
                          f"{', '.join(names)}")
    if isinstance(text, Document):
        given = ", ".join(repr(k) for k in kwargs)
        raise ConfigError(f"Pipeline.{method}() was given a Document and {given}, which build a document from "
                          f"text: pass the text, or build the document with them "
                          f"(pipeline.document(text, {next(iter(kwargs))}=...)) and pass it alone")


def _in_context(text: str, finding: Finding) -> Finding:
    """``finding`` with its edits' ``context`` taken from ``text`` (:meth:`mtfix.model.Edit.fits`)."""
    return replace(finding, edits=tuple(e.in_context(text) for e in finding.edits))


def plain_str(text: str) -> str:
    """``text`` as a plain ``str`` with its characters: a subclass (a lazy-translation proxy, a case-folding key) may
    change ``len``, ``lower``, ``split`` or ``==``, which every rule relies on (session 24: one whose ``__len__`` was 3
    had no finding, and ``fix`` gave the object back).

    >>> class Odd(str):
    ...     def __len__(self): return 3
    >>> type(plain_str(Odd("abcdef"))), len(plain_str(Odd("abcdef")))
    (<class 'str'>, 6)
    """
    return text if type(text) is str else str.__str__(text)


def ensure_valid_text(text: str, path: str | None = None) -> None:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate such as ``"\\ud800"``).

    >>> ensure_valid_text("a\\ud800b")
    Traceback (most recent call last):
    mtfix.errors.InputError: <input>:1: lone surrogate U+D800 at column 2: not valid Unicode text
    """
    if not isinstance(text, str):
        raise TypeError(f"mtfix checks text (str), not {type(text).__name__}"
                        + ("; decode the bytes first" if isinstance(text, (bytes, bytearray)) else ""))
    try:
        str.encode(text, "utf-8")
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        col = exc.start - (text.rfind("\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"lone surrogate U+{ord(text[exc.start]):04X} at column {col}: not valid Unicode text",
            path=path, line=line,
        ) from None


def fix_safety_counts(findings: list[Finding]) -> dict[str, int]:
    out = {str(s): 0 for s in FixSafety}
    for f in findings:
        out[str(f.fix)] += 1
    return out
