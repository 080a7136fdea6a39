"""Whether a subtitle library could read SRT/WebVTT for mtfix (session 13): does it give the offsets
of cue text, and does a parse and a write with no change give the same bytes back?

    pip install --target /tmp/sublibs srt pysubs2 webvtt-py
    PYTHONPATH=/tmp/sublibs python bench/subtitle_libraries.py

Measured with srt 3.5.3, pysubs2 1.8.1, webvtt-py 0.6.0: no offsets, and no library gives the bytes
back (pysubs2 turns ``<i>`` into ``{\\i1}``), so :mod:`mtfix.formats.subtitles` reads by hand.
"""

from __future__ import annotations

import os
import tempfile

SRT = ("\ufeff1\r\n00:00:01,000 --> 00:00:03,500\r\n{\\an8}The ferry leaves at\r\n<i>nine o'clock.</i>\r\n\r\n"
       "2\r\n00:00:04,000 --> 00:00:06,000 X1:10 X2:100 Y1:10 Y2:50\r\n- Are you coming?\r\n- Yes.\r\n\r\n\r\n")
VTT = ("WEBVTT - harbour\n\nNOTE written by hand\n\nSTYLE\n::cue { color: yellow }\n\n"
       "intro\n00:01.000 --> 00:03.500 line:10% align:start\n<v Ana>The ferry leaves at</v>\n"
       "<c.loud>nine</c> o'clock.\n\n00:00:04.000 --> 00:00:06.000\nTom &amp; Ana wait.\n\n")


def main() -> None:
    try:
        import pysubs2
        import srt
        import webvtt
    except ImportError as exc:
        raise SystemExit(f"skipped: {exc.name} is not installed (see the docstring)") from None
    subs = list(srt.parse(SRT))
    print("srt: same bytes", srt.compose(subs, reindex=False) == SRT,
          "| offsets", [a for a in dir(subs[0]) if "pos" in a or "offset" in a])
    doc = pysubs2.SSAFile.from_string(SRT, format_="srt")
    print("pysubs2 srt: same bytes", doc.to_string("srt") == SRT, "| first cue", repr(doc[0].text))
    print("pysubs2 vtt: same bytes", pysubs2.SSAFile.from_string(VTT, format_="vtt").to_string("vtt") == VTT)
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, "a.vtt"), os.path.join(d, "b.vtt")
        with open(src, "w", newline="", encoding="utf-8") as fh:
            fh.write(VTT)
        caps = webvtt.read(src)
        caps.save(dst)
        with open(dst, newline="", encoding="utf-8") as fh:
            print("webvtt-py: same bytes", fh.read() == VTT,
                  "| offsets", [a for a in dir(caps.captions[0]) if "pos" in a or "offset" in a])


if __name__ == "__main__":
    main()
