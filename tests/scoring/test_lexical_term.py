"""The score's bilingual lexical term (weights 4.5, session 29): only with a source a lexical table covers."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from mtfix.checks import lexical_coverage as lc
from mtfix.pipeline import Pipeline
from mtfix.scoring import fluency_signature
from mtfix.segment import to_document

fl = importlib.import_module("mtfix.scoring.fluency")

# Our own sentences: a Romanian source, its translation, a half translation and a fluent sentence that says
# something else.
_RO = "Guvernul a aprobat ieri noul buget pentru spitalele și școlile din regiune."
_FAITHFUL = "The government yesterday approved the new budget for the hospitals and schools of the region."
_HALF = "The government approved a budget yesterday."
_OTHER = "It rained in the mountains all week."


def _scores(text: str, source: str | None) -> tuple[fl.FluencyScore, fl.FluencyScore]:
    """The score with the shipped weights and with the same weights without the lexical term."""
    doc = to_document(text, source=source)
    w = fl.default_weights()
    return fl.fluency(doc, [], w), fl.fluency(doc, [], dataclasses.replace(w, lexical_points=0.0))


def test_shipped_weights_carry_the_term() -> None:
    w = fl.default_weights()
    assert w.lexical_points > 0 and 0 < w.lexical_centre <= 1 and w.lexical_min_content >= 1


def test_formula() -> None:
    w = dataclasses.replace(fl.default_weights(), lexical_points=6.0, lexical_centre=0.75, lexical_min_content=2)
    assert fl.lexical_penalty(0.0, 5, w) == pytest.approx(6.0)
    assert fl.lexical_penalty(0.375, 5, w) == pytest.approx(3.0)
    assert fl.lexical_penalty(0.75, 5, w) == 0.0 and fl.lexical_penalty(1.0, 5, w) == 0.0
    assert fl.lexical_penalty(0.0, 1, w) == 0.0  # too few content words


def test_a_target_that_drops_the_source_scores_lower() -> None:
    with_term, without = _scores(_OTHER, _RO)
    assert with_term.fluency < without.fluency - 1
    assert with_term.penalty == pytest.approx(without.penalty + fl.default_weights().lexical_points)
    half, half_without = _scores(_HALF, _RO)
    assert with_term.fluency < half.fluency < half_without.fluency  # lower coverage, lower score


def test_a_faithful_translation_is_not_penalised() -> None:
    with_term, without = _scores(_FAITHFUL, _RO)
    assert with_term == without


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (_OTHER, None),  # monolingual
        (_OTHER, "Il governo ha approvato ieri il nuovo bilancio per gli ospedali e le scuole della regione."),  # no table
        (_OTHER, "Hökumət dünən regionun xəstəxanaları və məktəbləri üçün yeni büdcəni təsdiqlədi."),  # az: no table
        (_OTHER, "政府昨天批准了该地区医院和学校的新预算。"),  # no table (zh)
        ("The government approved the budget.", "The government approved the budget."),  # English copy
        (_OTHER, "The government approved the budget yesterday."),  # English source
    ],
)
def test_monolingual_uncovered_and_english_input_are_unchanged(text: str, source: str | None) -> None:
    with_term, without = _scores(text, source)
    assert with_term == without


def test_monolingual_input_reads_no_table() -> None:
    lc.load.cache_clear()
    _scores(_OTHER, None)
    assert lc.load.cache_info().currsize == 0


def test_the_pipeline_score_applies_it() -> None:
    pipe = Pipeline()
    assert pipe.score(_OTHER, source=_RO).fluency < pipe.score(_FAITHFUL, source=_RO).fluency
    assert pipe.score(_OTHER, source=_RO).fluency < pipe.score(_OTHER).fluency


def test_the_signature_names_the_weights_with_the_term() -> None:
    w = fl.default_weights()
    sig = fluency_signature(Pipeline().signature())
    assert f"|weights:{w.version}/{fl.DOCUMENT_REVISION}|" in sig
    assert w.version != "4.4"  # 4.4 had no lexical term: a score with it must not carry that name


# Our own Estonian and Russian sources whose inflected words the tables mostly do not know exactly (session 30:
# recognised by the stem back-off of :func:`mtfix.checks.lexical_coverage.language_of`).
_INFLECTED = [
    ("Kohalikud kalurid müüsid suvel oma saaki otse sadamakaile tulnud turistidele.",
     "In summer the local fishermen sold their catch straight to the tourists who came to the harbour quay."),
    ("Археологи нашли в пещере древние украшения и оружие.",
     "Archaeologists found ancient jewellery and weapons in the cave."),
]


@pytest.mark.parametrize(("source", "faithful"), _INFLECTED)
def test_inflected_sources_get_the_term(source: str, faithful: str) -> None:
    other, other_without = _scores(_OTHER, source)
    assert other.fluency < other_without.fluency - 1
    good, good_without = _scores(faithful, source)
    assert good.fluency > other.fluency
    assert good.penalty - good_without.penalty < other.penalty - other_without.penalty


def test_an_inflected_word_translated_by_its_stem_counts_in_the_term() -> None:
    # our own: "журналистами" (unknown) takes the translations of "журналист", "журналисты", ...
    source = "Министр вчера долго говорил с журналистами о новом законе."
    good, good_without = _scores("Yesterday the minister talked with journalists for a long time about the new law.",
                                 source)
    bad, bad_without = _scores("Yesterday the minister talked with reporters for a long time about the new law.",
                               source)
    assert good.penalty - good_without.penalty < bad.penalty - bad_without.penalty


@pytest.mark.parametrize(
    "source",
    [
        "Той не знае къде е оставил ключовете си.",  # Bulgarian: was taken for Russian before session 30
        "Правителството одобри вчера новия бюджет за болниците и училищата в региона.",  # Bulgarian, Russian stems
        "Міністр сказав, що ціни на електроенергію цього року не зростуть.",  # Ukrainian
        "El gobierno aprobó ayer el nuevo presupuesto para los hospitales y las escuelas de la región.",  # Spanish
    ],
)
def test_neighbouring_languages_get_no_term(source: str) -> None:
    with_term, without = _scores(_OTHER, source)
    assert with_term == without
