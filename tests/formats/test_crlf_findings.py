"""A file with Windows line ends (CRLF: a newsroom CMS's export, most subtitle files) gets the findings and the
fixes of the same file with LF (session 25: MTF111 never saw the space before a line's last mark, "in May .\\r\\n",
nor MTF112 a line's "..", nor MTF205 a line's "and s.": the editor's review page of such an article showed none
of the commonest MT slip at the ends of its lines)."""

from __future__ import annotations

from mtfix.config import Config
from mtfix.pipeline import Pipeline

#: MT slips at the ends of lines, each line its own sentence or the end of one.
SLIPS = (
    "The talks in the capital ended on Monday .\n"
    "Prices of fuel rose sharply in the south ,\n"
    "officials of the ministry said on Tuesday .\n"
    "Did the ferry to the island stop ?\n"
    "The mayor of the town was there !\n"
    "The water came back to the village ;\n"
    "The minister of energy said that , the road was closed ..\n"
    "They sold cotton, tea and s.\n"
    "The bridge opened on the the\n"
    "same day .\n"
    "The minister of energy left the talks..\n"
)


def _where(text: str, pipeline: Pipeline) -> list[tuple[str, int, int]]:
    """Each finding as (code, line, column) of the text: the same for LF and CRLF when rules see both alike."""
    out = []
    for f in pipeline.check(text).findings:
        line = text.count("\n", 0, f.start)
        col = f.start - (text.rfind("\n", 0, f.start) + 1)
        out.append((f.code, line, col))
    return sorted(out)


def test_a_crlf_file_gets_the_findings_and_fixes_of_its_lf_twin():
    pipeline = Pipeline(Config(grammar="off", source_lang="az"))
    crlf = SLIPS.replace("\n", "\r\n")
    lf_found = _where(SLIPS, pipeline)
    assert sum(code == "MTF111" for code, _l, _c in lf_found) >= 7, lf_found
    assert _where(crlf, pipeline) == lf_found
    assert pipeline.fix(crlf).text == pipeline.fix(SLIPS).text.replace("\n", "\r\n")
