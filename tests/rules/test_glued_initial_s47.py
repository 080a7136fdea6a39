"""Repairs that do no harm, round N+4 (en-generic 1.48, session 47): MTF132 flags an initial glued to the
surname after it ("A.Karimova") and suggests the space as an unsafe fix; addresses, code, brands, abbreviations,
tables and quoted literals are left alone.

Own sentences only; the data test reads realmt train from the shared folder and skips when it is absent.
Must-fix: ``fix --unsafe-fixes`` repairs it and nothing else, plain ``fix`` changes nothing; must-leave:
byte-identical under ``fix --unsafe-fixes`` and no MTF132 finding.
"""

from __future__ import annotations

import json

import pytest

from mtfix.config import Config
from mtfix.model import FixSafety
from mtfix.pipeline import Pipeline
from mtfix.rules.pack import load_bundled
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(grammar="off", select=("MTF132",)))


def _mtf132(pipeline: Pipeline, text: str) -> list:
    return [f for f in pipeline.check(text).findings if f.code == "MTF132"]


@pytest.mark.parametrize(("text", "fixed"), [
    ("The award went to the painter A.Karimova of Samarkand.", "The award went to the painter A. Karimova of Samarkand."),
    ("The decree was signed by Y.Rustamov, the deputy minister.", "The decree was signed by Y. Rustamov, the deputy minister."),
    ("The report was signed by P.T.Okonkwo and the mayor.", "The report was signed by P.T. Okonkwo and the mayor."),
    ("Speakers: B.Tashkentova and D.Yuldasheva.", "Speakers: B. Tashkentova and D. Yuldasheva."),
    ("The talk by G.Mamedli's team was well attended.", "The talk by G. Mamedli's team was well attended."),
    ("Chairman\tR.Tursunbayev\nSecretary\tK.Ospanova\n", "Chairman\tR. Tursunbayev\nSecretary\tK. Ospanova\n"),
])
def test_an_initial_glued_to_a_surname_gets_its_space_as_an_unsafe_fix(pipeline, text, fixed):
    found = _mtf132(pipeline, text)
    assert found and all(f.fix == FixSafety.UNSAFE for f in found)
    assert pipeline.fix(text).text == text
    assert pipeline.fix(text, unsafe=True).text == fixed


@pytest.mark.parametrize("text", [
    "The award went to the painter A. Karimova of Samarkand.",
    "Visit https://example.org/A.Karimova for the catalogue.",        # URL
    "The archive moved to www.A.Karimova.net last year.",              # domain
    "See A.Karimova.com for details.",
    "Write to A.Karimova@example.org with questions.",                 # e-mail
    "Open K.Yusupov.pdf and Notes.Draft.docx first.",                  # file names
    "Install node.js and call np.array on the rows.",                  # code identifiers
    "Set my_var.Value and call obj.getName() in the loop.",
    "Call A.Method() and read Q.Shape[0] before the loop.",
    "Import it and use T.Text, M.Map and B.ByteString.",
    "The snake_case name and the camelCase name are both fine.",
    "Tag the post #A.Karimova and mention @A.Karimova.",               # hashtag, handle
    "She paid with PayPal, watched YouTube on an iPhone and sold it on eBay.",  # brands
    "He shops at J.Crew and reads Yandex.Direct reports.",
    "Water is H2O and table salt is NaCl.",                            # chemical formulae
    'The sign said "Stadt.Mitte" and "Gemeente.Huis" in the photo.',   # German/Dutch in quotes
    "name\tinitial\nKarimova\tA.\nRustamov\tY.\n",                     # a table
    "Upgrade to v2.Beta or 3.Alpha before Friday.",                    # versions
    "The U.S.A. team and Ph.D. students met at 9 a.m. in Room No.5.",  # abbreviations
    "Ask e.g.Karimova or i.e.Rustamov.",                               # lower-case abbreviations
    "The novel by J.R.R. Tolkien was read aloud in St.Petersburg.",
    "Mr.Aliyev and Dr.Karimov arrived with Dm.Travin.",                # titles, two-letter given names
    "The analysts of the consultancy K.Zeitung said so.",              # a brand on a German word
    "Run `A.Karimova` as the user name.",                              # a quoted literal
    "The sum is A.B plus C.D in the table.",                           # no name after the dot
])
def test_look_alikes_of_a_glued_initial_are_left_alone(pipeline, text):
    assert _mtf132(pipeline, text) == []
    assert pipeline.fix(text, unsafe=True).text == text


def test_the_pack_revision_names_the_new_rule():
    pack = load_bundled("en-generic")
    assert tuple(map(int, pack.version.split("."))) >= (1, 48)  # 1.48 brought MTF132; 1.49 since session 48
    rule = next(r for r in pack.rules if r.code == "MTF132")
    assert rule.fix == FixSafety.UNSAFE
    assert rule.category == "Fluency/Punctuation"


def test_realmt_train_mt_has_the_shape_and_its_corrections_do_not(pipeline):
    path = SHARED / "realmt" / "real_mt_train.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found (set MTFIX_SHARED to the shared data directory)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert sum(len(_mtf132(pipeline, r["text"])) for r in rows) >= 2  # two initials, one sentence (uz)
    assert sum(bool(_mtf132(pipeline, r["correction"])) for r in rows) == 0
