"""The leaflets for parents: content/foldere/<id>.md, front matter checked by the model and
the body as untrusted Markdown, in the parts its page and PDF are made of.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import glyphs
from .fieldtypes import text_problem
from .kinds import Entry, LEAFLET_SECTION
from . import languages
from .model import Leaflet, LeafletContact
from .problems import Problem
from .read_data import ORGANISATIONS_FILE
from .site import LeafletFile, Unit
from .textchecks import (PROMISED_LINK, language_script, line_col, missing_images, promised_links,
                         unprintable_in)
from .validation import validate
from .frontmatter import front_matter, read_text
from .yamlsource import Source

HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


@dataclass(frozen=True)
class LeafletPart:
    level: str  # '#' to '######' for a heading, '' for the text between headings
    text: str  # the heading's words, or that text (stripped)
    offset: int  # where `text` starts in the body


def leaflet_parts(body: str) -> list[LeafletPart]:
    """A leaflet's body as its page is made (render/pages.py): its headings, and the text between
    them, which is converted on its own; so the checks look at exactly the texts that are converted."""
    parts: list[LeafletPart] = []
    chunk: list[str] = []
    chunk_at = at = 0

    def flush() -> None:
        raw = "\n".join(chunk)
        if raw.strip():
            parts.append(LeafletPart("", raw.strip(), chunk_at + len(raw) - len(raw.lstrip())))
        chunk.clear()

    for line in body.split("\n"):
        if heading := HEADING.match(line):
            flush()
            parts.append(LeafletPart(heading[1], heading[2], at + heading.start(2)))
        else:
            if not chunk:
                chunk_at = at
            chunk.append(line)
        at += len(line) + 1
    flush()
    return parts


def load_leaflets(root: Path, entries: list[Entry], units: dict[str, Unit], problems: list[Problem],
                  warnings: list[Problem] | None = None) -> list[LeafletFile]:
    """Every leaflet the registry found: front matter checked by the model, its kommune named by
    id in data/organisations.yml, the body as untrusted Markdown; with `warnings`, each sentence
    that promises a link it does not have ("Læs mere her.") is warned about at its line."""
    out: list[LeafletFile] = []
    sources: dict[str, Source] = {}  # each loaded leaflet's front matter, to point at its lines
    for entry in entries:
        rel = entry.rel
        text = read_text(root, rel, problems)
        if text is None:
            continue
        source, body_at, found = front_matter(text, rel)
        problems.extend(found)
        if source is None:
            if not found:
                problems.append(Problem(rel, 1, 0, "", "en folder skal begynde med front matter mellem to linjer '---'"))
            continue
        leaflet, found = validate(Leaflet, source, {("kommune",): lambda value: _kommune_hint(value, units)})
        problems.extend(found)
        if leaflet is not None and units and not _is_kommune(units, leaflet.kommune):
            problems.append(source.problem(("kommune",), _kommune_hint(leaflet.kommune, units)))
            leaflet = None
        if found := _text_problems(root, rel, text, body_at, source, leaflet is not None):
            problems.extend(found)
        elif leaflet is not None:
            if warnings is not None:
                warnings.extend(Problem(rel, *line_col(text, body_at + index), "", PROMISED_LINK, "warning")
                                for index in promised_links(text[body_at:]))
                if mismatch := language_script(text[body_at:], leaflet.language):
                    at = source.position(("language",)) if "language" in (source.data or {}) else \
                        line_col(text, body_at + mismatch[0])
                    warnings.append(Problem(rel, *at, "language" if "language" in source.data else "",
                                            mismatch[1], "warning"))
            sources[entry.id] = source.positions_only()
            out.append(LeafletFile(entry.id, rel, rel.removeprefix("content/"), leaflet, text[body_at:],
                                   units[leaflet.kommune].org.name if units else leaflet.kommune,
                                   line_col(text, body_at)[0]))
    return _translations(out, sources, {e.id for e in entries}, units, problems, warnings)


def _translations(leaflets: list[LeafletFile], sources: dict[str, Source], ids: set[str], units: dict[str, Unit],
                  problems: list[Problem], warnings: list[Problem] | None) -> list[LeafletFile]:
    """The leaflets with their translations checked against their sources, and each one's contact
    as parents get it: a translation's is its source's (unless it names one), and what a contact
    leaves out (phone, e-mail) is the kommune's from data/organisations.yml, where it has them.

    Refused, at the line: a translation of a leaflet that does not exist, of itself, of a
    translation, into its source's language or into a language another translation of the same
    source already has, a translation for another kommune, and a source_updated after the
    source's updated. Warned: a source updated after its translation (the translation may say
    something the source no longer says) and a translation with a contact of its own."""
    by_id = {item.id: item for item in leaflets}
    kept: list[LeafletFile] = []
    languages_of: dict[str, dict[str, str]] = {}  # source id -> language -> the translation's id
    for item in sorted(leaflets, key=lambda i: i.file):
        lf, source = item.leaflet, sources[item.id]
        found: list[Problem] = []
        original = by_id.get(lf.translation_of) if lf.translation_of else None
        if lf.translation_of is None:
            if lf.source_updated is not None:
                found.append(source.problem(("source_updated",), (
                    "source_updated hører til en oversættelse: skriv translation_of: <id på kilden> over den, "
                    "eller slet source_updated")))
            if lf.contact is None:
                found.append(source.problem((), "contact mangler: skriv hvem forældre kan kontakte (contact: med "
                                                 "name: og gerne phone: og email:)"))
        elif lf.source_updated is None:
            found.append(source.problem(("translation_of",), (
                "en oversættelse skal have kildens dato: skriv source_updated: ÅÅÅÅ-MM-DD under translation_of "
                "(kildens 'updated', da den blev oversat), så tjek kan sige, når kilden ændres")))
        elif lf.translation_of == item.id:
            found.append(source.problem(("translation_of",), "en folder kan ikke være en oversættelse af sig selv; "
                                                             "skriv id'et på den danske folder, den er oversat fra"))
        elif original is None:
            if lf.translation_of not in ids:  # a source with mistakes of its own is reported for them
                found.append(source.problem(("translation_of",), (
                    f"der er ingen folder med id'et '{lf.translation_of}'; skriv id'et (filnavnet uden .md) på en "
                    f"folder i content/{LEAFLET_SECTION}/: " + ", ".join(sorted(
                        i for i, other in by_id.items() if i != item.id and not other.leaflet.translation_of)[:10]))))
        elif original.leaflet.translation_of:
            found.append(source.problem(("translation_of",), (
                f"'{original.id}' er selv en oversættelse (af '{original.leaflet.translation_of}'); skriv "
                f"translation_of: {original.leaflet.translation_of}, så alle oversættelser peger på kilden")))
        else:
            source_lang = original.leaflet.language
            other = languages_of.setdefault(original.id, {}).get(languages.primary(lf.language))
            language_at = ("language",) if ("language",) in source.positions else ("translation_of",)
            if languages.primary(lf.language) == languages.primary(source_lang):
                found.append(source.problem(language_at, (
                    f"oversættelsen er på samme sprog som kilden ({lf.language}); skriv oversættelsens sprog, fx "
                    "language: ar")))
            elif other:
                found.append(source.problem(("language",), (
                    f"'{original.id}' har allerede en oversættelse til {languages.danish_name(lf.language)}: "
                    f"{other}; ret den i stedet, eller skriv et andet sprog")))
            if lf.kommune != original.leaflet.kommune:
                found.append(source.problem(("kommune",), (
                    f"en oversættelse hører til kildens kommune; skriv kommune: {original.leaflet.kommune}")))
            if lf.source_updated and lf.source_updated > original.leaflet.updated:
                found.append(source.problem(("source_updated",), (
                    f"kilden '{original.id}' er sidst opdateret {original.leaflet.updated.isoformat()}, så "
                    f"oversættelsen kan ikke være lavet fra en senere udgave; skriv source_updated: "
                    f"{original.leaflet.updated.isoformat()} hvis den er oversat fra den")))
            elif warnings is not None and lf.source_updated and lf.source_updated < original.leaflet.updated:
                warnings.append(source.problem(("source_updated",), stale_message(original.leaflet.updated,
                                                                                  lf.source_updated), "warning"))
            if warnings is not None and lf.contact is not None and original.leaflet.contact is not None \
                    and lf.contact != original.leaflet.contact:
                warnings.append(source.problem(("contact",), (
                    f"en oversættelse bruger kildens kontakt ({original.leaflet.contact.name}); slet contact, så "
                    "forældre møder samme kontakt på alle sprog, eller ret kontakten i kilden"), "warning"))
            if not found:
                languages_of[original.id].setdefault(languages.primary(lf.language), item.id)
        if found:
            problems.extend(found)
            continue
        contact = lf.contact or (original.leaflet.contact if original else None)
        kept.append(replace(item, leaflet=lf.model_copy(update={"contact": _with_kommune(contact, units.get(lf.kommune))})))
    order = {item.id: i for i, item in enumerate(leaflets)}
    return sorted(kept, key=lambda i: order[i.id])


def stale_message(source_updated: date, translated_from: date) -> str:
    return (f"kilden er opdateret {source_updated.isoformat()}, efter oversættelsen blev lavet (source_updated: "
            f"{translated_from.isoformat()}); oversæt ændringerne og skriv source_updated: {source_updated.isoformat()}")


def _with_kommune(contact: LeafletContact | None, unit: Unit | None) -> LeafletContact | None:
    """The contact with the kommune's phone and e-mail where it has none of its own."""
    if contact is None or unit is None:
        return contact
    org = unit.org
    return contact.model_copy(update={"phone": contact.phone or org.phone, "email": contact.email or org.email})


def _kommune_hint(value: object, units: dict[str, Unit]) -> str:
    """What to write in `kommune:`: the id of a kommune in data/organisations.yml (the id when its name was written)."""
    kommuner = {i: u.org.name for i, u in units.items() if u.org.kind == "kommune"}
    written = " ".join(str(value).split())
    by_name = {" ".join(name.split()).casefold(): i for i, name in kommuner.items()}
    if written.casefold() in by_name:
        return f"'{written}' er kommunens navn; skriv id'et i stedet: kommune: {by_name[written.casefold()]}"
    return (f"ukendt kommune '{written[:60]}'; skriv id'et på en kommune i {ORGANISATIONS_FILE}: "
            + ", ".join(kommuner))


def _is_kommune(units: dict[str, Unit], kommune_id: str) -> bool:
    unit = units.get(kommune_id)
    return unit is not None and unit.org.kind == "kommune"


def _text_problems(root: Path, rel: str, text: str, body_at: int, source: Source, valid: bool) -> list[Problem]:
    """What is wrong with a leaflet's body: the text rules, on the whole body and on each part as it is
    converted on its own (a part can start where the whole body had a code block); then, for a valid
    leaflet, characters its PDF cannot print (front matter too) and images that are missing or undescribed."""
    body = text[body_at:]
    parts = [part for part in leaflet_parts(body) if not part.level]
    bad, offset = text_problem(body, multiline=True), 0
    for part in parts if not bad else ():
        if bad := text_problem(part.text, multiline=True):
            offset = part.offset
            break
    if bad:
        return [Problem(rel, *line_col(text, body_at + offset + bad[0]), "", bad[1])]
    if not valid:
        return []

    def in_front_matter(path: tuple, ch: str) -> tuple[int, int]:
        at = text.find(ch, 0, body_at)
        return line_col(text, at) if at >= 0 else source.position(path)

    printed = unprintable_in(in_front_matter, rel, source.data)
    line_at = body_at
    for line in body.split("\n"):  # an entity (&#x4F60;) as the character it becomes
        if (at := glyphs.first_unprintable(html.unescape(line))) is not None:
            ch = html.unescape(line)[at]
            written = text.find(ch, line_at, line_at + len(line))
            printed.append(Problem(rel, *line_col(text, written if written >= 0 else line_at), "", glyphs.message(ch)))
            break
        line_at += len(line) + 1
    if printed:
        return printed
    page_dir = f"{LEAFLET_SECTION}/{Path(rel).stem}/"
    return [problem for part in parts for problem in missing_images(
        root, rel, part.text, page_dir, lambda index, _, at=body_at + part.offset: line_col(text, at + index),
        printed=True)]
