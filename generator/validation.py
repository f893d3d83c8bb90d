"""Check loaded YAML against the model and say, in Danish, what is wrong.

Pydantic finds the mistakes; this module translates each one into a Problem
that points at the line in the file and tells HR what to write instead
(including "did you mean …?" for a misspelt field or value).
"""
from __future__ import annotations

import difflib
import re
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .problems import Problem
from .yamlsource import Source

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], source: Source) -> tuple[M | None, list[Problem]]:
    """The validated object, or None and one Problem per mistake."""
    data = source.data
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        problems: dict[tuple, Problem] = {}
        for e in err.errors(include_url=False):
            path, message = _explain(model, data, e, _data_path(data, e["loc"]))
            problems.setdefault(path, source.problem(path, message))
        # 'deadlin: ukendt felt; mente du 'deadline'?' already says that deadline is missing
        guessed = {(path[:-1], m[1]) for path, p in problems.items()
                   if (m := re.search(r"ukendt felt; mente du '([^']+)'\?", p.message))}
        return None, [p for path, p in problems.items()
                      if not (p.message.startswith("feltet mangler") and (path[:-1], path[-1]) in guessed)]


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
        return path, "skal være true eller false"
    if kind in ("string_type",):
        return path, f"skal være tekst{hint}"
    if kind in ("list_type",):
        return path, f"skal være en liste, én linje pr. punkt der begynder med '- '{hint}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return path, f"skal være en gruppe af felter, indrykket på linjerne under{hint}"
    if kind == "too_short":
        return path, f"skal have mindst {ctx.get('min_length')} punkt(er){hint}"
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
