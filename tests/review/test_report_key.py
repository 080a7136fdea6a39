"""The review page's local-storage key: one store per report (session 33)."""

from __future__ import annotations

from pathlib import Path

from mtfix.review.report import report_key


def test_two_reports_of_the_same_files_in_the_same_second_do_not_share_a_store(mtfix_cli, tmp_path: Path) -> None:
    """CI found a second report of the same file, made in the same second under another title, opening with the
    first's decisions: the key was the time (to the second), the configuration and the files only."""
    import re

    (tmp_path / "news.txt").write_text("The the minister said that prices of oilgas rose .\n", encoding="utf-8")
    keys = []
    for name in ("a.html", "b.html"):
        run = mtfix_cli("review", "-q", "news.txt", "-o", name, cwd=tmp_path)
        assert run.rc == 0, run.stderr
        keys.append(re.search(r'"report":\s*"([0-9a-f]{24})"', (tmp_path / name).read_text(encoding="utf-8")).group(1))
    assert keys[0] != keys[1]
    # the same nonce, time, configuration and files give the same key (the page can be rebuilt from its parts)
    assert report_key("2026-12-05T10:00:00Z", "sig", [], nonce="ab") == report_key("2026-12-05T10:00:00Z", "sig", [],
                                                                                   nonce="ab")
