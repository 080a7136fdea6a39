"""Source-versus-target checks: numbers, months, copied source, placeholders."""

from __future__ import annotations

import pytest

from mtfix.checks.source_target import BILINGUAL_RULES, BilingualChecker, number_values, placeholders
from mtfix.config import Config
from mtfix.model import MQM_CATEGORIES, Span
from mtfix.pipeline import Pipeline
from mtfix.segment import to_document

CHECKER = BilingualChecker()


def found(target: str, source: str, protected: list[Span] | None = None) -> list[tuple[str, str]]:
    doc = to_document(target, source=source, protected=protected or [])
    return [(f.code, target[f.start : f.end]) for f in CHECKER.check(doc)]


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        # swapped and re-read digits
        ("The summit opens on February 12.", "The summit opens on 22 February.", [("MTF501", "12")]),
        ("The summit opens on February 12.", "Sammit 22 fevral tarixində açılır.", [("MTF501", "12")]),
        ("Turnover reached 3.4 million manat.", "Dövriyyə 4,3 milyon manata çatıb.", [("MTF501", "3.4")]),
        # separators and decimal marks differ between languages: not a mismatch
        ("Exports rose by 1,500.5 tonnes in 2023.", "İxrac 2023-cü ildə 1 500,5 ton artıb.", []),
        ("Exports rose by 2.5 per cent.", "İxrac 2,5 faiz artıb.", []),
        ("About 12,000 people came.", "Təxminən 12.000 nəfər gəlib.", []),
        # numbers spelt out or dates rewritten
        ("Two ministers met on 22.02.2024.", "Nazirlər 22 fevral 2024-cü ildə görüşdü.", []),
        ("The ministers met on February 22, 2024.", "Nazirlər 22.02.2024 tarixində görüşdü.", []),
        ("Prices rose 5 percent.", "Qiymətlər beş faiz artdı.", []),
        ("Prices rose five percent.", "Qiymətlər 5 faiz artdı.", []),
        # a month read wrongly
        ("The summit opens on 22 March.", "Sammit 22 fevral tarixində açılır.", [("MTF504", "March")]),
        ("The summit opens on 22 March.", "Саммит откроется 22 февраля.", [("MTF504", "March")]),
        ("The summit opens on 22 March.", "Zirve 22 Şubat'ta açılıyor.", [("MTF504", "March")]),
        ("Prices may rise in June.", "Qiymətlər iyun ayında arta bilər.", []),
        # numbers inside placeholders, tags and URLs do not count
        ('See <x id="3"/> at https://example.org/2024/report', 'Bax <x id="3"/> https://example.org/2024/report', []),
    ],
)
def test_numbers_and_months(target, source, expected):
    assert found(target, source) == expected


def test_a_lost_number_is_reported_on_the_unit():
    doc = to_document("The summit opens in February.", source="Sammit 22 fevral tarixində açılır.")
    (f,) = CHECKER.check(doc)
    assert f.code == "MTF501" and f.category == "Accuracy/Omission" and "'22'" in f.message


def test_an_added_number_is_minor():
    doc = to_document("The 3 ministers met.", source="Nazirlər görüşdü.")
    (f,) = CHECKER.check(doc)
    assert (f.code, str(f.severity), f.category) == ("MTF501", "minor", "Accuracy/Addition")


def test_number_values_reads_both_conventions():
    assert number_values("1.500") == {1500.0, 1.5}
    assert number_values("1.500.000") == {1500000.0}
    assert number_values("3,14") == {3.14}


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        ("Neft və qaz qiymətləri artdı.", "Neft və qaz qiymətləri artdı.", [("MTF502", "Neft və qaz qiymətləri artdı.")]),
        ("The president said bu gün biz görüşəcəyik.", "Prezident dedi ki, bu gün biz görüşəcəyik.",
         [("MTF502", "bu gün biz görüşəcəyik")]),
        # names come through translation unchanged
        ("Recep Tayyip Erdoğan visited Baku.", "Recep Tayyip Erdoğan Bakıya səfər etdi.", []),
        # an English source copied into an English target is not "untranslated"
        ("The talks ended on time.", "The talks ended on time.", []),
        ("OK", "OK", []),
        # an English source keeps its coinages, compounds and names (session 12)
        ("Turn on two-factor sign-in for in-app purchases.", "Turn on two-factor sign-in for in-app purchases.", []),
        ("Good evening, stranger. What brings you to Highmarsh?", "Good evening, stranger. What brings you to Highmarsh?", []),
        ("Ironbark Shortbow", "Ironbark Shortbow", []),
        ("Accepted formats: TIFF, HEIC, AVIF.", "Accepted formats: TIFF, HEIC, AVIF.", []),
        # a copy in another language is still one, though some of its words look English
        ("Guardar cambios", "Guardar cambios", [("MTF502", "Guardar cambios")]),
        ("Dosya kaydedildi.", "Dosya kaydedildi.", [("MTF502", "Dosya kaydedildi.")]),
        ("El precio del petróleo subió en la región.", "El precio del petróleo subió en la región.",
         [("MTF502", "El precio del petróleo subió en la región.")]),
    ],
)
def test_untranslated(target, source, expected):
    assert found(target, source) == expected


def test_placeholders_and_tags():
    assert found("Hello {name}, you have %d messages", "Salam {name}, %d mesajınız var") == []
    assert found("Hello {user}, you have %d messages", "Salam {name}, %d mesajınız var") == [
        ("MTF503", "{user}"),
        ("MTF503", "Hello"),  # {name} is missing: reported on the unit's first word
    ]
    assert found("Read <b>this</b> now", "Bunu <b>oxu</b>") == []
    assert found("Read this now", "Bunu <b>oxu</b>") == [("MTF503", "Read")]
    # 50% and a price are not placeholders
    assert [p for p, _, _ in placeholders("50% off, $20 only, 100%d")] == []


def test_protected_tag_in_the_target_is_reported_beside_it():
    target = 'Read <x id="9"/> now'
    protected = [Span(5, 16)]
    assert found(target, 'Oxu <x id="1"/>', protected) == [("MTF503", "Read"), ("MTF503", "Read")]


def test_no_source_no_findings():
    assert CHECKER.check(to_document("The summit opens on February 12.")) == []


def test_rules_are_documented_with_mqm_categories():
    assert set(BILINGUAL_RULES) == {"MTF501", "MTF502", "MTF503", "MTF504"}
    for title, docs in BILINGUAL_RULES.values():
        assert title and "Example" in docs
    cats = {f.category for f in CHECKER.check(to_document("On 3 March {x}", source="22 fevral {y}"))}
    assert cats and cats <= set(MQM_CATEGORIES)


def test_pipeline_runs_the_checker_and_select_works():
    p = Pipeline(Config(grammar="off"))
    doc = to_document("The summit opens on February 12.", source="The summit opens on 22 February.")
    assert "MTF501" in {f.code for f in p.check(doc).findings}
    q = Pipeline(Config(grammar="off", ignore=("MTF5",)))
    assert "MTF501" not in {f.code for f in q.check(doc).findings}
    assert "bilingual:bilingual-" in p.signature()
