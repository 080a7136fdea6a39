"""Session 34: verb-final clauses after their object (issue 11, realmt's ``sov_word_order``), counted on fitting data.

Candidates over the garble tagger's view of each segment (as ``bench/probe_word_order.py``) are counted on

* realmt **train** MT: the ``sov_word_order`` sentences and the others;
* other MT of the fitting sets: MLQE-PE dev MT (five pairs, two of them from verb-final languages, ne and si) and
  the MQM zh-en 2020 MT outputs; with ``--train`` also the MLQE-PE train MT (35,000) and MQM zh-en TED 2021 MT;
* fluent English: realmt ``clean_news_train``, UD EWT (train, dev and test), the MQM zh-en 2020 references and the
  MLQE-PE dev post-edits; with ``--train`` also the MLQE-PE train post-edits.

No realmt development file, no MQM 2023, he-en 2023 or MLQE-PE test/test21 file is read.

    python bench/verb_final_s34.py                 # the table (markdown)
    python bench/verb_final_s34.py --show F1       # and each hit of a candidate
    python bench/verb_final_s34.py --train         # also MLQE-PE train (MT and post-edits) and TED 2021 MT
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_data import PAIRS, SHARED_HELP, PESet, load_pe, read_jsonl, require_shared, shared_dir  # noqa: E402
from probe_word_order import _tagged  # noqa: E402

from mtfix.garble import conllu  # noqa: E402
from mtfix.garble.signs import _PAST_FORMS  # noqa: E402
from mtfix.text.lexicon import IRREGULAR_FORMS  # noqa: E402

Test = Callable[[Sequence[str], Sequence[str], Sequence[str]], bool]
_NOUNS = frozenset({"NN", "NNS", "NNP", "NNPS", "CD"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "MD"})
#: Words that open the second of two noun phrases side by side (an article, a possessive, a demonstrative).
_SECOND_NP = frozenset({"the", "a", "an", "their", "our", "his", "its", "her", "this", "these", "those", "my", "your"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: What makes a clause relative or subordinate, whose object may be the gap ("the aid the city sent").
_SUBORDINATORS = frozenset({
    "that", "because", "if", "when", "as", "while", "since", "after", "before", "until", "till", "than",
    "whether", "though", "although", "once", "unless", "whereas", "so", "where", "what", "which", "who",
})


def _clauses(low: Sequence[str], tags: Sequence[str]) -> Iterator[tuple[int, int, bool]]:
    """(first index, index of the closing token, whether it ends the sentence) of each clause: clauses end at a
    comma, colon, semicolon, "and", "but" or the final full stop."""
    c, n = 0, len(tags)
    for k in range(n):
        final = k == n - 1 and low[k] == "."
        if tags[k] in (",", ":", ";") or low[k] in ("and", "but") or final:
            yield c, k, final
            c = k + 1


def _group(low: Sequence[str], tags: Sequence[str], v: int, by_form: bool) -> int | None:
    """The first index of the verb group ending at ``v`` (a finite verb, a past read as a noun, or a modal + base
    verb), or None; ``by_form``: also any irregular past or participle whatever its tag."""
    if tags[v] == "VB" and tags[v - 1] == "MD":
        return v - 1
    if tags[v] in ("VBD", "VBZ", "VBP") or low[v] in _PAST_FORMS or (by_form and low[v] in IRREGULAR_FORMS):
        return v
    return None


def verb_last(low: Sequence[str], tags: Sequence[str], side_by_side: bool, before_and: bool = False,
              pronoun: bool = False, by_form: bool = False) -> bool:
    """A clause that ends with a verb group right after a noun, with no verb, relative word or subordinating
    conjunction before the group in the clause; ``side_by_side``: and two noun phrases side by side in it (a noun,
    then an article or a possessive: the subject, then the object); ``before_and``: the clause may also end before
    "and"; ``pronoun``: the first phrase may be a subject pronoun; ``by_form``: see :func:`_group`."""
    if len(tags) < 6:
        return False
    for c, e, final in _clauses(low, tags):
        if not (final or (before_and and low[e] == "and")) or e - 1 <= c + 1:
            continue
        m = _group(low, tags, e - 1, by_form)
        if m is None or tags[m - 1] not in _NOUNS:
            continue
        found = not side_by_side
        for k in range(c, m):
            g = tags[k]
            if (g in _VERB_TAGS and not (g in ("VBN", "VBG") and tags[k + 1] in _NOUNS | {"JJ"})) \
                    or g in ("WDT", "WP", "WP$", "WRB") or low[k] in _SUBORDINATORS:
                found = False
                break
            if (g in _NOUNS or (pronoun and g == "PRP" and low[k] in _SUBJECT_PRONOUNS)) and k + 1 < m \
                    and low[k + 1] in _SECOND_NP and tags[k + 1] in ("DT", "PRP$"):
                found = True
        if found:
            return True
    return False


def g1_verb_last(words, low, tags) -> bool:
    return verb_last(low, tags, side_by_side=False)


def g2_modal_last(words, low, tags) -> bool:
    return len(tags) > 3 and tags[-3] == "MD" and tags[-2] == "VB" and verb_last(low, tags, side_by_side=False)


def f1_object_verb(words, low, tags) -> bool:
    return verb_last(low, tags, side_by_side=True)


def f2_object_verb_wide(words, low, tags) -> bool:
    return verb_last(low, tags, side_by_side=True, before_and=True, pronoun=True, by_form=True)


CANDIDATES: dict[str, tuple[str, Test]] = {
    "G1": ("the sentence's last clause ends with a verb group right after a noun, no verb before it in the clause",
           g1_verb_last),
    "G2": ("G1 with a modal + base verb as the group", g2_modal_last),
    "F1": ("G1 with two noun phrases side by side in the clause (subject, then object)", f1_object_verb),
    "F2": ("F1, also a clause closed by 'and', a subject pronoun as the first phrase, any irregular past last",
           f2_object_verb_wide),
}


def _ewt(root: Path) -> Iterator[str]:
    for path in sorted(root.glob("*.conllu")):
        yield from conllu.texts(path)


def _sets(shared: Path, train: bool) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(other MT, fluent English) of the fitting data, by name."""
    bench = shared / "benchmarks"
    pe = [r for p in PAIRS for r in load_pe(PESet(p, "dev"), bench)]
    mqm = read_jsonl(bench / "mqm-zh-en-2020.jsonl.gz")
    mt = {"mlqe-pe dev MT": [r["mt"] for r in pe],
          "mqm 2020 MT": list(dict.fromkeys(r["target"] for r in mqm if r.get("target") and not r.get("is_human")))}
    fluent = {"clean-train": [r["text"] for r in read_jsonl(shared / "realmt" / "clean_news_train.jsonl")],
              "ewt (all)": list(_ewt(shared / "corpora" / "ud-english-ewt")),
              "mqm 2020 ref": list(dict.fromkeys(r["reference"] for r in mqm if r.get("reference"))),
              "mlqe-pe dev PE": [r["pe"] for r in pe]}
    if train:
        pe_train = [r for p in PAIRS for r in read_jsonl(bench / f"mlqe-pe-{p}-train.jsonl.gz") if r.get("pe")]
        ted = read_jsonl(bench / "mqm-zh-en-ted2021.jsonl")
        mt["mlqe-pe train MT"] = [r["mt"] for r in pe_train]
        mt["ted 2021 MT"] = list(dict.fromkeys(r["target"] for r in ted if r.get("target") and not r.get("is_human")))
        fluent["mlqe-pe train PE"] = [r["pe"] for r in pe_train]
    return mt, fluent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="append", default=[], help="print each hit of this candidate")
    ap.add_argument("--train", action="store_true", help="also MLQE-PE train (MT and post-edits) and TED 2021 MT")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    realmt = shared / "realmt"
    require_shared(realmt, "real_mt_train.jsonl", "verb_final_s34")
    train = read_jsonl(realmt / "real_mt_train.jsonl")
    sov = {i for i, r in enumerate(train) if "sov_word_order" in r["artifacts"]}
    mt, fluent = _sets(shared, args.train)
    sets = {**mt, **fluent}
    train_tagged = _tagged(r["text"] for r in train)
    tagged = {name: _tagged(texts) for name, texts in sets.items()}
    print(f"| candidate | realmt train sov ({len(sov)}) | other train MT ({len(train) - len(sov)}) | "
          + " | ".join(f"{k} ({len(v)})" for k, v in sets.items()) + " |")
    print("|---" * (len(sets) + 3) + "|")
    for key, (label, test) in CANDIDATES.items():
        hit = [i for i, segs in enumerate(train_tagged) if any(test(w, lo, g) for _, w, lo, g in segs)]
        n_sov = sum(i in sov for i in hit)
        hits = {name: [h[0] for segs in tg if (h := [s[0] for s in segs if test(s[1], s[2], s[3])])]
                for name, tg in tagged.items()}
        cells = " | ".join(f"{len(h)} ({100 * len(h) / max(len(sets[k]), 1):.2f} %)" for k, h in hits.items())
        print(f"| {key}: {label} | {n_sov} | {len(hit) - n_sov} | {cells} |")
        if key in args.show:  # ids only for realmt; the tails of the others (never copied into the project)
            print(f"    realmt train: {', '.join(train[i]['id'] for i in hit) or '-'}")
            for name, h in hits.items():
                for s in h:
                    print(f"    {name}: …{s[-100:]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
