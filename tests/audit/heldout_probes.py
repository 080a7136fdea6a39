"""What the held-out probe tests ask of each writer's probes from the third writer on (:data:`WRITERS`, read by
``tests/audit/test_heldout_probes_s49.py``; sessions 44–49 had one test file a writer): their rows, the digests
committed before any measurement, that they are new text (no 7-word sequence shared with the older probes or with
realmt), that ``bench/eval_realmt.py --split probe`` leaves their professional half alone and flags at least a loose
floor of their MT, and the pooled trend report's groups."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "bench" / "data"
if str(REPO / "bench") not in sys.path:
    sys.path.insert(0, str(REPO / "bench"))


def rows(probe: Path) -> tuple[list[dict], list[dict]]:
    """A probe's MT rows and its professional rows."""
    read = lambda name: [json.loads(x) for x in (probe / name).read_text(encoding="utf-8").splitlines() if x.strip()]  # noqa: E731
    return read("real_mt_probe.jsonl"), read("clean_news_probe.jsonl")


def shingles(text: str, n: int = 7) -> set[str]:
    """The ``n``-word sequences of ``text`` (lower case, letters and digits)."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _row_shingles(r: dict) -> set[str]:
    return shingles(r["text"]) | shingles(r.get("correction", ""))


def assert_new_text(new: list[Path], older: list[Path], at_least: int) -> None:
    """No id and no 7-word sequence (texts and corrections) of ``new`` is in ``older`` (``at_least`` probes)."""
    old_rows = [r for d in older for half in rows(d) for r in half]
    new_rows = [r for d in new for half in rows(d) for r in half]
    assert len(older) >= at_least
    assert not {r["id"] for r in new_rows} & {r["id"] for r in old_rows}
    seen = {s for r in old_rows for s in _row_shingles(r)}
    copied = {r["id"]: s for r in new_rows if (s := _row_shingles(r) & seen)}
    assert copied == {}


def assert_nothing_from_realmt(new: list[Path]) -> None:
    """No 7-word sequence of ``new`` is in realmt, and every class they name is realmt's (skips without realmt)."""
    from audit_professional import shared_dir

    realmt = shared_dir() / "realmt"
    if not (realmt / "real_mt_train.jsonl").is_file():
        pytest.skip(f"realmt not found at {realmt} (set MTFIX_SHARED): copies and class names not checked")
    found = [json.loads(x) for f in sorted(realmt.glob("*.jsonl")) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    seen = {s for r in found for s in _row_shingles(r)}
    known = {a for r in found for a in r.get("artifacts", [])}
    for probe in new:
        mt, pro = rows(probe)
        assert not [r["id"] for r in mt + pro if _row_shingles(r) & seen]
        assert {a for r in mt for a in r["artifacts"]} <= known


def assert_fluent_half_untouched(probe: Path) -> None:
    """``eval_realmt``'s probe split gives none of the probe's professional rows a major finding or an edit."""
    from eval_realmt import evaluate, read_jsonl

    pro = read_jsonl(probe / "clean_news_probe.jsonl")
    report = evaluate(read_jsonl(probe / "real_mt_probe.jsonl")[:2], pro, split="probe", paired=False)
    assert (report.figures()["n_mt"], report.figures()["n_pro"]) == (2, len(pro)) and len(pro) >= 10
    assert [o.id for o in report.pro if o.major or o.changed] == []


def trend_groups(new: list[Path]) -> dict[str, str]:
    """Each probe's group in the pooled trend report (``bench/probes_pooled.py``), once ``new`` are all in it."""
    from probes_pooled import PROBES, _group

    assert all(p in PROBES for p in new)
    return {d.name: _group(d.name, "probe_s35", "probe_s39") for d in PROBES}


@dataclass(frozen=True)
class Writer:
    """One writer's two probes and what their test asks of them (the figures each round measured and pinned)."""

    name: str  #: the writer's group in ``bench/probes_pooled.py`` ("third" … "eleventh")
    previous: str  #: the writer before, in a group of its own too
    probes: tuple[str, str]
    older: int  #: at least this many older probes to be new text against
    pro: int = 20  #: professional rows a probe
    langs: frozenset[str] = frozenset()  #: the one language set of each probe (empty: any, ``per_language`` rows each)
    per_language: int = 2  #: MT rows of each language in a probe when ``langs`` is empty (session 51: one of twenty)
    langs_in_all: tuple[int, int | None] = (0, None)  #: languages over both probes: at least, at most (None: any)
    short_mt: int = 0  #: MT rows of 12 words or fewer a probe, at least
    short_pro: int = 0  #: professional rows of 10 words or fewer a probe, at least
    #: MT rows flagged (grammar off) a probe, at least: a loose floor under the measured; one for both probes, or
    #: one a probe in the order of ``probes`` (session 50: the two measured 12 and 16)
    flagged_floor: int | tuple[int, int] = 0
    digests: dict[str, str] = field(default_factory=dict)  #: sha256 as committed before any measurement

    @property
    def dirs(self) -> list[Path]:
        return [DATA / n for n in self.probes]

    def floor_of(self, probe: str) -> int:
        """The flagged floor of ``probe`` (one of :attr:`probes`)."""
        if isinstance(self.flagged_floor, int):
            return self.flagged_floor
        return self.flagged_floor[self.probes.index(probe)]


WRITERS = (
    # session 44 (round 18): health, courts, science, energy; transport, education, agriculture, local government
    Writer("third", "new", ("probe_s44", "probe_s44b"), 11, pro=10,
           langs=frozenset({"ar", "az", "fa", "hy", "ka", "kk", "ru", "tr", "uk", "uz"})),
    # session 46 (round 19): embassies … military ceremonies; museums, diaspora, charity drives, university news
    Writer("fourth", "third", ("probe_s46", "probe_s46b"), 13, pro=10, langs_in_all=(6, None), short_mt=4, digests={
        "probe_s46/real_mt_probe.jsonl": "f45bef962b2ab3d3e1b4711692cb4f80ad5ac68bdce3752c72ce69b32daa3dea",
        "probe_s46/clean_news_probe.jsonl": "4b017630114ebf9c9fb9394e4ad390931eb50cc2520f5cb6f1bd6e1e16ffa525",
        "probe_s46b/real_mt_probe.jsonl": "82be9c91514039d68857d0f56436b4397586c0e62a4d09f7ecb83e9ee571ed8c",
        "probe_s46b/clean_news_probe.jsonl": "e7d347205cd30f44dc5d141dabe8bd65cf4206ef9b964abe17d44cf1d24caa81"}),
    # session 47 (round 20): election commissions … reservoirs; public health, sports federations, census, wildfires;
    # measured 14/20 and 15/20 flagged
    Writer("fifth", "fourth", ("probe_s47", "probe_s47b"), 15, langs_in_all=(15, 15), short_mt=4, flagged_floor=12,
           digests={
        "probe_s47/real_mt_probe.jsonl": "b1fc37cd7f1d56f012b4b644beca1a6c16180e16c745b0001c8df5d3aeec19e6",
        "probe_s47/clean_news_probe.jsonl": "93a4bc5a61485762143bc0317fcb04facf7c89e5734c27b9e59c580a1e71e484",
        "probe_s47b/real_mt_probe.jsonl": "07843358b1708d778d7a915fcaf1a541f2e08570e8aad8b64b8d9a35ebcfa841",
        "probe_s47b/clean_news_probe.jsonl": "eecd341287d70e97e21f8f6b402273cb799859389a69eca50b47a6125e02d523"}),
    # session 48 (round 21): fisheries, mining, banking, telecoms; road safety, migration, exams, postal services;
    # measured 10/20 and 10/20 flagged, 0 major
    Writer("sixth", "fifth", ("probe_s48", "probe_s48b"), 17, langs_in_all=(18, 18), short_mt=4, short_pro=8,
           flagged_floor=8, digests={
        "probe_s48/real_mt_probe.jsonl": "0214d794a67650cbf58903664d250153deaaac37550d8d0de288a62bceda8268",
        "probe_s48/clean_news_probe.jsonl": "563d8e152b813e773e468eb3cb4759f65c50168dbec3cb2b18371c0725ac5fcd",
        "probe_s48b/real_mt_probe.jsonl": "10997286ca5c8f999fb6081871f56a55b1e8cc88448713e2443ca19e2394801e",
        "probe_s48b/clean_news_probe.jsonl": "bf6cfb3202555dec753ff88d382774321412cec140c850b8fe6422257fa88a13"}),
    # session 49 (round 22): aviation, dairy and livestock, ports, prisons; libraries and publishing, hospitals'
    # staffing, pensions, zoos (th, bn, el new); measured 11/20 and 11/20 flagged, 0 major, at session 49's base
    Writer("seventh", "sixth", ("probe_s49", "probe_s49b"), 19, langs_in_all=(20, 20), short_mt=5, short_pro=8,
           flagged_floor=9, digests={
        "probe_s49/real_mt_probe.jsonl": "7c1be12eb142777441baa7a33f50b243614d3c3ae93d3df33eebd4667a703469",
        "probe_s49/clean_news_probe.jsonl": "378c87649c114fe82a96f9bc1165b01512fa870d45a860fe89e6699e5440459e",
        "probe_s49b/real_mt_probe.jsonl": "e0c50813317be1d697a3f7af22322e544cd905d959d2faefdc31346bfd491875",
        "probe_s49b/clean_news_probe.jsonl": "4649a9a831e49ef0a212ac8a0add90d2bc4402eee0720cee44dc0aebf39c3f9f"}),
    # session 50 (round 23): recalls, housing, forestry, garment factories; kindergartens, fire brigades, patents,
    # winter heating (mn, ro, tg, sr, hu new); measured 12/20 and 16/20 flagged, 0 major, at session 50's base
    Writer("eighth", "seventh", ("probe_s50", "probe_s50b"), 21, langs_in_all=(16, 16), short_mt=6, short_pro=10,
           flagged_floor=(10, 14), digests={
        "probe_s50/real_mt_probe.jsonl": "17056b3d7b296f7b4c599257897ee684b3d341eaec687e8e4cf920b1846e6f89",
        "probe_s50/clean_news_probe.jsonl": "18c5b0ac6c13791fa5b1ffcdf7ef219e84eb1af3e76b9fd3beabc0ea2250815a",
        "probe_s50b/real_mt_probe.jsonl": "3047f9d719c272df6550e5081e22b86315e824f5ea1dc7591ecae4447ab265ac",
        "probe_s50b/clean_news_probe.jsonl": "8ae189f0e359c5c4eb38268e3868b085b3dcf3fd00a73d86d8fd8e1f1b509c40"}),
    # session 51 (round 24): waste and recycling, land registries, car plants, cemeteries; lotteries, veterans,
    # weights and measures, lifeguards; one row a language, realmt's ten in each probe and ten in no realmt file;
    # measured 15/20 and 12/20 flagged, 0 major, at session 51's base (the shipped model)
    Writer("ninth", "eighth", ("probe_s51", "probe_s51b"), 23, per_language=1, langs_in_all=(30, 30), short_mt=5,
           short_pro=10, flagged_floor=(13, 10), digests={
        "probe_s51/real_mt_probe.jsonl": "7244dbdc6701ab798f17b5c7690554603bd4acf92daa3e83f8ac1d3b99673a1c",
        "probe_s51/clean_news_probe.jsonl": "9f648ac400d39055232e1d81ad9e2d41e35f8121b50ee069a5ed56f42e59d553",
        "probe_s51b/real_mt_probe.jsonl": "b63ef422662f4d15b4fccfe357620358e047afe84b0bf045580698e7270345fa",
        "probe_s51b/clean_news_probe.jsonl": "e3428632f1a94b811f7045f7f04119931a62a56d9f47d02a170586aef4081e36"}),
    # session 52 (round 25): beekeeping, drinking water, chess, bridges and tunnels; ski resorts and mountain rescue,
    # dentistry, bread and bakeries, orchestras; language crossed with length (five MT rows a cell);
    # measured 13/20 and 14/20 flagged, 1 major each, at session 52's base (the shipped model)
    Writer("tenth", "ninth", ("probe_s52", "probe_s52b"), 25, per_language=1, langs_in_all=(30, 30), short_mt=10,
           short_pro=9, flagged_floor=(11, 12), digests={
        "probe_s52/real_mt_probe.jsonl": "0abe715f707f0661cbce6cf458a7dda049f657f21e13befc5990a873e41f975a",
        "probe_s52/clean_news_probe.jsonl": "fb398b056911ebdead6dcd815c63bbd29c41467cb9fc5d91977c68848bc2087d",
        "probe_s52b/real_mt_probe.jsonl": "fb1d58009ee150f7edabdf405ad9f35a25e005ad37ec155ddca90ee37303539a",
        "probe_s52b/clean_news_probe.jsonl": "af4b8ba6fe329e0ddc927da36c11ccefdc2f135843fdc9a09cc4a48aaa5c134f"}),
    # session 54 (round 26): tea, cycling, earthquakes, circuses; carpets, wine, observatories, weddings (length
    # crossed with error class; measured 13 and 13 flagged)
    Writer("eleventh", "tenth", ("probe_s54", "probe_s54b"), 27, per_language=1, langs_in_all=(30, 30), short_mt=10,
           short_pro=9, flagged_floor=(11, 11), digests={
        "probe_s54/real_mt_probe.jsonl": "2969ef9861506a20a01a8672d9980f48e9d5c99f0a6c7cff38293baf387e0a83",
        "probe_s54/clean_news_probe.jsonl": "99d3c726e85aa7af318e9f5a5c79437e9c0394a0288ab4fa1eb35c2ab45093ca",
        "probe_s54b/real_mt_probe.jsonl": "95df70e2069fafb8f82b141829fc128e890809a467f27fd3dcb43ed59682c846",
        "probe_s54b/clean_news_probe.jsonl": "b69a9c9ff0490fb18f9fb32b88eff4f1029f128184f9242a5dcffe28d3e8ce07"}),
)
