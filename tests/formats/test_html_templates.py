"""Template syntax in an HTML page (session 29): ``{{ }}``, ``{% %}``, ``{# #}``, ``<?php ?>``, ``<% %>`` and
``${}`` are never judged nor edited, in the prose and in attributes; the page's bytes are kept."""

from __future__ import annotations

import pytest

from mtfix.files import check_input, fix_input, unit_document
from mtfix.formats import load
from mtfix.formats.html import html_spans, template_spans
from mtfix.garble.view import segment_view
from mtfix.io.inputs import Input

#: each construct holding what a rule would flag if it were read as prose (a doubled word, a space before a comma)
CONSTRUCTS = ["{{ the the , x }}", "{{{ the the , x }}}", "{% if the the , x %}", "{# the the , x #}",
              "<?php echo 'the the , x'; ?>", "<?= the the , x ?>", "<% the the , x %>", "<%= the the , x %>",
              "${the the , x}"]


def _findings(pipeline, raw: bytes):
    result = check_input(pipeline, Input("t.html", raw))
    return [f for u in result.units for f in u.check.findings]


@pytest.mark.parametrize("tpl", CONSTRUCTS)
def test_a_template_in_prose_is_never_judged_nor_edited(pipeline, tpl: str):
    page = f"<p>Officials said the the deal , {tpl} was signed.</p>\n<p>Welcome {tpl} to the site.</p>\n"
    raw = page.encode()
    start = page.index(tpl)
    findings = _findings(pipeline, raw)
    assert not [f for f in findings if f.start < start + len(tpl) and start < f.end]
    assert "MTF105" in {f.code for f in findings}  # the prose around it is still checked
    out = fix_input(pipeline, Input("t.html", raw)).output.decode()
    assert out.count(tpl) == 2
    assert out == page.replace("said the the deal ,", "said the deal,")


@pytest.mark.parametrize("tpl", CONSTRUCTS)
def test_a_template_in_an_attribute_or_between_blocks_is_protected(pipeline, tpl: str):
    page = f'<div>{tpl}</div><p>Read <a title="{tpl}" href="/x">the report</a> today.</p>\n{tpl}\n'
    raw = page.encode()
    assert not _findings(pipeline, raw)
    assert fix_input(pipeline, Input("t.html", raw)).output == raw


@pytest.mark.parametrize("tpl", CONSTRUCTS)
def test_a_template_reads_as_one_name(tpl: str):
    page = f"<p>Welcome, {tpl}, to the site.</p>"
    doc = unit_document(load(page.encode(), "t.html").units[0], "t.html")
    assert [segment_view(doc, s).text for s in doc.segments] == ["Welcome, @code, to the site."]


def test_a_gt_inside_a_template_ends_no_tag():
    page = '<p class="{{ a > b }}">Prices <?php echo $a->b ?> rose.</p><p>{% if a > b %}Wheat fell.{% endif %}</p>'
    s = html_spans(page)
    assert [page[r.start:r.end] for r in s.regions] == ["Prices <?php echo $a->b ?> rose.",
                                                        "{% if a > b %}Wheat fell.{% endif %}"]


def test_a_block_of_template_alone_is_no_prose():
    page = "<p>{{ article.body }}</p><h1>{% block title %}{% endblock %}</h1><p><?php the_content(); ?></p>"
    assert html_spans(page).regions == []


def test_what_is_not_template_syntax():
    """Single braces (``{sic}``), a lone ``{{``, a dollar amount and ``<%`` with no close are prose; a brace pair in
    a script does not hide its end tag; an unclosed ``<?php`` runs to the end of the file, as PHP files end."""
    t = "a {sic} b {{ c $5 d <% e <script>if (a) {{ x </script> }} y"
    assert template_spans(t) == []
    t = "<p>Hi.</p><?php echo 1;\n"
    assert [t[s:e] for s, e in template_spans(t)] == ["<?php echo 1;\n"]
