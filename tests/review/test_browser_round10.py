"""The review page as a demanding editor meets it, round 10 (session 28), in real headless Chromium."""

from __future__ import annotations

import json

import pytest

from tests.review.conftest import OFF, mtfix
from tests.review.test_browser import card, click, export_download, open_report, review_and_open, toast

pytestmark = pytest.mark.browser

#: Garbled news of our own: a glued word, a doubled word, a name in Azerbaijani letters.
NEWS = ("The delegation from Gəncə visited the the oilgas plant on Tuesday.\n"
        "Officials said the new pipeline will open next year.\n")


def _import(browser, path) -> str:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    picker = browser.find_element(By.ID, "import-file")
    browser.execute_script("arguments[0].hidden = false;", picker)
    picker.send_keys(str(path))
    WebDriverWait(browser, 10).until(lambda d: "Imported" in toast(d))
    return toast(browser)


def test_import_leaves_out_a_decision_whose_text_was_edited_by_hand(browser, tmp_path):
    """An editor typed their own replacement into an exported decisions file (" & " for MTF206's " and ") and
    imported it into the report: the page took the decision by its id and showed MTF206's " and " accepted, so
    the next export (and ``fix --decisions``) wrote the report's edit, not what the file said, and nothing told
    the editor.  ``fix --decisions`` refuses such a file now; Import… leaves such a decision out, says so, and
    takes the others."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "news.txt"
    doc.write_text(NEWS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    for code, at in (("MTF206", NEWS.index("oilgas")), ("MTF105", NEWS.index("the the") + 3)):
        click(browser, card(browser, code, at).find_element(By.CSS_SELECTOR, "button.acc"))
    exported = export_download(browser, tmp_path)
    data = json.loads(exported.read_text(encoding="utf-8"))
    rows = data["files"][0]["decisions"]
    glued = next(d for d in rows if d["code"] == "MTF206")
    glued["replacement"] = " & "
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")

    report = tmp_path / "again.html"
    assert mtfix("review", *OFF, "-q", "--title", "again", doc.name, "-o", report, cwd=tmp_path).rc == 0
    open_report(browser, report)
    said = _import(browser, edited)
    assert said == ("Imported 1 decision for 1 file; 1 decision edited by hand since its export (its text is not "
                    "the edit's): left out, decide it here or type your text with Edit."), said
    again = browser.execute_script("return window.mtfixReview.exportData().files;")
    assert [(d["code"], d["decision"]) for d in again[0]["decisions"]] == [("MTF105", "accept")], again


def _long_news(n: int) -> str:
    """``n`` sentences of garbled news of our own (doubled words, glued words, spaces before stops, names in
    Azerbaijani letters, an emoji), five to a paragraph, CRLF line breaks, under a heading."""
    subjects = ("The minister of economy", "Officials of ministry", "The delegation from Gəncə", "Mayor of Bakı",
                "Residents of the village", "Deputies of parliament", "The governor")
    verbs = ("said that the the budget will be increase", "told that oilgas export in this year is rised",
             "noted the bridge repair  works are continuing", "stated that prices of bread is growing comes comes",
             "explained that the the talks went well", "informed about the new hospital will opened")
    tails = (" on Monday 😀 .", " in Şəki.", " according to information.", " yesterday.", " this week .")
    lines = [f"{subjects[i % 7]} {verbs[(i * 5) % 6]}{tails[(i * 3) % 5]}" for i in range(n)]
    paras = [" ".join(lines[i:i + 5]) for i in range(0, n, 5)]
    return "# Region news\r\n\r\n" + "\r\n\r\n".join(paras) + "\r\n"


def test_a_300_sentence_review_filters_walks_decides_and_exports_what_fix_writes(browser, tmp_path):
    """A guard for a long review (it passes at ``base``): 300 sentences on the page; *Rule* narrowed to MTF105,
    ``n`` visits every MTF105 finding in order and no other; *Accept all N safe MTF105* accepts the undecided
    safe ones; ``r``, ``z``, ``Shift+Z`` and deciding again after an export each export what the page shows,
    and ``fix --decisions`` writes exactly those edits; then *Accept safe edits* exports ``mtfix fix``'s bytes."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    from tests.review.test_browser import press
    from tests.review.test_decisions import expected, payloads

    text = _long_news(300)
    doc = tmp_path / "news.md"
    doc.write_bytes(text.encode("utf-8"))
    report = review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    payload = payloads(report.read_text(encoding="utf-8"))[0]
    twice = sorted({f["a"] for unit in payload["units"] for f in unit["f"] if f["c"] == "MTF105"})
    assert len(twice) > 100
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("MTF105")
    browser.find_element(By.TAG_NAME, "body").click()
    seen = []
    for _ in range(len(twice)):
        press(browser, "n")
        seen.append(browser.execute_script(
            "var c = document.querySelector('#doc .card.cur'); return [Number(c.dataset.a), c.querySelector('a.code').textContent];"))
    assert [a for a, _ in seen] == twice and {c for _, c in seen} == {"MTF105"}
    press(browser, "n")
    assert "last finding" in browser.find_element(By.ID, "announce").text
    click(browser, browser.find_element(By.CSS_SELECTOR, '#doc button.rule-all[data-code="MTF105"]'))
    safe = {e["id"]: e for e in payload["edits"] if e["c"] == "MTF105" and e["x"] == "safe"}
    assert browser.find_element(By.ID, "decision-count").text == f"{len(safe)} accepted · 0 rejected"

    def applied(name: str) -> tuple[dict[str, str], str]:
        """The exported decisions and what ``fix --decisions`` writes with them."""
        downloads = tmp_path / "downloads"
        if downloads.exists():
            for f in downloads.iterdir():
                f.unlink()
            downloads.rmdir()
        exported = export_download(browser, tmp_path).rename(tmp_path / name)
        decided = {d["id"]: d["decision"] for d in json.loads(exported.read_text(encoding="utf-8"))["files"][0]["decisions"]}
        out = tmp_path / ("out-" + name)
        r = mtfix("fix", *OFF, "--decisions", exported, doc.name, "-o", out, cwd=tmp_path)
        assert r.rc == 0, r.stderr
        return decided, (out / doc.name).read_bytes().decode("utf-8")

    last = browser.execute_script("return document.querySelector('#doc .card.cur button.acc') !== null")
    assert last  # the current finding (the last MTF105) has an edit
    press(browser, "r")  # the last one: rejected, undone, redone
    press(browser, "z")
    press(browser, "Z")
    decided, written = applied("d1.json")
    accepted = [e for i, e in safe.items() if decided.get(i) == "accept"]
    assert list(decided.values()).count("reject") == 1 and len(accepted) == len(safe) - 1
    assert written == expected(text, accepted)
    press(browser, "a")  # decided again after the export
    decided, written = applied("d2.json")
    assert set(decided.values()) == {"accept"} and written == expected(text, list(safe.values()))
    Select(browser.find_element(By.ID, "f-rule")).select_by_value("")
    browser.find_element(By.ID, "accept-safe").click()
    _, written = applied("d3.json")
    copy = tmp_path / "fixed"
    assert mtfix("fix", *OFF, doc.name, "-o", copy, cwd=tmp_path).rc == 0
    assert written.encode("utf-8") == (copy / doc.name).read_bytes()


@pytest.mark.parametrize(("content", "said"), [
    ("not json {", "Not imported: wrong.json is not JSON"),
    ('{"format": "sarif", "runs": []}', "Not imported: wrong.json is not an mtfix decisions file"),
])
def test_import_of_a_wrong_file_says_which_file_to_choose(browser, tmp_path, content, said):
    """*Import…* of the wrong file said "Not imported: not an mtfix decisions file." (which file?) or "… is not
    JSON.", and not what to choose instead.  Now it names the file and says which one to choose."""
    doc = tmp_path / "news.txt"
    doc.write_text(NEWS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(content, encoding="utf-8")
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    picker = browser.find_element(By.ID, "import-file")
    browser.execute_script("arguments[0].hidden = false;", picker)
    picker.send_keys(str(wrong))
    WebDriverWait(browser, 10).until(lambda d: "Not imported" in toast(d))
    assert toast(browser) == (said + ": choose a file that Export decisions saved (mtfix-decisions-DATE-TIME.json); "
                              "nothing was imported."), toast(browser)


def test_importing_an_older_export_says_which_decisions_it_changed(browser, tmp_path):
    """The editor exported (MTF206 accepted), then rejected MTF206, then imported the older export by mistake:
    MTF206 was accepted again, the message said only "Imported 2 decisions for 1 file.", and ``z`` cannot undo
    an import.  Now the message says which decision made here the import changed, so it can be decided again."""
    from selenium.webdriver.common.by import By

    doc = tmp_path / "news.txt"
    doc.write_text(NEWS, encoding="utf-8")
    review_and_open(browser, tmp_path, doc.name, cwd=tmp_path)
    glued = NEWS.index("oilgas")
    click(browser, card(browser, "MTF206", glued).find_element(By.CSS_SELECTOR, "button.acc"))
    exported = export_download(browser, tmp_path)
    click(browser, card(browser, "MTF206", glued).find_element(By.CSS_SELECTOR, "button.rej"))
    said = _import(browser, exported)
    assert said.startswith("Imported 1 decision for 1 file; it changed 1 decision made here: MTF206 on line 1"), said
    assert "rejected → accepted" in said, said
