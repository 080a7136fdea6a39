"""A fixed HTML page in real headless Chromium (session 28): its DOM is the original's but for the text nodes
the edits changed; tags, attributes, references, scripts, styles, comments and code come out as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.test_html_format import PAGE
from tests.review.conftest import OFF, mtfix

pytestmark = pytest.mark.browser

#: Each node of the document in order: [node type, name, attributes, value (text and comments)].
_JS_NODES = (
    "var out = [], w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);"
    "for (var n = w.currentNode; n; n = w.nextNode()) {"
    "  var attrs = n.attributes ? Array.from(n.attributes).map(function (a) { return a.name + '=' + a.value; })"
    "      : [];"
    "  out.push([n.nodeType, n.nodeName, attrs.join(' '), n.nodeValue]); }"
    "return out;"
)


def _nodes(browser, path: Path) -> list[list]:
    browser.get(path.as_uri())
    return browser.execute_script(_JS_NODES)


def test_the_fixed_page_s_dom_differs_only_in_the_edited_text_nodes(browser, tmp_path: Path):
    original = tmp_path / "orig" / "page.html"
    original.parent.mkdir()
    original.write_text(PAGE, encoding="utf-8")
    fixed = tmp_path / "page.html"
    fixed.write_text(PAGE, encoding="utf-8")
    run = mtfix("fix", *OFF, fixed, cwd=tmp_path)
    assert run.rc == 0, run.stderr
    assert fixed.read_bytes() != original.read_bytes()
    before, after = _nodes(browser, original), _nodes(browser, fixed)
    assert len(before) == len(after)
    changed = [(a[3], b[3]) for a, b in zip(before, after, strict=True) if a != b]
    for (a_type, a_name, a_attrs, _), (b_type, b_name, b_attrs, _) in zip(before, after, strict=True):
        assert (a_type, a_name, a_attrs) == (b_type, b_name, b_attrs)
    assert all(before[i][0] == 3 for i in range(len(before)) if before[i] != after[i])  # text nodes only
    assert changed == [
        ("The delegation in the capital the new plan discussed , the ministry on Monday said.",
         "The delegation in the capital the new plan discussed, the ministry on Monday said."),
        ("Officials said the the deal was signed & sealed on ", "Officials said the deal was signed & sealed on "),
        (" before the the release.", " before the release."),
    ]
