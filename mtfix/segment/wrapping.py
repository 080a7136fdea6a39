"""Hard-wrapped plain text: the line breaks inside a sentence, which the segmenter reads as spaces
(:func:`wrapped_breaks`, seg-3 onwards)."""

from __future__ import annotations

from mtfix.caching import regexcache
from mtfix.model import Span
from mtfix.segment.abbreviations import _LAST_WORD, _ends_in_title, _goes_on, _starts_sentence
from mtfix.text.lines import LINE_BREAK as _LINE_BREAK
from mtfix.text.tokens import FUNCTION_WORDS

# Hard-wrapped plain text (see :func:`wrapped_breaks`).
#: Words that (almost) never end an English sentence: a line that ends in one goes on on the next line.
#: Chosen by measurement on UD English EWT (train+dev+test): articles, possessive determiners,
#: conjunctions and prepositions seen at least 100 times that end under 1.5% of the sentences they
#: occur in (the base rate of any word is 8%); not those that also stand alone as pronouns
#: (some, any, these, all), nor the particles of phrasal verbs (in, on, up, over, after: 1.5-6%).
_CONTINUES = frozenset({
    "a", "an", "the", "every", "my", "your", "our", "their", "its", "his",  # 0-0.22%
    "and", "or", "but", "if", "because",  # 0-0.45%
    "of", "to", "into", "as", "under", "with", "by", "from", "than",  # 0-1.2%
})
#: A line ending a sentence or introducing what follows (a list after a colon) is no wrapped line.
_LINE_END = regexcache.compile(r"[.!?…:][\"'”’»)\]]*$")
#: A list item's marker (a bullet, a dash, "1.", "2)", "a)", "(iv)") at the start of a line.
_ITEM = regexcache.compile(r"[ \t]*(?:[-*+•‣◦▪–—](?=\s)|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)](?=\s))[ \t]*")
#: A title: no comma, and every word of four letters or more starts with a capital.
_LONG_WORD = regexcache.compile(r"\p{L}{4,}")
#: The widths a hard-wrapped text is wrapped at (its longest line with a space): shorter lines are
#: poetry, subtitles, lists or addresses; longer ones are unwrapped paragraphs.
WRAP_WIDTHS = (50, 100)


def wrapped_breaks(text: str) -> list[Span]:
    """The line breaks of plain ``text`` that fall inside a sentence: the segmenter reads them as
    spaces (pysbd would end a sentence at a line break).  A line break before a line that starts in
    lower case continues a sentence (as :data:`_BLOCK_BREAK` reads it); before another line (a capital: "led by\\nIlham Aliyev"), it does when
    the line before ends in no final punctuation (``. ! ? … :``), the line after is no list item
    and is indented no deeper than the text of the line before, its first word is no capitalised
    function word but "I" (:data:`~mtfix.text.tokens.FUNCTION_WORDS`: "The", "In", "It" start a sentence),
    and either

    * the line before ends in a word that does not end a sentence (:data:`_CONTINUES`: "of", "the",
      "and", "by"), or
    * the paragraph is hard-wrapped at a width ``W`` (:func:`_block_widths`: its longest line holding a
      space is 50-100 characters long and another line comes within 10 characters of it), the line
      before is full (the first word of the line after would not have fitted on it: the line is ``W``
      long less at most that word), is no title (a line with no comma whose every word of four letters
      or more starts with a capital) and, when it starts a paragraph above a line that starts with a
      capital, no headline (:func:`_headline`).

    A line that ends in a final period goes on when the period is an abbreviation's that a sentence
    goes on from, by class: a title, rank or honorific before a name, a place name's first word in a
    hard-wrapped paragraph, a month, "No." or "p." before a number (:func:`_goes_on`); where it does,
    :func:`split_segments` also undoes a sentence end pysbd reads at that period.  Blank lines always
    separate.

    >>> t = "The minister met the delegation led by\\nIlham Aliyev in Baku.\\nHome\\nNews"
    >>> [t[s.start - 3:s.start] for s in wrapped_breaks(t + "\\nand more")]
    [' by', 'ews']
    """
    if "\n" not in text and "\r" not in text:  # (``\r`` alone: classic Mac OS line ends)
        return []
    lines = []  # (start, end without the line break or trailing spaces, end of the line break)
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start(), m.end()))
        pos = m.end()
    lines.append((pos, len(text), len(text)))
    lengths = [len(text[s:e].rstrip()) for s, e, _ in lines]
    widths = _block_widths(text, lines, lengths)
    out = []
    joined = False  # whether the line break before the line looked at was joined
    for i, ((s, e, brk), (ns, ne, _), n) in enumerate(zip(lines, lines[1:], lengths, strict=False)):
        was, joined = joined, False
        line, nxt = text[s:e].rstrip(), text[ns:ne]
        first = nxt.split(None, 1)[0] if nxt.strip() else ""
        if not line.strip() or not first:
            continue
        if first[0].islower():  # pysbd would end a sentence at the line break: "quickly. I" / "have read"
            out.append(Span(e, brk))
            joined = True
            continue
        if _ITEM.match(nxt) and not (_INITIAL.match(nxt) and _ends_in_title(line)):  # "Mr.⏎J. Smith" (seg-9)
            continue
        if _LINE_END.search(line):
            # a title goes on to its name on a line indented deeper too (a hanging indent; seg-9): it ends no sentence
            if _goes_on(line, first, bool(widths[i])) and (not _indented(line, nxt) or _ends_in_title(line)):
                out.append(Span(e, brk))  # "on Sept.⏎10", "by Dr.⏎Leyla Aliyeva"
                joined = True
            continue
        if _starts_sentence(first) or _indented(line, nxt):
            continue
        item = _ITEM.match(line)
        word = _LAST_WORD.search(line)
        width = widths[i]
        if (word is not None and word.group(1) in _CONTINUES) or (
                width and n + 1 + len(first) > width and not _title(line[item.end() if item else 0:])
                and (was or not first[0].isupper() or not _headline(line, lengths, i, widths))):
            out.append(Span(e, brk))
            joined = True
    return out


def _indented(line: str, nxt: str) -> bool:
    """Whether ``nxt`` is indented deeper than the text of ``line`` (a new indented paragraph, a quotation)."""
    item = _ITEM.match(line)
    return len(nxt) - len(nxt.lstrip(" \t")) > (item.end() if item else len(line) - len(line.lstrip(" \t")))


def _block_widths(text: str, lines: list[tuple[int, int, int]], lengths: list[int]) -> list[int]:
    """The width each line's paragraph (its lines between blank lines) is hard-wrapped at, 0 if none.

    A paragraph is hard-wrapped at ``W`` when its longest line holding a space is ``W`` long
    (:data:`WRAP_WIDTHS`) and another comes within 10 characters of it; one too short to show it (two
    lines, the last short) takes the narrowest width of the text's other paragraphs that its lines
    fit in, or else the width of the whole text read so (as before session 14), so that a text mixing
    widths (a reply above a quoted message) joins in each paragraph."""
    blocks: list[list[int]] = [[]]
    for i, (s, e, _) in enumerate(lines):
        if text[s:e].strip():
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    own: list[tuple[list[int], int, int]] = []  # (lines, longest spaced line, own width or 0)
    for block in blocks:
        spaced = [lengths[i] for i in block if " " in text[lines[i][0]:lines[i][1]].strip()]
        width = max(spaced, default=0)
        ok = WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1] and sum(n >= width - 10 for n in spaced) >= 2
        own.append((block, width, width if ok else 0))
    found = sorted({w for _, _, w in own if w})
    spaced = [lengths[i] for i, (s, e, _) in enumerate(lines) if " " in text[s:e].strip()]
    widest = max(spaced, default=0)  # the text's own width, as the paragraphs' read together
    if not (WRAP_WIDTHS[0] <= widest <= WRAP_WIDTHS[1] and sum(n >= widest - 10 for n in spaced) >= 2):
        widest = 0
    out = [0] * len(lines)
    for block, longest, width in own:
        if not width and longest:
            width = next((w for w in found if w >= longest), widest)
        for i in block:
            out[i] = width
    return out


#: Determiners a headline leaves out ("Armenia and Azerbaijan sign memorandum on border talks").
_ARTICLE = regexcache.compile(r"(?i)(?:^|(?<=\s))(?:the|a|an)(?=\s|$)")
#: Pronouns of the first and second person and personal pronouns of the third: a headline names who
#: acts ("Azerbaijan raises its gas export target"), a paragraph's first line refers ("I just wanted",
#: "It would be"); possessives of the third person ("its", "their") are a headline's too.
_PRONOUN = regexcache.compile(r"(?:^|(?<=[\s\"“(]))(?:I|[Mm]e|[Mm]y|[Ww]e|[Uu]s|[Oo]ur|[Yy]ou|[Yy]our|[Hh]e|[Hh]im|[Ss]he"
                              r"|[Ii]t|[Tt]hey|[Tt]hem)(?=[\s,.;:!?'’\")]|$)")  # case as written: "US", "IT" are no pronouns
#: Punctuation inside a line that a headline has none of: a comma, a semicolon, a sentence's end.
_INNER_PUNCT = regexcache.compile(r"[,;]|\p{Ll}{2}[.!?][\"'”’)]*\s")


def _headline(line: str, lengths: list[int], i: int, widths: list[int]) -> bool:
    """Whether ``line`` (line ``i``, the first of its paragraph, full at its paragraph's width and
    followed by a line that starts with a capital) is a headline above the paragraph rather than the
    paragraph's first line.  As headlines are written, it starts with a capital, holds no comma,
    semicolon or sentence end, no article ("a", "an", "the") together with a pronoun that refers
    (:data:`_PRONOUN`; an article alone since session 15: "… quota for the second time this year") and
    does not end in a function word ("on", "in");
    and the paragraph below it (two lines or more, up to four, to a blank line) is wrapped at a width
    it does not share: (two full lines below) the line is longer than every one by three characters or
    more, or, when it ends in a word in lower case, shorter than the longest of them (a line that ends in
    a capitalised word may hold a name that runs on over the line break: "met US⏎Secretary of State")."""
    last = _LAST_WORD.search(line)
    if (not line.lstrip()[:1].isupper() or _INNER_PUNCT.search(line) or last is None
            or last.group(1).lower() in FUNCTION_WORDS or (_ARTICLE.search(line) and _PRONOUN.search(line))):
        return False
    below = []
    for j in range(i + 1, min(i + 5, len(lengths))):
        if not lengths[j] or widths[j] != widths[i]:
            break
        below.append(lengths[j])
    if len(below) < 2:
        return False
    n, widest = lengths[i], max(below)
    full = below[:-1] if i + 1 + len(below) >= len(lengths) or not lengths[i + 1 + len(below)] else below
    if len(full) >= 2 and n >= widest + 3:
        return True
    # a name may run on over the line break ("met US⏎Secretary of State", "of State⏎Antony Blinken")
    return n < widest and not last.group(1)[0].isupper()


#: An initial and a name ("J. Smith", "A. Karimova") at a line's start, which after a title is no list item (seg-9)
_INITIAL = regexcache.compile(r"[ \t]*\p{Lu}\.[ \t]+\p{Lu}\p{Ll}")


def _title(line: str) -> bool:
    """Whether ``line`` reads as a title: no comma, and every word of four letters or more capitalised."""
    words = _LONG_WORD.findall(line)
    return "," not in line and len(words) >= 2 and all(w[0].isupper() for w in words)
