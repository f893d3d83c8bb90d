"""Checks of the texts inside a validated file that need more than the text: the images a
text shows must be files of the site, and a printed text must have a font for every character;
each problem is placed at the line and column in the file where it is written.
"""
from __future__ import annotations

import html
import posixpath
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
