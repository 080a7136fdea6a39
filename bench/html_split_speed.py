"""The check of a 159 KB page whose 1,000 paragraphs each hold a word split by a tag, template syntax, a name split by
a link and a reference (session 29; a speed probe, one run; grammar off).

Run: ``MTFIX_CACHE_DIR=... PYTHONPATH=$PWD python bench/html_split_speed.py``
"""
import time

from mtfix.config import Config
from mtfix.files import check_input
from mtfix.io.inputs import Input
from mtfix.pipeline import Pipeline


def main() -> None:
    p = Pipeline(Config(grammar="off"))
    para = '<p>The minister met <b>Ba</b>ku officials in Wash<span>ington</span> on {{ day }}, and <a href="/x">Bayram</a>ov said the the talks went well &amp; ended.</p>\n'
    raw = ("<html><body>" + para * 1000 + "</body></html>").encode()
    check_input(p, Input("w.html", b"<p>Warm up.</p>"))
    t = time.perf_counter()
    r = check_input(p, Input("p.html", raw))
    dt = time.perf_counter() - t
    print(f"{len(raw)/1e3:.0f} KB page, {sum(len(u.check.findings) for u in r.units)} findings, {dt:.2f} s")


if __name__ == "__main__":
    main()
