"""JSON Schemas for the content files, generated from the model.

Editors with a YAML language server (VS Code's YAML extension, GitHub's
Codespaces) read the `# yaml-language-server: $schema=...` line at the top of
a posting and then autocomplete field names and flag mistakes as HR types.
The schemas are committed under schema/ so that line works from a plain
clone; a test fails when they no longer match the model.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from .model import Leaflet, Organisations, Posting, RoleCatalogue

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# file in schema/ -> (model, Danish title and description shown by editors)
SCHEMAS: dict[str, tuple[type[BaseModel], str, str]] = {
    "posting.schema.json": (Posting, "Jobopslag", "Et jobopslag: jobs/<id>.yml. Filnavnet bliver opslagets "
                            "webadresse. Se HR.md for en vejledning."),
    "organisations.schema.json": (Organisations, "Organisationer", "Kommuner, distrikter, dagtilbud og "
                                  "arbejdssteder: data/organisations.yml."),
    "roles.schema.json": (RoleCatalogue, "Stillingsbeskrivelser", "Roller og kompetenceområder: data/roles.yml."),
    "leaflet.schema.json": (Leaflet, "Folder", "Front matter i en folder til forældre: content/foldere/<id>.md."),
}


class _Generator(GenerateJsonSchema):
    """Pydantic's schema, adjusted to what HR writes in YAML."""

    def field_title_should_be_set(self, schema) -> bool:
        return False  # 'Deadline Time' is noise next to the Danish description

    def time_schema(self, schema) -> dict[str, Any]:
        # JSON Schema's "time" format wants seconds and a zone; HR writes "12:00" (or 12.00).
        return {"type": "string", "pattern": r"^([01]?\d|2[0-3])[:.][0-5]\d$", "examples": ["12:00"]}


def schema_for(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    body = model.model_json_schema(schema_generator=_Generator)
    for part in (body, *body.get("$defs", {}).values()):
        part.pop("description", None)  # class docstrings are for developers; fields carry the Danish help
    body.pop("title", None)
    return {"$schema": DIALECT, "title": title, "description": description, **body}


def render_all() -> dict[str, str]:
    """File name in schema/ -> its text, exactly as committed."""
    return {
        name: json.dumps(schema_for(model, title, description), ensure_ascii=False, indent=2) + "\n"
        for name, (model, title, description) in SCHEMAS.items()
    }


def stale(root: Path) -> list[str]:
    """The schema files that are missing or differ from the model."""
    folder = root / SCHEMA_DIR
    return [name for name, text in render_all().items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]


def write_all(root: Path) -> list[str]:
    """Write the schemas that changed; return their names."""
    folder = root / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    changed = stale(root)
    texts = render_all()
    for name in changed:
        (folder / name).write_text(texts[name], encoding="utf-8")
    return changed
