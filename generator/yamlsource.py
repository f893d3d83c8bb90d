"""Read a YAML file safely and remember where every value came from.

Postings are written by hand in a web editor, so this module turns every way a
file can be unreadable (not UTF-8, tabs, syntax, duplicate keys, too large)
into a Problem with a line number, and returns the data together with a map
from each field's path to its (line, column) so later validation can point at
the exact line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .fieldtypes import LINE_BREAKS, PASTED, pasted, unpasted
from .problems import Problem, people

MAX_BYTES = 1_000_000  # a posting is a few KB; anything near this is a mistake
BOM = b"\xef\xbb\xbf"

Path_ = tuple[str | int, ...]


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser in C where installed


class _Loader(_BaseLoader):
    """Safe loader that resolves only null, true/false, integers and decimals.

    Everything else stays a string, so `12:00` is not read as the number 720
    (YAML 1.1 base 60), `no` is not false, and dates are parsed (and checked)
    by the model rather than by the YAML library.
    """

    def resolve(self, kind, value, implicit):
        """PyYAML's resolution for these four types, without its path resolvers (none are used).

        Called for every key and value (libyaml calls back into Python), so it
        is kept short.
        """
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


_Loader.yaml_implicit_resolvers = {}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,14})$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float", re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$"), list("-+0123456789")
)


@dataclass
class Source:
    """One loaded file: its data, and where each path in it was written."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    spans: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # each text value: (start, end) in `text`
    warnings: list[Problem] = field(default_factory=list)  # found while the text was there (consistency)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the nearest written ancestor of `path`."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 0))

    def positions_only(self) -> Source:
        """The same file without its text and data, for checks made after validation.

        Those only point at lines; the text and data are most of a posting's
        memory and are not needed once the model holds the validated values.
        """
        return Source(self.file, None, self.positions, warnings=self.warnings)

    def problem(self, path: Path_, message: str, severity: str = "error") -> Problem:
        line, col = self.position(path)
        return Problem(self.file, line, col, dotted(path), message, severity, label=people(tuple(path)))


def dotted(path: Path_) -> str:
    """('interviews', 0, 'date') -> 'interviews[1].date', numbered as people count."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            name = str(part) if re.fullmatch(r"\S+", str(part)) else repr(str(part))  # ' ' or 'a b' quoted
            out += ("." if out else "") + name
    return out


def decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text, or a Problem saying why a person's editor made it unreadable."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 1, 0, "", f"filen er {len(raw) // 1024} KB; en fil må højst være "
                              f"{MAX_BYTES // 1000} KB. Er der kommet et billede eller en kopi af noget andet med?")]
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(name, line, 0, "", "filen er ikke gemt som UTF-8 (tegnsæt). "
                              "Gem den som UTF-8 i din editor, så æ, ø og å kommer med.")]
    if "\x00" in text:
        return None, [Problem(name, 1, 0, "", "filen indeholder binære data; det skal være en tekstfil (YAML).")]
    return text, []


def load(path: Path, name: str) -> tuple[Source | None, list[Problem]]:
    """Load one YAML file. Returns the source, or None and the problems."""
    text, problems = decode(path.read_bytes(), name)
    if text is None:
        return None, problems
    return parse(text, name)


_WRITTEN_LINE = re.compile(r"^[^\S\n]*[^\s#]", re.M)  # a line with something but a comment on it
_TAB_IN_INDENT = re.compile(r"^([^\S\n]*?)\t", re.M)


def parse(text: str, name: str) -> tuple[Source | None, list[Problem]]:
    if "\r" in text:  # Windows or old Mac line ends: YAML counts a lone CR as a line break too
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _WRITTEN_LINE.search(text):
        return None, [Problem(name, 1, 0, "", "filen er tom; den skal indeholde felterne for et opslag.")]
    if tab := _TAB_IN_INDENT.search(text):
        return None, [Problem(name, text.count("\n", 0, tab.start()) + 1, len(tab[1]) + 1, "",
                              "tabulator-tegn i indrykningen; YAML kræver mellemrum. "
                              "Erstat tabulatoren med to mellemrum.")]
    if breaks := _line_breaks(text, name):
        return None, breaks
    source = Source(name, None, text=text)
    problems: list[Problem] = []
    try:
        parser = _Loader(text)
        try:
            source.data = _build(iter(parser.get_event, None), source, problems)  # the events, without a wrapper
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as err:
        return None, [_pasted_problem(text, err, name) or _unclosed_quote(text, err, name)
                      or _syntax_problem(text, err, name)]
    except yaml.reader.ReaderError as err:  # a control character pasted from another program
        line = text[: err.position].count("\n") + 1
        return None, [Problem(name, line, 0, "", "linjen indeholder et usynligt kontroltegn (kopieret fra et "
                              "andet program?); slet linjen og skriv den igen")]
    except yaml.YAMLError:
        return None, [Problem(name, 1, 0, "", "filen kan ikke læses som YAML; tjek indrykningen og at tekst "
                              "med kolon (:) står i anførselstegn.")]
    return (None if problems else source), problems


# PyYAML's (English) description of a syntax error -> (use the mark of the context rather than of
# the problem, what HR should do), so a typing mistake is explained in Danish at the line where it is.
_SYNTAX: list[tuple[str, bool, str]] = [
    ("unexpected end of stream", True, "et anførselstegn åbnes her, men lukkes aldrig; sæt det samme "
                                       "anførselstegn (\" eller ') efter tekstens sidste ord"),
    ("mapping values are not allowed", False, "et kolon (:) midt i en værdi; sæt hele teksten i anførselstegn, "
                                              "fx title: \"Pædagog: vuggestue\", eller ret indrykningen, "
                                              "hvis linjen er et felt for sig"),
    ("expected ',' or ']'", True, "en liste i [ ] lukkes ikke; afslut den med ] på samme linje"),
    ("expected ',' or '}'", True, "en gruppe i { } lukkes ikke; afslut den med } på samme linje"),
    ("could not find expected ':'", True, "linjen mangler et kolon efter feltnavnet (navn: værdi); hører teksten "
                                          "til feltet ovenover, så ryk den ind under det"),
    ("did not find expected key", False, "linjen passer ikke ind: den skal rykkes lige så langt ind som felterne "
                                         "omkring den, og tekst efter et anførselstegn skal stå inden for det"),
    ("cannot start any token", False, "værdien begynder med et tegn, YAML ikke tillader først (fx @ eller `); "
                                      "sæt hele værdien i anførselstegn"),
    ("undefined alias", False, "* først i en værdi betyder noget særligt i YAML; sæt værdien i anførselstegn"),
    ("expected node content", False, "en værdi mangler her (fx efter [ eller - ); skriv værdien, "
                                     "eller sæt teksten i anførselstegn"),
    ("block sequence entries are not allowed", False, "et punkt (- ) står efter et kolon på samme linje; skriv "
                                                      "punkterne på linjerne under feltet, rykket ind"),
    ("directive", False, "% først på en linje betyder noget særligt i YAML; ryk linjen ind under sit felt, "
                         "eller sæt teksten i anførselstegn"),
    ("another document", False, "en linje med kun --- deler filen i to; et opslag er ét dokument, så slet linjen"),
    ("unknown escape character", False, "\\ i en tekst i dobbelte anførselstegn; brug enkelte anførselstegn "
                                        "(') om teksten i stedet"),
    ("expected '-' indicator", False, "linjen er rykket forkert ind i en liste: hvert punkt (- ) skal stå lige under "
                                      "de andre punkter, og felterne i et punkt lige under hinanden"),
    ("comment or a line break", False, "der står tekst efter et lukkende anførselstegn; sæt hele teksten i "
                                       "anførselstegn, eller slet det, der står efter"),
    ("document start", False, "linjen passer ikke ind: den skal rykkes lige så langt ind som felterne "
                              "omkring den, eller stå helt ude til venstre, hvis den er et felt for sig"),
    ("document indicator", False, "en linje med kun --- eller ... midt i teksten; slet linjen, eller ryk den ind"),
    ("tab character", False, "tabulator-tegn i indrykningen; YAML kræver mellemrum. Erstat tabulatoren med to "
                             "mellemrum"),
    ("tag handle", False, "! først i en værdi betyder noget særligt i YAML; sæt værdien i anførselstegn"),
    ("escape code", False, "\\ i en tekst i dobbelte anførselstegn; brug enkelte anførselstegn (') om teksten "
                           "i stedet"),
    ("alias or anchor", False, "& eller * først i en værdi betyder noget særligt i YAML; sæt værdien i "
                               "anførselstegn"),
    ("%YAML directive", False, "% først på en linje betyder noget særligt i YAML; ryk linjen ind under sit felt, "
                               "eller sæt teksten i anførselstegn"),
    ("control characters", False, "linjen indeholder et usynligt kontroltegn (kopieret fra et andet program?); "
                                  "slet linjen og skriv den igen"),
]

# When PyYAML says something not listed above, HR still gets Danish, never the parser's English.
SYNTAX_FALLBACK = ("linjen kan ikke læses; tjek at den er rykket lige så langt ind som felterne omkring den, "
                   "at den har et kolon og et mellemrum efter feltnavnet (navn: værdi), og at tekst med kolon (:) "
                   "eller # står i anførselstegn")


def _line_breaks(text: str, name: str) -> list[Problem]:
    """Line and paragraph separators from Word or a PDF: YAML counts them as line breaks, an editor does not,
    so every line number after one would be wrong. Named where they are, before the file is parsed."""
    if not any(ch in text for ch in LINE_BREAKS):
        return []
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        for col, ch in enumerate(line, 1):
            if ch in LINE_BREAKS:
                found.append(Problem(name, number, col, "", pasted(ch, col)))
    return found


def _pasted_problem(text: str, err: yaml.MarkedYAMLError, name: str) -> Problem | None:
    """A YAML error on a line with a pasted quote, space or invisible character: that character is the cause.

    “…” is not a quote to YAML, a non-breaking space is not a space (so `deadline:` followed by one has no
    colon-and-space), and the parser's own message would describe the symptom instead.
    """
    marks = [m for m in (err.problem_mark, err.context_mark) if m is not None]
    lines = text.split("\n")
    for number in sorted({m.line for m in marks}, reverse=True):
        for index in (number, number - 1):
            if 0 <= index < len(lines) and (found := PASTED.search(lines[index])):
                col = found.start() + 1
                typed = unpasted(lines[index]).rstrip()
                indented = not lines[index][:found.start()].strip(" \u00a0\u202f\u2007\u2009")
                example = (f"; skriv linjen sådan: {typed.strip()}"
                           if typed.strip() and len(typed) <= 100 and not indented else "")
                return Problem(name, index + 1, col, "", f"filen kan ikke læses som YAML: {pasted(found[0], col)}"
                               f"{example}.")
    return None


_OPENING_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])""")


def _unclosed_quote(text: str, err: yaml.MarkedYAMLError, name: str) -> Problem | None:
    """A value that opens a quote and does not close it on its line.

    YAML lets a quoted text run over several lines, so the parser only stumbles
    at the next quote, far below; the mistake HR made is where the quote opened.
    """
    mark = err.problem_mark or err.context_mark
    last = mark.line + 1 if mark else len(text.splitlines())
    for number, line in enumerate(text.splitlines()[:last], 1):
        m = _OPENING_QUOTE.match(line)
        if not m:
            continue
        rest = line[m.end():]
        closed = re.search(r'(?<!\\)"', rest) if m[1] == '"' else re.search(r"'(?!')", rest.replace("''", ""))
        if not closed:
            return Problem(name, number, m.start(1) + 1, "", "filen kan ikke læses som YAML: et anførselstegn "
                           f"({m[1]}) åbnes her, men lukkes ikke på samme linje; sæt {m[1]} efter tekstens sidste ord.")
    return None


def _syntax_problem(text: str, err: yaml.MarkedYAMLError, name: str) -> Problem:
    what = (err.problem or "").strip()
    use_context, advice = next(((c, a) for key, c, a in _SYNTAX if key in what), (False, SYNTAX_FALLBACK))
    mark = (err.context_mark if use_context else None) or err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
    written = [n for n, ln in enumerate(text.splitlines(), 1) if ln.strip()]
    if written and line > written[-1]:  # stumbled at the end of the file: point at its last line
        line, col = written[-1], 0
    return Problem(name, line, col, "", f"filen kan ikke læses som YAML: {advice}.")


MAX_DEPTH = 12  # levels of fields and lists; the deepest content (organisations' units) needs 10


class _Frame:
    """A mapping or list being read: its value, its path, and (in a mapping) the key waiting for a value."""

    __slots__ = ("value", "path", "is_map", "key", "skip")

    def __init__(self, is_map: bool, path: Path_):
        self.value: Any = {} if is_map else []
        self.is_map, self.path, self.key, self.skip = is_map, path, None, False

    def child(self) -> Path_:
        """The path of the next value in it."""
        if not self.is_map:
            return (*self.path, len(self.value))
        return (*self.path, self.key) if self.key is not None else self.path

    def put(self, value: Any) -> None:
        if not self.is_map:
            self.value.append(value)
            return
        if not self.skip:
            self.value[self.key] = value
        self.key, self.skip = None, False


_SCALAR, _MAP, _SEQ = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _build(events, source: Source, problems: list[Problem]) -> Any:
    """The file's data from the parser's events, refusing what HR cannot have meant.

    Built from events rather than from PyYAML's node graph so that anchors,
    aliases and tags are refused before anything is expanded (a few bytes of
    nested aliases would otherwise become gigabytes), nesting is limited
    without recursion, and every value's line is remembered on the way.
    """
    def refuse(mark, path, message):
        problems.append(Problem(source.file, mark.line + 1, mark.column + 1, dotted(path), message,
                                label=people(path)))

    positions = source.positions
    root: Any = None
    stack: list[_Frame] = []
    documents = 0
    for event in events:
        kind = type(event)
        if kind in _END:
            frame = stack.pop()
            if stack:
                stack[-1].put(frame.value)
            else:
                root = frame.value
            continue
        if kind is not _SCALAR and kind is not _MAP and kind is not _SEQ:
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    refuse(event.start_mark, (), "filen kan ikke læses som YAML: en linje med kun --- deler "
                                                 "filen i to; et opslag er ét dokument, så slet linjen.")
                    return None
            elif kind is yaml.AliasEvent:
                refuse(event.start_mark, stack[-1].child() if stack else (), ALIAS)
                return None
            continue  # stream and document ends
        parent = stack[-1] if stack else None
        path = parent.child() if parent else ()
        if event.anchor is not None:
            refuse(event.start_mark, path, ALIAS)
            return None
        if event.tag is not None and event.tag != "!":
            refuse(event.start_mark, path, f"YAML-mærket {_tag_name(event.tag)} er ikke tilladt; skriv værdien "
                                           "som almindelig tekst (sæt den i anførselstegn, hvis den begynder med !).")
            return None
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1)
        is_key = parent is not None and parent.is_map and parent.key is None
        if kind is _SCALAR:
            value = _scalar_value(event)
            if not is_key:
                positions.setdefault(path, where)
                if isinstance(value, str):
                    source.spans[path] = (mark.index, event.end_mark.index)
                if parent is None:
                    root = value
                else:
                    parent.put(value)
                continue
            key = value if isinstance(value, str) else str(value)
            child = (*parent.path, key)
            if key in parent.value:
                problems.append(Problem(source.file, where[0], where[1], dotted(child), "feltet står to gange "
                                        f"(første gang i linje {positions[child][0]}); slet den ene.",
                                        label=people(child)))
                parent.skip = True
            else:
                positions[child] = where  # the key's line, which the value keeps
            parent.key = key
            continue
        if is_key:
            refuse(mark, path, "et feltnavn skal være et ord efterfulgt af kolon (navn: værdi), "
                               "ikke en liste eller en gruppe.")
            return None
        if len(stack) >= MAX_DEPTH:
            refuse(mark, path, f"teksten er indrykket i mere end {MAX_DEPTH} niveauer; så dybt går "
                               "ingen felter. Tjek indrykningen.")
            return None
        positions.setdefault(path, where)
        stack.append(_Frame(kind is _MAP, path))
    return root


ALIAS = ("& og * først i en værdi betyder noget særligt i YAML (gentagelser), som ikke bruges her; "
         "skriv værdien ud, eller sæt den i anførselstegn.")


def _tag_name(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _scalar_value(event: yaml.ScalarEvent) -> Any:
    """Plain scalars are resolved (null, true/false, numbers); quoted ones are always text."""
    if not event.implicit[0]:
        return event.value
    value = event.value
    tag = _Loader.resolve(_Loader, yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:int":
        return int(value)  # decimal: a leading zero is not octal (the resolver leaves 0800 as text)
    if tag == "tag:yaml.org,2002:float":
        return float(value)
    if tag == "tag:yaml.org,2002:bool":
        return value.lower() == "true"
    if tag == "tag:yaml.org,2002:null":
        return None
    return value
