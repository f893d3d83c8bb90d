"""Check loaded YAML against the model and say, in Danish, what is wrong.

Pydantic finds the mistakes; this module translates each one into a Problem
that points at the line in the file and tells HR what to write instead
(including "did you mean …?" for a misspelt field or value).
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_left
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .fieldtypes import FREE_TEXT, INVISIBLE, PASTED, pasted, unpasted
from .problems import FIELD_NAMES, Problem, people
from .yamlsource import Source

M = TypeVar("M", bound=BaseModel)


Hint = typing.Callable[[Any], "str | None"]


def validate(model: type[M], source: Source, hints: dict[tuple, Hint] | None = None) -> tuple[M | None, list[Problem]]:
    """The validated object, or None and one Problem per mistake.

    `hints` may say better what to write in a field that is refused (e.g. the
    workplace's id when its name was written), from what the model cannot know.
    """
    data = source.data
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        problems: dict[tuple, Problem] = {}
        errors = err.errors(include_url=False)
        lost, parents = _lost_indentation(model, source, errors)
        for e in errors:
            path = _data_path(data, e["loc"])
            if path in lost:
                problems.setdefault(path, lost[path])
                continue
            path, message = _explain(model, data, e, path)
            hint = (hints or {}).get(path)
            if hint and (better := hint(_value(data, path))):
                message = better
            problems.setdefault(path, _pasted_in(model, source, path, e) or source.problem(path, message))
        if lost:  # 'contacts: feltet er tomt' is the same mistake as the field that lost its indentation
            problems = {path: p for path, p in problems.items()
                        if not (len(path) == 1 and path[0] in parents and path not in lost)}
        # '“hours”: typografisk anførselstegn …, fx hours:' already says that hours is missing
        retyped = {path[:-1] + (unpasted(path[-1]).strip("\"' "),) for path, p in problems.items()
                   if path and isinstance(path[-1], str) and PASTED.search(path[-1])}
        problems = {path: p for path, p in problems.items()
                    if not (p.message.startswith("feltet mangler") and path in retyped)}
        # 'deadlin: ukendt felt; mente du 'deadline'?' already says that deadline is missing
        guessed = {(path[:-1], m[1]) for path, p in problems.items()
                   if (m := re.search(r"ukendt felt; mente du '([^']+)'\?", p.message))}
        return None, [p for path, p in problems.items()
                      if not (p.message.startswith("feltet mangler") and (path[:-1], path[-1]) in guessed)]


def id_hint(value: Any, choices: dict[str, str], field: str) -> str | None:
    """What to write when an id field holds a name ('Børnehuset Stjernehuset' -> 'skriv workplace: stjernehuset').

    `choices` maps each id to its name; the name is matched without regard to case and spacing.
    """
    if not isinstance(value, str):
        return None
    written = " ".join(unpasted(value).split()).casefold()
    by_name = {" ".join(name.split()).casefold(): i for i, name in choices.items()}
    if written in by_name:
        return f"'{' '.join(value.split())}' er arbejdsstedets navn; skriv id'et i stedet: {field}: {by_name[written]}"
    guess = difflib.get_close_matches(written, list(by_name) + list(choices), n=1, cutoff=0.6)
    if guess:
        found = by_name.get(guess[0], guess[0])
        return f"'{' '.join(value.split())}' er ikke et id; mente du {choices[found]}? Så skriv {field}: {found}"
    return None


def _value(data: Any, path: tuple) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _free_text(model: type[BaseModel], path: tuple) -> bool:
    """True for a field of running text (title, intro …), where a pasted quote or space is harmless."""
    _, field = _walk(model, path)
    return field is not None and any(getattr(m, "func", None) in FREE_TEXT for m in field.metadata)


def _pasted_in(model: type[BaseModel], source: Source, path: tuple, e: dict) -> Problem | None:
    """A refused key or value with a pasted character in it: the character, where it is, what to type.

    An invisible character is always the cause. A curly quote or a non-breaking space is the cause in a
    key or in a field that is not running text (an id, a date, a time, a phone number, a number).
    """
    key = path[-1] if path and e["type"] == "extra_forbidden" else None
    written = key if isinstance(key, str) else _value(source.data, path)
    if not isinstance(written, str) or not (found := PASTED.search(written)):
        return None
    if key is None and not INVISIBLE.fullmatch(found[0]) and _free_text(model, path):
        return None
    text = source.text
    if key is None and path in source.spans:
        start, end = source.spans[path]
        index = m.start() if (m := PASTED.search(text, start, end)) else start
        # the value's line as written down (a leaflet's front matter is shifted by one), and the lines to it
        line = source.position(path)[0] + text.count("\n", start, index)
        col = index - (text.rfind("\n", 0, index) + 1) + 1
    else:
        line, col = source.position(path)
        col += found.start()
    fixed = unpasted(written).strip().strip("\"'").strip()
    field = path[-1] if isinstance(path[-1], str) else None
    if key is not None:
        advice = f"; et feltnavn skrives uden anførselstegn og mellemrum, fx {fixed}:" if fixed else ""
    elif field and fixed and "\n" not in fixed and not _free_text(model, path):
        quoted = re.search(r"[:#]", fixed) or field in QUOTED_FIELDS
        advice = f", fx {field}: " + (f'"{fixed}"' if quoted else fixed)
    else:
        advice = ""
    return Problem(source.file, line, col, _dotted(path), pasted(found[0], col) + advice, label=people(path))


QUOTED_FIELDS = {"time", "deadline_time", "phone", "postal_code"}  # written in quotes in the template and HR.md


def _dotted(path: tuple) -> str:
    from .yamlsource import dotted
    return dotted(path)


def _lost_indentation(model: type[BaseModel], source: Source,
                      errors: list[dict]) -> tuple[dict[tuple, Problem], set[str]]:
    """A field at the left edge that belongs inside the group or list above it (`name:` after `contacts:`).

    The field written nearest above it, at the left edge, is where it belongs, when that field's
    group or list has a field of this name.
    """
    out: dict[tuple, Problem] = {}
    parents: set[str] = set()
    # The model's fields written at the left edge, by line: the one above a key is found by bisection.
    top = sorted((pos, path[0]) for path, pos in source.positions.items()
                 if len(path) == 1 and path[0] in model.model_fields)
    lines = [pos[0] for pos, _ in top]
    for e in errors:
        if e["type"] != "extra_forbidden" or len(e["loc"]) != 1 or not isinstance(e["loc"][0], str):
            continue
        key = e["loc"][0]
        here = source.positions.get((key,))
        if here is None:
            continue
        above = bisect_left(lines, here[0])  # the fields on lines before this one
        if not above:
            continue
        parent = top[above - 1][1]
        inner = _annotation_model(model.model_fields[parent].annotation)
        if inner is None or key not in inner.model_fields:
            continue
        is_list = typing.get_origin(model.model_fields[parent].annotation) is list
        how = (f"ryk den ind under {parent}: som en del af et punkt (fx '  - {key}: …' eller '    {key}: …' "
               "under det punkt, den hører til)" if is_list else f"ryk den to mellemrum ind, så den står som "
               f"'  {key}: …' under {parent}:")
        out[(key,)] = Problem(source.file, here[0], here[1], key,
                              f"linjen står helt ude til venstre, men {key} hører til under {parent} "
                              f"(linje {source.positions[(parent,)][0]}); {how}", label=people((parent, key)))
        parents.add(parent)
    return out, parents


def _data_path(data: Any, loc: tuple) -> tuple:
    """Drop pydantic's union tags (e.g. 'float', "literal['…']") from a location."""
    out: list = []
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str) and part in data:
            data = data[part]
            out.append(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
            out.append(part)
        elif isinstance(data, dict) and isinstance(part, str) and not _is_tag(part):
            out.append(part)  # a missing or unknown field: keep its name
            data = None
    return tuple(out)


def _is_tag(part: str) -> bool:
    return bool(re.search(r"[\[\]'\s]", part)) or part in {"float", "int", "str", "bool", "list", "dict"} \
        or part[:1].isupper()


def _explain(model: type[BaseModel], data: Any, e: dict, path: tuple) -> tuple[tuple, str]:
    kind, ctx = e["type"], e.get("ctx", {})
    info = _field(model, path)
    hint = f" ({info})" if info else ""
    if e.get("input", "") is None and kind != "extra_forbidden" and path and isinstance(path[-1], str):
        return path, f"feltet er tomt; udfyld det{hint}"
    if kind == "jobsite":
        message = e["msg"]
        m = re.match(r"^([a-z_]+): (.*)$", message)
        if m and _field(model, path + (m[1],)) is not None:
            return path + (m[1],), m[2]
        return path, message
    if kind == "missing":
        return path, f"feltet mangler{hint}"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, path[:-1])
        danish = [k for k in allowed if FIELD_NAMES.get(k, "").casefold() == str(path[-1]).casefold()]
        if danish:
            return path, f"ukendt felt; feltnavnene er engelske: skriv {danish[0]} i stedet for {path[-1]}"
        guess = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        if guess:
            return path, f"ukendt felt; mente du '{guess[0]}'?"
        return path, "ukendt felt; tilladte felter her er: " + ", ".join(allowed)
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        given = str(e.get("input"))
        guess = difflib.get_close_matches(given, options, n=1, cutoff=0.5)
        alt = f"; mente du '{guess[0]}'?" if guess else ""
        return path, f"'{given}' er ikke en af de tilladte værdier: " + ", ".join(f"'{o}'" for o in options) + alt
    if kind in ("int_parsing", "int_type", "float_parsing", "float_type", "int_from_float"):
        return path, f"skal være et tal{hint}"
    if kind in ("bool_parsing", "bool_type"):
        return path, f"skriv ja eller nej (eller true eller false), fx {path[-1]}: ja" if path else "skriv ja eller nej"
    if kind in ("string_type",):
        return path, f"skal være tekst{hint}"
    if kind in ("list_type",):
        return path, f"skal være en liste, én linje pr. punkt der begynder med '- '{hint}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return path, f"skal være en gruppe af felter, indrykket på linjerne under{hint}"
    if kind == "too_short":
        least = ctx.get("min_length")
        if path and path[-1] == "age_groups":  # written as the template writes it
            return path, "skriv mindst én aldersgruppe, fx age_groups: [\"3-6\"] eller [\"0-3\", \"3-6\"]"
        return path, f"skriv mindst {'ét punkt' if least == 1 else f'{least} punkter'}{hint}"
    if kind in ("too_long", "string_too_long"):
        return path, f"er for lang; højst {ctx.get('max_length')} tegn{hint}"
    if kind == "greater_than_equal":
        return path, f"skal være mindst {_number(ctx.get('ge'))}"
    if kind == "less_than_equal":
        return path, f"må højst være {_number(ctx.get('le'))}"
    if kind == "finite_number":
        return path, "skal være et almindeligt tal"
    if kind == "string_pattern_mismatch" and path and path[-1] == "postal_code":
        return path, "skriv postnummeret med fire cifre i anførselstegn, fx \"2750\""
    if kind == "string_pattern_mismatch":
        return path, "må kun indeholde små bogstaver a-z, tal og bindestreg (fx 'distrikt-baltorp')"
    return path, f"ugyldig værdi{hint}"


def _number(value: Any) -> str:
    """1.0 -> '1', as HR writes it."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _annotation_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside list[X], X | None and similar, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _annotation_model(arg)
        if found:
            return found
    return None


def _walk(model: type[BaseModel] | None, rel: tuple) -> tuple[type[BaseModel] | None, Any]:
    field = None
    for part in rel:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None, None
        model = _annotation_model(field.annotation)
    return model, field


def _field(model: type[BaseModel], rel: tuple) -> str | None:
    named = tuple(p for p in rel if isinstance(p, str))
    if not named:
        return None
    _, field = _walk(model, rel)
    return (field.description or "").rstrip(".") if field else None


def _allowed_fields(model: type[BaseModel], rel: tuple) -> list[str]:
    inner = _walk(model, rel)[0] if rel else model
    return list(inner.model_fields) if inner else []
