"""Run the examples of pack rules, as ``tests/rules/test_rule_examples.py`` runs the bundled ones
(``mtfix rules --check-examples``: a user's own pack is tested without mtfix's test suite).

* a flag example is reported by its rule (at the ``flagged`` text and with the ``fix`` safety,
  when the example gives them);
* applying the rule's own fixes turns it into ``fixed`` (or leaves it, without ``fixed``);
* the fixed text is not fixed again by the rule;
* a pass example is not reported by its rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from mtfix.catalogue import RuleInfo, build_catalogue
from mtfix.model import Finding, FixSafety

MAX_PASSES = 4


def example_failures(rules: Iterable[RuleInfo], rule_files: tuple[str, ...] = (),
                     where: Mapping[str, str] | None = None) -> list[str]:
    """One line per failing example of the pack ``rules`` (``rule_files``: the user packs
    they may come from; ``where``: how to name each pack, e.g. with its file)."""
    from mtfix.config import Config
    from mtfix.pipeline import Pipeline
    from mtfix.rules.pack import bundled_pack_paths

    rules = [r for r in rules if r.checker == "rules"]
    if not rules:
        return []
    # every pack rule runs (a structure rule such as MTF120 reads the others' findings); only
    # ``rules`` are judged
    every = tuple(r.code for r in build_catalogue(Config(rule_files=rule_files), with_lt=False) if r.checker == "rules")
    config = Config(grammar="off", packs=tuple(sorted(bundled_pack_paths())), rule_files=rule_files, select=every)
    out: list[str] = []
    with Pipeline(config) as pipeline:
        pipeline.merge = False  # the rule's own findings, also where another rule reports the same edit
        for rule in rules:
            name = f"{(where or {}).get(rule.pack, f'rule pack {rule.pack!r}')}, rule {rule.code}"
            for example in rule.examples:
                out += [f"{name}: flag example {example['text']!r}: {p}" for p in _flag(pipeline, rule, example)]
            for text in rule.leaves_alone:
                found = _findings(pipeline, rule, text)
                if found:
                    out.append(f"{name}: pass example {text!r} is reported at "
                               f"{', '.join(repr(text[f.start:f.end]) for f in found)}")
    return out


def _findings(pipeline: Any, rule: RuleInfo, text: str) -> list[Finding]:
    return [f for f in pipeline.check(text).findings if f.code == rule.code]


def _flag(pipeline: Any, rule: RuleInfo, example: Mapping[str, str]) -> list[str]:
    from mtfix.repair import apply_edit_groups

    text = example["text"]
    found = _findings(pipeline, rule, text)
    if not found:
        return ["not reported"]
    problems = []
    spans = [text[f.start : f.end] for f in found]
    if example.get("flagged") is not None and example["flagged"] not in spans:
        problems.append(f"reported at {', '.join(map(repr, spans))}, not at {example['flagged']!r}")
    safety = sorted({str(f.fix) for f in found})
    if example.get("fix") is not None and safety != [example["fix"]]:
        problems.append(f"fix safety {', '.join(safety)}, the example says {example['fix']}")
    fixed = text
    for _ in range(MAX_PASSES):
        fixable = [f for f in _findings(pipeline, rule, fixed) if f.fix is not FixSafety.NONE and f.edits]
        new = apply_edit_groups(fixed, [f.edits for f in fixable]).text if fixable else fixed
        if new == fixed:
            break
        fixed = new
    expected = example.get("fixed")
    if fixed != (expected if expected is not None else text):
        said = f"the example says {expected!r}" if expected is not None else "the example has no 'fixed'"
        problems.append(f"the rule's fix gives {fixed!r}; {said}")
    elif expected is not None and expected != text and any(f.edits for f in _findings(pipeline, rule, fixed)):
        problems.append(f"the rule fixes its own result {fixed!r} again")
    return problems
