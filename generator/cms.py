"""The browser editor's configuration (Decap CMS, /admin/), generated from the content model.

The form's fields, required marks, patterns, choices and Danish help texts
come from the same JSON Schema as schema/posting.schema.json (schema.py),
and the workplaces and role descriptions from data/, so the editor offers
what `check` accepts. The configuration is committed as content/admin/config.yml
(the site serves it beside the editor); a test, and the build, say when it is
out of date. Where the editor goes (repository, branch, sign-in service) is
read from cms.yml, which the kommune's IT edits.
"""
from __future__ import annotations

import copy
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import fieldtypes
from .kinds import CMS_SETTINGS, LEAFLET_SECTION, ORGANISATIONS, ROLES, posting_url
from .media import CONTENT_DIR, MEDIA_FOLDERS
from .read_data import load_cms_settings, load_organisations, load_roles
from .model import Leaflet, Posting
from .problems import ContentError, Problem
from .schema import SCHEMAS, schema_for

CONFIG_FILE = "content/admin/config.yml"
# The files the form is made from besides the model (`serve` makes it again when one of them changed).
READS = (CMS_SETTINGS.example, ORGANISATIONS.example, ROLES.example)
SCHEMA_LINE = "yaml-language-server: $schema=../schema/posting.schema.json"
HEADER = ("# Made by `python -m generator cms` from generator/model.py, data/ and cms.yml; do not edit.\n"
          "# Decap CMS: https://decapcms.org/docs/configuration-options/\n")

# What the editor's text fields offer: what content Markdown allows (markup.py), no images or HTML.
MARKDOWN = {"widget": "markdown", "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"],
            "editor_components": [], "modes": ["rich_text", "raw"], "sanitize_preview": True}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
# The form's labels (the model's field names are English; its descriptions become the help texts).
LABELS = {
    "title": "Titel", "workplace": "Arbejdssted", "positions": "Antal stillinger", "hours": "Timer om ugen",
    "employment": "Ansættelse", "employment_end": "Sidste dag (tidsbegrænset)", "start": "Tiltrædelse",
    "start.date": "Første arbejdsdag", "start.asap": "Snarest muligt", "published": "Vises fra",
    "deadline": "Ansøgningsfrist", "deadline_time": "Klokkeslæt for fristen", "interviews": "Samtaler",
    "interviews.label": "Runde", "interviews.date": "Samtaledato", "interviews.time": "Klokkeslæt",
    "role": "Stillingstype", "age_groups": "Aldersgrupper", "summary": "Kort resumé", "intro": "Indledning",
    "sections": "Afsnit", "sections.heading": "Overskrift", "sections.text": "Tekst", "contacts": "Kontaktpersoner",
    "contacts.name": "Navn", "contacts.title": "Stilling", "contacts.phone": "Telefon", "contacts.email": "E-mail",
    "apply": "Sådan søger man", "apply.url": "Ansøgningslink", "apply.text": "Tekst om ansøgningen",
    "terms": "Løn og vilkår", "requirements": "Attester", "role_description": "Stillingsbeskrivelse",
    "links": "Links", "links.text": "Linktekst", "links.url": "Adresse", "withdrawn": "Besat eller annulleret",
    "withdrawn.reason": "Årsag", "withdrawn.date": "Besat eller annulleret den",
    "job_type": "Jobtype (Jobnet)", "working_periods": "Arbejdstidspunkter (dag, aften, nat, weekend)",
    # a leaflet's front matter
    "tagline": "Undertitel", "kommune": "Kommune", "topic": "Emne", "audience": "Målgruppe",
    "updated": "Sidst opdateret", "contact": "Kontakt", "contact.name": "Navn", "contact.phone": "Telefon",
    "contact.email": "E-mail", "contact.website": "Hjemmeside", "language": "Sprog",
    "translation_of": "Oversættelse af (folderens id)", "source_updated": "Kildens dato ved oversættelsen",
}
# One item of a list, for its button ("Tilføj samtale").
SINGULAR = {"interviews": "samtale", "sections": "afsnit", "contacts": "kontaktperson", "links": "link"}
# Pictures uploaded in the editor (its "Medier" button) go to the media folder. Decap draws each JPEG, PNG
# and WebP on a canvas and saves that before it is committed, so the GPS position, camera and time in a
# phone photo's EXIF never reach the repository (the build re-encodes what it publishes anyway:
# media.py). Decap cannot narrow what its media library offers to upload (any file; the `accept` of
# its file input is fixed), nor its size there: check and the build refuse what is not a picture.
# No `width`: Decap would scale every picture to it, small ones up too; the build scales down.
MEDIA_FOLDER = MEDIA_FOLDERS[0]
MEDIA_PROCESSING = {"enabled": True, "strip_metadata": True, "quality": 90}
HOURS_PATTERN = r"^(uden øvre arbejdstid|([1-9]|[1-5]\d|60)([.]\d{1,2})?)$"


def _settings(root: Path) -> dict[str, Any]:
    """The editor's backend from cms.yml, validated like content (read_data.load_cms_settings):
    what it says moves the sign-in and where HR's token writes."""
    problems: list[Problem] = []
    settings = load_cms_settings(root, problems)
    if problems:
        raise ContentError(problems)
    backend = {"name": "github", "repo": settings.repo if settings else "OWNER/REPO",
               "branch": settings.branch if settings else "main"}
    for key in ("base_url", "auth_endpoint"):
        if settings and getattr(settings, key):
            backend[key] = getattr(settings, key)
    backend["squash_merges"] = True
    return backend


def _resolve(prop: dict, defs: dict) -> tuple[dict, bool]:
    """The schema of a property without its `null` alternative, and whether null was allowed."""
    if "$ref" in prop:
        return {**defs[prop["$ref"].split("/")[-1]], **{k: v for k, v in prop.items() if k != "$ref"}}, False
    options = prop.get("anyOf")
    if options:
        rest = [o for o in options if o.get("type") != "null"]
        if len(rest) == 1:
            merged, _ = _resolve(rest[0], defs)
            return {**merged, **{k: v for k, v in prop.items() if k != "anyOf"}}, len(rest) < len(options)
    return prop, False


def _is_markdown(info: FieldInfo) -> bool:
    """Whether a model field's type is fieldtypes.Markdown (in JSON Schema it is a plain string)."""
    marks = fieldtypes.Markdown.__metadata__

    def within(annotation: Any) -> bool:
        return annotation is fieldtypes.Markdown or any(within(arg) for arg in typing.get_args(annotation))

    return any(m in marks for m in info.metadata) or within(info.annotation)


def _submodel(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if found := _submodel(arg):
            return found
    return None


def _field(name: str, prop: dict, required: bool, defs: dict, model: type[BaseModel],
           choices: dict[str, list[dict]], path: str) -> dict[str, Any]:
    info = model.model_fields[name]
    body, _ = _resolve(prop, defs)
    field: dict[str, Any] = {"label": LABELS.get(path, name), "name": name}
    if prop.get("description") or body.get("description"):
        field["hint"] = prop.get("description") or body["description"]
    if not required:
        field["required"] = False
    kind = body.get("type")
    if name in choices:
        field.update(widget="select", options=choices[name])
    elif "enum" in body and set(body["enum"]) >= {True, False}:
        field["widget"] = "boolean"  # no default: a hand-written posting leaves asap out unless it is ja
    elif "enum" in body:
        field.update(widget="select", options=list(body["enum"]))
    elif body.get("format") == "date":
        field.update(copy.deepcopy(DATE))
        # The picker shows the day in the browser's own order (dd.mm.åååå in Danish), not as the file
        # has it: a hint naming ÅÅÅÅ-MM-DD would contradict what HR sees.
        if "hint" in field:
            field["hint"] = field["hint"].replace(", ÅÅÅÅ-MM-DD", "").replace(" ÅÅÅÅ-MM-DD", "").rstrip(" ,")
            field["hint"] = field["hint"].rstrip(".") + ". Vælg dagen i kalenderen."
    elif kind == "integer":
        field.update(widget="number", value_type="int", min=body.get("minimum"), max=body.get("maximum"))
        if "default" in body:
            field["default"] = body["default"]
    elif "anyOf" in body:  # hours: a number or the text for full time without an upper limit
        field.update(widget="string", pattern=[HOURS_PATTERN, "Skriv et antal timer om ugen (1-60, fx 37 eller "
                                               "32.5) eller 'uden øvre arbejdstid'"])
    elif kind == "array" and "enum" in body.get("items", {}):
        field.update(widget="select", multiple=True, options=list(body["items"]["enum"]))
        if body.get("minItems"):
            field["min"] = body["minItems"]
    elif kind == "array":
        item, _ = _resolve(body["items"], defs)
        sub = _submodel(info.annotation)
        field.update(widget="list", collapsed=False, label_singular=SINGULAR.get(path),
                     fields=_fields(item, defs, sub, {}, path))
    elif kind == "object":
        inner = _fields(body, defs, _submodel(info.annotation), {}, path)
        if not required:  # Decap would demand the parts of an optional part (withdrawn); check asks for both
            for part in inner:
                part["required"] = False
        field.update(widget="object", collapsed=False, fields=inner)
    elif _is_markdown(info):
        field.update(copy.deepcopy(MARKDOWN))
    else:
        field["widget"] = "string"  # one line: check refuses line breaks in these
        pattern = body.get("pattern")
        if pattern and name not in choices:
            field["pattern"] = [pattern, f"Skriv fx {body['examples'][0]}" if body.get("examples")
                                else "Tjek stavemåden"]
        if body.get("format") == "email":
            field["pattern"] = [r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Skriv en e-mailadresse, fx navn@kommune.dk"]
        if body.get("format") == "uri":
            field["pattern"] = [r"^https?://\S+$", "Skriv en webadresse, der begynder med https://"]
    if isinstance(body.get("type"), list) and "integer" in body["type"]:  # a phone number: stored as text
        field["widget"] = "string"
    return {k: v for k, v in field.items() if v is not None}


def _fields(schema: dict, defs: dict, model: type[BaseModel], choices: dict[str, list[dict]],
            parent: str = "") -> list[dict]:
    required = set(schema.get("required", []))
    return [_field(name, prop, name in required, defs, model, choices, f"{parent}.{name}" if parent else name)
            for name, prop in schema["properties"].items()]


def _choices(root: Path) -> dict[str, list[dict]]:
    """The workplaces (id, labelled by name up to the kommune) and role descriptions in data/."""
    problems: list[Problem] = []
    units = load_organisations(root, problems)
    roles = load_roles(root, problems)
    if problems:
        raise ContentError(problems)
    workplaces = [{"label": " · ".join(o.name for o in reversed(u.chain)), "value": u.org.id}
                  for u in units.values() if u.org.kind != "kommune"]
    found = {"workplace": workplaces,
             "kommune": [{"label": u.org.name, "value": u.org.id} for u in units.values() if u.org.kind == "kommune"]}
    if roles:
        found["role_description"] = [{"label": r.name, "value": r.id} for r in roles.roles]
    return found


def posting_fields(root: Path) -> list[dict[str, Any]]:
    """The posting form: one field per model field, in the model's (and a hand-written posting's) order."""
    _, title, description = SCHEMAS["posting.schema.json"]
    schema = schema_for(Posting, title, description)
    fields = _fields(schema, schema.get("$defs", {}), Posting, _choices(root))
    fields[0]["comment"] = SCHEMA_LINE  # the first line of the file, for editors with a YAML language server
    return fields


def leaflet_fields(root: Path) -> list[dict[str, Any]]:
    """A leaflet's form: its front matter as the model has it, then its text (headings allowed there)."""
    _, title, description = SCHEMAS["leaflet.schema.json"]
    schema = schema_for(Leaflet, title, description)
    body = {"label": "Tekst", "name": "body", "hint": "Folderens tekst. Overskrifter med # (titel), ## og ###.",
            **copy.deepcopy(MARKDOWN)}
    body["buttons"] = ["bold", "italic", "link", "heading-one", "heading-two", "heading-three",
                       "bulleted-list", "numbered-list"]
    kommuner = {"kommune": _choices(root)["kommune"]}  # by id, labelled by name
    return [*_fields(schema, schema.get("$defs", {}), Leaflet, kommuner), body]


def config(root: Path) -> dict[str, Any]:
    return {
        "backend": _settings(root),
        "publish_mode": "editorial_workflow",
        "local_backend": True,  # `make cms`: decap-server on localhost:8081, no GitHub
        "locale": "da",
        "omit_empty_optional_fields": True,  # an emptied field is left out, not written as ''

        "site_url": "/",
        "media_folder": MEDIA_FOLDER,
        "public_folder": "/" + MEDIA_FOLDER.removeprefix(CONTENT_DIR + "/"),
        "media_processing": MEDIA_PROCESSING,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [{
            "name": "jobs",
            "label": "Jobopslag",
            "label_singular": "jobopslag",
            "description": "Et opslag er én fil i jobs/. Når du gemmer, bliver det et forslag (pull request), "
                           "som tjekkes og vises som forhåndsvisning, før det udgives. Listen viser de ledige, "
                           "kommende og nyligt lukkede opslag: når et lukket opslag ikke længere er på sitet, "
                           "foreslår den daglige oprydning at slette filen.",
            "folder": "jobs",
            "extension": "yml",
            "format": "yml",
            "create": True,
            "delete": False,
            "slug": "{{title}}",
            "identifier_field": "title",
            "summary": "{{title}} (frist {{deadline}})",
            "sortable_fields": ["deadline", "published", "title"],
            "preview_path": posting_url("{{slug}}"),
            # The side preview would show the fields without the site's look or rules; the pull request's
            # preview (make preview) shows the posting as it will be.
            "editor": {"preview": False},
            "fields": posting_fields(root),
        }, {
            "name": "foldere",
            "label": "Foldere til forældre",
            "label_singular": "folder",
            "description": "En folder er én tekstfil i mappen content/foldere/.",
            "folder": f"content/{LEAFLET_SECTION}",
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            "delete": False,
            "slug": "{{title}}",
            "identifier_field": "title",
            "summary": "{{title}} ({{kommune}})",
            "editor": {"preview": False},
            "fields": leaflet_fields(root),
        }],
    }


def render(root: Path) -> str:
    """content/admin/config.yml exactly as committed."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter where installed: the same text, faster
    return HEADER + yaml.dump(config(root), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def stale(root: Path) -> bool:
    path = root / CONFIG_FILE
    return not path.is_file() or path.read_text(encoding="utf-8") != render(root)


def write(root: Path) -> bool:
    """Write the configuration when it changed; return whether it did."""
    if not stale(root):
        return False
    path = root / CONFIG_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(root), encoding="utf-8")
    return True
