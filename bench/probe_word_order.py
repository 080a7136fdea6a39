"""Probe: candidate detectors of source word order in MT English, counted against the session 11 bar.

Each candidate is a test over the garble tagger's view of one segment (words, lower-case words,
tags).  For each, the script counts the sentences it hits among the real-MT **train** sentences
(by source language, and how many of those are labelled ``sov_word_order`` or ``broken_syntax``)
and on professional English: realmt ``clean_news_train``, ``tests/data/professional_news.txt``
and the four sources of ``bench/audit_professional.py`` (MQM and TED references, MLQE-PE dev
post-edits, EWT dev/test).  The development files are never read.

The bar (fixed before measuring): at least 4 train MT sentences from at least 3 languages, and
no hit on any professional source.

    python bench/probe_word_order.py              # the table (markdown)
    python bench/probe_word_order.py --show A1    # and each hit of a candidate
    python bench/probe_word_order.py --own --only D1   # round 4: also the project's own sentences

``--own`` adds the project's own round-4 sentences (``bench/recall_round4``, written for the audit, not
data): an "own MT" column (hits, languages) and an "own-clean" professional column. Candidates D1, D2
and E1 were written in round 4 (session 17) and measured there; none passes the bar.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from audit_professional import SHARED_HELP, require_shared, shared_dir, sources  # noqa: E402

from mtfix.garble.signs import REPORTING  # noqa: E402

Test = Callable[[Sequence[str], Sequence[str], Sequence[str]], bool]
_NOUNISH = frozenset({"NN", "NNS", "NNP", "NNPS", "CD", "JJ", "JJR", "JJS", "POS", "HYPH", "``", "''", "VBG"})
# prepositions that also open a clause ("After the PM said the bill ...") never start a chain
_CLAUSE_PREPS = frozenset({"that", "if", "whether", "because", "although", "while", "as", "since", "though",
                           "unless", "so", "like", "than", "once", "until", "till", "before", "after", "whereas"})
_BE = frozenset({"was", "were", "is", "are", "been"})


def fronted_chain(words: Sequence[str], low: Sequence[str], tags: Sequence[str]) -> int | None:
    """The index after a sentence-initial chain of prepositional phrases ("On March 17, in honour
    of the festival in the city"), or None: no chain, or a noun phrase in it that may hold the
    subject (a lower-case noun after a number or a name: "In 2006 police ...")."""
    n, k = len(tags), 0
    if not tags or tags[0] != "IN":
        return None
    while k < n and tags[k] == "IN":
        if low[k] in _CLAUSE_PREPS:
            return None
        k += 1
        if k < n and (tags[k] == "PRP" and low[k] in ("it", "them", "him", "her")
                      or low[k] in ("this", "that") and k + 1 < n and tags[k + 1] not in _NOUNISH):
            k += 1  # a pronoun object: "about it", "about this"
        else:
            if k < n and tags[k] in ("DT", "PRP$"):
                k += 1
            start, prev = k, None
            while k < n and (tags[k] in _NOUNISH or (tags[k] == "CC" and k + 1 < n and tags[k + 1] in _NOUNISH)):
                if tags[k] in ("NN", "NNS", "JJ") and words[k][:1].islower() and prev in ("CD", "NNP", "NNPS"):
                    return None
                if tags[k] not in ("CC", "``", "''"):
                    prev = tags[k]
                k += 1
            if k == start:
                return None
        if k + 1 < n and tags[k] == "," and tags[k + 1] == "IN":
            k += 1
    return k


def _after_chain(test: Callable[[Sequence[str], Sequence[str], Sequence[str], int], bool]) -> Test:
    def run(words: Sequence[str], low: Sequence[str], tags: Sequence[str]) -> bool:
        k = fronted_chain(words, low, tags)
        return k is not None and k + 2 < len(tags) and test(words, low, tags, k)
    return run


def _skip_comma(tags: Sequence[str], k: int) -> int:
    return k + 1 if tags[k] == "," else k


@_after_chain
def a1_future_passive(words, low, tags, k) -> bool:
    """'In the city will be held competitions': will/shall + be + participle, no subject."""
    k = _skip_comma(tags, k)
    return k + 2 < len(tags) and tags[k] == "MD" and low[k + 1] == "be" and tags[k + 2] == "VBN"


@_after_chain
def a2_comma_passive(words, low, tags, k) -> bool:
    """'At the start of the meeting, were honoured ...': a comma, then was/were + participle."""
    return tags[k] == "," and low[k + 1] in _BE and tags[k + 2] == "VBN"


@_after_chain
def a3_reporting(words, low, tags, k) -> bool:
    """'About it on air said the envoy': a reporting verb, then its subject."""
    k = _skip_comma(tags, k)
    return k + 1 < len(tags) and low[k] in REPORTING and tags[k] in ("VBD", "VBZ") \
        and tags[k + 1] in ("DT", "NNP", "PRP$")


def a_union(words, low, tags) -> bool:
    return any(t(words, low, tags) for t in (a1_future_passive, a2_comma_passive, a3_reporting))


@_after_chain
def a4_finite_after_noun(words, low, tags, k) -> bool:
    """Any finite verb right after a chain ending in a common noun or a quotation, no comma."""
    last = k - 1
    return tags[k] in ("VBD", "VBZ", "VBP") and low[k] not in ("did", "do", "does") and tags[k + 1] != "VBN" \
        and (tags[last] == "''" or (tags[last] in ("NN", "NNS") and words[last][:1].islower()))


@_after_chain
def a5_passive_np(words, low, tags, k) -> bool:
    """was/were + participle + noun phrase after the chain, no comma (English locative inversion too)."""
    return low[k] in _BE and tags[k + 1] == "VBN" and tags[k + 2] in ("NNS", "NN", "DT", "JJ", "CD", "NNP")


def b1_passive_name(words, low, tags) -> bool:
    """'the new premier was appointed Ivan Petrov.': was/were + participle + a two-word name, then , or ."""
    n = len(tags)
    return any(low[i] in ("was", "were", "is", "are") and tags[i + 1] == "VBN" and tags[i + 2] == "NNP"
               and tags[i + 3] == "NNP" and (i + 4 >= n or tags[i + 4] in (",", "."))
               for i in range(1, n - 3))


def b2_object_verb_name(words, low, tags) -> bool:
    """'this view expressed today Ivan Petrov,': object, verb, (today), a two-word name."""
    n = len(tags)
    for i in range(2, n - 2):
        if tags[i] in ("VBN", "VBD") and tags[i - 1] in ("NN", "NNS") and tags[i - 2] in ("DT", "JJ", "PDT"):
            j = i + 1 + (low[i + 1] in ("today", "yesterday"))
            if j + 1 < n and tags[j] == "NNP" and tags[j + 1] == "NNP" and (j + 2 >= n or tags[j + 2] in (",", ".")):
                return True
    return False


def c1_pronoun_verb_final(words, low, tags) -> bool:
    """'... and the deans we congratulate.': we/I/they + verb at the end of the sentence."""
    n = len(tags)
    return n >= 4 and tags[-1] == "." and (
        (tags[-3] == "PRP" and low[-3] in ("we", "i", "they") and tags[-2] == "VBP")
        or (tags[-4] == "PRP" and low[-4] in ("we", "i", "they") and tags[-3] == "VBP" and tags[-2] == "VBG"))


def c2_sole_verb_final(words, low, tags) -> bool:
    """The only finite verb is the last word, after a noun, in a sentence of 13 tokens or more."""
    n = len(tags)
    if n < 13 or tags[-1] != "." or tags[-2] not in ("VBD", "VBP", "VBZ") \
            or tags[-3] not in ("NNP", "NNPS", "NN", "NNS", "PRP"):
        return False
    return not any(g in ("VBD", "VBP", "VBZ", "MD") for g in tags[:-2])


_OBJECT_HEADS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_SECOND_NP = frozenset({"the", "a", "an", "their", "our", "his", "its", "her", "this", "these"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _verb_last(low: Sequence[str], tags: Sequence[str]) -> int | None:
    """The index of a past-tense or participle verb that ends the sentence right after a noun and is its
    only finite verb (round 4: the tagger reads some such pasts as nouns, "... into the air threw")."""
    from mtfix.garble.signs import _PAST_FORMS, PAST_HOMOGRAPHS

    n = len(tags)
    if n < 9 or tags[-1] != "." or tags[-3] not in _OBJECT_HEADS:
        return None
    v = n - 2
    if not (tags[v] in ("VBD", "VBN") or low[v] in _PAST_FORMS or low[v] in PAST_HOMOGRAPHS):
        return None
    return None if any(g in _FINITE for g in tags[:v]) else v


def d1_object_verb(words, low, tags) -> bool:
    """'The Prime Minister the delegation ... received.': the sole finite verb last, after its object,
    and two noun phrases side by side before it (a noun, then a determiner or possessive)."""
    v = _verb_last(low, tags)
    return v is not None and any(tags[i] in _OBJECT_HEADS and low[i + 1] in _SECOND_NP
                                 and tags[i + 1] in ("DT", "PRP$") for i in range(v - 2))


def d2_past_last(words, low, tags) -> bool:
    """The sole finite verb, a past or participle, last after a noun (no juxtaposition needed)."""
    return _verb_last(low, tags) is not None


_AGENT_NP = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CC", "CD", "HYPH"})


def e1_agent_then_verb(words, low, tags) -> bool:
    """'The event was attended by the deputy director X participated.': a passive with its agent, then a
    finite verb right after the agent's noun, with nothing to link it (the agent doubled as a subject)."""
    n = len(tags)
    for i in range(1, n - 3):
        if low[i] == "by" and tags[i - 1] == "VBN" and any(low[j] in _BE | {"be", "being"} for j in range(max(0, i - 4), i - 1)):
            k = i + 1
            while k < n and (tags[k] in _AGENT_NP or (low[k] == "of" and k + 1 < n and tags[k + 1] in _AGENT_NP)):
                k += 1
            if k > i + 1 and k < n and tags[k] in ("VBD", "VBZ") and tags[k - 1] in _OBJECT_HEADS \
                    and low[k] not in REPORTING and low[k] not in ("is", "was", "are", "were", "has", "had", "does", "did"):
                return True
    return False


CANDIDATES: dict[str, tuple[str, Test]] = {
    "A1": ("fronted PP + will be + participle", a1_future_passive),
    "A2": ("fronted PP + comma + was/were + participle", a2_comma_passive),
    "A3": ("fronted PP + reporting verb + subject", a3_reporting),
    "A": ("A1 or A2 or A3 (verb before subject after a fronted phrase)", a_union),
    "A4": ("fronted PP ending in a common noun + finite verb", a4_finite_after_noun),
    "A5": ("fronted PP + was/were + participle + noun phrase", a5_passive_np),
    "B1": ("was/were + participle + two-word name", b1_passive_name),
    "B2": ("object + verb + two-word name subject", b2_object_verb_name),
    "C1": ("we/I/they + verb at the end", c1_pronoun_verb_final),
    "C2": ("sole finite verb last, after a noun", c2_sole_verb_final),
    "D1": ("round 4: sole past verb last after its object, two noun phrases side by side", d1_object_verb),
    "D2": ("round 4: sole past verb or participle last, after a noun", d2_past_last),
    "E1": ("round 4: a passive's agent, then a finite verb right after it", e1_agent_then_verb),
}


def _tagged(texts: Iterable[str]) -> list[list[tuple[str, list[str], list[str], list[str]]]]:
    """Each text as its segments, each (text, words, lower-case words, tags)."""
    from mtfix.garble.tagger import load, tokenize
    from mtfix.segment import to_document

    tagger = load()
    out = []
    for text in texts:
        doc = to_document(text)
        segs = []
        for s in doc.segments:
            seg = doc.text[s.start:s.end]
            words = [t.text for t in tokenize(seg)]
            if words:
                segs.append((seg, words, [w.lower() for w in words], tagger.tag(words)))
        out.append(segs)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help=SHARED_HELP)
    ap.add_argument("--show", action="append", default=[], help="print each hit of this candidate")
    ap.add_argument("--own", action="store_true",
                    help="also count the project's own round-4 sentences (bench/recall_round4): MT hits, clean hits")
    ap.add_argument("--only", action="append", default=[], help="only these candidates")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    realmt = shared / "realmt"
    require_shared(realmt, "real_mt_train.jsonl", "probe_word_order")
    mt = [json.loads(line) for line in (realmt / "real_mt_train.jsonl").open(encoding="utf-8")]
    pro: dict[str, list[str]] = {
        "clean-train": [json.loads(line)["text"] for line in (realmt / "clean_news_train.jsonl").open(encoding="utf-8")],
        "prof-news": [line.strip() for line in (REPO / "tests/data/professional_news.txt").open(encoding="utf-8")
                      if line.strip() and not line.startswith("#")],
    }
    pro.update({name: list(texts) for name, texts in sources(shared).items()})
    own_mt: list[dict] = []
    if args.own:
        own = REPO / "bench" / "recall_round4"
        own_mt = [json.loads(line) for line in (own / "mt.jsonl").open(encoding="utf-8")]
        pro["own-clean"] = [json.loads(line)["text"] for line in (own / "clean.jsonl").open(encoding="utf-8")]
    own_tagged = _tagged(r["text"] for r in own_mt)
    mt_tagged = _tagged(r["text"] for r in mt)
    pro_tagged = {name: _tagged(texts) for name, texts in pro.items()}
    own_col = " own MT (languages) |" if args.own else ""
    print("| candidate | train MT hits (labelled) | by language |" + own_col + " " + " | ".join(pro) + " | bar |")
    print("|---" * (len(pro) + 4 + bool(args.own)) + "|")
    for key, (label, test) in CANDIDATES.items():
        if args.only and key not in args.only:
            continue
        own_hit = [i for i, segs in enumerate(own_tagged) if any(test(w, lo, g) for _, w, lo, g in segs)]
        own_cell = (f" {len(own_hit)} ({len({own_mt[i]['lang'] for i in own_hit})}) |" if args.own else "")
        hit = [i for i, segs in enumerate(mt_tagged) if any(test(w, lo, g) for _, w, lo, g in segs)]
        labelled = sum(1 for i in hit if {"sov_word_order", "broken_syntax"} & set(mt[i]["artifacts"]))
        langs = Counter(mt[i]["lang"] for i in hit)
        pro_hits = {name: [hits[0] for segs in tagged if (hits := [s for s in segs if test(s[1], s[2], s[3])])]
                    for name, tagged in pro_tagged.items()}
        ok = len(hit) >= 4 and len(langs) >= 3 and not any(pro_hits.values())
        by_lang = " ".join(f"{lang} {c}" for lang, c in sorted(langs.items())) or "-"
        print(f"| {key}: {label} | {len(hit)} ({labelled}) | {by_lang} |{own_cell} "
              + " | ".join(str(len(h)) for h in pro_hits.values()) + f" | {'passes' if ok else 'fails'} |")
        if key in args.show:
            for i in hit:
                print(f"    MT {mt[i]['id']}: {mt[i]['text'][:160]}")
            for i in own_hit:
                print(f"    own MT {own_mt[i]['id']}: {own_mt[i]['text'][:160]}")
            for name, segs in pro_hits.items():
                for s in segs:
                    print(f"    {name}: {s[0][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
