"""What a line break is: a carriage return and line feed, a lone carriage return or a lone line feed.

Not what :meth:`str.splitlines` reads (it also breaks at vertical tab, form feed, U+0085, U+2028 and more): a
document's line starts (:func:`mtfix.model.line_starts`), the Markdown and subtitle readers, the subtitle lines'
check (MTF601), the language server's positions, the review report and the reference metrics' lines all count
lines by these three ends, and read the patterns here (session 36; six modules wrote them before).

>>> LINE_BREAK.split("one\\r\\ntwo\\rthree\\nfour\\x0bfive")
['one', 'two', 'three', 'four\\x0bfive']
>>> [m.group() for m in LINE_WITH_END.finditer("a\\r\\nb\\n")]
['a\\r\\n', 'b\\n', '']
"""

from __future__ import annotations

import re

#: one line break: CR LF, CR or LF (CR LF first, so that it is one break, not two)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: a line with its break, or the last line without one (an empty match at the end of the text)
LINE_WITH_END = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
