"""Checks of the texts inside a validated file that need more than the text: the images a
text shows must be files of the site, a printed text must have a font for every character, and
a sentence that promises a link ("Læs mere her.") must have one; each problem is placed at the
line and column in the file where it is written.
"""
from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from pydantic import BaseModel

from . import glyphs, media
from .fieldtypes import image_targets, is_local, markdown_texts
from .problems import Problem, people
from .yamlsource import Source, dotted


def missing_images(root: Path, rel: str, text: str, page_dir: str | None,
                   where: Callable[[int, str], tuple[int, int]], field: tuple = (), printed: bool = False,
                   ) -> list[Problem]:
    """An image a Markdown text shows must be a file of the site (content/), written from the page's
    address (`../foto.png` from /foldere/<id>/) or from the site's root (`/assets/billeder/foto.png`).

    `page_dir` None: the text is shown on several pages (an about text, a role's intro), so only
    an address from the site's root finds the picture on all of them. `where(index, address)` is
    the (line, column) in the file of an address found at `index` in the text. `printed`: the
    text is in a PDF too, which (PDF/UA, for screen readers) needs every image described.
    """
    found = []
    for index, target, alt in image_targets(text):
        if not is_local(target):
            continue  # another host: the text's own check says so
        address = urlsplit(target).path
        if printed and not alt.strip():
            message = (f"billedet '{target}' mangler en beskrivelse til skærmlæsere (også PDF-udgaven skal have den); "
                       "skriv hvad billedet viser mellem [ og ], fx ![Børn på legepladsen](/assets/billeder/leg.jpg)")
        elif page_dir is None and not address.startswith("/"):
            message = (f"billedet '{target}' skal skrives med sin adresse fra sitets rod, fx /assets/billeder/leg.jpg: "
                       "teksten vises på flere sider, og fra dem peger en relativ adresse forskellige steder hen")
        else:
            path = posixpath.normpath(address.lstrip("/") if address.startswith("/") else page_dir + address)
            found_file = not path.startswith("../") and (root / "content" / path).is_file() \
                and not (root / "content" / path).is_symlink()
            if found_file and media.is_media(f"content/{path}"):
                continue
            message = (f"billedet '{target}' findes ikke på sitet" if not found_file else
                       f"'{target}' er ikke et billede fra sitets billedmapper")
            message += ("; læg billedet i content/assets/billeder/ (JPEG, PNG eller WebP) og skriv dets adresse, "
                        "fx /assets/billeder/leg.jpg")
        found.append(Problem(rel, *where(index, target), dotted(field), message, label=people(field)))
    return found


def missing_images_in(root: Path, source: Source, model: BaseModel, page_dir: str | None,
                      printed: bool = False) -> list[Problem]:
    """missing_images for every Markdown field of a validated YAML file, at the line where each address is written."""
    return [problem for path, text in markdown_texts(model)
            for problem in missing_images(root, source.file, text, page_dir,
                                          lambda _, target, path=path: written_at(source, path, target), path,
                                          printed)]


def written_at(source: Source, path: tuple, written: str) -> tuple[int, int]:
    """(line, column) in the file where `written` is in the value at `path`; else where the value starts."""
    start, end = source.spans.get(path, (0, 0))
    at = source.text.find(written, start, end)
    return line_col(source.text, at) if at >= 0 else source.position(path)


def line_col(text: str, at: int) -> tuple[int, int]:
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


def unprintable_in(where: Callable[[tuple, str], tuple[int, int]], file: str, value: object,
                   path: tuple = ()) -> list[Problem]:
    """A character no PDF font has (glyphs.py), in each text value of a file that is printed (an
    entity, &#x4F60;, as the character it becomes); `where(path, character)` is its (line, column)."""
    if isinstance(value, dict):
        return [p for key, v in value.items() for p in unprintable_in(where, file, v, (*path, key))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in unprintable_in(where, file, v, (*path, i))]
    if not isinstance(value, str) or (i := glyphs.first_unprintable(text := html.unescape(value))) is None:
        return []
    return [Problem(file, *where(path, text[i]), dotted(path), glyphs.message(text[i]), label=people(path))]


# --- a sentence that promises a link it does not have ---------------------------------------------
# "Læs mere her." copied from a web page, where "her" was the link: on the site the promise is empty.
# A text is cut into sentences (a full stop, ! or ? before a space, a blank line, a list item or a
# heading), its words read in lower case; each pattern is one character wide or bounded, so the
# whole check is linear in the text.

PROMISED_LINK = ("Sætningen lover et link, men der er intet link: skriv adressen som et link, "
                 "[Læs mere om ressourcegrupper](https://…), eller skriv sætningen uden løftet.")
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*[-*+#>][ \t])")
WORD = re.compile(r"[^\W\d_]+")
_LINK_MARKS = ("](", "][", "<http", "http://", "https://", "www.", "@", "mailto:", "tel:")  # a link in the sentence
_POINTING = frozenset({"læs", "læse", "se", "find", "finde", "hent", "hente", "download", "downloade", "tilmeld",
                       "booke", "information", "info", "oplysninger"})  # "... her." with one of these promises a link
_NOT_A_PLACE = frozenset({"dig", "jer", "os", "mig"})  # "vi glæder os til at se dig her": here, at the workplace
_CLICK = frozenset({"klik", "tryk"})
_READ_MORE = frozenset({"læs", "læse", "se"})
_INFORMATION = frozenset({"information", "info", "oplysninger"})


def promised_links(text: str) -> list[int]:
    """Where each sentence of a Markdown text promises a link it does not have: "Læs mere her.",
    "Klik her", "Se politikken her.", "Find mere information her", "Læs mere på hjemmesiden."
    (the index of the word that promises). A sentence with a link, an address or an e-mail keeps
    its promise; one that ends in ':' introduces what follows."""
    lowered = text.lower()
    if "her" not in lowered and "på" not in lowered and "mere" not in lowered:  # no word a promise is made of
        return []
    found, start = [], 0
    for end in [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]:
        sentence, at = text[start:end], start
        start = end
        lowered = sentence.lower()
        if any(mark in lowered for mark in _LINK_MARKS) or sentence.rstrip().endswith(":"):
            continue
        words = [(m.start(), m[0].lower()) for m in WORD.finditer(sentence)]
        if (index := _promise(words, sentence)) is not None:
            found.append(at + index)
    return found


def _promise(words: list[tuple[int, str]], sentence: str) -> int | None:
    """The index in `sentence` of the word that promises a link, or None."""
    names = [w for _, w in words]
    for i, word in enumerate(names):
        following = names[i + 1:i + 3]
        if word in _CLICK and following[:1] == ["her"]:  # "klik her", "tryk her"
            return words[i][0]
        if (word in _READ_MORE and following == ["mere", "på"]) or (word in _INFORMATION and following[:1] == ["på"]):
            return words[i][0]  # "læs mere på", "mere information på": on a page it does not name
    if names == ["læs", "mere"] or names == ["se", "mere"]:
        return words[0][0]
    if len(names) >= 2 and names[-1] == "her" and names[-2] not in _NOT_A_PLACE and _POINTING.intersection(names) \
            and not sentence[words[-1][0] + 3:].strip(" \t\n.!?*_\"'»”)"):
        return words[-1][0]  # "Læs mere om X her.", "Se politikken her."
    return None


def promise_warnings(source: Source, model: BaseModel, path: tuple = ()) -> list[Problem]:
    """A warning at its line for each sentence in a Markdown field of a YAML file (as written in the
    file) that promises a link it does not have (promised_links)."""
    found = []
    for where, text in markdown_texts(model, path):
        start, end = source.spans.get(where, (0, 0))
        raw, base = (source.text[start:end], start) if end > start else (text, None)
        for index in promised_links(raw):
            line, col = line_col(source.text, base + index) if base is not None else source.position(where)
            found.append(Problem(source.file, line, col, dotted(where), PROMISED_LINK, "warning", label=people(where)))
    return found


# --- a leaflet's language and the script its text is written in ----------------------------------

# Languages leaflets for parents are written in, suggested by their script when the text and
# `language` disagree (any other BCP 47 language may be written too).
SUGGESTED_LANGUAGES = ("da", "en", "so", "tr", "pl", "ar", "fa", "ur", "ckb", "ps", "he", "ti", "am", "uk", "ru")
SCRIPT_MINIMUM = 20  # letters: below this a text says too little about its script


def language_script(text: str, tag: str) -> tuple[int, str] | None:
    """Where a text's letters are mostly in another script than its language is written in, and
    what to write instead, in Danish: (index of the first letter of that script, message); None
    when they agree (or the text is too short, or the language's script is not known)."""
    from . import languages
    expected = languages.script(tag)
    counts, first = glyphs.letters_by_script(text)
    total = sum(counts.values())
    if expected is None or total < SCRIPT_MINIMUM or 2 * counts.get(expected, 0) > total:
        return None
    found = max(counts, key=counts.get)
    script_name = _script_name(found)
    fitting = [f"{code} ({languages.danish_name(code)})" for code in SUGGESTED_LANGUAGES
               if languages.script(code) == found]
    instead = ("skriv language: med tekstens sprog" + (", fx " + ", ".join(fitting[:5]) if fitting else "")
               + f" – eller skriv teksten på {languages.danish_name(tag)}")
    return first[found], (f"folderen er på {languages.danish_name(tag)} (language: {tag}), men teksten er mest "
                          f"skrevet med {script_name} skrift; {instead}. Sproget styrer skærmlæsernes udtale, "
                          "tekstens retning og skrifttypen i PDF'en")


def _script_name(code: str) -> str:
    from babel import Locale
    return Locale("da").scripts.get(code, code)
