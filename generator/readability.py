"""How easy a Danish text is to read: LIX, the index Danish plain-language guides measure by.

LIX (Björnsson's läsbarhetsindex) is the words per sentence plus the share of long words
(more than six letters) in per cent. Danish public bodies quote it for texts to citizens:
under 25 is very easy (children's books), 25-34 easy, 35-44 middle (a daily paper), 45-54
hard (reports, specialist texts), 55 and above very hard (legal texts). A parent reading
about their child's daycare, many in a second language, should get an easy or middle text.

The text is a leaflet's or a posting's Markdown as HR writes it; headings, list items and
table rows end a sentence of their own. Linear in the text (tests/test_linear_time.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LONG_WORD = 6  # letters; a word with more is long
LEVELS = ((25, "meget let"), (35, "let"), (45, "middel"), (55, "svær"))  # below the bound; else "meget svær"
DEFAULT_MAX_LIX = 40  # texts to parents: the easy half of 'middel', what a daily paper is written at
WORD = re.compile(r"[^\W\d_]+")  # a word's letters (a hyphen or apostrophe splits it: "0-6-årige")
# The end of a sentence: ., !, ? or : before a space and a capital letter (after a quote or parenthesis),
# or at the end of the block; not "bl.a. ved", "kl. 11" or "§ 4. stk.".
SENTENCE_END = re.compile(r"(?<![.!?:])[.!?:]++(?=\s+[\"'«»“„(]*[A-ZÆØÅ])")
# (a run of marks is tried once, from its start; the text after a block's last end is its last sentence)
TEXT_AT = re.compile(r"\S")
LINK = re.compile(r"\]\([^()\[\]\s]*\)")  # a link's address: not words the reader reads (each try stops at a bracket)
BLOCK_START = re.compile(r"[ \t]*(?:#{1,6}[ \t]|[-*+][ \t]|\d{1,3}[.)][ \t]|>|\|)")  # its own sentence


@dataclass(frozen=True)
class Sentence:
    offset: int  # where it starts in the text
    words: int


@dataclass(frozen=True)
class Readability:
    lix: int
    words: int
    sentences: tuple[Sentence, ...]

    @property
    def level(self) -> str:
        """The Danish name of the level: 'let', 'middel', ..."""
        return next((name for bound, name in LEVELS if self.lix < bound), "meget svær")

    def longest(self, n: int = 3) -> list[Sentence]:
        """The `n` longest sentences, longest first (in the text's order among equals)."""
        return sorted(self.sentences, key=lambda s: (-s.words, s.offset))[:n]


def _blocks(text: str):
    """(offset, text) of each paragraph, heading, list item and table row."""
    start, lines, at = 0, [], 0
    for line in text.split("\n"):
        own = BLOCK_START.match(line) is not None
        if (own or not line.strip()) and lines:
            yield start, "\n".join(lines)
            lines = []
        if line.strip():
            if not lines:
                start = at
            lines.append(line)
            if own and line.lstrip().startswith(("#", "|")):  # a heading or table row is one line
                yield start, "\n".join(lines)
                lines = []
        at += len(line) + 1
    if lines:
        yield start, "\n".join(lines)


def readability(text: str) -> Readability:
    """The text's LIX, its words and its sentences."""
    sentences: list[Sentence] = []
    words = long_words = 0
    for start, block in _blocks(LINK.sub(lambda m: "]" + " " * (len(m[0]) - 1), text)):
        begin = 0
        for end in [m.end() for m in SENTENCE_END.finditer(block)] + [len(block)]:
            found = WORD.findall(block, begin, end)
            if found:
                first = TEXT_AT.search(block, begin, end)  # where the sentence's text starts
                sentences.append(Sentence(start + (first.start() if first else begin), len(found)))
                words += len(found)
                long_words += sum(len(w) > LONG_WORD for w in found)
            begin = end
    if not words:
        return Readability(0, 0, ())
    lix = words / len(sentences) + 100 * long_words / words
    return Readability(round(lix), words, tuple(sentences))


def too_hard(found: Readability, limit: int, line_of) -> str:
    """The warning for a text above `limit`, naming its longest sentences by line (line_of(sentence))."""
    longest = ", ".join(f"linje {line_of(s)} ({s.words} ord)" for s in found.longest(3))
    return (f"teksten er {found.level} at læse: LIX {found.lix}, og grænsen for tekster til forældre er {limit}. "
            f"Kortere sætninger og færre lange ord gør den lettere; de længste sætninger er i {longest}")
